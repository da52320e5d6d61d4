/// Lesson text laid out to a width: headings, paragraphs, bullet lists with
/// hanging indents, `code` and **bold** spans, code blocks.
///
/// Screens ask `height(forWidth:)` to lay themselves out, then render; the
/// same width always gives the same lines. `scroll` skips lines from the top.
public struct Prose: Widget, Sendable {
    public var blocks: [MarkupBlock]
    public var theme: Theme
    public var glyphs: GlyphSet
    /// Lines skipped from the top (for scrolling long text).
    public var scroll: Int

    /// Prose from lesson markup (see `Markup`).
    public init(_ markup: String, theme: Theme = .default, glyphs: GlyphSet = .unicode, scroll: Int = 0) {
        self.init(blocks: Markup.parse(markup), theme: theme, glyphs: glyphs, scroll: scroll)
    }

    public init(blocks: [MarkupBlock], theme: Theme = .default, glyphs: GlyphSet = .unicode, scroll: Int = 0) {
        self.blocks = blocks
        self.theme = theme
        self.glyphs = glyphs
        self.scroll = scroll
    }

    /// Rows needed to show everything at `width` columns.
    public func height(forWidth width: Int) -> Int { lines(width: width).count }

    /// The wrapped, styled lines at `width` columns (blank lines between blocks).
    public func lines(width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var out: [StyledLine] = []
        var previous: MarkupBlock? = nil
        for block in blocks {
            if let previous, needsGap(after: previous, before: block) { out.append(StyledLine()) }
            out += layout(block, width: width)
            previous = block
        }
        return out
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let all = lines(width: area.width)
        let start = min(max(0, scroll), all.count)
        for (row, line) in all[start...].prefix(area.height).enumerated() {
            buffer.setLine(line, x: area.x, y: area.y + row, maxWidth: area.width)
        }
    }

    /// Items of one list sit together; a heading sits on its text.
    func needsGap(after previous: MarkupBlock, before block: MarkupBlock) -> Bool {
        switch (previous, block) {
        case (.heading, _): return false
        case (.listItem, .listItem): return false
        default: return true
        }
    }

    func layout(_ block: MarkupBlock, width: Int) -> [StyledLine] {
        switch block {
        case .heading(_, let runs):
            return Wrap.lines(spans(runs, base: theme.heading), width: width)
        case .paragraph(let runs):
            return Wrap.lines(spans(runs, base: theme.text), width: width)
        case .listItem(let marker, let depth, let runs):
            let depthIndent = min(depth * 2, max(0, width / 2))
            let bullet = marker == "-" ? glyphs.bullet : marker
            let prefix = String(repeating: " ", count: depthIndent) + bullet + " "
            return Wrap.lines(
                spans(runs, base: theme.text), width: width,
                firstPrefix: Span(prefix, style: theme.text), indent: displayWidth(prefix))
        case .codeBlock(let codeLines):
            var out: [StyledLine] = []
            for line in codeLines {
                // Code keeps its spaces; only a line wider than the area is cut into pieces.
                var piece = ""
                var used = 0
                for character in line {
                    let w = character == "\t" ? 1 : displayWidth(character)
                    if used + w > width, !piece.isEmpty {
                        out.append(StyledLine(piece, style: theme.code))
                        piece = ""
                        used = 0
                    }
                    piece.append(character == "\t" ? " " : character)
                    used += w
                }
                out.append(StyledLine(piece, style: theme.code))
            }
            return out
        }
    }

    func spans(_ runs: [MarkupRun], base: Style) -> [Span] {
        runs.map { run in
            switch run.kind {
            case .plain: return Span(run.text, style: base)
            case .strong: return Span(run.text, style: base.patched(with: theme.strong))
            case .code: return Span(run.text, style: theme.code)
            }
        }
    }
}
