// Printing as NumPy prints arrays, so the screens match DeZero's output.

extension Tensor: CustomStringConvertible {
    /// NumPy-style text, e.g. `[[1. 2.]\n [3. 4.]]`, numbers in shortest round-trip form.
    public var description: String { formatted(indent: 0) }

    /// The same text with continuation lines indented by `indent` extra columns,
    /// as `variable(...)` needs.
    public func formatted(indent: Int) -> String {
        if rank == 0, let v = scalar { return Tensor.format(v) }
        // Align the decimal points, as NumPy does: `[1.  2.5]`.
        let parts = scalars.map { v -> (whole: Substring, fraction: Substring) in
            let text = Tensor.format(v)
            guard let dot = text.firstIndex(of: ".") else { return (Substring(text), "") }
            return (text[..<dot], text[dot...])
        }
        let wholeWidth = parts.map(\.whole.count).max() ?? 0
        let fractionWidth = parts.map(\.fraction.count).max() ?? 0
        let padded = parts.map { part in
            String(repeating: " ", count: wholeWidth - part.whole.count) + part.whole + part.fraction
                + String(repeating: " ", count: fractionWidth - part.fraction.count)
        }
        var out = ""
        write(dim: 0, offset: 0, padded: padded, indent: indent, into: &out)
        return out
    }

    private func write(dim: Int, offset: Int, padded: [String], indent: Int, into out: inout String) {
        out += "["
        let n = shape[dim]
        let block = shape[(dim + 1)...].reduce(1, *)
        for i in 0..<n {
            if dim == rank - 1 {
                if i > 0 { out += " " }
                out += padded[offset + i]
            } else {
                if i > 0 {
                    out += String(repeating: "\n", count: rank - dim - 1)
                    out += String(repeating: " ", count: indent + dim + 1)
                }
                write(dim: dim + 1, offset: offset + i * block, padded: padded, indent: indent, into: &out)
            }
        }
        out += "]"
    }

    /// One number as NumPy prints it in an array: `2.` for whole numbers, else shortest round-trip.
    public static func format(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v == v.rounded() && abs(v) < 1e16 { return String(Int64(v)) + "." }
        return "\(v)"
    }

    /// One number in shortest round-trip form, the way JSON output writes it (`1.0`, `0.1`, `1e-05`).
    public static func shortest(_ v: Double) -> String { "\(v)" }
}
