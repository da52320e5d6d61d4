import Autodiff
import Testing

@testable import Lessons

/// What a long training keeps: one loss history shared by every frame of a
/// run, and the frames' values within the lesson's budget (issue 21).
@Suite struct TrainingMemoryTests {
    static func trainingFrames(_ frames: [Frame]) -> [TrainingFrame] {
        frames.compactMap { if case .training(let f) = $0 { return f } else { return nil } }
    }

    /// Every frame of a run, and the `@plot loss` after it, hold the same history,
    /// in the same storage; each frame's part of it ends where the frame is.
    @Test func framesOfARunShareOneHistory() throws {
        let text = TrainingTests.regression.replacingOccurrences("iters=100 every=10", "iters=2000 every=10")
        let trace = try LessonTrace(lesson: try LessonLoader.parse(text: text, file: "r.md"))
        let frames = Self.trainingFrames(trace.steps[2].frames)
        #expect(frames.count == 201)
        let histories = Set(frames.map { ObjectIdentifier($0.history) })
        #expect(histories.count == 1, "\(histories.count) loss histories for one run")
        // The one history holds the run's losses once: room for 2,000, no more.
        #expect(frames.first?.history.capacity == 2000)
        for f in frames.dropLast() { #expect(f.end == f.iteration + 1 && f.runEnd == 2000) }
        #expect(frames.last?.end == 2000)
        #expect(frames.last?.losses.count == 2000)
        guard case .lossPlot(let plot) = trace.steps[3].frames[0] else {
            Issue.record("expected a loss plot")
            return
        }
        #expect(plot.history === frames.first?.history)
    }

    /// A second training of the same graph goes on in the first one's history, not in a copy of it.
    @Test func aSecondTrainingContinuesTheHistory() throws {
        let text = TrainingTests.regression.replacingOccurrences(
            "## Fit", "## Again\n\n@train loss lr=0.1 iters=50 every=10\n\n## Fit")
        let trace = try LessonTrace(lesson: try LessonLoader.parse(text: text, file: "r.md"))
        let first = Self.trainingFrames(trace.steps[2].frames)
        let second = Self.trainingFrames(trace.steps[3].frames)
        let histories = Set((first + second).map { ObjectIdentifier($0.history) })
        #expect(histories.count == 1, "\(histories.count) loss histories for one graph")
        #expect(second.first?.history.capacity == 150)
        #expect(second.first?.end == 101)
        #expect(second.last?.end == 150)
        #expect(first.last?.runEnd == 100)
        #expect(first.last.map { Array($0.losses) } == second.first.map { Array($0.losses.prefix(100)) })
        // An animation of the first run never passes into the second.
        #expect(first.first?.passing(iteration: 99) != nil)
        #expect(first.first?.passing(iteration: 100) == nil)
    }

    /// Past the budget, only every few frames keep their values; the frames
    /// between show those of the last one kept, and say from which iteration.
    @Test func framesKeepValuesWithinTheBudget() throws {
        let lesson = try LessonLoader.parse(text: TrainingTests.regression, file: "r.md")
        let runner = LessonRunner(lesson: lesson, source: lesson.sourceFile, limits: .standard, mode: .play)
        // One sample of this graph costs its params and intermediates plus two a node.
        runner.frameValueBudget = 4 * 600
        runner.run()
        #expect(runner.diagnostics.isEmpty)
        let frames = Self.trainingFrames(runner.played[2].frames)
        #expect(frames.map(\.iteration) == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        let kept = frames.dropLast().filter { $0.parametersIteration == nil }.map(\.iteration)
        #expect(kept.count < 10 && kept.first == 0, "kept \(kept)")
        #expect(runner.frameValueBudget >= 0)
        for f in frames.dropLast() {
            guard let at = f.parametersIteration else { continue }
            let source = try #require(frames.first { $0.iteration == at })
            #expect(kept.contains(at) && at < f.iteration)
            #expect(f.parameters == source.parameters)
            #expect(f.snapshot == source.snapshot)
        }
        // The losses are all there, whatever the values kept.
        #expect(frames[5].losses.count == 51)
        #expect(frames.last?.parametersIteration == nil)
    }

    /// All the trainings of a lesson together stay within the lesson's limits, so the
    /// worst lesson `check` accepts is bounded (docs/lesson-format.md gives its cost).
    @Test func theLessonsTrainingsTogetherAreLimited() {
        let train = "@train loss lr=0.1 iters=1000000 every=1000\n\n"
        let text = TrainingTests.regression.replacingOccurrences(
            "@train loss lr=0.1 iters=100 every=10", String(repeating: train, count: 3))
        let errors = checkErrors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("3000000 iterations together") == true, "\(errors)")
        #expect(errors.first?.message.contains("lesson iteration limit") == true)
        #expect(
            checkErrors(
                TrainingTests.regression.replacingOccurrences(
                    "@train loss lr=0.1 iters=100 every=10", String(repeating: train, count: 2))
            ).isEmpty)
    }
}
