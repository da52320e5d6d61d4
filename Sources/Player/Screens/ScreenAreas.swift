import Lessons
import Rendering

/// Where each part of a screen goes, as typed rectangles: nil for a part the
/// screen does not show. A pure function of the state and the screen size,
/// so drawing and key handling (panning the graph) agree without the
/// drawing writing anything down.
struct ScreenAreas {
    /// The parts a full screen splits its width into.
    enum Column: Hashable, Sendable { case main, side }

    var title: Rect?
    /// The row a one-line message takes (reserved, so it never covers a chart or the graph).
    var message: Rect?
    var graph: Rect?
    /// The frame's panel in a box.
    var panel: Rect?
    /// The frame's first lines under the graph of a small screen.
    var strip: Rect?
    var prose: Rect?
    var proseBorder = true
    /// The node inspector (`i`), beside or under the graph.
    var inspector: Rect?
    /// A training frame's numbers in a box, and unboxed on a small screen.
    var stats: Rect?
    var statsLines: Rect?
    var charts: Rect?
    var chartsShowFit = true
    /// The line naming the panels a small screen hides.
    var hiddenNote: Rect?
    var hiddenText: String?
    /// On a small screen, the panels it can switch between and the one shown; the panels out of view.
    var compactPanels: [StepContent.Panel] = []
    var shownPanel: StepContent.Panel?
    var hiddenPanels: [StepContent.Panel] = []

    init(_ c: StepContent, width: Int, height: Int) {
        let top = height >= 3 ? 1 : 0
        if top == 1 { title = Rect(x: 0, y: 0, width: width, height: 1) }
        var bodyHeight = Swift.max(height - 1 - top, 0)
        if c.context.state.message != nil, height >= 3, bodyHeight > 0 {
            bodyHeight -= 1
            message = Rect(x: 0, y: height - 2, width: width, height: 1)
        }
        let body = Rect(x: 0, y: top, width: width, height: bodyHeight)
        guard !body.isEmpty else { return }
        if c.context.state.inspector != nil, c.snapshot != nil {
            inspecting(body)
        } else if width >= Screen.fullWidth && height >= Screen.fullHeight {
            full(c, body)
        } else {
            compact(c, body)
        }
    }

    // MARK: - The inspector

    /// The graph and the inspector: side by side from 100 columns, else the inspector under the graph.
    private mutating func inspecting(_ body: Rect) {
        if body.width >= 100 {
            let side = Swift.min(Swift.max(body.width * 2 / 5, 40), 72)
            graph = Rect(x: body.x, y: body.y, width: body.width - side, height: body.height)
            inspector = Rect(x: body.right - side, y: body.y, width: side, height: body.height)
        } else if body.height >= 12 {
            let rows = Swift.max(body.height * 11 / 20, 8)
            graph = Rect(x: body.x, y: body.y, width: body.width, height: body.height - rows)
            inspector = Rect(x: body.x, y: body.bottom - rows, width: body.width, height: rows)
        } else {
            inspector = body
        }
    }

    // MARK: - Full layout

    private mutating func full(_ c: StepContent, _ body: Rect) {
        let context = c.context
        let side = body.width >= 120 ? Swift.min(body.width * 2 / 5, 72) : body.width / 3
        if let frame = c.frame, c.isTraining {
            // The numbers column needs room for `iteration 100/100  loss 0.0823` and the params.
            let side = Swift.max(side, Swift.min(body.width >= 100 ? 40 : 34, body.width / 2))
            let parts = Layout.horizontal([(Column.main, .fill(weight: 1)), (.side, .fixed(side))]).split(body)
            var main = parts[.main]
            if main.height >= 38, c.snapshot != nil {
                let graphHeight = main.height / 3
                graph = Rect(x: main.x, y: main.y, width: main.width, height: graphHeight)
                main = Rect(x: main.x, y: main.y + graphHeight, width: main.width, height: main.height - graphHeight)
            }
            charts = main.inner(horizontal: 1, vertical: 0)
            let column = parts[.side]
            let statsHeight = Self.statsHeight(
                TrainingPanel(context: context, frame: frame), width: column.width, height: column.height)
            stats = Rect(x: column.x, y: column.y, width: column.width, height: statsHeight)
            if !c.prose.isEmpty {
                prose = Rect(x: column.x, y: column.y + statsHeight, width: side, height: column.height - statsHeight)
            }
        } else if c.snapshot != nil {
            // The text gives up columns (down to a readable width) when the graph needs them.
            var proseWidth = c.prose.isEmpty ? 0 : side
            // Only a screen that shares its width with text needs the graph's least width.
            let natural =
                proseWidth > 0 ? c.snapshot.flatMap { GraphPanel.naturalSize(context, graph: $0.graph) } : nil
            if proseWidth > 0, let natural {
                // On a wide screen the text keeps 36 columns, or 28 when that shows the whole graph.
                // From 100 columns on, 30: at 24 a formula such as `(100, 10) · (10, 1)` breaks every line.
                let least =
                    body.width >= 120 ? (body.width - natural.width - 2 >= 28 ? 28 : 36) : body.width >= 100 ? 30 : 24
                proseWidth = Swift.max(least, Swift.min(side, body.width - natural.width - 2))
            }
            // A code block (a table of numbers) gets its whole width when the graph can spare it.
            let code = c.prose.widestCode + 4
            if proseWidth > 0, code > proseWidth {
                let spare = Swift.max(body.width - (natural?.width ?? 0) - 2, body.width * 2 / 5)
                proseWidth = Swift.max(proseWidth, Swift.min(code, spare))
            }
            let parts = Layout.horizontal([(Column.main, .fill(weight: 1)), (.side, .fixed(proseWidth))]).split(body)
            let main = parts[.main]
            let wanted = c.panelRows(width: main.width - 4)
            // The graph keeps the rows it needs, up to three fifths; the panel gets the rest, at least 3.
            // (A graph wider than its column needs a row more, for the "more" tags under it.)
            let tags = (natural?.width ?? 0) > main.width ? 1 : 0
            var graphNeed = Swift.min((natural?.height ?? main.height) + tags, main.height * 3 / 5)
            // A panel that would cut its numbers even without its `local:` lines takes the rows it
            // needs from a graph that is cut anyway, down to two fifths of the column (the view still
            // shows the box at work): the chain rule is read whole. Otherwise the graph keeps its rows
            // and the panel leaves out the `local:` lines.
            let needed = c.panelRows(width: main.width - 4, locals: false)
            if needed + 2 > main.height - graphNeed, (natural?.height ?? 0) + tags > graphNeed {
                graphNeed = Swift.min(graphNeed, Swift.max(main.height - needed - 2, main.height * 2 / 5, 8))
            }
            let panelHeight = wanted == 0 ? 0 : Swift.min(wanted + 2, Swift.max(main.height - graphNeed, 3))
            graph = Rect(x: main.x, y: main.y, width: main.width, height: main.height - panelHeight)
            if panelHeight > 0 {
                panel = Rect(x: main.x, y: main.bottom - panelHeight, width: main.width, height: panelHeight)
            }
            if !c.prose.isEmpty { prose = parts[.side] }
        } else {
            let wanted = c.panelRows(width: Swift.min(body.width, 100) - 4)
            let panelHeight = wanted == 0 ? 0 : Swift.min(wanted + 2, body.height / 2)
            let column = Swift.min(body.width, 100)
            let x = body.x + (body.width - column) / 2
            prose = Rect(x: x, y: body.y, width: column, height: body.height - panelHeight)
            if panelHeight > 0 { panel = Rect(x: x, y: body.bottom - panelHeight, width: column, height: panelHeight) }
        }
    }

