import Rendering

/// The boxes drawn over a screen: the keys (`?`) and the value editor (`e`).
enum Overlays {
    static func help(_ context: ScreenContext, buffer: inout Buffer) {
        let text = context.words.help
        let prose = Prose(context.text(text), theme: context.theme, glyphs: context.glyphs)
        let overlay = Overlay(
            prose: prose, title: context.text(context.words.keysTitle), maxWidth: 76, in: buffer.area,
            style: context.theme.border, glyphs: context.glyphs)
        buffer.render(overlay, in: buffer.area)
    }

    /// Reopening a lesson: the place it was left, and the two answers.
    static func resume(_ ref: FrameRef, _ context: ScreenContext, buffer: inout Buffer) {
        let steps = context.trace.lesson.steps
        let title = steps.indices.contains(ref.step) ? steps[ref.step].title : ""
        let text = context.words.resumeText(step: ref.step + 1, title: title, frame: ref.frame + 1)
        let prose = Prose(context.text(text), theme: context.theme, glyphs: context.glyphs)
        let overlay = Overlay(
            prose: prose, title: context.text(context.words.resumeTitle), maxWidth: 60, in: buffer.area,
            style: context.theme.border, glyphs: context.glyphs)
        buffer.render(overlay, in: buffer.area)
    }

    static func edit(_ session: EditSession, _ context: ScreenContext, buffer: inout Buffer) {
        let theme = context.theme
        var fields = StyledLine()
        // Each field as it stands: what was typed in it, else its value.
        for (i, field) in session.fields.enumerated() {
            if i > 0 { fields.append("  ", style: theme.text) }
            let shown = session.values.indices.contains(i) ? session.values[i] : field.current
            fields.append(
                context.text("\(field.label) = \(shown)"),
                style: i == session.selected ? theme.backwardFocus : theme.text)
        }
        let label = session.field?.label ?? ""
        let lines = [
            fields,
            StyledLine(
                context.text(context.words.newValue(label) + session.text) + (context.ascii ? "_" : "▏"),
                style: theme.strong),
            StyledLine(context.text(context.words.editKeys), style: theme.secondary),
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
                title: context.text(context.words.editTitle), border: .double, borderStyle: theme.focusBorder,
                glyphs: context.glyphs,
                clearsInside: true), in: box)
        for (i, line) in lines.enumerated() where i < box.height - 2 {
            buffer.setLine(
                line, x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4, ellipsis: context.glyphs.ellipsis)
        }
    }
}
