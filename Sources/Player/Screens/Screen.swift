import Lessons
import Rendering

/// Turns a player state into a screen of cells, at any size.
///
/// From 80×24 up, the full layout: the graph, the frame's panel (forward
/// arithmetic, the chain rule, a question) under it and the step's text
/// beside it; a training step shows the loss chart and the fit instead, with
/// the numbers and the text beside them. Below 80×24, one panel at a time
/// (Tab shows the next), with a line naming what is hidden and the size that
/// shows everything; under a graph, a strip with the frame's first lines
/// (the chain rule) stays in view. Any size, even 1×1, draws without trapping.
///
/// Rendering reads the state and never writes it: where the areas go is
/// ``ScreenAreas``, a pure function of the state and the size, which key
/// handling also asks (``graphViewport(_:width:height:glyphs:)``).
public enum Screen {
    /// The smallest size that shows every panel at once.
    public static let fullWidth = 80
    public static let fullHeight = 24

    /// The screen for `state` at `width`×`height`.
    /// - Parameter handout: draw it for paper: the same panels, but no key prompts (`more ↓ j`,
    ///   `v reveals`, the status line's keys and redraw counter), and a blank to write a question's answer on.
    public static func render(
        _ state: PlayerState, width: Int, height: Int, glyphs: GlyphSet = .unicode, handout: Bool = false
    ) -> Buffer {
        var buffer = Buffer(width: Swift.max(width, 0), height: Swift.max(height, 0))
        draw(state, glyphs: glyphs, handout: handout, into: &buffer)
        // A theme with its own background covers the whole screen, a blanked one included.
        buffer.paint(state.theme)
        return buffer
    }

    private static func draw(_ state: PlayerState, glyphs: GlyphSet, handout: Bool, into buffer: inout Buffer) {
        let width = buffer.width
        let height = buffer.height
        guard width > 0, height > 0, state.overlay != .blank, let played = state.playedStep else { return }
        var context = ScreenContext(state: state, glyphs: glyphs)
        context.handout = handout
        let content = StepContent(context, played: played)
        let areas = ScreenAreas(content, width: width, height: height)
        if let title = areas.title { StatusBar.title(context, width: title.width, buffer: &buffer) }
        StatusBar.status(context, row: height - 1, width: width, buffer: &buffer)
        draw(content, areas, &buffer)
        if let message = state.message, let row = areas.message {
            let text =
                " " + truncate(context.text(message), toWidth: Swift.max(width - 2, 0), ellipsis: glyphs.ellipsis) + " "
            buffer.setString(text, x: row.x, y: row.y, style: context.theme.strong.adding(.reverse), maxWidth: width)
        }
        switch state.input {
        case .edit(let session): Overlays.edit(session, context, buffer: &buffer)
        default: break
        }
        if state.overlay == .help { Overlays.help(context, buffer: &buffer) }
        if case .resume(let ref) = state.overlay { Overlays.resume(ref, context, buffer: &buffer) }
        if state.overlay == .closing { ClosingScreen.render(context, buffer: &buffer) }
        if case .nudge(let nudge) = state.overlay { ClosingScreen.nudge(nudge, context, buffer: &buffer) }
    }

    /// The part of the graph the screen for `state` shows at `width`×`height`, and how
    /// far it can pan; nil when the screen shows no graph.
    static func graphViewport(_ state: PlayerState, width: Int, height: Int, glyphs: GlyphSet) -> GraphViewport? {
        graphFraming(state, width: width, height: height, glyphs: glyphs)?.viewport
    }

    /// How far the inspector on the screen for `state` can scroll; nil when it is not shown.
    static func inspectorLimits(_ state: PlayerState, width: Int, height: Int, glyphs: GlyphSet) -> InspectorLimits? {
        guard width > 0, height > 0, let played = state.playedStep, let open = state.inspector else { return nil }
        let content = StepContent(ScreenContext(state: state, glyphs: glyphs), played: played)
        let areas = ScreenAreas(content, width: width, height: height)
        guard let area = areas.inspector, let snapshot = content.snapshot else { return nil }
        return InspectorPanel(context: content.context, snapshot: snapshot, inspector: open).limits(in: area)
    }

    /// The graph as the screen places it (for the viewport and for tests of what is in view).
    static func graphFraming(_ state: PlayerState, width: Int, height: Int, glyphs: GlyphSet) -> GraphFraming? {
        guard width > 0, height > 0, let played = state.playedStep else { return nil }
        let content = StepContent(ScreenContext(state: state, glyphs: glyphs), played: played)
        let areas = ScreenAreas(content, width: width, height: height)
        guard let area = areas.graph, let snapshot = content.snapshot else { return nil }
        return try? GraphPanel(context: content.context, snapshot: snapshot, frame: content.frame).framing(in: area)
    }

    // MARK: - Drawing the areas

