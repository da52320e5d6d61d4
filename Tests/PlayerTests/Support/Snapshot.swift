import Foundation
import Player
import Rendering
import Testing

/// Where the repository's files are, from this test file.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func lesson(_ name: String) -> String { root.appendingPathComponent("lessons/" + name).path }

    /// The five core lessons, English then Korean.
    static let coreLessons = [
        "01-chain-rule", "02-sigmoid-neuron", "03-broadcasting", "04-linear-regression",
        "05-two-layer-net",
    ].flatMap { [$0 + ".md", "ko/" + $0 + ".md"] }

    /// Every lesson shipped in `lessons/` and `lessons/ko/`.
    static let shippedLessons: [String] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("lessons").path))
            ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().flatMap { [$0, "ko/" + $0] }
    }()
}

/// Compares `text` with `__Snapshots__/<name>.txt` beside the tests; records it
/// when missing or when `BACKSTEP_RECORD_SNAPSHOTS=1`. A mismatch lists the
/// differing lines, old above new, so it reads like a screen diff.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__", isDirectory: true)
    let file = directory.appendingPathComponent(name + ".txt")
    let actual = text.hasSuffix("\n") ? text : text + "\n"
    let record = ProcessInfo.processInfo.environment["BACKSTEP_RECORD_SNAPSHOTS"] == "1"
    let existing = try? String(contentsOf: file, encoding: .utf8)
    if record || existing == nil {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = existing, expected != actual else { return }
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    var report = ["snapshot \(name) differs (re-record with BACKSTEP_RECORD_SNAPSHOTS=1 if intended):"]
    for i in 0..<Swift.max(old.count, new.count) where report.count < 41 {
        let a = i < old.count ? old[i] : nil
        let b = i < new.count ? new[i] : nil
        if a == b { continue }
        report.append(String(format: "%4d - ", i + 1) + (a.map { "|\($0)|" } ?? "(no line)"))
        report.append(String(format: "%4d + ", i + 1) + (b.map { "|\($0)|" } ?? "(no line)"))
    }
    Issue.record(Comment(rawValue: report.joined(separator: "\n")), sourceLocation: sourceLocation)
}

/// A screen's rows with trailing spaces trimmed: stable, readable golden text.
func screenText(_ buffer: Buffer) -> String {
    buffer.lines().map { line in
        var l = line
        while l.last == " " { l.removeLast() }
        return l
    }.joined(separator: "\n")
}

extension PlayerState {
    /// Presses every key in order; returns every effect.
    @discardableResult
    mutating func press(_ keys: [PlayerKey]) -> [PlayerEffect] {
        keys.flatMap { key in
            // Plays (edits, resets, reloads) run here and now, as the app runs them in the background.
            handle(key).flatMap { effect -> [PlayerEffect] in
                guard case .play(let request) = effect else { return [effect] }
                return [effect] + finishPlay(request.run())
            }
        }
    }

    /// The screen as plain text.
    func screen(_ width: Int = 100, _ height: Int = 30, ascii: Bool = false) -> String {
        screenText(Screen.render(self, width: width, height: height, glyphs: ascii ? .ascii : .unicode))
    }
}
