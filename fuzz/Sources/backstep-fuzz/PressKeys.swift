import Lessons
import Player
import Rendering

/// Every key the player knows, and nil for a clock tick (autoplay), in the
/// order the input's bytes pick them.
private let keys: [PlayerKey?] =
    [
        .right, .left, .up, .down, .pageUp, .pageDown, .home, .end,
        .enter, .escape, .backspace, .tab, .backTab, .delete, .ctrlC, nil,
    ] + "lhnp ]gGfbaAzt+-erRvjk?q0123456789.-xX[".map { PlayerKey.character($0) }

/// Plays the lesson as a student at the keyboard might: up to 64 keys, taken
/// from the input's last bytes, each followed by a redraw at the fuzzed size.
/// The replays that edits, resets and reloads ask for run here, under the
/// fuzzing limits, as the app would run them in the background.
func pressKeys(trace: LessonTrace, bytes: [UInt8], size: FuzzSize) {
    let text = LessonText(file: "fuzz.md", text: String(decoding: bytes, as: UTF8.self))
    var state = PlayerState(trace: trace, text: text)
    for byte in bytes.suffix(64) {
        let effects: [PlayerEffect]
        if let key = keys[Int(byte) % keys.count] {
            effects = state.handle(key)
        } else {
            effects = state.tick()
        }
        for effect in effects {
            switch effect {
            case .quit:
                return
            case .play(let request):
                _ = state.finishPlay(replay(request))
            default:
                break
            }
        }
        _ = Screen.render(state, width: size.width, height: size.height, glyphs: size.glyphs).lines()
    }
}

/// A play request (an edit, a reset, a reload) played with the fuzzing limits.
private func replay(_ request: PlayRequest) -> Result<LessonTrace, PlayerError> {
    do {
        let lesson = try LessonLoader.parse(
            Array(request.text.edited.utf8), file: request.text.file, limits: fuzzLimits)
        let trace = try LessonTrace(lesson: lesson, limits: fuzzLimits)
        return trace.steps.isEmpty ? .failure(.empty) : .success(trace)
    } catch {
        return .failure(.lesson(error))
    }
}
