import Foundation
import Lessons
import Player
import Rendering
import Terminal

/// `backstep present`: the teacher's view in a second terminal. It connects
/// to the player's ``PresenterLink``, loads the lesson the player says is
/// open, follows its place, and passes keys on: what the player shows is
/// the player's business; this view only mirrors it (``PresenterScreen``).
public final class PresenterApp {
    private let session: any Console
    private let socketPath: String
    private let glyphs: GlyphSet
    private let theme: Theme
    private let words: Words
    private let clock = ContinuousClock()

    public init(session: any Console, socketPath: String, theme: Theme?, language: Language = .en) {
        self.session = session
        self.socketPath = socketPath
        glyphs = session.isUTF8 ? .unicode : .ascii
        self.theme = session.colorMode == .none ? .monochrome : (theme ?? .default)
        words = language.words
    }

    /// Runs until `q`; returns a signal number if one ended the run.
    public func run() -> Int32? {
        var link: LineSocket?
        var lastTry: ContinuousClock.Instant?
        var state: PlayerState?
        var lesson: String?
        var started = clock.now
        var cursor: Int?
        while true {
            if link == nil, lastTry.map({ $0.duration(to: clock.now) > .milliseconds(500) }) ?? true {
                link = LineSocket.connect(to: socketPath)
                lastTry = clock.now
            }
            if let open = link {
                for line in open.readLines() {
                    if line.hasPrefix("lesson "), String(line.dropFirst(7)) != lesson {
                        lesson = String(line.dropFirst(7))
                        // The same lesson, played here too: the notes and the next frame come from it.
                        state = lesson.flatMap { try? PlayerState(path: $0) }
                        state?.theme = theme
                        started = clock.now
                        cursor = nil
                    } else if line.hasPrefix("place ") {
                        let numbers = line.split(separator: " ").dropFirst().compactMap { Int($0) }
                        if numbers.count == 2 { try? state?.go(step: numbers[0], frame: numbers[1]) }
                    }
                }
                if open.isClosed { link = nil }
            }
            draw(
                state: link == nil ? nil : state, seconds: Int(started.duration(to: clock.now).components.seconds),
                cursor: cursor)
            // Ten looks a second: the timer, the player's moves and keys all come in time.
            guard let key = session.readKey(timeoutMs: 100) else { continue }
            switch key {
            case .signal(let number): return number
            case .character("q"), .ctrlC: return nil
            case .control("l"): session.forceFullRedraw()
            case .up, .down:
                guard let state else { continue }
                let at = cursor ?? state.step
                cursor = Swift.min(Swift.max(at + (key == .up ? -1 : 1), 0), Swift.max(state.totalSteps - 1, 0))
            case .enter:
                if let chosen = cursor { link?.send("go \(chosen + 1)") }
                cursor = nil
            default:
                guard let playerKey = PlayerKey(key), let name = PresenterKeys.name(of: playerKey) else { continue }
                link?.send("key " + name)
            }
        }
    }

    private func draw(state: PlayerState?, seconds: Int, cursor: Int?) {
        let size = session.size
        guard let state else {
            var buffer = Buffer(width: size.width, height: size.height)
            buffer.render(
                Prose(words.waitingForPlayer(socketPath), theme: theme, glyphs: glyphs), in: buffer.area.inner(1))
            session.draw(buffer)
            return
        }
        session.draw(
            PresenterScreen.render(
                state, seconds: seconds, cursor: cursor, width: size.width, height: size.height, glyphs: glyphs))
    }
}
