import Lessons
import Rendering

/// Turns a player state into a screen of cells, at any size.
///
/// From 80×24 up, the full layout: the graph, the frame's panel (forward
/// arithmetic, the chain rule, a question) under it and the step's text
/// beside it; a training step shows the loss chart and the fit instead, with
/// the numbers and the text beside them. Below 80×24, one panel at a time
/// (Tab shows the next), with a line naming what is hidden and the size that
/// shows everything. Any size, even 1×1, draws without trapping.
public enum Screen {
    /// The smallest size that shows every panel at once.
    public static let fullWidth = 80
    public static let fullHeight = 24

    /// The screen for `state` at `width`×`height`.
    public static func render(_ state: PlayerState, width: Int, height: Int, glyphs: GlyphSet = .unicode) -> Buffer {
        var buffer = Buffer(width: Swift.max(width, 0), height: Swift.max(height, 0))
        guard width > 0, height > 0, let played = state.playedStep else { return buffer }
        let context = ScreenContext(state: state, glyphs: glyphs)
        state.layouts.graphViewport = nil
        let top = height >= 3 ? 1 : 0
        if top == 1 { StatusBar.title(context, width: width, buffer: &buffer) }
        StatusBar.status(context, row: height - 1, width: width, buffer: &buffer)
        let body = Rect(x: 0, y: top, width: width, height: Swift.max(height - 1 - top, 0))
        let content = StepContent(context, played: played)
        if width >= fullWidth && height >= fullHeight {
            full(content, body, &buffer)
        } else {
            compact(content, body, &buffer)
        }
        if let message = state.message, height >= 3 {
            let text =
                " " + truncate(context.text(message), toWidth: Swift.max(width - 2, 0), ellipsis: glyphs.ellipsis) + " "
            buffer.setString(text, x: 0, y: height - 2, style: context.theme.strong.adding(.reverse), maxWidth: width)
        }
        switch state.input {
        case .edit(let session): Overlays.edit(session, context, buffer: &buffer)
        default: break
        }
        if state.overlay == .help { Overlays.help(context, buffer: &buffer) }
        if case .resume(let ref) = state.overlay { Overlays.resume(ref, context, buffer: &buffer) }
        return buffer
    }

    // MARK: - Full layout

    private static func full(_ c: StepContent, _ body: Rect, _ buffer: inout Buffer) {
        let context = c.context
        let side = body.width >= 120 ? Swift.min(body.width * 2 / 5, 72) : body.width / 3
        if let frame = c.frame, c.isTraining {
            // The numbers column needs room for `iteration 100/100  loss 0.0823` and the params.
            let side = Swift.max(side, Swift.min(body.width >= 100 ? 40 : 34, body.width / 2))
            let parts = Layout.horizontal([("main", .fill(weight: 1)), ("side", .fixed(side))]).split(body)
            let panel = TrainingPanel(context: context, frame: frame)
            var main = parts["main"]
            if main.height >= 38, let snapshot = c.snapshot {
                let graphHeight = main.height / 3
                GraphPanel(context: context, snapshot: snapshot, frame: frame)
                    .render(in: Rect(x: main.x, y: main.y, width: main.width, height: graphHeight), buffer: &buffer)
                main = Rect(x: main.x, y: main.y + graphHeight, width: main.width, height: main.height - graphHeight)
            }
            panel.renderCharts(in: main.inner(horizontal: 1, vertical: 0), buffer: &buffer)
            let statsHeight = trainingStats(panel, in: parts["side"], &buffer)
            let proseArea = Rect(
                x: parts["side"].x, y: parts["side"].y + statsHeight, width: side,
                height: parts["side"].height - statsHeight)
            if !c.prose.isEmpty { c.prose.render(in: proseArea, buffer: &buffer) }
        } else if let snapshot = c.snapshot {
            // The text gives up columns (down to a readable width) when the graph needs them.
            var proseWidth = c.prose.isEmpty ? 0 : side
            // Only a screen that shares its width with text needs the graph's least width.
            let natural = proseWidth > 0 ? GraphPanel.naturalSize(context, graph: snapshot.graph) : nil
            if proseWidth > 0, let natural {
                let least = body.width >= 120 ? 36 : 24
                proseWidth = Swift.max(least, Swift.min(side, body.width - natural.width - 2))
            }
            let parts = Layout.horizontal([("main", .fill(weight: 1)), ("side", .fixed(proseWidth))]).split(body)
            let main = parts["main"]
            let wanted = c.panelRows(width: main.width - 4)
            // The graph keeps the rows it needs, up to three fifths; the panel gets the rest, at least 3.
            let graphNeed = Swift.min(natural?.height ?? main.height, main.height * 3 / 5)
            let panelHeight = wanted == 0 ? 0 : Swift.min(wanted + 2, Swift.max(main.height - graphNeed, 3))
            let graphArea = Rect(x: main.x, y: main.y, width: main.width, height: main.height - panelHeight)
            GraphPanel(context: context, snapshot: snapshot, frame: c.frame).render(in: graphArea, buffer: &buffer)
            if panelHeight > 0 {
                framePanel(c, in: Rect(x: main.x, y: graphArea.bottom, width: main.width, height: panelHeight), &buffer)
            }
            if !c.prose.isEmpty { c.prose.render(in: parts["side"], buffer: &buffer) }
        } else {
            let wanted = c.panelRows(width: Swift.min(body.width, 100) - 4)
            let panelHeight = wanted == 0 ? 0 : Swift.min(wanted + 2, body.height / 2)
            let column = Swift.min(body.width, 100)
            let x = body.x + (body.width - column) / 2
            c.prose.render(in: Rect(x: x, y: body.y, width: column, height: body.height - panelHeight), buffer: &buffer)
            if panelHeight > 0 {
                framePanel(c, in: Rect(x: x, y: body.bottom - panelHeight, width: column, height: panelHeight), &buffer)
            }
        }
    }

