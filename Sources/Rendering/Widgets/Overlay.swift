/// A box centred over whatever is below it (help, a question, a warning).
///
/// It blanks its own rectangle, draws a border with a title and renders
/// `content` inside with one column of padding. The box is as large as
/// asked, but never larger than the area less a one-cell margin.
public struct Overlay<Content: Widget>: Widget {
    public var content: Content
    public var title: String?
    /// Wanted outer size, border included.
    public var width: Int
    public var height: Int
    public var block: Block

    public init(
        content: Content, title: String? = nil, width: Int, height: Int,
        border: BorderStyle = .double, style: Style = .plain, glyphs: GlyphSet = .unicode
    ) {
        self.content = content
        self.title = title
        self.width = width
        self.height = height
        block = Block(title: title, border: border, borderStyle: style, glyphs: glyphs, clearsInside: true)
    }

    /// Where the box goes inside `area`.
    public func box(in area: Rect) -> Rect {
        let room = area.width > 4 && area.height > 4 ? area.inner(1) : area
        return room.centered(width: width, height: height)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let box = box(in: area)
        guard box.width >= 2, box.height >= 2 else { return }
        buffer.clear(box)
        block.render(in: box, buffer: &buffer)
        content.render(in: block.inner(box).inner(horizontal: 1, vertical: 0), buffer: &buffer)
    }
}

extension Overlay where Content == Prose {
    /// A pop-up of prose sized to its text: `maxWidth` columns at most, as
    /// tall as the wrapped text needs (or the area allows).
    public init(
        prose: Prose, title: String? = nil, maxWidth: Int, in area: Rect,
        border: BorderStyle = .double, style: Style = .plain, glyphs: GlyphSet = .unicode
    ) {
        let outerWidth = max(6, min(maxWidth, area.width - 2))
        let textHeight = prose.height(forWidth: outerWidth - 4)
        self.init(
            content: prose, title: title, width: outerWidth, height: textHeight + 2,
            border: border, style: style, glyphs: glyphs)
    }
}
