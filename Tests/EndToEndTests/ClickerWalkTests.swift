import Foundation
import Testing

/// A teacher with only a presenter's clicker (PageDown and PageUp) runs lessons 02 and
/// 03 in the real app at 80×24: every question is revealed by PageDown, the closing
/// screen comes, and PageDown on it opens the next lesson (issue 17).
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
struct ClickerWalkTests {
    /// The status line's key counter (`#12`): it changes on every key the player handles.
    static func revision(_ screen: [String]) -> String? {
        guard let status = screen.last, let hash = status.range(of: " #") else { return nil }
        return String(status[hash.upperBound...].prefix { $0.isNumber })
    }

    /// `step 3/16 · frame 2/4` from the status line.
    static func place(_ screen: [String]) -> String {
        guard let status = screen.last, let start = status.range(of: "step ") else { return "" }
        return String(status[start.lowerBound...].prefix { $0 != "#" })
    }

    static func questions(_ lesson: String) throws -> Int {
        let text = try String(contentsOfFile: Binary.file(lesson), encoding: .utf8)
        return text.components(separatedBy: "\n").filter { $0.hasPrefix("@ask ") }.count
    }

    /// Presses PageDown until the closing screen; returns the places where a question was revealed.
    func walk(_ tmux: TmuxSession, _ lesson: String) throws -> Set<String> {
        var revealed = Set<String>()
        var screen = try tmux.capture()
        for _ in 0..<400 {
            if screen.contains(where: { $0.contains("lesson done") }) { return revealed }
            let before = Self.revision(screen)
            try tmux.sendKeys("NPage")
            screen = try tmux.waitUntil("a PageDown to be handled in \(lesson)", timeout: 10) {
                Self.revision($0) != before
            }
            if screen.contains(where: { $0.contains("the answer is") }) { revealed.insert(Self.place(screen)) }
        }
        Issue.record(
            "\(lesson): no closing screen after 400 PageDowns; the screen was:\n\(screen.joined(separator: "\n"))")
        return revealed
    }

    @Test func pageDownAloneRunsLessonsTwoAndThree() throws {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backstep-clicker-\(UUID().uuidString)"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let tmux = try TmuxSession(
            [bin, Binary.file("lessons/02-sigmoid-neuron.md")], width: 80, height: 24,
            environment: ["XDG_STATE_HOME": state, "BACKSTEP_SHOW_REVISION": "1"])
        try tmux.waitFor(text: "step 1/")

        let sigmoid = try walk(tmux, "02")
        #expect(sigmoid.count == (try Self.questions("lessons/02-sigmoid-neuron.md")), "\(sigmoid.sorted())")
        // PageUp leaves the closing screen for the last frame; PageDown brings it back.
        var before = Self.revision(try tmux.capture())
        try tmux.sendKeys("PPage")
        try tmux.waitUntil("the last frame again") {
            Self.revision($0) != before && !$0.joined().contains("lesson done")
        }
        before = Self.revision(try tmux.capture())
        try tmux.sendKeys("NPage")
        try tmux.waitFor(text: "lesson done")

        // PageDown on the closing screen: the next lesson.
        try tmux.sendKeys("NPage")
        try tmux.waitUntil("lesson 03 to open") {
            $0.first?.hasPrefix("Broadcasting") == true && $0.last?.contains("step 1/") == true
        }
        let broadcasting = try walk(tmux, "03")
        #expect(broadcasting.count == (try Self.questions("lessons/03-broadcasting.md")), "\(broadcasting.sorted())")
        let closing = try tmux.capture().joined(separator: "\n")
        #expect(closing.contains("Enter (PageDown) next lesson"), "\(closing)")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
