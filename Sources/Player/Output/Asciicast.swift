import Foundation
import Lessons
import Rendering

/// A whole lesson as an asciinema v2 recording: a header line of JSON, then
/// one `[time, "o", data]` event per screen — a walkthrough anyone can replay
/// with `asciinema play`.
///
/// The keys are the ones a student would press: → through every frame, `v` on
/// each question so the recording shows its answer too, and `a` on a training
/// run, which then plays as in the player: the loss chart grows tick by tick,
/// the first iterations one at a time. A question stays on screen
/// ``questionHold`` key delays before its answer, the answer ``answerHold``.
public enum Asciicast {
    /// Key delays a question is shown for before it is revealed: time to think.
    public static let questionHold = 3.0
    /// Key delays a revealed answer is shown for: time to read why.
    public static let answerHold = 2.0

    /// The recording of `state` from where it stands to the end of the lesson.
    /// - Parameters:
    ///   - colors: nil for no escapes but the screen clears; else ANSI colour.
    ///   - delay: seconds between key presses (a training run ticks at the player's own pace).
    ///   - maxScreens: a bound on the length, for lessons with long training runs.
    public static func record(
        _ state: PlayerState, width: Int, height: Int, glyphs: GlyphSet = .unicode,
        colors: ColorMode? = .ansi256, delay: Double = 1.0, maxScreens: Int = 5000
    ) -> String {
        var state = state
        var header: [String: Any] = ["version": 2, "width": Swift.max(width, 1), "height": Swift.max(height, 1)]
        header["title"] = state.trace.lesson.title
        header["env"] = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        var out = [json(header)]
        var time = 0.0
        var screens = 0
        // Home and clear, then the rows; no newline after the last row, so nothing scrolls.
        let screen = TextBackend(
            width: width, height: height, colors: colors, ascii: glyphs.isASCII, clearsScreen: true,
            lineSeparator: "\r\n")
        /// Shows the screen now; the next one comes `hold` seconds later.
        func emit(hold: Double) {
            screen.draw(Screen.render(state, width: width, height: height, glyphs: glyphs))
            let data = screen.lastFrame
            out.append("[" + String(format: "%.3f", time) + ", \"o\", " + JSONValue.quote(data) + "]")
            time += hold
            screens += 1
        }
        /// How long the screen now on shows before the next key.
        func hold() -> Double {
            if case .ask? = state.currentFrame, state.currentAnswer?.revealed == false { return delay * questionHold }
            if case .ask? = state.currentFrame { return delay * answerHold }
            return delay
        }
        emit(hold: hold())
        while screens < maxScreens {
            if case .ask? = state.currentFrame, state.currentAnswer?.revealed == false {
                _ = state.handle(.character("v"))
                emit(hold: hold())
                continue
            }
            if startsTrainingRun(state) {
                // `a` plays the run as the player does; each tick is a screen, the last one held.
                _ = state.handle(.character("a"))
                while state.autoplay != nil, screens < maxScreens {
                    let tick = Double(state.tickInterval ?? 50) / 1000
                    emit(hold: tick)
                    _ = state.tick()
                }
                emit(hold: delay)
                continue
            }
            let effects = state.handle(.right)
            // The end: a bell, or the closing screen after the last frame.
            if effects.contains(.bell) || effects.contains(where: { if case .finished = $0 { true } else { false } }) {
                break
            }
            emit(hold: hold())
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Whether the frame on screen is a training frame with more of its run after it.
    static func startsTrainingRun(_ state: PlayerState) -> Bool {
        guard case .training? = state.currentFrame, let played = state.playedStep,
            played.frames.indices.contains(state.frame + 1), case .training = played.frames[state.frame + 1]
        else { return false }
        return true
    }

    private static func json(_ object: [String: Any]) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