    private static func draw(_ c: StepContent, _ areas: ScreenAreas, _ buffer: inout Buffer) {
        let context = c.context
        if let area = areas.graph, let snapshot = c.snapshot {
            GraphPanel(context: context, snapshot: snapshot, frame: c.frame).render(in: area, buffer: &buffer)
        }
        if let frame = c.frame, c.isTraining {
            let panel = TrainingPanel(context: context, frame: frame)
            if let area = areas.stats { trainingStats(panel, in: area, &buffer) }
            if let area = areas.statsLines {
                let lines = panel.statsLines(width: area.width)
                for (i, line) in lines.prefix(area.height).enumerated() {
                    // The last row says when lines are left out.
                    let cut = i == area.height - 1 && lines.count > area.height
                    buffer.setLine(
                        cut ? StyledLine(line.spans + [Span(context.glyphs.ellipsis)]) : line, x: area.x,
                        y: area.y + i, maxWidth: area.width, ellipsis: context.glyphs.ellipsis)
                }
            }
            if let area = areas.charts { panel.renderCharts(in: area, buffer: &buffer, showFit: areas.chartsShowFit) }
        }
        if let area = areas.panel { framePanel(c, in: area, &buffer) }
        if let area = areas.strip { strip(c, in: area, &buffer) }
        if let area = areas.prose { c.prose.render(in: area, buffer: &buffer, border: areas.proseBorder) }
        if let area = areas.inspector, let snapshot = c.snapshot, let open = context.state.inspector,
            open.graph == snapshot.graph
        {
            InspectorPanel(context: context, snapshot: snapshot, inspector: open).render(in: area, buffer: &buffer)
        }
        if let area = areas.hiddenNote, let note = areas.hiddenText {
            buffer.setString(
                truncate(context.text(note), toWidth: area.width, ellipsis: context.glyphs.ellipsis),
                x: area.x, y: area.y, style: context.theme.secondary)
        }
    }

    /// The numbers of a training frame in a box (its height is ``ScreenAreas/statsHeight(_:width:height:)``).
    private static func trainingStats(_ panel: TrainingPanel, in box: Rect, _ buffer: inout Buffer) {
        let context = panel.context
        let lines = panel.statsLines(width: box.width - 4)
        buffer.render(
            Block(
                title: context.text(panel.isDataPlot ? context.words.data : context.words.training), border: .rounded,
                borderStyle: context.theme.border,
                glyphs: context.glyphs),
            in: box)
        let inner = box.inner(1).inner(horizontal: 1, vertical: 0)
        var y = inner.y
        // The loss whole or in a shorter form with its exponent, never cut by the box.
        if let big = panel.bigLoss.flatMap({ BigDigits.fitting($0, width: inner.width) }),
            inner.height > big.size.rows + 1
        {
            buffer.render(
                BigDigits(big.text, size: big.size, style: context.theme.strong, glyphs: context.glyphs),
                in: Rect(x: inner.x, y: y, width: inner.width, height: big.size.rows))
            y += big.size.rows + 1
        }
        for (i, line) in lines.enumerated() where y < inner.bottom {
            // The last row says when lines are left out.
            let cut = y == inner.bottom - 1 && i < lines.count - 1
            buffer.setLine(
                cut ? StyledLine(line.spans + [Span(" " + context.glyphs.ellipsis)]) : line, x: inner.x, y: y,
                maxWidth: inner.width, ellipsis: context.glyphs.ellipsis)
            y += 1
        }
    }

    /// The frame's panel (forward, chain rule, question, check) in a titled box.
    private static func framePanel(_ c: StepContent, in area: Rect, _ buffer: inout Buffer) {
        let context = c.context
        let inner = area.inner(1).inner(horizontal: 1, vertical: 0)
        let (panel, all) = FramePanel.fitting(
            FramePanel(context: context, frame: c.frame, index: context.state.frame, width: area.width - 4),
            rows: inner.height)
        buffer.render(
            Block(
                title: panel.title.map(context.text), border: .rounded, borderStyle: context.theme.border,
                glyphs: context.glyphs), in: area)
        let lines = Array(PredictLines.fitting(all, height: inner.height, context))
        for (i, line) in lines.enumerated() {
            // The last row says when lines are left out below it.
            let cut = i == inner.height - 1 && lines.count < all.count && !context.state.isAsking
            buffer.setLine(
                cut ? StyledLine(line.spans + [Span(" " + context.glyphs.ellipsis)]) : line, x: inner.x,
                y: inner.y + i, maxWidth: inner.width, ellipsis: context.glyphs.ellipsis)
        }
    }

    /// The frame panel's title and first lines under the graph of a small screen, after a rule.
    private static func strip(_ c: StepContent, in area: Rect, _ buffer: inout Buffer) {
        let context = c.context
        let (panel, all) = FramePanel.fitting(
            FramePanel(context: context, frame: c.frame, index: context.state.frame, width: area.width),
            rows: area.height - 1)
        let rule = String(repeating: context.glyphs.horizontal, count: 2)
        var title = StyledLine(rule + " ", style: context.theme.border)
        title.append(context.text(panel.title ?? ""), style: context.theme.secondary)
        title.append(" " + String(repeating: context.glyphs.horizontal, count: area.width), style: context.theme.border)
        buffer.setLine(title, x: area.x, y: area.y, maxWidth: area.width)
        let rows = area.height - 1
        let lines = Array(PredictLines.fitting(all, height: rows, context))
        for (i, line) in lines.enumerated() {
            // The last row says when lines are left out below it.
            let cut = i == rows - 1 && lines.count < all.count && !context.state.isAsking
            buffer.setLine(
                cut ? StyledLine(line.spans + [Span(" " + context.glyphs.ellipsis)]) : line, x: area.x,
                y: area.y + 1 + i, maxWidth: area.width, ellipsis: context.glyphs.ellipsis)
        }
    }
}
