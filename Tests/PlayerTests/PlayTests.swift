import Foundation
import Lessons
import Player
import Testing

/// Playing lessons away from the screen: the first steps open while later
/// ones train, places not played yet are waited for, Esc stops training,
/// reopening offers to resume, `R` reloads the file.
@Suite struct PlayTests {
    static let lesson = """
        # Play

        ## One

        ```graph
        a = 2
        b = a * 3
        ```

        @forward

        ## Two

        Text only.

        ## Three

        @backward b
        """

    func text() -> LessonText { LessonText(file: "play.md", text: Self.lesson) }

    @Test func everyStepIsHandedOverAsItIsPlayed() throws {
        var partials: [LessonTrace] = []
        let result = PlayRequest(text: text(), purpose: .open).run(onStep: { partials.append($0) })
        let full = try result.get()
        #expect(partials.map(\.steps.count) == [1, 2, 3, 4])
        #expect(partials.map(\.isComplete) == [false, false, false, true])
        #expect(full.isComplete && full.steps.count == 4)
    }

    @Test func theFirstStepsOpenWhileTheRestPlays() throws {
        var partials: [LessonTrace] = []
        let request = PlayRequest(text: text(), purpose: .open)
        let full = try request.run(onStep: { partials.append($0) }).get()
        var state = PlayerState(opening: partials[1], request: request)
        #expect(state.playing == request)
        #expect(state.stepCount == 2 && state.totalSteps == 4)
        #expect(state.screen().contains("step 1/4"))
        #expect(state.screen().contains("playing the lesson"))
        // → past the steps played so far waits, with a note, rather than ringing the end of the lesson.
        state.press([.character("]"), .character("]")])
        #expect(state.step == 1)
        #expect(state.message == "step 3 is still being played; it opens when ready")
        #expect(state.waitingFor == FrameRef(step: 2, frame: 0))
        // A step number not played yet is remembered and opened when it arrives.
        #expect(state.press(PlayerKey.typing("4") + [.enter]).isEmpty)
        #expect(state.waitingFor == FrameRef(step: 3, frame: 0))
        #expect(state.receivePartial(partials[2]).isEmpty)
        #expect(state.step == 1)
        #expect(state.finishPlay(.success(full)) == [.moved(step: 3, frame: 0)])
        #expect(state.playing == nil && state.step == 3)
        #expect(!state.screen().contains("playing the lesson"))
    }

    @Test func stepKeysPressedWhileTheLessonPlaysAddUp() throws {
        var partials: [LessonTrace] = []
        let request = PlayRequest(text: text(), purpose: .open)
        _ = try request.run(onStep: { partials.append($0) }).get()
        var state = PlayerState(opening: partials[0], request: request)
        // A student pressing ] twice on a busy machine means two steps on, not one.
        state.press([.character("]"), .character("]"), .right])
        #expect(state.step == 0)
        #expect(state.waitingFor == FrameRef(step: 2, frame: 0))
        #expect(state.message == "step 3 is still being played; it opens when ready")
        _ = state.receivePartial(partials[1])
        #expect(state.step == 0)
        #expect(state.receivePartial(partials[2]) == [.moved(step: 2, frame: 0)])
        #expect(state.step == 2 && state.waitingFor == nil)
    }

    @Test func escapeStopsATrainingAndSaysSo() throws {
        var state = try PlayerState(path: Repo.lesson("05-linear-regression.md"))
        state.press(
            PlayerKey.typing("7") + [.enter, .character("e"), .tab] + Array(repeating: .backspace, count: 3)
                + PlayerKey.typing("1000000"))
        let effects = state.handle(.enter)
        guard case .play(let request)? = effects.first else {
            Issue.record("no play: \(effects)")
            return
        }
        #expect(state.screen().contains("recomputing with iters = 1000000"))
        #expect(state.handle(.character("e")) == [.bell])
        #expect(state.handle(.escape) == [.stopPlay])
        // The app's background play then stops at the next iteration; here it stops at once.
        let result = request.run(shouldStop: { true })
        #expect(state.finishPlay(result) == [.moved(step: state.step, frame: state.frame)])
        #expect(state.message == "iters = 1000000: recomputed, training stopped early (Esc)")
        state.press([.character("G")])
        guard case .training(let last)? = state.currentFrame else {
            Issue.record("not a training frame")
            return
        }
        #expect(last.status == .stopped(iteration: 0))
    }

    @Test func reopeningAsksWhetherToResume() throws {
        var state = try PlayerState(text: text())
        state.offerResume(at: FrameRef(step: 3, frame: 0))
        #expect(state.screen().contains("resume?"))
        #expect(state.screen().contains("You were at step 4 (Three), frame 1."))
        // Other keys wait for an answer.
        #expect(state.press([.right]).isEmpty && state.step == 0)
        #expect(state.press([.enter]) == [.moved(step: 3, frame: 0)])
        #expect(state.overlay == .none)

        var fresh = try PlayerState(text: text())
        fresh.offerResume(at: FrameRef(step: 2, frame: 0))
        #expect(fresh.press([.escape]).isEmpty)
        #expect(fresh.overlay == .none && fresh.step == 0)
        // The start, or a place the lesson no longer has, is not worth asking about.
        fresh.offerResume(at: FrameRef(step: 0, frame: 0))
        fresh.offerResume(at: FrameRef(step: 40, frame: 0))
        #expect(fresh.overlay == .none)
        // A saved frame past the step's end opens the step's last frame.
        fresh.offerResume(at: FrameRef(step: 1, frame: 9))
        #expect(fresh.press([.character("y")]) == [.moved(step: 1, frame: 0)])
    }

    @Test func reloadTakesTheFileAsItIsNowOrKeepsTheLastGoodVersion() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backstep-reload-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.lesson.write(to: file, atomically: true, encoding: .utf8)
        var state = try PlayerState(path: file.path)
        state.press([.character("]"), .character("G")])
        #expect(state.screen().contains("b = a × 3 = 2 × 3 = 6"))

        try Self.lesson.replacingOccurrences(of: "a = 2", with: "a = 7").write(
            to: file, atomically: true, encoding: .utf8)
        state.press([.character("R")])
        #expect(state.message == "reloaded \(file.path)")
        #expect(state.screen().contains("b = a × 3 = 7 × 3 = 21"))
        #expect(state.step == 1)

        try Self.lesson.replacingOccurrences(of: "a * 3", with: "a * ").write(
            to: file, atomically: true, encoding: .utf8)
        #expect(state.press([.character("R")]).contains(.bell))
        #expect(state.message?.hasPrefix("not reloaded, still the last good version: line 7:") == true)
        #expect(state.screen().contains("7 × 3 = 21"))

        try FileManager.default.removeItem(at: file)
        #expect(state.press([.character("R")]) == [.bell])
        #expect(state.message?.hasPrefix("not reloaded:") == true)
    }

    @Test func trainingPlaysAtTwentyFramesASecond() throws {
        var state = try PlayerState(path: Repo.lesson("05-linear-regression.md"))
        state.press(PlayerKey.typing("7") + [.enter])
        #expect(state.handle(.character("a")) == [.autoplay(milliseconds: 50)])
        #expect(state.handle(.character("+")) == [.autoplay(milliseconds: 30)])
        #expect(state.screen().contains("playing, 30 ms"))
    }
}
