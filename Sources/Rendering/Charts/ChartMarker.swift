/// How a chart turns its dots into glyphs.
public enum ChartMarker: String, Equatable, Sendable, CaseIterable {
    /// 2×4 dots per cell (`⠁`…`⣿`): the finest, but faint when projected.
    case braille
    /// 1×2 dots per cell (`▀ ▄ █`): bold enough for a projector.
    case halfBlock
    /// One ASCII glyph per cell (`*`, `- | / \`).
    case ascii

    /// Dots per cell across and down.
    var dotsPerCell: (x: Int, y: Int) {
        switch self {
        case .braille: return (2, 4)
        case .halfBlock: return (1, 2)
        case .ascii: return (1, 1)
        }
    }
}