    /// Rows the boxed numbers of a training frame take in a column `width` × `height`.
    static func statsHeight(_ panel: TrainingPanel, width: Int, height: Int) -> Int {
        let lines = panel.statsLines(width: width - 4).count
        let big = panel.bigLoss.flatMap { BigDigits.fitting($0, width: width - 4) }
        let bigRows = big.map { $0.size.rows + 1 } ?? 0
        return Swift.min(lines + bigRows + 2, Swift.max(height / 2, 3), height)
    }

    // MARK: - One panel at a time

    private mutating func compact(_ c: StepContent, _ body: Rect) {
        let context = c.context
        let panels = c.compactPanels
        guard !panels.isEmpty else { return }
        let chosen = panels[(c.defaultPanelIndex(panels) + context.state.panelShift) % panels.count]
        var area = body
        var hidden = panels.filter { $0 != chosen }
        if body.height >= 4 { area.height -= 1 }
        switch chosen {
        case .graph:
            // The chain rule (or the forward arithmetic) keeps a strip under the graph.
            let lines = FramePanel(context: context, frame: c.frame, index: context.state.frame, width: area.width)
                .lines.count
            if lines > 0, area.height >= 10 {
                // A number to predict takes up to half: the asked line, its field and a hint stay in view.
                let share = context.state.isAsking ? 2 : 3
                let rows = Swift.min(lines + 1, Swift.max(area.height / share, 3))
                strip = Rect(x: area.x, y: area.bottom - rows, width: area.width, height: rows)
                area.height -= rows
                // Asking, the strip keeps the asked line and its field in view (only `local:` lines may go).
                if rows > lines || context.state.isAsking { hidden.removeAll { $0 == .frame } }
            }
            graph = area
        case .prose:
            prose = area
            proseBorder = false
        case .frame:
            guard let frame = c.frame else { break }
            if c.isTraining {
                let count = TrainingPanel(context: context, frame: frame).statsLines(width: area.width).count
                let rows = Swift.min(count, Swift.max(area.height / 2, 1))
                statsLines = Rect(x: area.x, y: area.y, width: area.width, height: rows)
                // A column of margin on the right, as on a full screen, so the last tick label has its room.
                charts = Rect(x: area.x, y: area.y + rows, width: area.width - 1, height: area.height - rows)
                chartsShowFit = area.height - rows >= 12 || area.width >= 100
            } else if case .ask = frame, c.prose.shownBlocks > 0, area.height >= 10 {
                // A question comes with the text that leads to it: the text above (it scrolls with
                // ↓ ↑ j k), the question in a box under it, with the rows its answers need.
                let rows = Swift.min(c.panelRows(width: area.width - 4) + 2, area.height / 2)
                prose = Rect(x: area.x, y: area.y, width: area.width, height: area.height - rows)
                panel = Rect(x: area.x, y: area.bottom - rows, width: area.width, height: rows)
                hidden.removeAll { $0 == .prose }
            } else {
                panel = area
            }
        }
        if body.height >= 4 {
            hiddenNote = Rect(x: body.x, y: body.bottom - 1, width: body.width, height: 1)
            let size = "\(Screen.fullWidth)×\(Screen.fullHeight)"
            // Paper has no Tab key: it names what is hidden, and the size that shows it.
            hiddenText =
                hidden.isEmpty
                ? context.words.showsAll(size)
                : context.words.hiddenNote(hidden.map(c.name), tab: !context.handout, size: size)
        }
        compactPanels = panels
        shownPanel = chosen
        hiddenPanels = hidden
    }
}
