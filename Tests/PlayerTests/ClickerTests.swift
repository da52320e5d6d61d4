import Foundation
import Lessons
import Player
import Rendering
import Testing

/// A presenter's clicker sends only PageDown and PageUp (and often `.`): with them
/// alone a teacher runs a whole lesson (issue 17).
@Suite struct ClickerTests {
    func lesson(_ name: String, width: Int = 80, height: Int = 24) throws -> PlayerState {
        var state = try PlayerState(path: Repo.lesson(name))
        state.view = ScreenView(width: width, height: height)
        return state
    }

    /// The screen without its status line (which counts the keys pressed).
    func body(_ state: PlayerState, _ width: Int = 80, _ height: Int = 24) -> String {
        state.screen(width, height).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(" · #") }.joined(separator: "\n")
    }

    /// The first `@ask` frame of the lesson.
    func firstQuestion(_ state: PlayerState) throws -> FrameRef {
        for (s, played) in state.trace.steps.enumerated() {
            if let f = played.frames.firstIndex(where: { if case .ask = $0 { return true } else { return false } }) {
                return FrameRef(step: s, frame: f)
            }
        }
        throw CancellationError()
    }

    @Test func onAQuestionPageDownRevealsThenMovesOn() throws {
        var state = try lesson("02-sigmoid-neuron.md")
        let ask = try firstQuestion(state)
        try state.go(step: ask.step, frame: ask.frame)
        #expect(state.isAsking)
        #expect(state.handle(.pageDown) == [.scored(Score(right: 0, asked: 1))])
        #expect(state.place == ask && state.currentAnswer?.revealed == true)
        #expect(state.screen(80, 24).contains("the answer is 0.25"), "\(state.screen(80, 24))")
        // Revealed, not answered: the score counts it as asked, not right.
        state.press([.pageDown])
        #expect(state.place != ask)
        // PageUp goes back to the question, still revealed.
        state.press([.pageUp])
        #expect(state.place == ask && state.currentAnswer?.revealed == true)
    }

    @Test func inPredictModeEachPageDownRevealsOneNumber() throws {
        // Lesson 01's backward pass is a predict step: its later frames ask for numbers.
        var state = try lesson("01-chain-rule.md")
        var moves = 0
        while state.blanks(at: state.place).isEmpty, moves < 200 {
            state.press([.right])
            moves += 1
        }
        let place = state.place
        let blanks = state.blanks(at: place).count
        #expect(blanks >= 1)
        #expect(state.screen(80, 24).contains("?"))
        for i in 0..<blanks {
            #expect(state.openBlank == i)
            state.press([.pageDown])
            #expect(state.place == place)
        }
        let stillAsking = state.isAsking
        #expect(!stillAsking)
        // Then the rest of the text the answers brought (if it is cut), then the next frame.
        var presses = 0
        while state.place == place, presses < 10 {
            #expect(state.handle(.pageDown).allSatisfy { if case .scored = $0 { false } else { true } })
            presses += 1
        }
        #expect(state.place != place)
    }

    @Test func theResumeDialogTakesPageDownAndPageUp() throws {
        var state = try lesson("02-sigmoid-neuron.md")
        state.offerResume(at: FrameRef(step: 3, frame: 0))
        #expect(state.screen(80, 24).contains("Enter (PageDown) resumes there"))
        #expect(state.handle(.pageDown) == [.moved(step: 3, frame: 0)])
        #expect(state.overlay == .none && state.step == 3)

        var again = try lesson("02-sigmoid-neuron.md")
        again.offerResume(at: FrameRef(step: 3, frame: 0))
        #expect(again.handle(.pageUp) == [])
        #expect(again.overlay == .none && again.step == 0)
    }

    @Test func theClosingScreenTakesPageDownForTheNextLesson() throws {
        var state = try lesson("02-sigmoid-neuron.md")
        try state.go(step: state.stepCount - 1, frame: state.frameCount(ofStep: state.stepCount - 1) - 1)
        // A question on the last frame is revealed first, then the closing screen comes.
        while state.overlay != .closing { state.press([.pageDown]) }
        #expect(state.screen(80, 24).contains("Enter (PageDown) next lesson"))
        state.press([.pageUp])
        #expect(state.overlay == .none)
        state.press([.pageDown])
        #expect(state.overlay == .closing)
        #expect(state.handle(.pageDown) == [.nextLesson])
    }

    @Test(arguments: [PlayerKey.character("."), .character("B")])
    func aBlankScreenUntilAnyKey(_ key: PlayerKey) throws {
        var state = try lesson("01-chain-rule.md")
        state.press([.right])
        let place = state.place
        state.press([key])
        #expect(state.overlay == .blank)
        #expect(state.screen(80, 24).allSatisfy { $0 == " " || $0 == "\n" })
        // The key that brings the lesson back does nothing else.
        #expect(state.handle(.pageDown) == [])
        #expect(state.overlay == .none && state.place == place)
        #expect(state.screen(80, 24).contains("step 2/"))
    }

    @Test func theProjectorThemesBlankToTheirOwnBackground() throws {
        var state = try lesson("01-chain-rule.md")
        state.theme = .projectorLight
        state.press([.character("B")])
        let buffer = Screen.render(state, width: 20, height: 5)
        #expect(buffer.cells.allSatisfy { $0.symbol == " " && $0.style.bg == .indexed(231) })
    }

    /// A frame whose step's text is longer than its panel at 80×24, and which asks nothing.
    func frameWithLongText(_ state: PlayerState) throws -> (step: Int, frame: Int) {
        var probe = state
        for s in 0..<state.stepCount {
            for f in 0..<state.frameCount(ofStep: s) {
                try probe.go(step: s, frame: f)
                if probe.screen(80, 24).contains("more ↓ j"), !probe.isAsking { return (s, f) }
            }
        }
        throw CancellationError()
    }

    @Test func textCutByItsPanelIsPagedThroughFirstAndPageUpPagesBack() throws {
        var state = try lesson("02-sigmoid-neuron.md")
        let (s, f) = try frameWithLongText(state)
        try state.go(step: s, frame: f)
        let start = state.place
        var pages = [body(state)]
        while state.screen(80, 24).contains("more ↓ j") {
            #expect(state.handle(.pageDown) == [])
            #expect(state.place == start)
            pages.append(body(state))
            if pages.count > 20 { break }
        }
        #expect(pages.count >= 2)
        #expect(pages.last?.contains("more ↑ k") == true)
        // PageUp pages back through the same pages, then PageDown through them again.
        for page in pages.reversed().dropFirst() {
            state.press([.pageUp])
            #expect(body(state) == page)
        }
        #expect(state.place == start)
        for page in pages.dropFirst() {
            state.press([.pageDown])
            #expect(body(state) == page)
        }
        // Everything has been shown: the next PageDown moves on (or reveals the frame's question).
        state.press([.pageDown])
        let answered = state.currentAnswer?.revealed ?? false
        #expect(state.place != start || answered)
    }

    @Test func onASmallScreenPageDownShowsTheHiddenTextOnceAStep() throws {
        var state = try lesson("02-sigmoid-neuron.md", width: 64, height: 20)
        // A step of several frames on a graph: the frame's own panel is the graph, the text is hidden.
        var s = 0
        while s < state.stepCount, !(body(state, 64, 20).contains("hidden: text") && state.frameCount > 2) {
            s += 1
            try state.go(step: s)
        }
        try #require(s < state.stepCount)
        let graph = body(state, 64, 20)
        #expect(state.handle(.pageDown) == [])
        let text = body(state, 64, 20)
        #expect(state.frame == 0 && text.contains("hidden: graph"), "\(text)")
        // Any rest of the text, then the next frame, on its own panel again.
        var presses = 0
        while state.frame == 0, presses < 20 {
            state.press([.pageDown])
            presses += 1
        }
        #expect(state.frame == 1 && body(state, 64, 20).contains("hidden: text"))
        // The step's text has been shown: the next PageDown moves straight on.
        // (Unless this frame brought text of its own, tied to it with `{frame=N}`: that shows first.)
        if !state.isAsking {
            state.press([.pageDown])
            #expect(state.frame == 2 || body(state, 64, 20).contains("hidden: graph"))
        }
        // PageUp goes back a frame at a time, to each frame's own panel.
        while state.frame > 0 { state.press([.pageUp]) }
        #expect(body(state, 64, 20) == graph)
    }

    @Test func aTrainingStepRunsEndsAndMovesOnWithPageDown() throws {
        var state = try lesson("05-linear-regression.md")
        let train = try #require(state.trace.steps.firstIndex { $0.step.title == "Train" })
        try state.go(step: train)
        #expect(state.trainingRun == .ready)
        let effects = state.handle(.pageDown)
        #expect(effects.contains { if case .autoplay(let ms) = $0 { return ms != nil } else { return false } })
        #expect(state.trainingRun == .running)
        _ = state.tick()
        #expect(state.trainingCursor == 1)
        state.press([.pageDown])
        #expect(state.trainingRun == .done && state.autoplay == nil)
        state.press([.pageDown])
        #expect(state.step > train || state.screen(80, 24).contains("more ↑ k"))
    }

    @Test func spacePausesAndResumesAsTheReadmeSays() throws {
        var state = try lesson("05-linear-regression.md")
        let train = try #require(state.trace.steps.firstIndex { $0.step.title == "Train" })
        try state.go(step: train)
        state.press([.character("a")])
        _ = state.tick()
        #expect(state.trainingRun == .running)
        state.press([.character(" ")])
        #expect(state.trainingRun == .paused && state.autoplay?.isPaused == true)
        let place = state.place
        state.press([.character(" ")])
        #expect(state.trainingRun == .running && state.place == place)
        // With nothing playing, space is the next frame.
        state.press([.escape, .character("g")])
        state.press([.character(" ")])
        #expect(state.frame == 1)
    }

    /// A message takes a row of its own: the loss chart and the fit keep their axes at every size.
    @Test(arguments: [(64, 20), (80, 24), (100, 30), (160, 45)])
    func aMessageNeverCoversAChart(_ width: Int, _ height: Int) throws {
        var state = try lesson("05-linear-regression.md", width: width, height: height)
        let train = try #require(state.trace.steps.firstIndex { $0.step.title == "Train" })
        try state.go(step: train, frame: 3)
        let quiet = state.screen(width, height).components(separatedBy: "\n")
        state.press([.character("t")])
        let lines = state.screen(width, height).components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains("theme: projector") })
        #expect(row == height - 2)
        // Both charts' x axes and their tick labels are still there, above the message.
        let axes = { (screen: [String]) in screen.filter { $0.contains("└┬") }.count }
        #expect(axes(lines) == axes(quiet) && axes(lines) >= 1, "\(lines.joined(separator: "\n"))")
        #expect(lines[row].trimmingCharacters(in: .whitespaces) == "theme: projector")
    }
}
