/// A bordered box with an optional title in its top edge; its content goes in `inner(_:)`.
///
/// Styles: square, rounded, double, heavy (for the focused panel) and ASCII
/// `+-|`; with `GlyphSet.ascii` every style draws in ASCII.
public struct Block: Widget, Sendable {
    public var title: String?
    /// Text in the bottom edge, right-aligned (key hints, a page count).
    public var footer: String?
    public var border: BorderStyle
    public var borderStyle: Style
    public var titleStyle: Style
    public var glyphs: GlyphSet
    /// Blank the inside before drawing (for boxes drawn over something else).
    public var clearsInside: Bool

    public init(
        title: String? = nil, footer: String? = nil, border: BorderStyle = .square,
        borderStyle: Style = .plain, titleStyle: Style? = nil, glyphs: GlyphSet = .unicode,
        clearsInside: Bool = false
    ) {
        self.title = title
        self.footer = footer
        self.border = border
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle ?? borderStyle
        self.glyphs = glyphs
        self.clearsInside = clearsInside
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inner(1) }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard area.width >= 2, area.height >= 2 else { return }
        let g = glyphs.border(border)
        if clearsInside { buffer.fill(area.inner(1), with: Cell(symbol: " ", style: .plain)) }
        // Only the visible part is drawn, so a huge or off-screen area costs nothing.
        let visible = area.intersection(buffer.area)
        guard !visible.isEmpty else { return }
        let top = area.y
        let bottom = area.bottom - 1
        for col in visible.x..<visible.right {
            let isLeft = col == area.x
            let isRight = col == area.right - 1
            let topGlyph = isLeft ? g.topLeft : isRight ? g.topRight : g.horizontal
            let bottomGlyph = isLeft ? g.bottomLeft : isRight ? g.bottomRight : g.horizontal
            buffer.setString(topGlyph, x: col, y: top, style: borderStyle)
            buffer.setString(bottomGlyph, x: col, y: bottom, style: borderStyle)
        }
        for row in stride(from: max(visible.y, top + 1), to: min(visible.bottom, bottom), by: 1) {
            buffer.setString(g.vertical, x: area.x, y: row, style: borderStyle)
            buffer.setString(g.vertical, x: area.right - 1, y: row, style: borderStyle)
        }
        // A title needs at least one border cell on each side and a space around it.
        if let title, !title.isEmpty, area.width >= 5 {
            let text = truncate(title, toWidth: min(area.width - 4, 1000), ellipsis: glyphs.ellipsis)
            buffer.setString(" " + text + " ", x: area.x + 1, y: area.y, style: titleStyle, maxWidth: area.width - 2)
        }
        if let footer, !footer.isEmpty, area.width >= 5 {
            let text = truncate(footer, toWidth: min(area.width - 4, 1000), ellipsis: glyphs.ellipsis)
            let w = displayWidth(text) + 2
            buffer.setString(" " + text + " ", x: area.right - 1 - w, y: area.bottom - 1, style: titleStyle)
        }
    }
}
