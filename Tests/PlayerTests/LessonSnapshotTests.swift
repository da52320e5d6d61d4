import Foundation
import Lessons
import Player
import Rendering
import Testing

/// Golden text of every step of every shipped lesson, English and Korean, at
/// the sizes a class uses: 64×20 (a zoomed projector font), 80×24, 100×30 and
/// 160×45, and 80×24 in ASCII: one readable file per lesson and variant under
/// `__Snapshots__/`, each step at its last frame (what the step leaves on
/// screen). Re-record with `BACKSTEP_RECORD_SNAPSHOTS=1 swift test`.
@Suite struct LessonSnapshotTests {
    static let variants = [(64, 20, false), (80, 24, false), (80, 24, true), (100, 30, false), (160, 45, false)]

    /// One case per lesson (it is played once), five golden files each.
    @Test(arguments: Repo.shippedLessons)
    func everyStepMatchesItsGolden(_ lesson: String) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        for (width, height, ascii) in Self.variants {
            var text = ""
            for step in 0..<state.stepCount {
                let last = state.frameCount(ofStep: step) - 1
                try state.go(step: step, frame: last)
                text += "=== step \(step + 1), frame \(last + 1) ===\n"
                text +=
                    screenText(Screen.render(state, width: width, height: height, glyphs: ascii ? .ascii : .unicode))
                    + "\n"
            }
            let name =
                "Lesson-" + lesson.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".md", with: "")
                + "-\(width)x\(height)" + (ascii ? "-ascii" : "")
            assertSnapshot(text, named: name)
        }
    }

    /// The frames a lesson is about, frame by frame: the chain rule's backward pass and
    /// a shared input's `+=`, and the first training frames, at 100×30.
    @Test(arguments: [
        ("01-chain-rule.md", 5), ("01-chain-rule.md", 9), ("03-broadcasting.md", 3), ("05-linear-regression.md", 7),
    ])
    func framesOfKeySteps(_ lesson: String, _ step: Int) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        var text = ""
        for frame in 0..<Swift.min(state.frameCount(ofStep: step - 1), 8) {
            try state.go(step: step - 1, frame: frame)
            text += "=== step \(step), frame \(frame + 1) ===\n" + state.screen(100, 30) + "\n"
        }
        assertSnapshot(text, named: "Frames-\(lesson.replacingOccurrences(of: ".md", with: ""))-step\(step)")
    }
}
