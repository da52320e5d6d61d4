import Lessons

/// A lesson text to play (parse, build, train) and why: opening it, an edit,
/// a reset or a reload. Training can take seconds, so the app plays requests
/// away from the screen (``BackgroundPlay``) and hands the result back to
/// ``PlayerState/finishPlay(_:)``; tests may simply call ``run(shouldStop:onStep:)``.
public struct PlayRequest: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        /// The lesson is being opened: its first steps are shown as soon as they are played.
        case open
        /// `e` changed `label` to `value`.
        case edit(label: String, value: String)
        /// `r`: the lesson's own values again.
        case reset
        /// `R`: the file as it is on disk now.
        case reload
    }

    public let text: LessonText
    public let purpose: Purpose

    public init(text: LessonText, purpose: Purpose) {
        self.text = text
        self.purpose = purpose
    }

    /// Plays the text on this thread.
    /// - Parameters:
    ///   - shouldStop: asked every training iteration; true ends the training there.
    ///   - onStep: the lesson played so far, after each step (see `LessonTrace`).
    public func run(
        shouldStop: @escaping () -> Bool = { false },
        onStep: ((LessonTrace) -> Void)? = nil
    ) -> Result<LessonTrace, PlayerError> {
        do {
            let trace = try text.trace(shouldStop: shouldStop, onStep: onStep)
            return trace.steps.isEmpty ? .failure(.empty) : .success(trace)
        } catch {
            return .failure(.lesson(error))
        }
    }
}
