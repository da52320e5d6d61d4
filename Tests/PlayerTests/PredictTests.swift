import Foundation
import Lessons
import Testing

@testable import Player

/// Predict mode, fading, questions that keep their answer, answers read as people
/// write them, keys that do not collide, the closing screen, the score, nudging
/// and the wrong-way backward: each scripted with keys.
@Suite struct PredictTests {
    func chainRule() throws -> PlayerState { try PlayerState(path: Repo.lesson("01-chain-rule.md")) }

    // MARK: - Predict mode

    @Test func backwardAsksForEachGradientRightWrongAndRevealed() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("5") + [.enter])
        // Fading: the first backward frame is worked for the student.
        #expect(state.blanks(at: state.place).isEmpty)
        #expect(state.screen(100, 30).contains("predict on (P)"))
        state.press([.right])
        let blanks = state.blanks(at: state.place)
        #expect(blanks.map(\.answer) == [-4, -4])
        var screen = state.screen(100, 30)
        #expect(screen.contains("∂f/∂x = ∂f/∂q · ∂q/∂x = ?"))
        #expect(screen.contains("grad ?"))
        #expect(!screen.contains("x gets −4 × 1"), "the text waits for the frame's numbers")
        // A sign error gets the hint that fits it.
        let effects = state.press(PlayerKey.typing("4") + [.enter])
        #expect(effects == [.scored(Score(right: 0, asked: 1))])
        screen = state.screen(100, 30)
        #expect(screen.contains("not quite: 4 · sign flipped"))
        #expect(state.openBlank == 0)
        state.press(PlayerKey.typing("-4") + [.enter])
        #expect(state.openBlank == 1)
        #expect(state.screen(100, 30).contains("✓ ∂f/∂x = −4: upstream −4 × local 1"))
        // `v` reveals the next one; the text tied to the frame shows once nothing is left to predict.
        state.press([.character("v")])
        screen = state.screen(100, 30)
        #expect(screen.contains("∂f/∂y = −4: upstream −4 × local 1 (shown)"))
        #expect(state.openBlank == nil && state.score == Score(right: 0, asked: 2))
        #expect(!screen.contains("grad ?"))
    }

    @Test func rightAtFirstTryWithItsReason() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("5") + [.enter, .right] + PlayerKey.typing("−4") + [.enter])
        #expect(state.blankState(state.place, 0).firstTryRight)
        #expect(state.score == Score(right: 1, asked: 1))
    }

    @Test func aResetKeepsTheScoreTheStudentEarned() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("5") + [.enter, .right] + PlayerKey.typing("−4") + [.enter])
        #expect(state.score == Score(right: 1, asked: 1))
        // `r` clears the answers (to try them again); the score already earned stays, and counts again.
        state.press([.character("r")])
        #expect(state.blankState(state.place, 0).attempts == 0)
        #expect(state.score == Score(right: 1, asked: 1))
        state.press(PlayerKey.typing("4") + [.enter])
        #expect(state.score == Score(right: 1, asked: 2))
    }

    @Test func hintsFitTheMistake() throws {
        var state = try chainRule()
        // The second graph's backward: num, den, sx, sq and xpy are worked; then x and sy are asked.
        state.press(PlayerKey.typing("9") + [.enter])
        for _ in 0..<3 {
            #expect(state.blanks(at: state.place).isEmpty)
            state.press([.right])
        }
        #expect(state.blanks(at: state.place).map(\.kind) == [.share, .share])
        // Frame 6 adds to x.grad: its share, then its total, are asked.
        state.press([.right, .right])
        let kinds = state.blanks(at: state.place).map(\.kind)
        #expect(kinds == [.share, .total, .share, .total])
        let share = state.blanks(at: state.place)[0]
        let total = state.blanks(at: state.place)[1]
        #expect(PlayerState.mistake(share.answer, total) == .shareNotAdded)
        #expect(PlayerState.mistake(-share.answer, share) == .signFlipped)
        #expect(PlayerState.mistake(total.previous ?? 0, total) == .oldTotal)
        #expect(PlayerState.mistake(0.123, share) == .unknown)
        state.press(PlayerKey.typing("0.123") + [.enter])
        #expect(state.screen(120, 36).contains("local ___"), "no telling mistake: the chain rule with a blank")
        // The sigmoid frame: upstream alone, or the local alone.
        state.press([.right])
        let sigmoid = state.blanks(at: state.place)[0]
        #expect(PlayerState.mistake(sigmoid.upstream ?? 0, sigmoid) == .upstreamAlone)
        #expect(PlayerState.mistake(sigmoid.local ?? 0, sigmoid) == .localAlone)
    }

    @Test func multiplyingTheWrongPairIsTold() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("5") + [.enter])
        let frame = try #require(state.currentFrame)
        // f = q × z: q's share is 1 × z; 1 × q is the other input's.
        let q = Blank.blanks(of: frame)[0]
        #expect(PlayerState.mistake(3, q) == .wrongPair)
    }

    @Test func predictModeTogglesAndTheLessonDefaultStays() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("3") + [.enter])
        #expect(state.blanks(at: state.place).isEmpty, "the lesson's forward is not practice")
        state.press([.character("P")])
        #expect(state.message?.contains("predict mode on") == true)
        #expect(state.blanks(at: state.place).map(\.answer) == [3])
        #expect(state.screen(100, 30).contains("▶ q = x + y = −2 + 5 = ?"))
        #expect(!state.screen(100, 30).contains("−2 + 5 = 3"))
        state.press(PlayerKey.typing("3") + [.enter])
        #expect(state.screen(100, 30).contains("✓ q = 3: −2 + 5"))
        state.press([.character("P")])
        #expect(state.blanks(at: state.place).isEmpty)
        // `p` is still the previous frame.
        state.press([.right, .character("p")])
        #expect(state.frame == 0)
    }

    // MARK: - Questions keep their answer

    @Test func aQuestionHidesWhatAnswersIt() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("11") + [.enter])
        guard case .ask = state.currentFrame else {
            Issue.record("step 11 starts with a question")
            return
        }
        // The question is about y.grad: y's box says `grad ?` until it is answered.
        let y = try #require(state.trace.graphs[1].names.first { $0.name == "y" }?.node)
        #expect(state.hidden.grads.contains(y))
        #expect(state.screen(100, 30).contains("grad ?"))
        state.press(PlayerKey.typing("1.59") + [.enter])
        #expect(state.currentAnswer?.lastWasRight == true)
        #expect(!state.hidden.grads.contains(y))
        #expect(state.screen(100, 30).contains("the sum of its shares"))
    }

    @Test func proseTiedToAQuestionWaitsForItsAnswer() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("10") + [.enter])
        #expect(!state.screen(160, 40).contains("three paths"))
        state.press(PlayerKey.typing("2") + [.enter])
        #expect(state.screen(160, 40).contains("not quite: 2 · hint: Count the arrows"))
        #expect(!state.screen(160, 40).contains("three paths"))
        state.press(PlayerKey.typing("3") + [.enter])
        let screen = state.screen(160, 40)
        #expect(screen.contains("three paths"))
        #expect(screen.contains("right: 3 · x feeds num, sx and xpy"))
    }

    // MARK: - Answers read as people write them

    @Test(arguments: [
        ("3/10", 0.3), ("-0.3", -0.3), ("−0.3", -0.3), (".3", 0.3), ("0,3", 0.3), ("-4*1", -4), ("1/2", 0.5),
        ("2 × (−3)", -6), ("-.5", -0.5), ("1e-3", 0.001), ("3 x 2", 6),
    ])
    func readsWhatPeopleWrite(_ typed: String, _ value: Double) {
        #expect(AnswerReader.read(typed) == .success(value))
    }

    @Test(arguments: ["1,000", "3x", "abc", "1..2", "--", "(1", "1/", "0x10"])
    func refusesWhatItCannotRead(_ typed: String) {
        guard case .failure = AnswerReader.read(typed) else {
            Issue.record("\(typed) should not be read as a number")
            return
        }
    }

    @Test func aMinusOnAQuestionIsTheAnswerNotTheSpeed() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("6") + [.enter])
        let speed = state.speed
        state.press(PlayerKey.typing("-0,3"))
        #expect(state.input == .answer("-0,3") && state.speed == speed)
        state.press([.enter])
        #expect(state.currentAnswer?.lastValue == -0.3)
        state.press(PlayerKey.typing("3/10") + [.enter])
        #expect(state.currentAnswer?.lastWasRight == true)
    }

    @Test func unreadableAnswersAreSaidSo() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("6") + [.enter] + PlayerKey.typing("0abc") + [.enter])
        #expect(state.screen(100, 30).contains("could not read “0abc”"))
        #expect(state.currentAnswer?.attempts == 0, "an unreadable answer is not a try")
        state.press(PlayerKey.typing("1,000") + [.enter])
        #expect(state.screen(100, 30).contains("is the comma a decimal point?"))
    }

    @Test func eachWrongAnswerGetsAHintAndTheSecondRevealsIt() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("4") + [.enter, .character("G")])
        state.press(PlayerKey.typing("0") + [.enter])
        #expect(state.screen(100, 30).contains("not quite: 0 · hint: If f grows by ε"))
        state.press(PlayerKey.typing("2") + [.enter])
        #expect(state.currentAnswer?.revealed == true)
        #expect(state.screen(100, 30).contains("the answer is 1"))
    }

    @Test func withoutTheAuthorsHintOneIsMadeFromTheNumbers() throws {
        let text = """
            # Shares

            ## Graph

            ```graph
            x = 3
            a = x * 2
            b = x * 5
            f = a + b
            ```

            @backward f

            ## Ask

            @ask "What is x.grad?" answer=x.grad
            """
        var state = try PlayerState(text: LessonText(file: "shares.md", text: text))
        state.press(PlayerKey.typing("3") + [.enter])
        state.press(PlayerKey.typing("−7") + [.enter])
        #expect(state.screen(100, 30).contains("not quite: −7 · the sign is flipped"))
        state.press(PlayerKey.typing("2") + [.enter])
        #expect(state.screen(100, 30).contains("the answer is 7 · the sum of its shares: 5 + 2"))
        var again = try PlayerState(text: LessonText(file: "shares.md", text: text))
        again.press(PlayerKey.typing("3") + [.enter] + PlayerKey.typing("5") + [.enter])
        #expect(again.screen(100, 30).contains("one share"))
    }

    // MARK: - Keys that do not collide

    @Test func colonJumpsFromAQuestionAndDigitsAnswerIt() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("4") + [.enter, .character("G")])
        state.press(PlayerKey.typing("7"))
        #expect(state.input == .answer("7"), "typing on a question is the answer")
        state.press([.escape] + PlayerKey.typing(":7") + [.enter])
        #expect(state.step == 6)
        state.press(PlayerKey.typing("#2") + [.enter])
        #expect(state.step == 1)
    }

    // MARK: - A lesson ends

    @Test func pastTheLastFrameComesTheClosingScreen() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("11") + [.enter, .character("G")])
        state.press(PlayerKey.typing("2.06") + [.enter])
        let effects = state.press([.right])
        #expect(effects == [.finished(Score(right: 1, asked: 1))])
        #expect(state.overlay == .closing)
        let screen = state.screen(80, 24)
        #expect(screen.contains("lesson done"))
        #expect(screen.contains("Right at the first try: 1 of 1"))
        #expect(screen.contains("Enter (PageDown) next lesson"))
        state.press([.left])
        #expect(state.overlay == .none && state.step == 10)
        state.press([.right])
        #expect(state.handle(.enter) == [.nextLesson])
        #expect(state.handle(.character("q")) == [.quit])
    }

    @Test func qIsLabelledAsTheWayBackToTheList() throws {
        var state = try chainRule()
        #expect(state.screen(80, 24).contains("q quit"))
        state.leadsToList = true
        #expect(state.screen(80, 24).contains("q list"))
    }

    // MARK: - Nudge a number

    @Test func nudgingAnInputGivesTheNumericalGradientBesideBackprop() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("5") + [.enter, .character("d")])
        guard case .nudge(let x) = state.overlay else {
            Issue.record("d shows a nudge")
            return
        }
        #expect(x.name == "x" && abs(x.numerical - -4) < 1e-6 && x.backprop == -4)
        #expect(state.screen(80, 24).contains("(f(x+ε) − f(x−ε)) / 2ε".isEmpty ? "" : "backprop: ∂f/∂x = −4"))
        state.press([.character("d")])
        guard case .nudge(let y) = state.overlay else { return }
        #expect(y.name == "y")
        state.press([.escape])
        #expect(state.overlay == .none)
    }

    // MARK: - Mistakes you can watch

    @Test func overwritingKeepsOnlyTheLastShare() throws {
        var state = try chainRule()
        state.press(PlayerKey.typing("10") + [.enter, .character("G")])
        let screen = state.screen(120, 36)
        #expect(screen.contains("wrong way (= instead of +=): x.grad is now −0.0357615, not 2.05957"), "\(screen)")
        // Each frame compares where both runs stand after it, not where they end.
        state.press([.left])
        let before = state.screen(120, 36)
        #expect(before.contains("x.grad is now 1.58319, not 2.09533"), "\(before)")
        #expect(!before.contains("−0.0357615, not"), "\(before)")
        // Where x has had one share, overwriting and adding agree: nothing to say about x.
        state.press([.left, .left])
        #expect(!state.screen(120, 36).contains("x.grad is now"))
    }

    @Test func withoutGenerationsSquareRunsTwice() throws {
        var state = try PlayerState(path: Repo.lesson("08-generations.md"))
        state.press(PlayerKey.typing("6") + [.enter, .character("G")])
        #expect(state.screen(120, 36).contains("wrong way (no generations): x.grad ends 96, not 64"))
    }
}
