#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers as every screen, chart, export and text output writes them: at
/// most a given count of significant digits, whole numbers without a point,
/// an exponent without `+` or leading zeros (`1e-7`, `7.1e10`), and a real
/// minus sign unless the screen is ASCII.
///
/// One formatter, so a value reads the same in a node, a panel, a chart
/// header, big digits and `backstep export`.
public enum NumberText {
    /// `v` with at most `digits` significant digits (whole numbers below 10⁷ in full).
    public static func format(_ v: Double, digits: Int = 4, ascii: Bool = false) -> String {
        var text: String
        if v.isNaN {
            text = "nan"
        } else if v.isInfinite {
            text = v < 0 ? "-inf" : "inf"
        } else if v == v.rounded(), abs(v) < 1e7 {
            text = String(Int64(v))
        } else {
            text = compactExponent(formatG(v, digits: Swift.max(1, Swift.min(digits, 17))))
        }
        if text == "-0" { text = "0" }
        return signed(text, ascii: ascii)
    }

    /// The most precise form of `v` that fits `width` columns: `digits` significant
    /// digits, then fewer, then scientific with fewer; nil when not even one digit
    /// and its exponent fit. Never a cut number.
    /// - Parameter measure: the columns a text takes (display width unless drawn another way, as big digits are).
    public static func fitting(
        _ v: Double, width: Int, digits: Int = 6, ascii: Bool = false, measure: (String) -> Int = displayWidth
    ) -> String? {
        let most = Swift.max(1, Swift.min(digits, 17))
        for d in stride(from: most, through: 1, by: -1) {
            let text = format(v, digits: d, ascii: ascii)
            if measure(text) <= width { return text }
        }
        guard v.isFinite else { return nil }
        for d in stride(from: most, through: 1, by: -1) {
            let text = signed(compactExponent(formatE(v, decimals: d - 1)), ascii: ascii)
            if measure(text) <= width { return text }
        }
        return nil
    }

    /// `-` as `−` unless ASCII.
    static func signed(_ text: String, ascii: Bool) -> String {
        !ascii && text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// `1e-07` → `1e-7`, `7.1e+10` → `7.1e10`.
    static func compactExponent(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        var exponent = text[text.index(after: e)...]
        var sign = ""
        if exponent.first == "+" {
            exponent = exponent.dropFirst()
        } else if exponent.first == "-" {
            sign = "-"
            exponent = exponent.dropFirst()
        }
        let digits = exponent.drop { $0 == "0" }
        return String(text[..<e]) + "e" + sign + (digits.isEmpty ? "0" : String(digits))
    }

    /// C's `%.<digits>g` (Foundation's `String(format:)` costs ten times more, and screens format thousands).
    private static func formatG(_ v: Double, digits: Int) -> String { printf(v, "%.\(digits)g") }

    /// C's `%.<decimals>e`, trailing zeros of the mantissa dropped.
    private static func formatE(_ v: Double, decimals: Int) -> String {
        let text = printf(v, "%.\(Swift.max(decimals, 0))e")
        guard let e = text.firstIndex(of: "e"), text[..<e].contains(".") else { return text }
        var mantissa = text[..<e]
        while mantissa.hasSuffix("0") { mantissa = mantissa.dropLast() }
        if mantissa.hasSuffix(".") { mantissa = mantissa.dropLast() }
        return String(mantissa) + text[e...]
    }

    private static func printf(_ v: Double, _ format: String) -> String {
        var buffer = [CChar](repeating: 0, count: 48)
        let written = withVaList([v]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 48, format, args) }
        }
        guard written > 0 else { return String(v) }
        return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
