/// One line of text, aligned in its area and cut with an ellipsis when too long.
public struct Label: Widget, Sendable {
    public var line: StyledLine
    public var alignment: Alignment
    public var glyphs: GlyphSet

    public init(_ text: String, style: Style = .plain, alignment: Alignment = .left, glyphs: GlyphSet = .unicode) {
        self.init(StyledLine(text, style: style), alignment: alignment, glyphs: glyphs)
    }

    public init(_ line: StyledLine, alignment: Alignment = .left, glyphs: GlyphSet = .unicode) {
        self.line = line
        self.alignment = alignment
        self.glyphs = glyphs
    }

    /// Columns the label needs.
    public var width: Int { line.width }

    /// Draws on the first row of `area`.
    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let fitted = Label.fit(line, width: area.width, ellipsis: glyphs.ellipsis)
        let w = fitted.width
        let x: Int
        switch alignment {
        case .left: x = area.x
        case .center: x = area.x + (area.width - w) / 2
        case .right: x = area.right - w
        }
        buffer.setLine(fitted, x: x, y: area.y, maxWidth: area.right - x)
    }

    /// `line` cut to `width` columns, the ellipsis in the style of the last span kept.
    static func fit(_ line: StyledLine, width: Int, ellipsis: String) -> StyledLine {
        guard line.width > width else { return line }
        let ellipsisWidth = displayWidth(ellipsis)
        guard width > ellipsisWidth else {
            return StyledLine(
                truncate(line.plainText, toWidth: width, ellipsis: ""),
                style: line.spans.first?.style ?? .plain)
        }
        var out = StyledLine()
        var used = 0
        let room = width - ellipsisWidth
        var lastStyle = line.spans.first?.style ?? .plain
        outer: for span in line.spans {
            lastStyle = span.style
            for character in span.text {
                let w = displayWidth(character)
                if used + w > room { break outer }
                out.append(String(character), style: span.style)
                used += w
            }
        }
        out.append(ellipsis, style: lastStyle)
        return out
    }
}
