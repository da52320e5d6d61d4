import Foundation
import Lessons
import Rendering

/// A whole lesson as an asciinema v2 recording: a header line of JSON, then
/// one `[time, "o", data]` event per screen, one screen per key press, a
/// fixed delay apart — a walkthrough anyone can replay with `asciinema play`.
///
/// The keys are the ones a student would press: → through every frame, and
/// `v` on each question so the recording shows its answer too.
public enum Asciicast {
    /// The recording of `state` from where it stands to the end of the lesson.
    /// - Parameters:
    ///   - colors: nil for no escapes but the screen clears; else ANSI colour.
    ///   - delay: seconds between key presses.
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
        func emit() {
            screen.draw(Screen.render(state, width: width, height: height, glyphs: glyphs))
            let data = screen.lastFrame
            out.append("[" + String(format: "%.3f", time) + ", \"o\", " + JSONValue.quote(data) + "]")
            time += delay
            screens += 1
        }
        emit()
        while screens < maxScreens {
            if case .ask? = state.currentFrame, state.currentAnswer?.revealed == false {
                _ = state.handle(.character("v"))
                emit()
                continue
            }
            let effects = state.handle(.right)
            // The end: a bell, or the closing screen after the last frame.
            if effects.contains(.bell) || effects.contains(where: { if case .finished = $0 { true } else { false } }) {
                break
            }
            emit()
        }
        return out.joined(separator: "\n") + "\n"
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
