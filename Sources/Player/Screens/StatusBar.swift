import Rendering

/// The top row (lesson and step titles) and the bottom row (step n/m, frame
/// k/K, a redraw counter `#N` tests can wait on, what is playing or being
/// typed, and the main keys).
enum StatusBar {
    static func title(_ context: ScreenContext, width: Int, buffer: inout Buffer) {
        guard let played = context.state.playedStep else { return }
        var text = context.trace.lesson.title + " " + context.glyphs.middleDot + " " + played.step.title
        if context.state.detail != .values { text += "  [\(context.state.detail.rawValue)]" }
        if context.state.text?.isEdited == true { text += "  [edited: r resets]" }
        buffer.setString(
            truncate(context.text(text), toWidth: width, ellipsis: context.glyphs.ellipsis), x: 0, y: 0,
            style: context.theme.heading)
    }

    static func status(_ context: ScreenContext, row: Int, width: Int, buffer: inout Buffer) {
        let state = context.state
        let dot = " " + context.glyphs.middleDot + " "
        var left =
            "step \(state.step + 1)/\(state.totalSteps)" + dot + "frame \(state.frame + 1)/\(state.frameCount)" + dot
            + "#\(state.revision)"
        switch state.input {
        case .stepNumber(let typed): left += dot + "go to step " + typed + "_"
        case .answer: left += dot + "answering (Esc leaves)"
        case .edit: left += dot + "editing"
        case .none:
            if let playing = state.playing {
                let progress = state.playProgress > 0 ? " (\(state.playProgress) iterations)" : ""
                left += dot + playing.activity + progress + context.glyphs.ellipsis + " Esc stops"
            } else if state.isPredicting {
                left += dot + "predict (P)"
            } else if let autoplay = state.autoplay {
                left +=
                    dot
                    + (autoplay.isPaused
                        ? "paused (a resumes)" : "\(context.glyphs.forwardMark) playing, \(state.tickInterval ?? 0) ms")
            }
        }
        let arrows = context.ascii ? "<- ->" : "← →"
        let leave = "q " + state.leaveLabel
        let keys =
            width >= 110
            ? arrows + " frame  [ ] step  f b play  P predict  ? help  " + leave
            : width >= 70 ? arrows + " frame  [ ] step  ? help  " + leave : "? help  " + leave
        let style = context.theme.statusBar
        buffer.render(
            StatusLine(
                left: StyledLine(context.text(left), style: style), right: StyledLine(keys, style: style),
                style: style, glyphs: context.glyphs),
            in: Rect(x: 0, y: row, width: width, height: 1))
    }
}
