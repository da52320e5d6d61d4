import Foundation
import Player
import Rendering
import Testing

/// The style layer of the frames that teach the most: which node the pass is
/// on (bold forward, reverse backward), beside the text, so a change that
/// keeps every character but loses the focus fails. One golden per lesson
/// step under `__Snapshots__/Styles-…`, drawn through a `TestBackend` at 100×30.
@Suite struct StyleLayerSnapshotTests {
    @Test(arguments: [
        ("01-chain-rule.md", 3), ("01-chain-rule.md", 5), ("03-broadcasting.md", 3),
    ])
    func focusIsMarkedFrameByFrame(_ lesson: String, _ step: Int) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        let backend = TestBackend(width: 100, height: 30)
        var text = ""
        for frame in 0..<Swift.min(state.frameCount(ofStep: step - 1), 6) {
            try state.go(step: step - 1, frame: frame)
            backend.draw(Screen.render(state, width: backend.size.width, height: backend.size.height))
            text += "=== step \(step), frame \(frame + 1) ===\n" + screenText(backend.buffer) + "\n"
            text += "--- styles (\(Buffer.styleLegend)) ---\n"
            text += backend.buffer.styleLines().joined(separator: "\n") + "\n"
        }
        assertSnapshot(text, named: "Styles-\(lesson.replacingOccurrences(of: ".md", with: ""))-step\(step)")
    }
}
