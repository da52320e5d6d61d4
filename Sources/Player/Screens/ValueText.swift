import Autodiff
import Foundation

/// Numbers as the screens write them: short, with a real minus sign in Unicode.
public enum ValueText {
    public static func number(_ v: Double, ascii: Bool) -> String {
        var text: String
        if v.isNaN {
            text = "nan"
        } else if v.isInfinite {
            text = v < 0 ? "-inf" : "inf"
        } else if v == v.rounded(), abs(v) < 1e9 {
            text = String(Int64(v))
        } else {
            text = String(format: "%.6g", v)
        }
        if !ascii, text.hasPrefix("-") { text = "−" + text.dropFirst() }
        return text
    }

    /// A scalar as a number; a tensor as its shape and its first values.
    public static func tensor(_ t: Tensor?, ascii: Bool, limit: Int = 3) -> String {
        guard let t else { return "?" }
        if t.count == 1, let v = t.scalar {
            return t.rank == 0 ? number(v, ascii: ascii) : "[" + number(v, ascii: ascii) + "]"
        }
        let shown = t.scalars.prefix(limit).map { number($0, ascii: ascii) }.joined(separator: " ")
        return formatShape(t.shape) + " [" + shown + (t.count > limit ? (ascii ? " ..." : " …") : "") + "]"
    }
}

extension ValueText {
    private static let asciiForms: [Character: String] = [
        "−": "-", "×": "x", "·": ".", "∂": "d", "σ": "sigma", "²": "^2", "³": "^3", "⁴": "^4", "ᵀ": "^T",
        "→": "->", "←": "<-", "▶": ">", "◀": "<", "…": "...", "≠": "!=", "≤": "<=", "≥": ">=", "ε": "eps",
        "π": "pi", "⁻": "^-", "ᵃ": "a", "√": "sqrt", "Σ": "sum", "≈": "~", "—": "--", "–": "-", "’": "'",
        "‘": "'", "“": "\"", "”": "\"", "•": "-", "η": "eta", "Δ": "delta", "∇": "grad", "÷": "/", "▏": "_", "⋮": ":",
    ]

    /// `text` for a screen that may show only ASCII: maths signs spelt out, anything else as `?`.
    public static func ascii(_ text: String) -> String {
        var out = ""
        for c in text {
            if c.isASCII { out.append(c) } else { out += asciiForms[c] ?? "?" }
        }
        return out
    }
}
