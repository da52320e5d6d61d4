import Lessons

/// Draws every frame of the trace at a size picked from the input, so the
/// screens are fuzzed at odd sizes as well as the parser and the engine.
func drawEveryFrame(of trace: LessonTrace, sizeSeed: Int) {
    // Filled in once the Player's screens exist.
    _ = trace.allFrames.count
}
