/// A run of text in one style.
public struct Span: Equatable, Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Columns the text takes.
    public var width: Int { displayWidth(text) }
}

/// One row of styled text, as wrapping produces it and screens lay it out.
public struct StyledLine: Equatable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }
    public init(_ text: String, style: Style = .plain) { spans = [Span(text, style: style)] }
    public init(stringLiteral value: String) { spans = [Span(value)] }

    /// Columns the whole line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }
    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// Appends `text` in `style`, merging with the last span when the style matches.
    public mutating func append(_ text: String, style: Style) {
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(Span(text, style: style))
        }
    }
}

extension StyledLine {
    /// The line cut to `width` columns with `ellipsis` at the end when it is longer,
    /// cut at a space when one is near, so that no number or word loses its end unmarked.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> StyledLine {
        guard self.width > width else { return self }
        let room = Swift.max(width - displayWidth(ellipsis), 0)
        var characters: [(Character, Style)] = []
        var used = 0
        var fits = 0
        for span in spans {
            for c in span.text {
                let w = displayWidth(c)
                characters.append((c, span.style))
                if used + w <= room { fits = characters.count }
                used += w
            }
        }
        var cut = fits
        // Inside a word or number: back off to the space before it, if that keeps half the room.
        if cut < characters.count, cut > 0, characters[cut].0 != " ", characters[cut - 1].0 != " ",
            let space = characters[..<cut].lastIndex(where: { $0.0 == " " }), space * 2 >= cut
        {
            cut = space + 1
        }
        var out = StyledLine()
        for (c, style) in characters[..<cut] { out.append(String(c), style: style) }
        out.append(ellipsis, style: characters.last?.1 ?? .plain)
        return out
    }
}

extension Buffer {
    /// Writes a styled line from (`x`, `y`), clipped to `maxWidth` (ending in
    /// `ellipsis` when one is given and the line is cut); returns columns used.
    @discardableResult
    public mutating func setLine(_ line: StyledLine, x: Int, y: Int, maxWidth: Int? = nil, ellipsis: String? = nil)
        -> Int
    {
        if let ellipsis, let maxWidth, line.width > maxWidth {
            return setLine(line.truncated(toWidth: maxWidth, ellipsis: ellipsis), x: x, y: y, maxWidth: maxWidth)
        }
        var used = 0
        let limit = maxWidth ?? Int.max
        for span in line.spans {
            if used >= limit { break }
            used += setString(span.text, x: x + used, y: y, style: span.style, maxWidth: limit - used)
        }
        return used
    }
}