    /// The numbers of a training frame in a box; returns the rows it took.
    private static func trainingStats(_ panel: TrainingPanel, in area: Rect, _ buffer: inout Buffer) -> Int {
        let context = panel.context
        let lines = panel.statsLines(width: area.width - 4)
        var bigSize: BigDigits.Size?
        if let big = panel.bigLoss {
            bigSize = BigDigits.width(of: big, size: .large) <= area.width - 4 ? .large : .small
        }
        let bigRows = bigSize.map { $0.rows + 1 } ?? 0
        let height = Swift.min(lines.count + bigRows + 2, Swift.max(area.height / 2, 3), area.height)
        let box = Rect(x: area.x, y: area.y, width: area.width, height: height)
        buffer.render(
            Block(
                title: context.text(context.words.training), border: .rounded, borderStyle: context.theme.border,
                glyphs: context.glyphs),
            in: box)
        let inner = box.inner(1).inner(horizontal: 1, vertical: 0)
        var y = inner.y
        if let size = bigSize, let big = panel.bigLoss, inner.height > size.rows + 1 {
            buffer.render(
                BigDigits(big, size: size, style: context.theme.strong, glyphs: context.glyphs),
                in: Rect(x: inner.x, y: y, width: inner.width, height: size.rows))
            y += size.rows + 1
        }
        for line in lines where y < inner.bottom {
            buffer.setLine(line, x: inner.x, y: y, maxWidth: inner.width)
            y += 1
        }
        return height
    }

    /// The frame's panel (forward, chain rule, question, check) in a titled box.
    private static func framePanel(_ c: StepContent, in area: Rect, _ buffer: inout Buffer) {
        let context = c.context
        let panel = FramePanel(context: context, frame: c.frame, index: context.state.frame, width: area.width - 4)
        buffer.render(
            Block(
                title: panel.title.map(context.text), border: .rounded, borderStyle: context.theme.border,
                glyphs: context.glyphs), in: area)
        let inner = area.inner(1).inner(horizontal: 1, vertical: 0)
        for (i, line) in panel.lines.enumerated() where i < inner.height {
            buffer.setLine(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
        }
    }

    // MARK: - One panel at a time

    private static func compact(_ c: StepContent, _ body: Rect, _ buffer: inout Buffer) {
        guard !body.isEmpty else { return }
        let context = c.context
        let panels = c.compactPanels
        guard !panels.isEmpty else { return }
        let chosen = panels[(c.defaultPanelIndex(panels) + context.state.panelShift) % panels.count]
        var area = body
        let hidden = panels.filter { $0 != chosen }
        if body.height >= 4 {
            area.height -= 1
            var note = context.words.showsAll("\(Screen.fullWidth)×\(Screen.fullHeight)")
            if !hidden.isEmpty {
                note = context.words.hidden + hidden.map(c.name).joined(separator: ", ") + " · Tab · " + note
            }
            buffer.setString(
                truncate(context.text(note), toWidth: body.width, ellipsis: context.glyphs.ellipsis),
                x: body.x, y: body.bottom - 1, style: context.theme.secondary)
        }
        switch chosen {
        case .graph:
            if let snapshot = c.snapshot {
                GraphPanel(context: context, snapshot: snapshot, frame: c.frame).render(in: area, buffer: &buffer)
            }
        case .prose:
            c.prose.render(in: area, buffer: &buffer, border: false)
        case .frame:
            guard let frame = c.frame else { return }
            if c.isTraining {
                let panel = TrainingPanel(context: context, frame: frame)
                let lines = panel.statsLines(width: area.width).prefix(Swift.max(area.height / 3, 1))
                for (i, line) in lines.enumerated() {
                    buffer.setLine(line, x: area.x, y: area.y + i, maxWidth: area.width)
                }
                let chartArea = Rect(
                    x: area.x, y: area.y + lines.count, width: area.width, height: area.height - lines.count)
                panel.renderCharts(
                    in: chartArea, buffer: &buffer, showFit: chartArea.height >= 12 || chartArea.width >= 100)
            } else {
                framePanel(c, in: area, &buffer)
            }
        }
    }
}
