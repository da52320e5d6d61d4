import Foundation
import Lessons
import Player
import Rendering
import Testing

/// The presenter's view: golden screens of lesson 02 on the step with a note,
/// in English and Korean, and the timer past the lesson's minutes.
@Suite struct PresenterScreenTests {
    @Test(arguments: ["02-sigmoid-neuron.md", "ko/02-sigmoid-neuron.md"])
    func theStepWithANoteMatchesItsGolden(_ lesson: String) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        try state.go(step: 7, frame: 0)
        var text = "=== step 8, 2:05 in ===\n"
        text += screenText(PresenterScreen.render(state, seconds: 125, cursor: nil, width: 120, height: 36)) + "\n"
        // The cursor on step 3, and the last frame of the lesson (nothing comes next).
        try state.go(step: state.stepCount - 1, frame: state.frameCount(ofStep: state.stepCount - 1) - 1)
        text += "=== the last frame, the cursor on step 3 ===\n"
        text += screenText(PresenterScreen.render(state, seconds: 0, cursor: 2, width: 100, height: 30))
        let name =
            "Presenter-" + lesson.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".md", with: "")
        assertSnapshot(text, named: name)
    }

    @Test func theTimerTurnsToAWarningPastTheLessonsMinutes() throws {
        let state = try PlayerState(path: Repo.lesson("02-sigmoid-neuron.md"))
        let inTime = PresenterScreen.render(state, seconds: 899, cursor: nil, width: 100, height: 30)
        let late = PresenterScreen.render(state, seconds: 901, cursor: nil, width: 100, height: 30)
        #expect(screenText(inTime).hasPrefix("Presenter · A sigmoid neuron"))
        #expect(inTime.lines()[0].hasSuffix("14:59 / 15:00") && late.lines()[0].hasSuffix("15:01 / 15:00"))
        #expect(!inTime.style(x: 99, y: 0).modifiers.contains(.reverse))
        #expect(late.style(x: 99, y: 0).modifiers.contains(.reverse))
        // Any size draws without trapping, down to 1×1.
        for (w, h) in [(1, 1), (10, 3), (30, 8), (200, 60)] {
            let buffer = PresenterScreen.render(state, seconds: 5, cursor: 0, width: w, height: h)
            #expect(buffer.width == w && buffer.height == h)
        }
    }
}
