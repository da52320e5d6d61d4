/// The bottom bar: what is shown on the left, keys on the right, filled edge to edge.
///
/// When the row is too narrow the right side is cut first (it repeats what
/// the help screen says), then the left.
public struct StatusLine: Widget, Sendable {
    public var left: StyledLine
    public var right: StyledLine
    public var style: Style
    public var glyphs: GlyphSet

    public init(
        left: String, right: String = "", style: Style = Style(modifiers: .reverse), glyphs: GlyphSet = .unicode
    ) {
        self.init(
            left: StyledLine(left, style: style), right: StyledLine(right, style: style), style: style, glyphs: glyphs)
    }

    public init(left: StyledLine, right: StyledLine, style: Style, glyphs: GlyphSet = .unicode) {
        self.left = left
        self.right = right
        self.style = style
        self.glyphs = glyphs
    }

    /// Draws on the first row of `area`.
    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, with: Cell(symbol: " ", style: style))
        // One space of padding at each end, two between the sides.
        let inner = max(0, row.width - 2)
        let leftLine = Label.fit(left, width: inner, ellipsis: glyphs.ellipsis)
        buffer.setLine(leftLine, x: row.x + 1, y: row.y, maxWidth: inner)
        let roomRight = inner - leftLine.width - 2
        guard right.width > 0, roomRight >= min(right.width, 4) else { return }
        let rightLine = Label.fit(right, width: roomRight, ellipsis: glyphs.ellipsis)
        buffer.setLine(rightLine, x: row.right - 1 - rightLine.width, y: row.y, maxWidth: rightLine.width)
    }
}
