import Lessons
import Rendering

/// The screens of a lesson by place, for callers that keep the place
/// themselves (the first terminal app, `backstep render`). New code should
/// hold a `PlayerState` and call `Screen.render`; this type builds one per call
/// and shares the graph layouts between calls.
public final class LessonScreen {
    public let trace: LessonTrace
    private var state: PlayerState

    public init(trace: LessonTrace) {
        self.trace = trace
        state = PlayerState(trace: trace)
    }

    /// What the app adds on top of a frame: theme, glyphs, the answer being typed, overlays.
    public struct Options {
        public var theme: Theme = .default
        public var glyphs: GlyphSet = .unicode
        public var typedAnswer: String? = nil
        /// Shown as a message above the status line.
        public var answerFeedback: String? = nil
        public var revealed = false
        public var help = false
        public init() {}
    }

    /// The screen for frame `frame` of step `step` (both from 0) at `width`×`height`.
    public func render(step: Int, frame: Int, width: Int, height: Int, options o: Options) -> Buffer {
        var s = state
        guard (try? s.go(step: step, frame: frame)) != nil else {
            return Buffer(width: Swift.max(width, 0), height: Swift.max(height, 0))
        }
        s.theme = o.theme
        s.setOverlay(o.help ? .help : .none)
        s.setInput(o.typedAnswer.map { .answer($0) } ?? .none)
        s.setMessage(o.answerFeedback)
        if o.revealed {
            var answer = AnswerState()
            answer.revealed = true
            s.setAnswer(answer, at: s.place)
        }
        return Screen.render(s, width: width, height: height, glyphs: o.glyphs)
    }
}
