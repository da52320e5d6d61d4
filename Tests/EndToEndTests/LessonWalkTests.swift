import Foundation
import Testing

/// Every frame of the core lessons and of the layer and spiral lessons, English and Korean, walked forward and
/// back in the real app, each screen compared with what `backstep render`
/// prints for it: the values, gradients and chain-rule arithmetic the student
/// sees are the ones the lesson computes, and the app loses nothing on the way.
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
struct LessonWalkTests {
    static let lessons = [
        "01-chain-rule.md", "02-sigmoid-neuron.md", "03-broadcasting.md", "05-linear-regression.md",
        "06-two-layer-net.md", "10-layers-and-models.md", "11-softmax-and-spiral.md",
    ].flatMap { ["lessons/" + $0, "lessons/ko/" + $0] }
    static let width = 100, height = 30

    /// `backstep render --all`: each frame's screen by "step S frame F", in lesson order.
    func expectedScreens(_ lesson: String) throws -> [(place: String, lines: [String])] {
        var screens: [(place: String, lines: [String])] = []
        for line in try RenderedLesson.lines(lesson, ["--all"], width: Self.width, height: Self.height) {
            if line.hasPrefix("=== ") {
                screens.append((String(line.dropFirst(4)), []))
            } else if !screens.isEmpty {
                screens[screens.count - 1].lines.append(line)
            }
        }
        return screens
    }

    /// Rows above the status line, without trailing spaces (tmux drops them).
    func body(_ lines: [String]) -> [String] { RenderedLesson.body(lines, height: Self.height) }

    @Test(arguments: lessons)
    func everyFrameForwardAndBack(_ lesson: String) throws {
        let screens = try expectedScreens(lesson)
        try #require(screens.count > 3)
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-walk-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let tmux = try TmuxSession(
            [bin, Binary.file(lesson)], width: Self.width, height: Self.height,
            environment: ["XDG_STATE_HOME": state])
        // Training steps play in the background; walk once the whole lesson is ready.
        try tmux.waitUntilLessonReady()
        func check(_ index: Int) throws {
            let expected = body(screens[index].lines)
            do {
                try tmux.waitUntil("\(screens[index].place) as render prints it", timeout: 10) { body($0) == expected }
            } catch {
                let shown = body(try tmux.capture())
                let row =
                    zip(shown, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? Swift.min(shown.count, expected.count)
                Issue.record(
                    "\(lesson) \(screens[index].place), first differing row \(row):\nshown:    \(row < shown.count ? shown[row] : "")\nexpected: \(row < expected.count ? expected[row] : "")"
                )
                throw error
            }
        }
        for index in screens.indices {
            try check(index)
            if index + 1 < screens.count { try tmux.sendKeys("Right") }
        }
        for index in screens.indices.reversed().dropFirst() {
            try tmux.sendKeys("Left")
            try check(index)
        }
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
