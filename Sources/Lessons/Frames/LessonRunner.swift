import Autodiff

/// Plays a lesson from its first step to its last: builds each graph, carries
/// out each directive against the current graph, and collects the frames and
/// every error. `check` runs it without training or numerical checks.
final class LessonRunner {
    enum Mode {
        /// Build and validate everything; skip training and `@check`'s probing.
        case check
        /// Make every frame.
        case play
    }

    let lesson: Lesson
    let source: SourceFile
    let limits: Limits
    let mode: Mode
    let shouldStop: () -> Bool
    /// Whether training stops at the first NaN loss (the player) or runs on as DeZero would (`eval`).
    let stopOnDivergence: Bool
    /// One generator for the whole lesson, like NumPy's global one in a script.
    let random = NumPyRandom(seed: 0)
    /// Whether trainings replay their first iteration's graph (``TrainingPasses``); off
    /// only to compare with the plain path, which gives the same numbers.
    var replaysFixedGraphs = true
    /// The training iterations (or batches) that replayed a graph, over the whole lesson.
    var replayedIterations = 0

    private(set) var diagnostics: [Diagnostic] = []
    private(set) var sessions: [GraphSession] = []
    private(set) var played: [PlayedStep] = []
    var currentSession: GraphSession?
    /// Called after each step is played, so a player can show the first steps while later ones train.
    var onStep: ((LessonRunner) -> Void)?
    /// What the training frames of the whole lesson may still keep of their values
    /// (numbers: elements, and two per node slot); past it, frames show the values
    /// of an earlier frame, so a lesson's frames cost at most about 64 MB beside its losses.
    var frameValueBudget = LessonRunner.frameValueLimit
    static let frameValueLimit = 8_000_000
    /// `fit=` names of `@plot data` per graph, so training frames carry the prediction.
    private var fitNames: [Int: String] = [:]
    /// Iterations and element operations of the lesson's trainings so far, against its limits.
    var lessonIterations = 0
    var lessonWork = 0
    /// The iterations the `@train`s of each graph plan, together: the room of its loss history.
    private(set) var plannedIterations: [Int: Int] = [:]
    /// The `@output` that names each graph's output, where one does: errors about
    /// that name belong at it, not at a bare `@backward` that only follows it.
    private(set) var outputDirectives: [Int: Directive] = [:]

    init(
        lesson: Lesson, source: SourceFile, limits: Limits, mode: Mode, stopOnDivergence: Bool = true,
        shouldStop: @escaping () -> Bool = { false }
    ) {
        self.lesson = lesson
        self.source = source
        self.limits = limits
        self.mode = mode
        self.stopOnDivergence = stopOnDivergence
        self.shouldStop = shouldStop
    }

    func report(_ location: SourceLocation, _ message: String) {
        diagnostics.append(source.diagnostic(location, message))
    }

    func run() {
        let outputs = decideOutputs()
        for step in lesson.steps {
            var frames: [Frame] = []
            for block in step.blocks {
                switch block {
                case .prose: break
                case .graph(let graph):
                    build(graph, step: step, output: outputs[graph.index])
                case .directive(let directive):
                    frames += perform(directive)
                }
            }
            if frames.isEmpty { frames = [.still(currentSession.map { $0.snapshot() })] }
            played.append(PlayedStep(step: step, graph: currentSession?.block.index, frames: frames))
            onStep?(self)
        }
    }

    /// Each graph's output: `@output`, else `@train`'s loss, else the first `@backward`
    /// target, else the last assigned name. Also notes `@plot data … fit=` names.
    private func decideOutputs() -> [Int: String] {
        var explicit: [Int: String] = [:]
        var trained: [Int: String] = [:]
        var backward: [Int: String] = [:]
        var last: [Int: String] = [:]
        var graph: Int?
        for step in lesson.steps {
            for block in step.blocks {
                switch block {
                case .graph(let g):
                    graph = g.index
                    for s in g.program.statements {
                        if case .assign(_, let name, _, _) = s.body { last[g.index] = name }
                    }
                case .directive(let d):
                    guard let g = graph else { continue }
                    switch d.kind {
                    case .output(let name):
                        if explicit[g] == nil {
                            explicit[g] = name
                            outputDirectives[g] = d
                        }
                    case .train(let options):
                        if trained[g] == nil { trained[g] = options.loss }
                        // At most what the lesson may train in all, however many trainings it asks for.
                        plannedIterations[g] = Swift.min(
                            limits.lessonIterations, plannedIterations[g, default: 0] + options.iterations)
                    case .backward(let target?): if backward[g] == nil { backward[g] = target }
                    case .plotData(_, _, let fit?), .plotRegions(let fit): if fitNames[g] == nil { fitNames[g] = fit }
                    default: break
                    }
                case .prose: break
                }
            }
        }
        var result: [Int: String] = [:]
        for (g, name) in last { result[g] = explicit[g] ?? trained[g] ?? backward[g] ?? name }
        for (g, name) in explicit where result[g] == nil { result[g] = name }
        return result
    }

