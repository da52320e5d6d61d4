import Foundation
import Lessons
import Rendering
import Testing

@testable import Player

/// What a student in predict mode sees on small and middle screens: the line
/// asked stays in view with its hint, `?` only marks what is asked, and a
/// question comes with the text that leads to it.
@Suite struct PredictScreenTests {
    /// Lesson 01's `+=` backward at its sixth frame: x's share from xpy, with x.grad's running total.
    func plusEqualsFrame(_ lesson: String) throws -> PlayerState {
        var state = try PlayerState(path: Repo.lesson(lesson))
        try state.go(step: 8, frame: 5)
        #expect(state.openBlank == 0)
        return state
    }

    @Test(arguments: ["01-chain-rule.md", "ko/01-chain-rule.md"])
    func theAskedLineAndItsHintStayInViewAt80x24(_ lesson: String) throws {
        var state = try plusEqualsFrame(lesson)
        state.press(PlayerKey.typing("7") + [.enter])
        state.press(PlayerKey.typing("8") + [.enter])
        // After two wrong answers the share is shown; the running total is asked next, with its hint.
        state.press(PlayerKey.typing("9") + [.enter])
        for (width, height) in [(64, 20), (80, 24)] {
            let screen = state.screen(width, height)
            #expect(screen.contains("x.grad += "), "the asked total's line")
            #expect(screen.contains(lesson.hasPrefix("ko") ? "0.512144 + ___" : "not quite: 9"), "its hint")
        }
    }

    @Test func aPanelShortOfRowsKeepsTheAskedLineAndMarksWhatIsLeftOut() throws {
        let state = try plusEqualsFrame("01-chain-rule.md")
        let context = ScreenContext(state: state, glyphs: .unicode)
        let lines: [StyledLine] =
            ["head", "∂f/∂z = 3", "∂f/∂q = 2", "up", "∂f/∂x = ?", "total ?", "after", "more", "not quite: 4", "type"]
        let shown = PredictLines.fitting(lines, height: 6, context).map(\.plainText)
        #expect(shown == ["…", "∂f/∂x = ?", "…", "more", "not quite: 4", "type"])
        // With room, the line before the asked one too.
        let long: [StyledLine] = [
            "head", "a", "b", "up", "∂f/∂x = ?", "m1", "m2", "m3", "m4", "h1", "h2", "h3", "type",
        ]
        let roomy = PredictLines.fitting(long, height: 9, context).map(\.plainText)
        #expect(roomy == ["…", "up", "∂f/∂x = ?", "…", "m4", "h1", "h2", "h3", "type"])
        // Everything from the asked line on fits: no gap, a mark above.
        let fits = PredictLines.fitting(Array(lines.prefix(7)), height: 5, context).map(\.plainText)
        #expect(fits == ["…", "up", "∂f/∂x = ?", "total ?", "after"])
        // Not asking: the first lines.
        var watching = state
        watching.press([.character("v"), .character("v"), .character("v"), .character("v")])
        #expect(!watching.isAsking)
        let first = PredictLines.fitting(lines, height: 3, ScreenContext(state: watching, glyphs: .unicode))
        #expect(first.map(\.plainText) == ["head", "∂f/∂z = 3", "∂f/∂q = 2"])
    }

    @Test func questionMarksOnlyWhatIsAsked() throws {
        #expect(NodeText.valueLines(nil, level: .rich, ascii: false).map(\.text) == ["…"])
        #expect(NodeText.valueLines(nil, level: .rich, ascii: true).map(\.text) == ["..."])
        #expect(NodeText.valueLines(nil, level: .rich, ascii: false, hidden: true).map(\.text) == ["?"])
        // The forward pass in predict mode: f's value is not computed yet (…), q's is asked (?).
        var state = try PlayerState(path: Repo.lesson("01-chain-rule.md"))
        state.setPredictMode(true)
        try state.go(step: 2, frame: 0)
        #expect(!state.blanks(at: state.place).isEmpty)
        let boxed = Self.boxLines(state.screen(100, 30))
        #expect(boxed.contains("?"), "the asked value")
        #expect(boxed.contains("…"), "a value not computed yet")
        // Without predict mode nothing is asked: no box shows `?`.
        state.setPredictMode(false)
        let watched = Self.boxLines(state.screen(100, 30))
        #expect(!watched.contains("?") && watched.contains("…"))
    }

    /// Every text between two box sides on the screen, trimmed.
    static func boxLines(_ screen: String) -> [String] {
        screen.split(separator: "\n").flatMap { row in
            row.split(omittingEmptySubsequences: false) { $0 == "│" || $0 == "┃" }.dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    @Test(arguments: ["05-linear-regression.md", "ko/05-linear-regression.md"])
    func aQuestionComesWithItsTextOnASmallScreen(_ lesson: String) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        try state.go(step: 5, frame: 0)
        guard case .ask = state.currentFrame else {
            Issue.record("step 6 asks")
            return
        }
        let screen = state.screen(64, 20)
        #expect(screen.contains("W ← W − lr · W.grad"), "the text that leads to the question")
        #expect(screen.contains("b.grad ≈ −12.95"), "the question")
        #expect(!screen.contains("1.295"), "the answer waits")
        state.press(PlayerKey.typing("1.30") + [.enter])
        // Answered, the text tied to it comes under the text read so far, and the text scrolls to it.
        let answered = state.screen(64, 20)
        #expect(answered.contains("1.295"), "\(answered)")
        let more = lesson.hasPrefix("ko") ? "더 보기 " : "more "
        #expect(answered.contains(more + "↑"), "\(answered)")
        // ↑ scrolls back up from there, and the text stays where the student left it.
        state.press([.up, .up, .up, .up, .up, .up])
        let back = state.screen(64, 20)
        #expect(back.contains(more + "↓") && !back.contains(more + "↑"), "\(back)")
    }
}
