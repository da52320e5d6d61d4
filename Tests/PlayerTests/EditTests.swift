import Foundation
import Lessons
import Player
import Rendering
import Testing

/// `e` changes a value in the lesson's text and plays it again; `r` resets.
@Suite struct EditTests {
    static let lesson = """
        ---
        title: Edit me
        ---

        # Edit me

        ## Graph

        ```graph
        x = -2   # the input
        y = 5
        f = x * y
        ```

        @forward

        ## Back

        @backward f

        @ask "What is ∂f/∂x?" answer=x.grad
        """

    func state() throws -> PlayerState { try PlayerState(text: LessonText(file: "edit.md", text: Self.lesson)) }

    @Test func editingAnInputRecomputesDownstream() throws {
        var state = try state()
        state.press([.character("]")])
        #expect(state.screen().contains("▶ f = x × y = −2 × 5 = −10"))
        state.press([.character("e")])
        guard case .edit(let session) = state.input else {
            Issue.record("e should open the editor")
            return
        }
        #expect(session.fields.map(\.label) == ["x", "y"])
        #expect(session.text == "-2")
        #expect(state.screen().contains("new x = -2"))
        state.press([.backspace, .backspace] + PlayerKey.typing("3") + [.enter])
        #expect(state.input == .none)
        #expect(state.message == "x = 3: recomputed")
        #expect(state.text?.edited.contains("x = 3  # the input") == true)
        #expect(state.screen().contains("▶ f = x × y = 3 × 5 = 15"))
        #expect(state.screen().contains("[edited: r resets]"))
        // The question's answer follows the edit: ∂f/∂x = y = 5.
        state.press([.character("]"), .character("G")] + PlayerKey.typing("5") + [.enter])
        #expect(state.currentAnswer?.lastWasRight == true)
        state.press([.character("r")])
        #expect(state.text?.isEdited == false)
        #expect(state.message == "values reset to the lesson's own")
    }

    @Test func tabMovesBetweenFieldsAndEscapeCancels() throws {
        var state = try state()
        state.press([.character("]"), .character("e"), .tab])
        guard case .edit(let session) = state.input else {
            Issue.record("editor closed")
            return
        }
        #expect(session.field?.label == "y" && session.text == "5")
        state.press([.escape])
        #expect(state.input == .none && state.text?.isEdited == false)
    }

    @Test func aBrokenValueKeepsTheLesson() throws {
        var state = try state()
        state.press([.character("]"), .character("e"), .backspace, .backspace] + PlayerKey.typing("[1, 2") + [.enter])
        #expect(state.text?.isEdited == false)
        #expect(state.message?.hasPrefix("x = [1, 2 does not work:") == true)
    }

    @Test func trainingOptionsAreEditable() throws {
        var state = try PlayerState(path: Repo.lesson("05-linear-regression.md"))
        state.press(PlayerKey.typing("7") + [.enter, .character("e")])
        guard case .edit(let session) = state.input else {
            Issue.record("editor closed")
            return
        }
        #expect(session.fields.prefix(2).map(\.label) == ["lr", "iters"])
        state.press([.tab] + Array(repeating: .backspace, count: 3) + PlayerKey.typing("20") + [.enter])
        #expect(state.message == "iters = 20: recomputed")
        #expect(state.frameCount == 3)
        state.press([.character("G")])
        #expect(state.screen().contains("iteration 20/20"))
        state.press([.character("e"), .backspace, .backspace, .backspace] + PlayerKey.typing("abc") + [.enter])
        #expect(state.message == "lr must be a number greater than 0")
    }

