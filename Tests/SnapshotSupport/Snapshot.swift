import Foundation
import Rendering
import Testing

/// Compares `text` with the golden file `__Snapshots__/<name>.txt` beside the
/// calling test file (`filePath`).
///
/// Records the file instead only when the environment has
/// `BACKSTEP_RECORD_SNAPSHOTS=1`; a missing file fails (a renamed test or a
/// deleted golden must not pass). On a mismatch the failure lists the
/// differing lines, old above new, so it reads like a screen diff.
public func assertSnapshot(
    _ text: String, named name: String,
    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__", isDirectory: true)
    let file = directory.appendingPathComponent("\(name).txt")
    let actual = text.hasSuffix("\n") ? text : text + "\n"
    if ProcessInfo.processInfo.environment["BACKSTEP_RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
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

/// A line-by-line report of where two snapshots differ (the first 20 differing lines).
func snapshotDiff(expected: String, actual: String, name: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    var report = ["snapshot \(name) differs (re-record with BACKSTEP_RECORD_SNAPSHOTS=1 if intended):"]
    for i in 0..<max(old.count, new.count) where report.count < 41 {
        let a = i < old.count ? old[i] : nil
        let b = i < new.count ? new[i] : nil
        if a == b { continue }
        report.append(String(format: "%4d - ", i + 1) + (a.map { "|\($0)|" } ?? "(no line)"))
        report.append(String(format: "%4d + ", i + 1) + (b.map { "|\($0)|" } ?? "(no line)"))
    }
    return report.joined(separator: "\n")
}

/// A buffer's rows with trailing spaces trimmed: stable, readable golden text.
public func screenText(_ buffer: Buffer) -> String {
    buffer.lines().map { line in
        var trimmed = Substring(line)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }.joined(separator: "\n")
}
