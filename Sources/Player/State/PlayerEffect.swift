/// What a key press or a tick asks the app around the player to do.
///
/// The state itself changes inside `PlayerState.handle(_:)`; effects are the
/// parts only the app can carry out (leaving, saving progress, timing).
public enum PlayerEffect: Equatable, Sendable {
    /// Leave the lesson (`q`, Ctrl-C).
    case quit
    /// The place in the lesson changed: save progress if you keep it.
    case moved(step: Int, frame: Int)
    /// Autoplay started, stopped or changed speed: call `tick()` every
    /// `milliseconds` from now on, or stop ticking when nil.
    case autoplay(milliseconds: Int?)
    /// The key did nothing here (the end of the lesson, a step that does not
    /// exist): the app may flash or beep.
    case bell
    /// Play this lesson text (an edit, a reset, a reload) away from the screen
    /// and hand the result to `PlayerState.finishPlay(_:)`.
    case play(PlayRequest)
    /// Stop the training of the play under way (Esc); it then finishes with what it has.
    case stopPlay
    /// An answer was checked or revealed: keep the lesson's score.
    case scored(Score)
    /// The student went past the last frame: the lesson is done.
    case finished(Score)
    /// Enter on the closing screen: open the next lesson.
    case nextLesson
}
