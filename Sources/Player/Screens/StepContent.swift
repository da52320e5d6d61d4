import Lessons
import Rendering

/// What the step on screen has to show: its graph, the frame, its prose,
/// and which panels that makes.
struct StepContent {
    enum Panel: Equatable { case graph, frame, prose }

    let context: ScreenContext
    let frame: Frame?
    /// The graph to draw: the frame's, else the last one shown before this step.
    let snapshot: GraphSnapshot?
    let isTraining: Bool
    let prose: ProsePanel

    init(_ context: ScreenContext, played: PlayedStep) {
        self.context = context
        let state = context.state
        frame = Self.passing(state.currentFrame, cursor: state.trainingCursor, played: played)
        isTraining = frame.map(TrainingPanel.isTraining) ?? false
        var found = frame?.snapshot
        if found == nil {
            for s in stride(from: state.step - 1, through: 0, by: -1) {
                if let last = state.trace.steps[s].frames.last?.snapshot {
                    found = last
                    break
                }
            }
        }
        snapshot = found.map { PredictLines.masked($0, state.hidden) }
        prose = ProsePanel(context: context, step: played.step)
    }

    /// A training frame as an animation passes `cursor` (an iteration between it
    /// and the next recorded frame), the loss history taken from the run's shared one.
    private static func passing(_ frame: Frame?, cursor: Int?, played: PlayedStep) -> Frame? {
        guard let cursor, case .training(let shown)? = frame, let between = shown.passing(iteration: cursor)
        else { return frame }
        return .training(between)
    }

    /// Rows the frame panel needs, the most any frame of the step needs as the step
    /// stands, so the panel (and the graph above it) keeps its size while stepping. Numbers
    /// answered in predict mode add their lines when they arrive, not before: a graph is
    /// not squeezed for the whole step by answers nobody has given yet.
    /// - Parameter locals: count the `local:` lines too (a short panel leaves them out).
    func panelRows(width: Int, locals: Bool = true) -> Int {
        let state = context.state
        guard let played = state.playedStep else { return 0 }
        let mode = (state.predictMode.map { $0 ? 1 : 2 } ?? 0) + (locals ? 0 : 3)
        let answered = state.blankAnswers.reduce(0) {
            $0 + ($1.key.frame.step == state.step && $1.value.revealed ? 1 : 0)
        }
        return state.layouts.panelRows(
            step: state.step, width: width, ascii: context.ascii, mode: mode, answered: answered
        ) {
            var rows = 0
            for (i, f) in played.frames.enumerated() {
                var panel = FramePanel(context: context, frame: f, index: i, width: width)
                panel.showsLocals = locals
                var n = panel.lines.count
                // A question's panel grows as it is answered (feedback, a hint, the answer): reserve the rows.
                if case .ask(let a) = f {
                    n += 2 + (a.question.hint.map { displayWidth($0) / Swift.max(width, 10) + 1 } ?? 0)
                }
                rows = Swift.max(rows, n)
            }
            return rows
        }
    }

    /// The panels a small screen can switch between.
    var compactPanels: [Panel] {
        var panels: [Panel] = []
        if snapshot != nil, !isTraining { panels.append(.graph) }
        if isTraining
            || !FramePanel(context: context, frame: frame, index: context.state.frame, width: 80).lines.isEmpty
        {
            panels.append(.frame)
        }
        if !prose.isEmpty { panels.append(.prose) }
        if panels.isEmpty, snapshot != nil { panels.append(.graph) }
        return panels
    }

    /// The panel the frame is about: the chart in training, the question, else the graph.
    func defaultPanelIndex(_ panels: [Panel]) -> Int {
        let wanted: Panel
        switch frame {
        case .training?, .lossPlot?, .dataPlot?, .ask?, .check?: wanted = .frame
        // A number to predict: the graph it is read from, with the chain-rule strip and its field under it.
        case _ where context.state.isAsking: wanted = snapshot != nil ? .graph : .frame
        default: wanted = snapshot != nil ? .graph : .prose
        }
        return panels.firstIndex(of: wanted) ?? 0
    }

    /// How the hidden-panels line names a panel.
    func name(_ panel: Panel) -> String {
        switch panel {
        case .graph: return context.words.graphPanel
        case .prose: return context.words.textPanel
        case .frame:
            if isTraining { return context.words.chartPanel }
            switch frame {
            case .backward?: return context.words.chainRulePanel
            case .forward?: return context.words.forwardPanel
            case .ask?: return context.words.questionPanel
            default: return context.words.detailsPanel
            }
        }
    }
}
