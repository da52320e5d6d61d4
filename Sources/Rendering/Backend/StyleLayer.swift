extension Buffer {
    /// What ``styleLines()`` writes for each combination of modifiers.
    public static let styleLegend = "B bold, R reverse, # bold+reverse, U underline, D dim, * other, . plain"

    /// The modifiers of every cell as one character a column, rows trimmed of
    /// trailing plain cells: the layer of a screen that carries focus (bold
    /// forward, reverse backward), readable in a golden file's diff. Colours
    /// are left out: themes change them, the modifiers carry the meaning.
    public func styleLines() -> [String] {
        (0..<height).map { y in
            var row = (0..<width).map { x in Buffer.styleMark(style(x: x, y: y).modifiers) }
            while row.last == "." { row.removeLast() }
            return String(row)
        }
    }

    private static func styleMark(_ modifiers: Modifiers) -> Character {
        switch modifiers {
        case []: return "."
        case .bold: return "B"
        case .reverse: return "R"
        case [.bold, .reverse]: return "#"
        case .underline: return "U"
        case .dim: return "D"
        default: return "*"
        }
    }
}
