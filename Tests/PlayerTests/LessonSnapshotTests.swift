import Foundation
import Lessons
import Player
import Rendering
import Testing

/// Golden text of every step of the five core lessons, English and Korean, at
/// 80×24 and 160×48, Unicode and ASCII: one readable file per lesson and variant
/// under `__Snapshots__/`. Re-record with `BACKSTEP_RECORD_SNAPSHOTS=1 swift test`.
@Suite struct LessonSnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let lessons = ["01-chain-rule", "02-sigmoid-neuron", "03-broadcasting", "04-linear-regression",
                          "05-two-layer-net"].flatMap { [$0, "ko/" + $0] }
    static let variants: [(width: Int, height: Int, ascii: Bool)] = [(80, 24, false), (80, 24, true), (160, 48, false), (160, 48, true)]

    struct Case: Sendable, CustomTestStringConvertible {
        let lesson: String
        let width: Int, height: Int, ascii: Bool
        var name: String { "\(lesson.replacingOccurrences(of: "/", with: "-"))-\(width)x\(height)\(ascii ? "-ascii" : "")" }
        var testDescription: String { name }
    }

    static let cases = lessons.flatMap { lesson in variants.map { Case(lesson: lesson, width: $0.width, height: $0.height, ascii: $0.ascii) } }

    @Test(arguments: cases)
    func everyStepMatchesItsGolden(_ c: Case) throws {
        let path = Self.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons/\(c.lesson).md").path
        let screen = LessonScreen(trace: try LessonTrace(path: path))
        var options = LessonScreen.Options()
        options.glyphs = c.ascii ? .ascii : .unicode
        var text = ""
        for (s, played) in screen.trace.steps.enumerated() {
            // The last frame of each step: what the step leaves on screen.
            let frame = Swift.max(played.frames.count - 1, 0)
            text += "=== step \(s + 1), frame \(frame + 1) ===\n"
            text += screen.render(step: s, frame: frame, width: c.width, height: c.height, options: options)
                .lines().map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
        }
        try Self.compare(text, named: c.name)
    }

    static func compare(_ text: String, named name: String) throws {
        let dir = root.appendingPathComponent("__Snapshots__")
        let file = dir.appendingPathComponent("Lesson-\(name).txt")
        let record = ProcessInfo.processInfo.environment["BACKSTEP_RECORD_SNAPSHOTS"] == "1"
        if record || !FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        if golden != text {
            let a = golden.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
            let line = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? Swift.min(a.count, b.count)
            Issue.record("""
                \(file.lastPathComponent) differs at line \(line + 1):
                  golden: \(line < a.count ? a[line] : "<end>")
                  now:    \(line < b.count ? b[line] : "<end>")
                re-record with BACKSTEP_RECORD_SNAPSHOTS=1 if the change is intended
                """)
        }
    }
}
