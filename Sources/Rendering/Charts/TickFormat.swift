/// Short tick labels: as few digits as tell neighbouring ticks apart, POSIX
/// style (`-` minus, `e` exponents without `+` or leading zeros).
///
/// `0.5`, `1.5`, `1000`, `2e-5`, `1e300`. Fixed notation between 1e-4 and
/// 1e6, scientific outside, so labels stay narrow at any scale.
enum TickFormat {
    /// The label for `value` on an axis whose ticks are `step` apart.
    static func label(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let stepExponent = step > 0 && step.isFinite ? Int(ChartMath.log10(step).rounded(.down)) : 0
        if value == 0 || abs(value) < abs(step) * 1e-9 { return "0" }
        let exponent = Int(ChartMath.log10(abs(value)).rounded(.down))
        if exponent >= 6 || exponent <= -5 || stepExponent <= -5 {
            return scientific(value, exponent: exponent, decimals: max(0, min(exponent - stepExponent, 6)))
        }
        return fixed(value, decimals: max(0, -stepExponent))
    }

    /// `value` with `decimals` digits after the point, trailing zeros kept off.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else {
            return scientific(value, exponent: Int(ChartMath.log10(abs(value)).rounded(.down)), decimals: 3)
        }
        let n = UInt64(scaled)
        let divisor = UInt64(scale)
        var text = String(n / divisor)
        if decimals > 0 {
            var fraction = String(n % divisor)
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return (value < 0 && n != 0 ? "-" : "") + text
    }

    /// `m e k` with `decimals` digits in the mantissa, e.g. `2.5e-7`.
    static func scientific(_ value: Double, exponent: Int, decimals: Int) -> String {
        var e = exponent
        var mantissa = abs(value) / ChartMath.pow10(Double(e))
        // Very small values lose precision in one division; correct the exponent if the mantissa drifted.
        if !mantissa.isFinite { mantissa = 1 }
        var text = fixed(mantissa, decimals: decimals)
        if text.hasPrefix("10") {
            e += 1
            mantissa /= 10
            text = fixed(mantissa, decimals: decimals)
        }
        return (value < 0 ? "-" : "") + text + "e" + String(e)
    }

    /// The label for the decade 10^k on a log axis.
    static func decade(_ k: Int) -> String {
        switch k {
        case 0...3: return "1" + String(repeating: "0", count: k)
        case -3 ... -1: return "0." + String(repeating: "0", count: -k - 1) + "1"
        default: return "1e" + String(k)
        }
    }
}
