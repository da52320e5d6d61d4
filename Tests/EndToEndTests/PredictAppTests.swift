import Foundation
import Testing

/// Predict mode, questions, jumping and the closing screen in the real `backstep`, in tmux at 80×24.
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
final class PredictAppTests {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-predict-\(UUID().uuidString)")
        .path

    deinit { try? FileManager.default.removeItem(atPath: state) }

    func start(_ args: [String]) throws -> TmuxSession {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        return try TmuxSession([bin] + args, width: 80, height: 24, environment: ["XDG_STATE_HOME": state])
    }

    func text(_ lines: [String]) -> String { lines.joined(separator: "\n") }

    /// Lesson 01's backward in predict mode: one right answer, one sign error and its hint, one reveal.
    @Test func predictsTheChainRuleBackward() throws {
        let tmux = try start([Binary.file("lessons/01-chain-rule.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("5", "Enter")
        try tmux.waitFor(text: "step 5/11 · frame 1/2")
        try tmux.sendKeys("Right")
        let asked = text(try tmux.waitFor(text: "type ∂f/∂x, then Enter"))
        #expect(asked.contains("grad ?"))
        #expect(asked.contains("∂f/∂x = ∂f/∂q · ∂q/∂x = ?"))
        #expect(asked.contains("predict on (P)"))
        // `-` starts the answer (it is not the speed key here).
        try tmux.type("-4")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "✓ ∂f/∂x = −4: upstream −4 × local 1")
        try tmux.type("4")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "not quite: 4 · sign flipped")
        try tmux.sendKeys("v")
        let revealed = text(try tmux.waitFor(text: "(shown)"))
        #expect(revealed.contains("∂f/∂y = −4: upstream −4 × local 1"))
        #expect(!revealed.contains("grad ?"))
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    /// A question about y.grad keeps y's gradient hidden until it is answered.
    @Test func aQuestionKeepsItsAnswer() throws {
        let tmux = try start([Binary.file("lessons/01-chain-rule.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("1", "1", "Enter")
        let before = text(try tmux.waitFor(text: "step 11/11"))
        #expect(before.contains("grad ?"))
        try tmux.type("1.59")
        try tmux.sendKeys("Enter")
        let after = text(try tmux.waitFor(text: "right: 1.59223"))
        // y's gradient shows; x's stays hidden for the next question.
        #expect(after.contains("grad 1.592"))
        #expect(after.components(separatedBy: "grad ?").count == 2, "\(after)")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    /// On a question frame digits are the answer; `:` then digits jumps.
    @Test func jumpsFromAQuestionFrame() throws {
        let tmux = try start([Binary.file("lessons/01-chain-rule.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("4", "Enter")
        try tmux.waitFor(text: "step 4/11")
        try tmux.sendKeys("7")
        try tmux.waitFor(text: "answering")
        try tmux.sendKeys("Escape", ":", "7", "Enter")
        try tmux.waitFor(text: "step 7/11")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    /// The last frame leads to the closing screen; its score is in the picker, also after reopening.
    @Test func closingScreenAndTheScoreInThePicker() throws {
        let tmux = try start([Binary.file("lessons")])
        try tmux.waitFor(text: "Enter open")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "q list")
        try tmux.sendKeys("1", "1", "Enter")
        try tmux.waitFor(text: "step 11/11 · frame 1/2")
        try tmux.type("1.59")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "right: 1.59223")
        try tmux.sendKeys("Right")
        try tmux.waitFor(text: "step 11/11 · frame 2/2")
        try tmux.type("2")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "not quite: 2")
        try tmux.sendKeys("v", "Right")
        let closing = text(try tmux.waitFor(text: "lesson done"))
        #expect(closing.contains("Right at the first try: 1 of 2"))
        #expect(closing.contains("Enter (PageDown) next lesson"))
        try tmux.sendKeys("q")
        let picker = text(try tmux.waitFor(text: "Enter open"))
        #expect(picker.contains("1/2 right · done"), "\(picker)")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
        // Reopened: the score is still there, and reviewing an earlier step keeps it done.
        let again = try start([Binary.file("lessons")])
        #expect(text(try again.waitFor(text: "Enter open")).contains("1/2 right · done"))
        // The list opens on the first lesson not done; 1 picks the first.
        try again.sendKeys("1", "Enter")
        try again.waitFor(text: "resumes there")
        try again.sendKeys("Escape")
        try again.waitFor(text: "step 1/11")
        try again.sendKeys("Right", "q")
        #expect(text(try again.waitFor(text: "Enter open")).contains("1/2 right · done"))
        try again.sendKeys("q")
        #expect(try again.waitForExit() == 0)
    }

    /// Enter on the closing screen opens the next lesson of the folder.
    @Test func enterOnTheClosingScreenOpensTheNextLesson() throws {
        let tmux = try start([Binary.file("lessons/08-generations.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("7", "Enter", "v", "Right", "v", "Right")
        try tmux.waitFor(text: "lesson done")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "Higher")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
