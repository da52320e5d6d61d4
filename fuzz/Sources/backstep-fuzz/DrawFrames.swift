import Lessons
import Player
import Rendering

/// Draws every frame of the trace at a size picked from the input (from 1×1 up
/// to 300×100, Unicode or ASCII), so the screens are fuzzed along with the
/// parser and the engine.
func drawEveryFrame(of trace: LessonTrace, sizeSeed: Int) {
    let seed = UInt(bitPattern: sizeSeed)
    let width = Int(seed % 300) + 1
    let height = Int((seed / 300) % 100) + 1
    var options = LessonScreen.Options()
    options.glyphs = seed % 2 == 0 ? .unicode : .ascii
    options.help = seed % 7 == 0
    let screen = LessonScreen(trace: trace)
    for (s, played) in trace.steps.enumerated() {
        for f in 0..<Swift.max(played.frames.count, 1) {
            _ = screen.render(step: s, frame: f, width: width, height: height, options: options).lines()
        }
    }
}
