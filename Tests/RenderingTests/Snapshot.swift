import Foundation
import Testing

@testable import Rendering

/// Compares `text` with the golden file `__Snapshots__/<named>.txt` beside the tests.
///
/// Records the file instead only when the environment has
/// `BACKSTEP_RECORD_SNAPSHOTS=1`; a missing file fails (a renamed test or a
/// deleted golden must not pass). On a mismatch the failure lists the
/// differing lines, old above new, so it reads like a screen diff.
func assertSnapshot(
    _ text: String, named name: String,
    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__", isDirectory: true)
    let file = directory.appendingPathComponent("\(name).txt")
    let actual = text.hasSuffix("\n") ? text : text + "\n"
    let record = ProcessInfo.processInfo.environment["BACKSTEP_RECORD_SNAPSHOTS"] == "1"
    let existing = try? String(contentsOf: file, encoding: .utf8)
    if record {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = existing else {
        Issue.record(
            "no golden file \(file.path): record it with BACKSTEP_RECORD_SNAPSHOTS=1, then read it",
            sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    Issue.record(
        Comment(rawValue: snapshotDiff(expected: expected, actual: actual, name: name)),
        sourceLocation: sourceLocation)
}

/// A line-by-line report of where two snapshots differ.
func snapshotDiff(expected: String, actual: String, name: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report = ["snapshot \(name) differs (re-record with BACKSTEP_RECORD_SNAPSHOTS=1):"]
    for i in 0..<max(old.count, new.count) {
        let a = i < old.count ? String(old[i]) : nil
        let b = i < new.count ? String(new[i]) : nil
        if a == b { continue }
        report.append(String(format: "%4d - ", i + 1) + (a.map { "|\($0)|" } ?? "(no line)"))
        report.append(String(format: "%4d + ", i + 1) + (b.map { "|\($0)|" } ?? "(no line)"))
    }
    return report.joined(separator: "\n")
}

/// A buffer's rows with trailing spaces trimmed: stable, readable golden text.
func screenText(_ buffer: Buffer) -> String {
    buffer.lines().map { $0.trimmedTrailingSpaces() }.joined(separator: "\n")
}

/// Renders `widget` into a fresh `width`×`height` buffer.
func rendered(_ widget: some Widget, width: Int, height: Int) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    buffer.render(widget, in: buffer.area)
    return buffer
}

extension String {
    /// The string without trailing spaces (for comparing rows of a screen).
    func trimmedTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
