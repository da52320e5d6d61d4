import Lessons
import Player
import Testing

/// A training a teacher starts shows its first iterations one by one, then speeds
/// up (issue 17): the lr = 10 divergence is seen growing, not over in one jump.
@Suite struct TrainingBuildUpTests {
    @Test func firstIterationsOneByOneThenFaster() throws {
        var state = try PlayerState(text: LessonText(file: "divergence.md", text: DivergenceTests.lesson))
        try state.go(step: 1, frame: 0)
        state.press([.character("a")])
        #expect(state.trainingRun == .running)
        var cursors: [Int] = []
        for _ in 0..<60 where state.autoplay != nil {
            _ = state.tick()
            cursors.append(state.trainingCursor ?? -1)
        }
        // The run diverges near iteration 100, a hundredth of its planned 10,000 (one tick
        // before): now the first eight iterations come one a tick, then ever longer steps.
        #expect(Array(cursors.prefix(8)) == Array(1...8), "\(cursors)")
        let shown = cursors.filter { $0 >= 0 }
        #expect(shown.count >= 15, "\(cursors)")
        let steps = zip(shown.dropFirst(), shown).map { $0 - $1 }
        #expect(steps == steps.sorted(), "\(cursors)")
        #expect(state.trainingRun == .done)
    }

    @Test func aLongRunSpeedsUpToAHundredthATick() throws {
        let text = DivergenceTests.lesson.replacingOccurrences(of: "lr=10", with: "lr=0.2")
        var state = try PlayerState(text: LessonText(file: "slow.md", text: text))
        try state.go(step: 1, frame: 0)
        state.press([.character("a")])
        var cursors: [Int] = []
        var ticks = 0
        while state.autoplay != nil && ticks < 1000 {
            _ = state.tick()
            cursors.append(state.trainingCursor ?? -1)
            ticks += 1
        }
        #expect(Array(cursors.prefix(5)) == [1, 2, 3, 4, 5], "\(cursors.prefix(20))")
        let steps = zip(cursors.dropFirst(), cursors).map { $0 - $1 }.filter { $0 > 0 }
        #expect(steps.max() == 100)
        #expect(ticks < 200)
        #expect(state.trainingRun == .done)
    }
}
