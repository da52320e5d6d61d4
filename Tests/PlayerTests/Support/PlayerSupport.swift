import Foundation
import Player
import Rendering
@_exported import SnapshotSupport
import Testing

/// Where the repository's files are, from this test file.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func lesson(_ name: String) -> String { root.appendingPathComponent("lessons/" + name).path }

    /// The five core lessons, English then Korean.
    static let coreLessons = [
        "01-chain-rule", "02-sigmoid-neuron", "03-broadcasting", "05-linear-regression",
        "06-two-layer-net",
    ].flatMap { [$0 + ".md", "ko/" + $0 + ".md"] }

    /// Every lesson shipped in `lessons/` and `lessons/ko/`.
    static let shippedLessons: [String] = {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("lessons").path))
            ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().flatMap { [$0, "ko/" + $0] }
    }()
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
