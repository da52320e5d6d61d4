import App
import Foundation
import Rendering
import Terminal
import Testing

/// A console for the app loop with no terminal: frames go to a ``TestBackend``,
/// keys come from a script. A step of the script is a key, or a wait until the
/// screen shows some text (the loop gets timeouts meanwhile, as it would from
/// an idle terminal), so a test never races the lesson playing in the background.
final class ScriptedConsole: Console {
    enum Step {
        case key(Key)
        /// Wait (up to `ScriptedConsole.patience`) until the screen shows this text.
        case waitFor(String)
        /// Resize the screen, then report `.resize` as a terminal would.
        case resize(width: Int, height: Int)
    }

    let backend: TestBackend
    var isUTF8 = true
    var colorMode = ColorMode.ansi256
    private var script: [Step]
    private var waitingSince: ContinuousClock.Instant?
    /// What went wrong with the script: a wait that timed out, or keys asked for after its end.
    private(set) var problems: [String] = []
    /// The screen each key was pressed on, in order (a test reads what the student saw).
    private(set) var screensAtKeys: [String] = []

    static let patience: Duration = .seconds(20)

    init(width: Int = 100, height: Int = 30, _ script: [Step]) {
        backend = TestBackend(width: width, height: height)
        self.script = script
    }

    var size: TerminalSize { backend.size }
    func draw(_ buffer: Buffer) { backend.draw(buffer) }
    func forceFullRedraw() { backend.forceFullRedraw() }

    /// The screen's text, rows joined by newlines.
    var screen: String { backend.buffer.text }

    func readKey(timeoutMs: Int?) -> Key? {
        while let step = script.first {
            switch step {
            case .key(let key):
                script.removeFirst()
                screensAtKeys.append(screen)
                return key
            case .resize(let width, let height):
                script.removeFirst()
                backend.resize(width: width, height: height)
                return .resize
            case .waitFor(let text):
                if screen.contains(text) {
                    script.removeFirst()
                    waitingSince = nil
                    continue
                }
                let clock = ContinuousClock()
                let since = waitingSince ?? clock.now
                waitingSince = since
                if since.duration(to: clock.now) > Self.patience {
                    problems.append("the screen never showed \"\(text)\"; it shows:\n\(screen)")
                    script.removeAll()
                    return .ctrlC
                }
                // What an idle terminal does: let the time pass (briefly), then report no key.
                Thread.sleep(forTimeInterval: Double(Swift.min(timeoutMs ?? 10, 10)) / 1000)
                return nil
            }
        }
        problems.append("the app asked for a key after the script ended; it shows:\n\(screen)")
        return .ctrlC
    }
}

/// Where the repository's files are, from this test file.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func lesson(_ name: String) -> String { root.appendingPathComponent("lessons/" + name).path }
}

/// A fresh folder for one test's files (progress, edited lessons), removed when the test ends.
final class Scratch {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-app-\(UUID().uuidString)")
    var progressFile: URL { folder.appendingPathComponent("progress.json") }

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ text: String, to name: String) throws -> String {
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
