import Rendering

/// The boxes drawn over a screen: the keys (`?`) and the value editor (`e`).
enum Overlays {
    static func help(_ context: ScreenContext, buffer: inout Buffer) {
        let text = """
            - **→ l space n PageDown**: next frame, then the next step
            - **← h Backspace p PageUp**: previous frame
            - **] [**: next / previous step; **g G**: first / last frame
            - **digits, Enter**: go to that step; on a question, **: digits Enter** (or **#**)
            - **f b**: play the forward / backward pass; **a**: play the step (a training run), pause, resume; **+ -**: speed
            - **P**: predict mode: each new number shows as ? until you type it
            - **on a question or a ?**: type the answer (-0.3, 3/10, -4*1), **Enter** checks it; **v** reveals it
            - **d**: nudge an input by ±ε: the numerical gradient beside backprop's
            - **e**: edit an input or the training's lr and iters (Tab: next field, Enter: recompute); **r**: reset values
            - **t**: theme (default, projector, monochrome); **z**: detail (values, gradients, shapes)
            - **↓ ↑ j k**: scroll the step's text; **H J K L**: pan a graph marked "more"; **Tab**: next panel on a small screen
            - **R**: reload the lesson file after changing it; **Esc**: stop a training being computed
            - **? Esc**: close this help; **q**: back to the lesson list (quits without one); **Ctrl-C**: quit
            """
        let prose = Prose(context.text(text), theme: context.theme, glyphs: context.glyphs)
        let overlay = Overlay(
            prose: prose, title: context.text("keys"), maxWidth: 76, in: buffer.area,
            style: context.theme.border, glyphs: context.glyphs)
        buffer.render(overlay, in: buffer.area)
    }

    /// Reopening a lesson: the place it was left, and the two answers.
    static func resume(_ ref: FrameRef, _ context: ScreenContext, buffer: inout Buffer) {
        let steps = context.trace.lesson.steps
        let title = steps.indices.contains(ref.step) ? steps[ref.step].title : ""
        let text = """
            You were at **step \(ref.step + 1)** (\(title)), frame \(ref.frame + 1).

            **Enter** resumes there · **Esc** starts from the beginning
            """
        let prose = Prose(context.text(text), theme: context.theme, glyphs: context.glyphs)
        let overlay = Overlay(
            prose: prose, title: context.text("resume?"), maxWidth: 60, in: buffer.area,
            style: context.theme.border, glyphs: context.glyphs)
        buffer.render(overlay, in: buffer.area)
    }

    static func edit(_ session: EditSession, _ context: ScreenContext, buffer: inout Buffer) {
        let theme = context.theme
        var fields = StyledLine()
        for (i, field) in session.fields.enumerated() {
            if i > 0 { fields.append("  ", style: theme.text) }
            fields.append(
                context.text("\(field.label) = \(field.current)"),
                style: i == session.selected ? theme.backwardFocus : theme.text)
        }
        let label = session.field?.label ?? ""
        let lines = [
            fields,
            StyledLine(
                context.text("new \(label) = \(session.text)") + (context.ascii ? "_" : "▏"), style: theme.strong),
            StyledLine(context.text("Tab next field · Enter recompute · Esc cancel"), style: theme.secondary),
        ]
        let width = Swift.min(Swift.max(lines.map(\.width).max() ?? 0, 30) + 4, buffer.width - 2)
        let box = Rect(
            x: Swift.max((buffer.width - width) / 2, 0), y: Swift.max(buffer.height - 7, 0), width: width, height: 5
        )
        .intersection(buffer.area)
        guard box.width >= 4, box.height >= 3 else { return }
        buffer.clear(box)
        buffer.render(
            Block(
                title: context.text("edit a value"), border: .double, borderStyle: theme.focusBorder,
                glyphs: context.glyphs,
                clearsInside: true), in: box)
        for (i, line) in lines.enumerated() where i < box.height - 2 {
            buffer.setLine(line, x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4)
        }
    }
}
