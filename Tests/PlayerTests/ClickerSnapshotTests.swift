import Foundation
import Lessons
import Player
import Rendering
import Testing

/// Golden text of the screens a class with a clicker meets (issue 17), at the sizes a
/// class uses, English and Korean: a question PageDown revealed, the text PageDown
/// brings on a small screen, the resume dialog, the closing screen of a long lesson
/// (its keys in view), the help, the edit box keeping lr while iters is typed, and a
/// training step with the theme's name in the message row over its chart.
@Suite struct ClickerSnapshotTests {
    static let sizes = [(64, 20), (80, 24), (100, 30), (160, 45)]

    func player(_ name: String, _ width: Int, _ height: Int) throws -> PlayerState {
        var state = try PlayerState(path: Repo.lesson(name))
        state.view = ScreenView(width: width, height: height)
        return state
    }

    @Test(arguments: ["", "ko/"])
    func clickerScreens(_ language: String) throws {
        for (width, height) in Self.sizes {
            var text = ""
            func add(_ title: String, _ state: PlayerState) {
                text += "=== \(title) ===\n" + state.screen(width, height) + "\n"
            }
            // A question, revealed by PageDown.
            var question = try player(language + "02-sigmoid-neuron.md", width, height)
            let ask = try #require(
                question.trace.steps.indices.first { s in
                    question.trace.steps[s].frames.contains { if case .ask = $0 { true } else { false } }
                })
            let frame = try #require(
                question.trace.steps[ask].frames.firstIndex { if case .ask = $0 { true } else { false } })
            try question.go(step: ask, frame: frame)
            question.press([.pageDown])
            add("PageDown on a question", question)
            // The step's text, brought by PageDown where the screen hides it (else the next frame).
            var text2 = try player(language + "02-sigmoid-neuron.md", width, height)
            try text2.go(step: 2)
            text2.press([.pageDown])
            add("PageDown on step 3, frame 1", text2)
            // The resume dialog.
            var resume = try player(language + "02-sigmoid-neuron.md", width, height)
            resume.offerResume(at: FrameRef(step: 4, frame: 1))
            add("resume", resume)
            // The closing screen of a lesson of sixteen steps.
            var closing = try player(language + "03-broadcasting.md", width, height)
            let last = closing.stepCount - 1
            try closing.go(step: last, frame: closing.frameCount(ofStep: last) - 1)
            closing.press([.character("v"), .right])
            add("closing", closing)
            // Help.
            var help = try player(language + "01-chain-rule.md", width, height)
            help.press([.character("?")])
            add("help", help)
            // The edit box: lr = 10 typed, then Tab to iters and 50 typed.
            var edit = try player(language + "05-linear-regression.md", width, height)
            edit.press(PlayerKey.typing("7") + [.enter, .character("e")])
            edit.press(Array(repeating: .backspace, count: 3) + PlayerKey.typing("10") + [.tab])
            edit.press(Array(repeating: .backspace, count: 3) + PlayerKey.typing("5"))
            add("edit box", edit)
            // Recomputed with lr = 10, run to its end, and `t`: the message takes its own row.
            edit.press([.character("0"), .enter, .character("G"), .character("t")])
            add("lr = 10, iters = 50, last frame, projector theme", edit)
            edit.press([.character("t")])
            add("projector-light theme", edit)
            assertSnapshot(text, named: "Clicker-\(language.isEmpty ? "en" : "ko")-\(width)x\(height)")
        }
    }
}
