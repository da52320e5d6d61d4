import Autodiff
import Lessons
import Rendering

/// What every panel of one screen needs: the state, the glyphs, and text
/// helpers that keep an ASCII screen ASCII.
struct ScreenContext {
    let state: PlayerState
    let glyphs: GlyphSet
    /// A screen for paper (`backstep handout`): what the player shows, without the keys that drive it.
    var handout = false

    var theme: Theme { state.theme }
    var ascii: Bool { glyphs.isASCII }
    var trace: LessonTrace { state.trace }

    /// `s` as this screen may show it: maths signs spelt out in ASCII mode.
    func text(_ s: String) -> String { ascii ? ValueText.ascii(s) : s }

    /// A number for a panel (six significant digits, like the lesson texts' precision and more).
    func number(_ v: Double) -> String { TensorText.number(v, digits: 6, ascii: ascii) }

    /// A number as a factor in a product: negative ones in parentheses, `1 × (−4)`.
    func factor(_ v: Double) -> String {
        let s = number(v)
        return v < 0 ? "(" + s + ")" : s
    }

    /// A tensor on one line of a panel.
    func inline(_ t: Tensor?, limit: Int = 4) -> String { TensorText.inline(t, limit: limit, digits: 4, ascii: ascii) }

    /// A tensor on one line in at most `width` columns: fewer elements per axis,
    /// then fewer digits, before the line would have to be cut.
    /// - Parameter shape: write a cut tensor's shape in front (false where the line says it already).
    func inline(_ t: Tensor?, fitting width: Int, limit: Int = 4, shape: Bool = true) -> String {
        var smallest = TensorText.inline(t, limit: limit, digits: 4, ascii: ascii, shape: shape)
        for digits in [4, 3] {
            for l in stride(from: limit, through: 1, by: -1) {
                let text = TensorText.inline(t, limit: l, digits: digits, ascii: ascii, shape: shape)
                if displayWidth(text) <= width { return text }
                if displayWidth(text) < displayWidth(smallest) { smallest = text }
            }
        }
        return smallest
    }

    /// A value as a result or a first factor: scalars as numbers, tensors on one line.
    func value(_ t: Tensor?) -> String {
        TensorText.value(t, ascii: ascii)
    }

    /// A tensor's first elements without its shape (scalars as numbers, negative ones in parentheses when `factor`).
    func elements(_ t: Tensor?, factor: Bool = false) -> String {
        guard let t else { return "?" }
        if t.rank == 0, let v = t.scalar { return factor ? self.factor(v) : number(v) }
        return TensorText.inline(t, limit: 4, digits: 4, ascii: ascii, shape: false)
    }

    /// A value as a later factor: scalars as numbers (negative ones in parentheses), tensors on one line.
    func factor(_ t: Tensor?) -> String {
        guard let t else { return "?" }
        if t.count == 1, t.rank == 0, let v = t.scalar { return factor(v) }
        return inline(t)
    }

    var times: String { ascii ? "x" : "×" }
    var dot: String { ascii ? "*" : "·" }
    var arrow: String { ascii ? "->" : "→" }
    var partial: String { ascii ? "d" : "∂" }

    /// `∂f/∂x` (or `df/dx`), with a name that has spaces in parentheses.
    func derivative(_ of: String, _ by: String) -> String {
        // A name that is an expression (`x**2`, `−gy`, `w × x`) is bracketed: `∂y/∂(x**2)`.
        func wrap(_ s: String) -> String {
            s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } ? s : "(" + s + ")"
        }
        return partial + wrap(text(of)) + "/" + partial + wrap(text(by))
    }

    func line(_ text: String, _ style: Style) -> StyledLine { StyledLine(self.text(text), style: style) }
}
