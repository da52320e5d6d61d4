import Foundation
import Testing

/// What `backstep render` prints for a lesson, to compare with the real app's screens in tmux.
enum RenderedLesson {
    /// The lines `backstep render LESSON ARGUMENTS --size WxH --color never` prints.
    static func lines(_ lesson: String, _ arguments: [String], width: Int, height: Int) throws -> [String] {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments =
            ["render", Binary.file(lesson)] + arguments + ["--size", "\(width)x\(height)", "--color", "never"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return text.components(separatedBy: "\n")
    }

    /// Rows above the status line, without trailing spaces (tmux drops them).
    static func body(_ lines: [String], height: Int) -> [String] {
        lines.prefix(height - 1).map { line in
            var l = line
            while l.last == " " { l.removeLast() }
            return l
        }
    }
}

extension TmuxSession {
    /// Waits until the lesson opened in this session has played every step (training included) and shows
    /// step 1: the status line speaks the lesson's language, `step 1/…` or `단계 1/…`.
    func waitUntilLessonReady(timeout: Double = 60) throws {
        try waitUntil("the lesson to finish playing", timeout: timeout) { lines in
            lines.last.map {
                ($0.contains("step 1/") || $0.contains("단계 1/"))
                    && !$0.contains("playing the lesson") && !$0.contains("단원 계산 중")
            } ?? false
        }
    }
}