    /// Whether a `@train … batch=` follows `block` before the next graph.
    private func isTrainedInBatches(_ graph: GraphBlock) -> Bool {
        var current: Int?
        for block in lesson.steps.flatMap(\.blocks) {
            switch block {
            case .graph(let g): current = g.index
            case .directive(let d):
                if case .train(let options) = d.kind, options.batch != nil, current == graph.index { return true }
            case .prose: break
            }
        }
        return false
    }

    private func build(_ block: GraphBlock, step: Step, output: String?) {
        var interpreter = Interpreter(file: source, limits: limits, random: random)
        // Layers and models live on, trained, into the lesson's later graphs.
        interpreter.layers = currentSession?.interpreter.layers ?? [:]
        interpreter.drawsFirstEpochOrder = isTrainedInBatches(block)
        interpreter.run(block.program)
        diagnostics += interpreter.diagnostics
        let session = GraphSession(
            block: block, stepTitle: lesson.isGraphFile ? nil : step.title,
            interpreter: interpreter, output: output)
        sessions.append(session)
        currentSession = session
        guard session.isUsable else { return }
        if let name = output, session.node(named: name) == nil {
            // Only @output can name a missing output; the others report at their own lines.
            if let directive = outputDirectives[block.index] {
                report(directive.location(of: "target"), unknownName(name, in: session, role: "@output"))
            }
            return
        }
        do {
            try session.recordEvaluation()
        } catch {
            report(SourceLocation(line: block.line, column: 1), "backward from '\(output ?? "")' failed: \(error)")
        }
    }

    /// `unknown name 'f' in @backward — did you mean 'q'?`
    func unknownName(_ name: String, in session: GraphSession, role: String) -> String {
        let names = session.built.names.map(\.name)
        if session.interpreter.broken.contains(name) { return "" }
        return "'\(name)' is not a name in the current graph (\(role))\(didYouMean(name, names))"
    }

    /// The current session if it is usable; otherwise reports why (no graph) and returns nil.
    func requireGraph(for directive: Directive) -> GraphSession? {
        guard let session = currentSession else {
            report(
                directive.location,
                "@\(directive.name) needs a graph: put a ```graph block in this step or an earlier one")
            return nil
        }
        return session.isUsable ? session : nil
    }

    /// The node `name` names in `session`, or nil after reporting it at `role`'s location.
    func resolve(_ name: String, _ session: GraphSession, _ directive: Directive, role: String) -> Int? {
        if let id = session.node(named: name) { return id }
        let message = unknownName(name, in: session, role: "@\(directive.name)")
        if !message.isEmpty { report(directive.location(of: role), message) }
        return nil
    }

    private func perform(_ directive: Directive) -> [Frame] {
        switch directive.kind {
        case .forward: return forward(directive)
        case .backward(let target): return backward(directive, target: target)
        case .train(let options): return train(directive, options)
        case .plotLoss: return plotLoss(directive)
        case .plotData(let x, let y, let fit): return plotData(directive, x: x, y: y, fit: fit)
        case .plotRegions(let model): return plotRegions(directive, model: model)
        case .ask(let question): return ask(directive, question)
        case .check(let names, let tolerance): return check(directive, names: names, tolerance: tolerance)
        case .note, .output: return []
        }
    }

    func fitName(for session: GraphSession) -> String? { fitNames[session.block.index] }
}

/// One step of a played lesson: the step and its frames.
public struct PlayedStep: Equatable, Sendable {
    public let step: Step
    /// The graph current at the end of the step (index into ``LessonTrace/graphs``), if any.
    public let graph: Int?
    /// At least one frame.
    public let frames: [Frame]
}
