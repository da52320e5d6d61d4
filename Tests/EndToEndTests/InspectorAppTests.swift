import Foundation
import Testing

/// The node inspector and layer groups in the real `backstep`, in tmux at 100×30.
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
final class InspectorAppTests {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-inspect-\(UUID().uuidString)")
        .path

    deinit { try? FileManager.default.removeItem(atPath: state) }

    func text(_ lines: [String]) -> String { lines.joined(separator: "\n") }

    /// Lesson 10's layer: `i` shows L.W's whole 2×3 value, `o` closes the layer into one box, Esc closes.
    @Test func inspectsAWeightAndClosesTheLayer() throws {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let tmux = try TmuxSession(
            [bin, Binary.file("lessons/10-layers-and-models.md")], width: 100, height: 30,
            environment: ["XDG_STATE_HOME": state])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("]")
        try tmux.waitFor(text: "step 2/")
        try tmux.sendKeys("i")
        let inspected = text(try tmux.waitFor(text: "inspect: L.W"))
        #expect(inspected.contains("shape (2, 3)"), "\(inspected)")
        // The whole value: two rows of three numbers, nothing left out.
        let rows = inspected.split(separator: "\n").filter { $0.contains("[[") || $0.contains(" [") }
        #expect(rows.contains { $0.contains("[[") && !$0.contains("…") }, "\(inspected)")
        #expect(inspected.contains("not reached by backward yet"))
        try tmux.sendKeys("o")
        // The closed box is drawn whole before it is read (a capture can fall between two rows' updates).
        let closed = text(
            try tmux.waitUntil("the layer closed into one box") { screen in
                let all = screen.joined(separator: "\n")
                return all.contains("L (layer)") && all.contains("L.b (3,)")
            })
        #expect(closed.contains("L.b (3,)"), "\(closed)")
        // Open again: the layer's linear node is drawn in the graph.
        try tmux.sendKeys("o")
        try tmux.waitUntil("the layer open") { screen in
            screen.contains { $0.contains("▶ linear") || $0.contains("│  linear  │") }
        }
        try tmux.sendKeys("Escape")
        try tmux.waitUntil("the inspector closed") { screen in !screen.joined().contains("inspect:") }
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
