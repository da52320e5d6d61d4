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

extension Buffer {
    /// Writes a styled line from (`x`, `y`), clipped to `maxWidth`; returns columns used.
    @discardableResult
    public mutating func setLine(_ line: StyledLine, x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        var used = 0
        let limit = maxWidth ?? Int.max
        for span in line.spans {
            if used >= limit { break }
            used += setString(span.text, x: x + used, y: y, style: span.style, maxWidth: limit - used)
        }
        return used
    }
}
