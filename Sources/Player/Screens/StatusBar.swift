import Rendering

/// The top row (lesson and step titles) and the bottom row (step n/m, frame
/// k/K, a redraw counter `#N` tests can wait on, what is playing or being
/// typed, and the main keys).
enum StatusBar {
    static func title(_ context: ScreenContext, width: Int, buffer: inout Buffer) {
        guard let played = context.state.playedStep else { return }
        // A first step named like its lesson is not named twice.
        var text = context.trace.lesson.title
        if played.step.title != text { text += " " + context.glyphs.middleDot + " " + played.step.title }
        if context.state.detail != .values { text += "  [\(context.words.detail(context.state.detail))]" }
        if context.state.text?.isEdited == true { text += "  [\(context.words.edited)]" }
        buffer.setString(
            truncate(context.text(text), toWidth: width, ellipsis: context.glyphs.ellipsis), x: 0, y: 0,
            style: context.theme.heading)
    }

    static func status(_ context: ScreenContext, row: Int, width: Int, buffer: inout Buffer) {
        let state = context.state
        let dot = " " + context.glyphs.middleDot + " "
        let position = context.words.position(
            step: state.step + 1, of: state.totalSteps, frame: state.frame + 1, of: state.frameCount, dot: dot)
        let style = context.theme.statusBar
        // On paper the line says where the page is, and nothing about keys.
        guard !context.handout else {
            buffer.render(
                StatusLine(
                    left: StyledLine(context.text(position), style: style), right: StyledLine(), style: style,
                    glyphs: context.glyphs),
                in: Rect(x: 0, y: row, width: width, height: 1))
            return
        }
        var left = position + (state.showsRevision ? dot + "#\(state.revision)" : "")
        switch state.input {
        case .stepNumber(let typed): left += dot + context.words.goToStep + typed + "_"
        case .answer: left += dot + context.words.answeringStatus
        case .edit: left += dot + context.words.editing
        case .none:
            if let playing = state.playing {
                let progress = state.playProgress > 0 ? context.words.iterationsSoFar(state.playProgress) : ""
                left +=
                    dot + context.words.activity(playing) + progress + context.glyphs.ellipsis + context.words.escStops
            } else if let autoplay = state.autoplay {
                left +=
                    dot
                    + (autoplay.isPaused
                        ? context.words.pausedResume
                        : context.words.playing(context.glyphs.forwardMark, milliseconds: state.tickInterval ?? 0))
            } else if state.isPredicting {
                left += dot + context.words.predictStatus
            }
        }
        let arrows = context.ascii ? "<- ->" : "← →"
        // The keys as many as fit beside what the line says (a run's progress is long): never cut.
        let room = width - displayWidth(context.text(left)) - 4
        let leave = context.words.leave(list: state.leadsToList)
        let choices = context.words.keyChoices(arrows: arrows, leave: leave)
        // Up to the screen's own choice (a wide screen lists more), then shorter while they do not fit.
        let start = choices.firstIndex(of: context.words.keys(arrows: arrows, width: width, leave: leave)) ?? 0
        let keys = choices[start...].first { displayWidth($0) <= room } ?? ""
        buffer.render(
            StatusLine(
                left: StyledLine(context.text(left), style: style), right: StyledLine(keys, style: style),
                style: style, glyphs: context.glyphs),
            in: Rect(x: 0, y: row, width: width, height: 1))
    }
}
