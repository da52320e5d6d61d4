import Lessons
import Rendering

/// The step's text as wrapped prose: paragraphs, lists, code, **bold**.
struct ProsePanel {
    let context: ScreenContext
    let step: Step

    var isEmpty: Bool { step.prose.isEmpty }

    /// The blocks on screen: those tied to a frame (`{frame=N}`) wait for it.
    var prose: Prose {
        let shown = step.prose.indices.filter { context.state.showsProse($0) }.map { step.prose[$0] }
        var prose = Prose(blocks: shown.map(markup), theme: context.theme, glyphs: context.glyphs)
        prose.codeScroll = context.state.codeScroll
        return prose
    }

    /// Columns the step's widest code line takes (the screen gives the text that much room when it can).
    var widestCode: Int { prose.widestCode }

    private func markup(_ block: ProseBlock) -> MarkupBlock {
        switch block {
        case .paragraph(let runs): return .paragraph(runs.map(run))
        case .listItem(let marker, let depth, let runs):
            return .listItem(marker: marker, depth: depth, runs: runs.map(run))
        case .code(let lines): return .codeBlock(lines.map(context.text))
        case .heading(let level, let runs): return .heading(level: level, runs: runs.map(run))
        }
    }

    private func run(_ inline: Inline) -> MarkupRun {
        switch inline {
        case .text(let s): return MarkupRun(context.text(s))
        case .emphasis(let s): return MarkupRun(context.text(s), kind: .emphasis)
        case .code(let s): return MarkupRun(context.text(s), kind: .code)
        case .strong(let s): return MarkupRun(context.text(s), kind: .strong)
        }
    }

    /// How the text fits `area`: the rows inside it, the lines it scrolls past and the most
    /// it can scroll. The lines scrolled are the state's `proseScroll`, except while the
    /// text a frame has just revealed (`{frame=N}`) is followed: then as few as show that
    /// text whole, from the start of a block (from its own first line when it is taller
    /// than the area). The clicker's PageDown and `j` `k` scroll on from what this shows.
    func fitting(in area: Rect, border: Bool) -> (inner: Rect, scroll: Int, overflow: Int) {
        let inner = border ? area.inner(1).inner(horizontal: 1, vertical: 0) : area
        let laidOut = prose.laidOut(width: Swift.max(inner.width, 1))
        let overflow = Swift.max(laidOut.lines.count - inner.height, 0)
        var scroll = Swift.min(context.state.proseScroll, overflow)
        if overflow > 0, let anchor = context.state.followedProse {
            // The anchor's position among the blocks shown, and every block revealed with it.
            let shown = step.prose.indices.filter { context.state.showsProse($0) }
            let tied = step.proseFrames[anchor]
            let ranges = laidOut.blocks
            let lines = shown.indices.filter { step.proseFrames[shown[$0]] == tied }.map { ranges[$0] }
            if let first = lines.first, let last = lines.last {
                // From the start of a block, so no paragraph shows only its tail.
                let need = Swift.max(last.upperBound - inner.height, 0)
                // (Starting at a block may leave rows free under the end of the text: past `overflow`.)
                scroll = Swift.min(first.lowerBound, ranges.first { $0.lowerBound >= need }?.lowerBound ?? need)
            }
        }
        return (inner, Swift.max(scroll, 0), overflow)
    }

    /// Blocks of the step's text on screen now (a block tied to a later frame waits for it).
    var shownBlocks: Int { step.prose.indices.filter { context.state.showsProse($0) }.count }

    /// The prose in a rounded box, scrolled by the state's `proseScroll`; the
    /// border says when there is more above or below.
    func render(in area: Rect, buffer: inout Buffer, border: Bool = true) {
        guard !area.isEmpty else { return }
        var prose = self.prose
        let fit = fitting(in: area, border: border)
        let inner = fit.inner
        let overflow = fit.overflow
        prose.scroll = fit.scroll
        if border, context.handout {
            // Paper cannot scroll: the handout prints the text in full beside the screens.
            buffer.render(Block(border: .rounded, borderStyle: context.theme.border, glyphs: context.glyphs), in: area)
        } else if border {
            let arrows = context.ascii ? ("^ k", "v j") : ("↑ k", "↓ j")
            var more = prose.scroll < overflow ? context.words.moreText + arrows.1 : nil
            // A clipped code line says which keys scroll it sideways.
            if prose.widestCode > inner.width {
                more = (more.map { $0 + " " + context.glyphs.middleDot + " " } ?? "") + context.words.codeKeys
            }
            let above = prose.scroll > 0 ? context.words.moreText + arrows.0 : nil
            buffer.render(
                Block(
                    title: above, footer: more, border: .rounded,
                    borderStyle: context.theme.border, glyphs: context.glyphs), in: area)
        }
        guard !inner.isEmpty else { return }
        buffer.render(prose, in: inner)
    }
}
