import Lessons
import Rendering

/// What the teacher sees in the second terminal (`backstep present`): the
/// step list with the projected step marked, the step's `@note`s, the next
/// frame as the room will see it, and the time against the lesson's `minutes:`.
/// Like ``Screen``, it reads the state and never writes it.
public enum PresenterScreen {
    /// The presenter's screen for `state` (the projected player's place).
    /// - Parameters:
    ///   - seconds: time since the lesson began.
    ///   - cursor: the step (from 0) the list's cursor is on, when the teacher moves it.
    public static func render(
        _ state: PlayerState, seconds: Int, cursor: Int?, width: Int, height: Int, glyphs: GlyphSet = .unicode
    ) -> Buffer {
        var buffer = Buffer(width: Swift.max(width, 0), height: Swift.max(height, 0))
        guard width > 0, height > 0 else { return buffer }
        let words = state.words
        let theme = state.theme
        let context = ScreenContext(state: state, glyphs: glyphs)
        // The title, and the time on the right.
        let timer = clock(seconds) + (state.trace.lesson.metadata.minutes.map { " / " + clock($0 * 60) } ?? "")
        let over = state.trace.lesson.metadata.minutes.map { seconds > $0 * 60 } ?? false
        buffer.setString(
            truncate(
                context.text(words.presenterTitle(state.trace.lesson.title)),
                toWidth: Swift.max(width - displayWidth(timer) - 2, 0), ellipsis: glyphs.ellipsis), x: 0, y: 0,
            style: theme.heading)
        buffer.setString(
            timer, x: Swift.max(width - displayWidth(timer), 0), y: 0,
            style: over ? theme.error.adding(.reverse) : theme.strong)
        let body = Rect(x: 0, y: 1, width: width, height: Swift.max(height - 2, 0))
        let listWidth = Swift.min(Swift.max(width / 3, 24), width)
        let list = Rect(x: body.x, y: body.y, width: listWidth, height: body.height)
        let right = Rect(x: list.right, y: body.y, width: width - listWidth, height: body.height)
        stepList(state, cursor: cursor, in: list, context, &buffer)
        let notes = state.playedStep?.step.notes ?? []
        let notesHeight = Swift.min(Swift.max(notes.count * 3 + 2, 4), right.height / 3)
        notesBox(notes, in: Rect(x: right.x, y: right.y, width: right.width, height: notesHeight), context, &buffer)
        preview(
            state,
            in: Rect(x: right.x, y: right.y + notesHeight, width: right.width, height: right.height - notesHeight),
            context, &buffer)
        let position = words.position(
            step: state.step + 1, of: state.totalSteps, frame: state.frame + 1, of: state.frameCount,
            dot: " " + glyphs.middleDot + " ")
        let style = theme.statusBar
        buffer.render(
            StatusLine(
                left: StyledLine(context.text(position), style: style),
                right: StyledLine(words.presenterKeys(arrows: context.ascii ? "<- ->" : "← →"), style: style),
                style: style, glyphs: glyphs),
            in: Rect(x: 0, y: height - 1, width: width, height: 1))
        return buffer
    }

    /// `m:ss`.
    static func clock(_ seconds: Int) -> String {
        let s = Swift.max(seconds, 0)
        return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
    }

    /// Every step, numbered; the projected one marked, the cursor's one underlined, scrolled to keep both in view.
    private static func stepList(
        _ state: PlayerState, cursor: Int?, in area: Rect, _ context: ScreenContext, _ buffer: inout Buffer
    ) {
        buffer.render(
            Block(
                title: context.words.stepsTitle, border: .rounded, borderStyle: context.theme.border,
                glyphs: context.glyphs), in: area)
        let inner = area.inner(1)
        guard !inner.isEmpty else { return }
        let steps = state.trace.lesson.steps
        let focus = cursor ?? state.step
        let first = Swift.max(0, Swift.min(focus - inner.height / 2, steps.count - inner.height))
        for (row, index) in (first..<steps.count).prefix(inner.height).enumerated() {
            let current = index == state.step
            let mark = current ? context.glyphs.forwardMark : " "
            var style = current ? context.theme.strong.adding(.reverse) : context.theme.text
            if index == cursor { style = style.adding(.underline) }
            let text = mark + " \(index + 1). " + steps[index].title
            buffer.setString(
                truncate(context.text(text), toWidth: inner.width, ellipsis: context.glyphs.ellipsis), x: inner.x,
                y: inner.y + row, style: style)
        }
    }

    private static func notesBox(_ notes: [String], in area: Rect, _ context: ScreenContext, _ buffer: inout Buffer) {
        buffer.render(
            Block(
                title: context.words.notesTitle, border: .rounded, borderStyle: context.theme.border,
                glyphs: context.glyphs), in: area)
        let inner = area.inner(1).inner(horizontal: 1, vertical: 0)
        guard !inner.isEmpty else { return }
        let text = notes.isEmpty ? context.words.noNotes : notes.map { "- " + $0 }.joined(separator: "\n")
        buffer.render(Prose(context.text(text), theme: context.theme, glyphs: context.glyphs), in: inner)
    }

    /// The frame after the projected one, drawn as the room will see it, at the size of the box.
    private static func preview(_ state: PlayerState, in area: Rect, _ context: ScreenContext, _ buffer: inout Buffer) {
        var next = state
        var title = context.words.lastFrame
        if state.frame + 1 < state.frameCount, (try? next.go(step: state.step, frame: state.frame + 1)) != nil {
            title = context.words.nextFrame(step: state.step + 1, frame: state.frame + 2)
        } else if state.step + 1 < state.stepCount, (try? next.go(step: state.step + 1, frame: 0)) != nil {
            title = context.words.nextFrame(step: state.step + 2, frame: 1)
        } else {
            next = state
        }
        buffer.render(
            Block(title: title, border: .rounded, borderStyle: context.theme.border, glyphs: context.glyphs), in: area)
        let inner = area.inner(1)
        guard !inner.isEmpty, title != context.words.lastFrame else { return }
        // Drawn for paper: the room will see the frame, not the keys that drive it.
        let screen = Screen.render(
            next, width: inner.width, height: inner.height, glyphs: context.glyphs, handout: true)
        buffer.blit(screen, x: inner.x, y: inner.y)
    }
}
