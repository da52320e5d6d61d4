import Lessons
import Player
import Rendering

/// The screen size and glyphs one input is drawn at, picked from its bytes:
/// 1×1 up to 300×100, Unicode or ASCII, the help overlay on or off.
struct FuzzSize {
    let width: Int
    let height: Int
    let glyphs: GlyphSet
    let help: Bool

    init(seed: Int) {
        let seed = UInt(bitPattern: seed)
        width = Int(seed % 300) + 1
        height = Int((seed / 300) % 100) + 1
        glyphs = seed % 2 == 0 ? .unicode : .ascii
        help = seed % 7 == 0
    }
}

/// Draws every frame of the trace at the input's size, so the screens are
/// fuzzed along with the parser and the engine.
func drawEveryFrame(of trace: LessonTrace, size: FuzzSize) {
    var options = LessonScreen.Options()
    options.glyphs = size.glyphs
    options.help = size.help
    let screen = LessonScreen(trace: trace)
    for (s, played) in trace.steps.enumerated() {
        for f in 0..<Swift.max(played.frames.count, 1) {
            _ = screen.render(step: s, frame: f, width: size.width, height: size.height, options: options).lines()
        }
    }
}
