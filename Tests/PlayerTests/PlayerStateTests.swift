import Foundation
import Lessons
import Player
import Rendering
import Testing

/// Scripted key presses give the expected step, frame, effects and screen.
@Suite struct PlayerStateTests {
    func chainRule() throws -> PlayerState { try PlayerState(path: Repo.lesson("01-chain-rule.md")) }

    @Test func nextAndPreviousCrossSteps() throws {
        var state = try chainRule()
        #expect(state.step == 0 && state.frame == 0)
        #expect(state.handle(.right) == [.moved(step: 1, frame: 0)])
        // Step 3 (Forward) has two frames; every next-frame key walks them (PageDown, the
        // clicker's key, first reveals a number to predict: ClickerTests).
        for key in [PlayerKey.character("l"), .character(" "), .character("n"), .right] { _ = state.handle(key) }
        #expect((state.step, state.frame) == (4, 0))
        state.press([.left])
        #expect((state.step, state.frame) == (3, 0))
        state.press([.character("h"), .backspace, .character("p"), .left])
        #expect((state.step, state.frame) == (0, 0))
        #expect(state.handle(.left) == [.bell])
    }

    @Test func stepsFirstLastAndJump() throws {
        var state = try chainRule()
        state.press([.character("]"), .character("]")])
        #expect((state.step, state.frame) == (2, 0))
        state.press([.character("G")])
        #expect(state.frame == state.frameCount - 1)
        state.press([.character("g")])
        #expect(state.frame == 0)
        state.press([.character("[")])
        #expect(state.step == 1)
        let effects = state.press(PlayerKey.typing("10") + [.enter])
        #expect(effects == [.moved(step: 9, frame: 0)])
        #expect(state.screen().contains("step 10/11"))
        // On a question, digits are an answer; elsewhere they are a step number.
        state.press([.character("[")] + PlayerKey.typing("99") + [.enter])
        #expect(state.step == 8)
        #expect(state.message == "no step 99: this lesson has steps 1–11")
        state.press([.character("]")])
        #expect(state.message == nil && state.step == 9)
        state.press([.character("]")])
        #expect(state.step == 10)
        #expect(state.handle(.character("]")) == [.finished(Score())])
        #expect(state.overlay == .closing)
    }

