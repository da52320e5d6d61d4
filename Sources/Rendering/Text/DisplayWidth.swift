// Rendering measures text with the project's one display width, and hands it
// on: whatever imports Rendering measures the same way.
@_exported import TextWidth

/// What a terminal that draws ambiguous-width characters two columns wide is
/// sent instead of them.
///
/// ncurses places characters by the C library's `wcwidth`, which gives them
/// one column in every UTF-8 locale; such a terminal gives them two, and every
/// row after the first box line would shift. No count of columns can satisfy
/// both, so with `--ambiguous wide` the screen avoids them: each becomes a
/// one-column ASCII stand-in (box lines `- | +`, `·` `.`, `×` `x`, `σ` `s`, …),
/// and Hangul and everything else that is not ambiguous stays as it is.
public enum AmbiguousStandIn {
    /// `symbol` (one cell's grapheme) as a one-column character safe on such a
    /// terminal; `symbol` itself when it is not ambiguous.
    public static func narrow(_ symbol: String) -> String {
        guard let first = symbol.unicodeScalars.first, first.value >= 0xA0, isAmbiguousWidth(first) else {
            return symbol
        }
        return forms[first] ?? "?"
    }

    /// `text` with every ambiguous-width character replaced by its stand-in
    /// (each stand-in is one column, so the text keeps its narrow width).
    public static func narrowText(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0xA0 && isAmbiguousWidth($0) }) else { return text }
        return text.map { narrow(String($0)) }.joined()
    }

    private static let forms: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        func add(_ characters: String, _ form: String) {
            for scalar in characters.unicodeScalars { table[scalar] = form }
        }
        add("─━═┄┅┈┉╌╍╴╶╸╺╼╾", "-")
        add("│┃║┆┇┊┋╎╏╵╷╹╻╽╿", "|")
        add("┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋", "+")
        add("╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬╭╮╯╰", "+")
        add("╱", "/")
        add("╲", "\\")
        add("╳", "X")
        add("█▀▄▌▐░▒▓■□▪▫", "#")
        add("▲△↑⇧", "^")
        add("▼▽↓", "v")
        add("▶▷→⇒", ">")
        add("◀◁←", "<")
        add("↔⇔", "=")
        add("↕", "|")
        add("·•∙◆◇○◎●◦‧", ".")
        add("×", "x")
        add("÷∕", "/")
        add("‐–—―", "-")
        add("‘’′‵", "'")
        add("“”″", "\"")
        add("…‥", ".")
        add("≈∼∽", "~")
        add("≤≦", "<")
        add("≥≧", ">")
        add("≠", "#")
        add("≡", "=")
        add("±", "+")
        add("°", "o")
        add("²", "2")
        add("³", "3")
        add("¹", "1")
        add("⁴", "4")
        add("∂", "d")
        add("∇", "V")
        add("∑", "E")
        add("∏", "P")
        add("√", "v")
        add("∞", "8")
        add("∈∊", "e")
        // Accented Latin letters keep their base letter (é → e).
        add("àáāǎɑ", "a")
        add("æÆ", "a")
        add("èéêēě", "e")
        add("ìíīǐıĳ", "i")
        add("òóōǒøœØ", "o")
        add("ùúüūǔǖǘǚǜ", "u")
        add("ðđÐ", "d")
        add("þÞ", "p")
        add("ß", "s")
        add("ħ", "h")
        add("ĸ", "k")
        add("ŀł", "l")
        add("ńňŋ", "n")
        add("ŧ", "t")
        add("ɡ", "g")
        add("¡", "!")
        add("¿", "?")
        add("§¶", "S")
        add("¤", "*")
        add("¨´¸", "'")
        add("ª", "a")
        add("º", "o")
        add("®", "R")
        add("¼½¾", "/")
        add("ΑαΆά", "a")
        add("Ββ", "b")
        add("Γγ", "g")
        add("Δδ", "d")
        add("Εε", "e")
        add("Ζζ", "z")
        add("Ηη", "h")
        add("Θθ", "0")
        add("Ιι", "i")
        add("Κκ", "k")
        add("Λλ", "l")
        add("Μμ", "u")
        add("Νν", "v")
        add("Ξξ", "x")
        add("Οο", "o")
        add("Ππ", "p")
        add("Ρρ", "r")
        add("Σσς", "s")
        add("Ττ", "t")
        add("Υυ", "y")
        add("Φφ", "f")
        add("Χχ", "x")
        add("Ψψ", "y")
        add("Ωω", "w")
        return table
    }()
}

extension Buffer {
    /// This buffer as a terminal that draws ambiguous-width characters two
    /// columns wide can show it: each such character replaced by its stand-in.
    public func withAmbiguousStandIns() -> Buffer {
        var out = self
        for y in 0..<height {
            for x in 0..<width {
                let symbol = self.symbol(x: x, y: y)
                guard let first = symbol.unicodeScalars.first, first.value >= 0xA0 else { continue }
                let form = AmbiguousStandIn.narrow(symbol)
                if form != symbol { out[x, y] = Cell(symbol: form, style: style(x: x, y: y)) }
            }
        }
        return out
    }
}
