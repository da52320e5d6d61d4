import Foundation
import Testing

/// Lesson 11's training run live in the real `backstep`, in tmux at 100×30, English and Korean: `a` starts it,
/// the epochs count up on screen while the decision regions under the spiral change, and where it ends is
/// the screen `backstep render` prints for the training's last frame; the regions step after it agrees too.
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
struct LiveTrainingAppTests {
    static let width = 100, height = 30

    /// `backstep render LESSON --step S --frame F`: the rows above the status line, without trailing spaces.
    func rendered(_ lesson: String, step: Int, frame: Int) throws -> [String] {
        body(
            try RenderedLesson.lines(
                lesson, ["--step", "\(step)", "--frame", "\(frame)"], width: Self.width, height: Self.height))
    }

    func body(_ lines: [String]) -> [String] { RenderedLesson.body(lines, height: Self.height) }

    /// The epoch the training panel shows (`epoch 41/300`, `에포크 41/300`).
    func epoch(_ screen: [String]) -> Int? {
        for line in screen {
            for word in ["epoch ", "에포크 "] {
                guard let r = line.range(of: word) else { continue }
                let digits = line[r.upperBound...].prefix { $0.isNumber }
                if let n = Int(digits), line[r.upperBound...].dropFirst(digits.count).hasPrefix("/300") { return n }
            }
        }
        return nil
    }

    /// The shaded rows of the class chart: the decision regions as drawn.
    func regions(_ screen: [String]) -> [String] {
        screen.filter { $0.contains("░") || $0.contains("▒") || $0.contains("▓") }
    }

    @Test(arguments: ["lessons/11-softmax-and-spiral.md", "lessons/ko/11-softmax-and-spiral.md"])
    func theSpiralTrainsLiveWithItsRegions(_ lesson: String) throws {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-live-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: state) }
        // The training step, its last frame and the regions step, found by their directives.
        let source = try String(contentsOfFile: Binary.file(lesson), encoding: .utf8)
        let text = source.components(separatedBy: "---\n").dropFirst(2).joined(separator: "---\n")
        let lines = text.components(separatedBy: "\n")
        // Text under the title, before the first `##`, is a step of its own.
        let intro = lines.prefix { !$0.hasPrefix("## ") }.contains { !$0.isEmpty && !$0.hasPrefix("# ") }
        let steps = lines.filter { $0.hasPrefix("## ") || $0.hasPrefix("@") }
        var step = intro ? 1 : 0
        var trainingStep = 0
        var regionsStep = 0
        for line in steps {
            if line.hasPrefix("## ") { step += 1 }
            if line.hasPrefix("@train") { trainingStep = step }
            if line.hasPrefix("@plot regions") { regionsStep = step }
        }
        try #require(trainingStep > 0 && regionsStep > trainingStep)
        let finished = try rendered(lesson, step: trainingStep, frame: 31)
        try #require(epoch(finished) == 300, "\(finished.joined(separator: "\n"))")
        let first = try rendered(lesson, step: trainingStep, frame: 1)

        let tmux = try TmuxSession(
            [bin, Binary.file(lesson)], width: Self.width, height: Self.height,
            environment: ["XDG_STATE_HOME": state])
        try tmux.waitUntilLessonReady()
        try tmux.type("\(trainingStep)")
        try tmux.sendKeys("Enter")
        try tmux.waitUntil("the training step, ready to run") { body($0) == first }
        try tmux.sendKeys("a")
        var epochs: Set<Int> = []
        var maps: Set<[String]> = []
        let deadline = Date().addingTimeInterval(90)
        var screen = try tmux.capture()
        while Date() < deadline {
            screen = body(try tmux.capture())
            if let e = epoch(screen) { epochs.insert(e) }
            maps.insert(regions(screen))
            if screen == finished { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(screen == finished, "the run ends on render's last frame:\n\(screen.joined(separator: "\n"))")
        // Seen growing, not only its end: several epochs on the way, and regions that moved with them.
        #expect(epochs.count >= 4, "epochs seen: \(epochs.sorted())")
        #expect(epochs.contains { $0 > 1 && $0 < 300 }, "epochs seen: \(epochs.sorted())")
        #expect(maps.count >= 3, "decision regions seen: \(maps.count)")
        #expect(!regions(finished).isEmpty)

        let decided = try rendered(lesson, step: regionsStep, frame: 1)
        for _ in trainingStep..<regionsStep { try tmux.sendKeys("]") }
        try tmux.waitUntil("the decision regions step as render prints it") { body($0) == decided }
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
