import Autodiff

/// A lesson played through: every step's frames and every graph's structure.
///
/// ```swift
/// let lesson = try LessonLoader.load(path: path)
/// let trace = try LessonTrace(lesson: lesson)
/// for played in trace.steps {
///     for frame in played.frames {
///         if let snapshot = frame.snapshot {
///             let graph = trace.graphs[snapshot.graph]   // nodes and edges to lay out
///             …
///         }
///     }
/// }
/// ```
/// Training runs while the trace is made (the two-layer net takes a fraction of
/// a second); `shouldStop` is asked every iteration and ends training early.
public struct LessonTrace: Sendable {
    public let lesson: Lesson
    /// Every graph program, by ``GraphBlock/index``.
    public let graphs: [GraphStructure]
    /// One entry per step of the lesson, in order.
    public let steps: [PlayedStep]

    /// Plays `lesson`.
    /// - Parameters:
    ///   - shouldStop: asked every training iteration; true ends training early (the run is then `.stopped`).
    ///   - onStep: called after each step with the lesson played so far (``isComplete`` false
    ///     until the last), while no error has been found; a player shows the first steps from
    ///     it while later steps still train. Called on the thread that plays.
    /// - Throws: ``LessonError`` with every error the graphs and directives raise.
    public init(
        lesson: Lesson, limits: Limits = .standard, shouldStop: @escaping () -> Bool = { false },
        onStep: ((LessonTrace) -> Void)? = nil
    ) throws(LessonError) {
        let runner = LessonRunner(
            lesson: lesson, source: lesson.sourceFile, limits: limits, mode: .play,
            shouldStop: shouldStop)
        if let onStep {
            // Graph structures do not change once built, so each is made once.
            var structures: [GraphStructure] = []
            runner.onStep = { runner in
                guard runner.diagnostics.isEmpty else { return }
                structures += runner.sessions[structures.count...].map { $0.structure() }
                onStep(LessonTrace(lesson: lesson, graphs: structures, steps: runner.played))
            }
        }
        runner.run()
        guard runner.diagnostics.isEmpty else { throw LessonError(runner.diagnostics.sortedForPrinting()) }
        self.init(lesson: lesson, graphs: runner.sessions.map { $0.structure() }, steps: runner.played)
    }

    private init(lesson: Lesson, graphs: [GraphStructure], steps: [PlayedStep]) {
        self.lesson = lesson
        self.graphs = graphs
        self.steps = steps
    }

    /// Whether every step of the lesson has been played (false only for the partial
    /// traces `onStep` hands out).
    public var isComplete: Bool { steps.count == lesson.steps.count }

    /// Loads and plays the lesson at `path`.
    /// - Throws: ``LessonError`` with every error, from parsing or from running.
    public init(path: String, limits: Limits = .standard, shouldStop: @escaping () -> Bool = { false })
        throws(LessonError)
    {
        try self.init(lesson: try LessonLoader.load(path: path, limits: limits), limits: limits, shouldStop: shouldStop)
    }

    /// Every frame of the lesson with its step index, in order.
    public var allFrames: [(step: Int, frame: Frame)] {
        steps.enumerated().flatMap { index, played in played.frames.map { (index, $0) } }
    }
}

/// Checks lessons the way `backstep check` does: parses, builds every graph,
/// and validates every directive against it, without training.
public enum LessonChecker {
    /// Every error and warning in the file at `path` (empty when it is fine).
    public static func check(path: String, limits: Limits = .standard) -> [Diagnostic] {
        let (lesson, diagnostics) = LessonLoader.loadCollecting(path: path, limits: limits)
        return finish(lesson, diagnostics, limits: limits)
    }

    /// Every error and warning in `bytes`, read as the file `file`.
    public static func check(_ bytes: [UInt8], file: String, limits: Limits = .standard) -> [Diagnostic] {
        let (lesson, diagnostics) = LessonLoader.parseCollecting(bytes, file: file, limits: limits)
        return finish(lesson, diagnostics, limits: limits)
    }

    private static func finish(_ lesson: Lesson?, _ diagnostics: [Diagnostic], limits: Limits) -> [Diagnostic] {
        guard let lesson else { return diagnostics }
        let runner = LessonRunner(lesson: lesson, source: lesson.sourceFile, limits: limits, mode: .check)
        runner.run()
        return (diagnostics + runner.diagnostics + lesson.warnings).sortedForPrinting()
    }
}
