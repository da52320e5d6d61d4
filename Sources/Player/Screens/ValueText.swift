/// Text as a screen may show it: maths signs spelt out on an ASCII screen.
/// (Numbers and tensors are ``NumberText``'s and ``TensorText``'s.)
public enum ValueText {}

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