    /// Issue 17: Tab from lr to iters used to forget the lr typed.
    @Test func everyFieldKeepsWhatWasTypedInIt() throws {
        var state = try PlayerState(path: Repo.lesson("05-linear-regression.md"))
        state.press(PlayerKey.typing("7") + [.enter, .character("e")])
        state.press(Array(repeating: .backspace, count: 3) + PlayerKey.typing("10") + [.tab])
        state.press(Array(repeating: .backspace, count: 3) + PlayerKey.typing("50"))
        guard case .edit(let session) = state.input else {
            Issue.record("editor closed")
            return
        }
        #expect(session.values.prefix(2) == ["10", "50"])
        // The box shows both, and Tab back to lr finds the 10 still there.
        let box = state.screen(80, 24)
        #expect(box.contains("lr = 10  iters = 50"), "\(box)")
        state.press([.backTab])
        if case .edit(let back) = state.input { #expect(back.text == "10") }
        state.press([.enter])
        #expect(state.message == "lr = 10, iters = 50: recomputed")
        #expect(state.text?.edited.contains("lr=10 iters=50") == true)
        // A wrong value anywhere keeps the lesson as it was.
        state.press([.character("r"), .character("e")] + PlayerKey.typing("x") + [.tab, .enter])
        #expect(state.message == "lr must be a number greater than 0")
    }

    /// Issue 17: lr = 10 on lesson 05's training, started with `a` (or a clicker's PageDown),
    /// shows its first iterations one by one, so the divergence is seen growing.
    @Test func lrTenOnLessonFourBuildsUpOneIterationATime() throws {
        var state = try PlayerState(path: Repo.lesson("05-linear-regression.md"))
        state.view = ScreenView(width: 80, height: 24)
        state.press(PlayerKey.typing("7") + [.enter, .character("e")])
        state.press(Array(repeating: .backspace, count: 3) + PlayerKey.typing("10") + [.enter])
        #expect(state.message == "lr = 10: recomputed")
        #expect(state.frame == 0 && state.trainingRun == .ready)
        state.press([.pageDown])
        var shown: [Int] = []
        var screens: [String] = []
        for _ in 0..<8 where state.autoplay != nil {
            _ = state.tick()
            shown.append(state.trainingCursor ?? -1)
            screens.append(state.screen(80, 24))
        }
        #expect(Array(shown.prefix(5)) == [1, 2, 3, 4, 5], "\(shown)")
        // Each tick's screen names its iteration, and the loss grows between them.
        for (i, screen) in screens.prefix(5).enumerated() {
            #expect(screen.contains("iteration \(i + 1)/100"), "\(screen)")
        }
    }

    @Test func nothingToEditSaysSo() throws {
        var state = try state()
        #expect(state.handle(.character("e")) == [.bell])
        let noText = PlayerState(trace: state.trace)
        var copy = noText
        copy.press([.character("]")])
        #expect(copy.handle(.character("e")) == [.bell])
        #expect(copy.message == "editing needs the lesson's file")
    }

    @Test func lineSurgery() {
        let text = LessonText(file: "a.md", text: "x = 1  # one\n@train loss lr=0.1 iters=100 every=10\n")
        #expect(text.edited == text.original)
    }

    /// `backstep class` plays a lesson's translation with the teacher's edits:
    /// the edited lines are found by their text, not their numbers.
    @Test func editsCarryToATranslationByTheirLines() throws {
        var state = try state()
        state.press([.character("]"), .character("e"), .backspace, .backspace] + PlayerKey.typing("3") + [.enter])
        let english = try #require(state.text)
        let korean = LessonText(
            file: "ko.md",
            text: Self.lesson.replacingOccurrences(of: "# Edit me", with: "# 고쳐 보기\n\n한 줄 더.\n"))
        let carried = try #require(korean.carryingEdits(of: english))
        #expect(carried.edited.contains("x = 3  # the input"))
        #expect(carried.edited.contains("고쳐 보기"))
        var translated = try PlayerState(text: carried)
        translated.press([.character("]")])
        #expect(translated.screen().contains("▶ f = x × y = 3 × 5 = 15"))
        // A translation without the edited line cannot carry it.
        let other = LessonText(file: "other.md", text: Self.lesson.replacingOccurrences(of: "x = -2", with: "x = -1"))
        #expect(other.carryingEdits(of: english) == nil)
        #expect(other.carryingEdits(of: LessonText(file: english.file, text: english.original)) != nil)
    }
}