    @Test func typingAStepNumberShowsAndCancels() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("1"))
        #expect(state.input == .stepNumber("1"))
        #expect(state.screen().contains("go to step 1_"))
        state.press([.character("2"), .backspace, .escape])
        #expect(state.input == .none && state.step == 0)
    }

    @Test func backwardFrameWritesTheChainRule() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("5") + [.enter, .character("P"), .right])
        let screen = state.screen(100, 30)
        #expect(screen.contains("∂f/∂x = ∂f/∂q · ∂q/∂x = −4 × 1 = −4"))
        #expect(screen.contains("◀ q = x + y   upstream ∂f/∂q = −4"))
        #expect(screen.contains("grad 3"))
        #expect(screen.contains("step 5/11 · frame 2/2"))
        state.press([.left])
        // At the top, ∂f/∂f = 1: the gradient is the local derivative, written once.
        #expect(state.screen(100, 30).contains("∂f/∂q = z = −4"))
        #expect(!state.screen(100, 30).contains("∂f/∂f · ∂f/∂q"))
    }

    @Test func accumulationIsWrittenAsPlusEquals() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("9") + [.enter, .character("P"), .character("G")])
        let screen = state.screen(120, 36)
        #expect(screen.contains("x.grad += −0.0357615:  2.09533 + (−0.0357615) = 2.05957"))
    }

    @Test func forwardFramesRevealValues() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("3") + [.enter])
        let first = state.screen(100, 30)
        #expect(first.contains("▶ q = x + y = −2 + 5 = 3"))
        #expect(first.contains("?"))  // f is not computed yet
        state.press([.right])
        #expect(state.screen(100, 30).contains("▶ f = q × z = 3 × (−4) = −12"))
    }

    @Test func answeringAQuestion() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("4") + [.enter, .character("G")])
        guard case .ask = state.currentFrame else {
            Issue.record("step 4 should end in a question")
            return
        }
        state.press(PlayerKey.typing("2") + [.enter])
        #expect(state.currentAnswer?.lastWasRight == false)
        #expect(state.screen().contains("not quite: 2"))
        #expect(!state.screen().contains("the answer is"))
        // Enter opens the field too (the way the first app did it); a real minus sign is fine.
        state.press([.enter] + PlayerKey.typing("1") + [.enter])
        #expect(state.currentAnswer?.lastWasRight == true)
        #expect(state.screen().contains("right: 1"))
    }

    @Test func teacherRevealsTheAnswer() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("11") + [.enter, .character("G")])
        #expect(!state.screen().contains("the answer is 2.05957"))
        state.press([.character("v")])
        #expect(state.currentAnswer?.revealed == true)
        #expect(state.screen().contains("the answer is 2.05957"))
        // Once shown, the question takes no more answers, and an answer typed again does not
        // jump to a step: the student is told how to jump (`:` then the number).
        state.press(PlayerKey.typing("4"))
        #expect(state.input == .none && state.step == 10)
        #expect(state.message == "already answered here; to go to a step, type : then its number")
        state.press([.character(":")] + PlayerKey.typing("4") + [.enter])
        #expect(state.step == 3)
    }

    @Test func themesDetailHelpAndQuit() throws {
        var state = try chainRule()
        state.press([.character("t")])
        #expect(state.theme.name == "projector")
        #expect(state.message == "theme: projector")
        state.press([.character("t")])
        #expect(state.theme.name == "projector-light")
        state.press([.character("t"), .character("t")])
        #expect(state.theme.name == "default")
        state.press([.character("z")])
        #expect(state.detail == .gradients)
        state.press([.character("z"), .character("z")])
        #expect(state.detail == .values)
        state.press([.character("?")])
        #expect(state.overlay == .help)
        #expect(state.screen().contains("keys"))
        state.press([.right])
        #expect(state.step == 0, "keys other than Esc, ? and q wait while help is open")
        state.press([.escape])
        #expect(state.overlay == .none)
        state.press([.character("?"), .character("?")])
        #expect(state.overlay == .none)
        #expect(state.handle(.character("q")) == [.quit])
        #expect(state.handle(.ctrlC) == [.quit])
        state.press(PlayerKey.typing("3"))
        #expect(state.handle(.ctrlC) == [.quit])
    }

    @Test func revisionCountsEveryKey() throws {
        var state = try chainRule()
        state.press([.right, .left, .character("x")])
        #expect(state.revision == 3)
        // Shown only when asked for (the key-flood test counts keys with it); a student never sees it.
        #expect(!state.screen().contains("#3"))
        state.showsRevision = true
        #expect(state.screen().contains("#3"))
    }

    @Test func playForwardTicksToTheEndOfThePass() throws {
        var state = try chainRule()
        let effects = state.handle(.character("f"))
        // From step 1, f finds the first forward pass (step 3) and starts ticking.
        #expect((state.step, state.frame) == (2, 0))
        #expect(
            effects == [.moved(step: 2, frame: 0), .autoplay(milliseconds: Autoplay.speeds[Autoplay.defaultSpeed])])
        #expect(state.screen().contains("playing"))
        #expect(state.tick() == [.moved(step: 2, frame: 1), .autoplay(milliseconds: nil)])
        #expect(state.autoplay == nil)
        #expect(state.tick() == [])
    }

    @Test func playBackwardPauseResumeSpeed() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("9") + [.enter])
        state.press([.character("b")])
        #expect(state.autoplay?.scope == .backward)
        let faster = state.handle(.character("+"))
        #expect(faster == [.autoplay(milliseconds: Autoplay.speeds[Autoplay.defaultSpeed + 1])])
        _ = state.tick()
        #expect(state.frame == 1)
        #expect(state.handle(.character("a")) == [.autoplay(milliseconds: nil)])
        #expect(state.autoplay?.isPaused == true)
        #expect(state.tick() == [])
        state.press([.character("a")])
        #expect(state.autoplay?.isPaused == false)
        // Space pauses a running animation instead of stepping.
        state.press([.character(" ")])
        #expect(state.frame == 1 && state.autoplay?.isPaused == true)
        // A manual move takes over.
        state.press([.right])
        #expect(state.autoplay == nil && state.frame == 2)
        for _ in 0..<10 { _ = state.handle(.character("-")) }
        #expect(state.speed == 0)
    }

    @Test func trainingRunPlaysAndShowsTheLoss() throws {
        var state = try PlayerState(path: Repo.lesson("05-linear-regression.md"))
        state.press(PlayerKey.typing("7") + [.enter])
        #expect(state.trainingRun == .ready)
        #expect(state.screen().contains("iteration 0/100  loss 42.2963"))
        state.press([.character("a")])
        #expect(state.trainingRun == .running)
        // One iteration per tick (a hundredth of the run): the chart grows between the recorded frames.
        for _ in 0..<37 { _ = state.tick() }
        #expect(state.frame == 3 && state.trainingCursor == 37)
        #expect(state.screen().contains("iteration 37/100"))
        var ticks = 37
        while state.autoplay != nil && ticks < 1000 {
            _ = state.tick()
            ticks += 1
        }
        #expect(ticks == 100)
        #expect(state.trainingCursor == nil)
        #expect(state.trainingRun == .done)
        #expect(state.screen().contains("iteration 100/100"))
        #expect(state.screen().contains("finished"))
        state.press([.character("t")])
        #expect(state.screen(120, 36).contains("█"), "projector theme draws the loss in big digits")
    }

    @Test func goThrowsWithTheValidRange() throws {
        var state = try chainRule()
        #expect(throws: PlayerError.stepOutOfRange(12, count: 11)) { try state.go(step: 11, frame: 0) }
        #expect(throws: PlayerError.frameOutOfRange(3, step: 5, count: 2)) { try state.go(step: 4, frame: 2) }
        #expect(
            PlayerError.stepOutOfRange(12, count: 11).description
                == "step 12 is out of range: this lesson has 11 steps (1–11)")
        #expect(
            PlayerError.frameOutOfRange(3, step: 2, count: 1).description
                == "frame 3 is out of range: step 2 has 1 frame")
    }
}
