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
    /// Columns code blocks are scrolled sideways: a code line is never wrapped
    /// (that would split a number or a table row); one wider than the area is
    /// clipped, with `›` where more is to the right and `‹` where some is to the left.
    public var codeScroll = 0

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
    public func lines(width: Int) -> [StyledLine] { laidOut(width: width).lines }

    /// The lines at `width` columns and, for each block, the positions of its lines among them.
    public func laidOut(width: Int) -> (lines: [StyledLine], blocks: [Range<Int>]) {
        guard width > 0 else { return ([], []) }
        var out: [StyledLine] = []
        var ranges: [Range<Int>] = []
        var previous: MarkupBlock? = nil
        for block in blocks {
            if let previous, needsGap(after: previous, before: block) { out.append(StyledLine()) }
            let start = out.count
            out += layout(block, width: width)
            ranges.append(start..<out.count)
            previous = block
        }
        return (out, ranges)
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
            return codeLines.map { codeLine($0, width: width) }
        }
    }

    /// The widest line of any code block, in columns (0 without code).
    public var widestCode: Int {
        var widest = 0
        for case .codeBlock(let codeLines) in blocks {
            for line in codeLines { widest = max(widest, columns(line)) }
        }
        return widest
    }

    private func columns(_ line: String) -> Int {
        line.reduce(0) { $0 + ($1 == "\t" ? 1 : displayWidth($1)) }
    }

    /// One code line in `width` columns: whole when it fits, else the columns from
    /// `codeScroll` on, between markers for what is hidden on either side.
    func codeLine(_ line: String, width: Int) -> StyledLine {
        let total = columns(line)
        guard total > width else { return StyledLine(String(line.map { $0 == "\t" ? " " : $0 }), style: theme.code) }
        let (left, right) = glyphs.isASCII ? ("<", ">") : ("‹", "›")
        let shift = min(max(codeScroll, 0), max(total - (width - 1), 0))
        let room = width - (shift > 0 ? 1 : 0)
        let rest = total - shift
        let hiddenRight = rest > room
        let keep = hiddenRight ? room - 1 : room
        var shown = ""
        var used = 0
        var skipped = 0
        for character in line {
            let w = character == "\t" ? 1 : displayWidth(character)
            if skipped < shift {
                skipped += w
                continue
            }
            if used + w > keep { break }
            shown.append(character == "\t" ? " " : character)
            used += w
        }
        var out = StyledLine()
        if shift > 0 { out.append(left, style: theme.secondary) }
        out.append(shown, style: theme.code)
        if hiddenRight {
            out.append(String(repeating: " ", count: max(keep - used, 0)), style: theme.code)
            out.append(right, style: theme.secondary)
        }
        return out
    }

    func spans(_ runs: [MarkupRun], base: Style) -> [Span] {
        runs.map { run in
            switch run.kind {
            case .plain: return Span(run.text, style: base)
            case .strong: return Span(run.text, style: base.patched(with: theme.strong))
            case .code: return Span(run.text, style: theme.code)
            case .emphasis: return Span(run.text, style: base.adding(.underline))
            }
        }
    }
}
