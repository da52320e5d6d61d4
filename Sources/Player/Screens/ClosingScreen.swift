import Lessons
import Rendering

/// The boxes of predict mode's app-level moments: the closing screen after a
/// lesson's last frame, and a nudged input (`d`).
enum ClosingScreen {
    /// What the lesson covered (its steps), the score, and where to go next.
    static func render(_ context: ScreenContext, buffer: inout Buffer) {
        let state = context.state
        let titles = state.trace.lesson.steps.filter { !$0.isIntroduction }.map(\.title)
        let head = "**" + state.trace.lesson.title + "**\n\n"
        let tail =
            context.words.score(state.score, predicting: state.isPredicting) + "\n\n"
            + context.words.nextKeys(list: state.leadsToList)
        // The score and the keys always show: on a small screen the steps covered
        // become one paragraph, and go when even that does not fit.
        let candidates = [
            head + context.words.covered + "\n\n" + titles.map { "- " + $0 }.joined(separator: "\n") + "\n\n" + tail,
            head + context.words.covered + " " + titles.joined(separator: " · ") + "\n\n" + tail,
            head + tail,
        ]
        let width = Swift.max(6, Swift.min(70, buffer.width - 2)) - 4
        let room = buffer.height - 4
        let text =
            candidates.first {
                Prose(context.text($0), theme: context.theme, glyphs: context.glyphs).height(forWidth: width) <= room
            } ?? tail
        box(text, title: context.words.closingTitle, maxWidth: 70, context, &buffer)
    }

    /// ±ε on one input: both outputs, the central difference, and backprop's gradient.
    static func nudge(_ n: Nudge, _ context: ScreenContext, buffer: inout Buffer) {
        func num(_ v: Double) -> String { context.number(v) }
        let d = context.derivative(n.output, n.name)
        let text = """
            \(n.name) = \(num(n.x)), ε = \(num(n.epsilon))

            - \(n.output)(\(n.name) + ε) = \(num(n.fPlus))
            - \(n.output)(\(n.name) − ε) = \(num(n.fMinus))

            \(context.words.numericalWord): (\(num(n.fPlus)) − \(context.factor(n.fMinus))) / 2ε = **\(num(n.numerical))**

            \(context.words.backpropWord): \(d) = **\(num(n.backprop))**

            \(context.words.nudgeKeys)
            """
        box(text, title: context.words.nudgeTitle + ": " + n.name, maxWidth: 64, context, &buffer)
    }

    private static func box(
        _ text: String, title: String, maxWidth: Int, _ context: ScreenContext, _ buffer: inout Buffer
    ) {
        let prose = Prose(context.text(text), theme: context.theme, glyphs: context.glyphs)
        let overlay = Overlay(
            prose: prose, title: context.text(title), maxWidth: maxWidth, in: buffer.area,
            style: context.theme.border, glyphs: context.glyphs)
        buffer.render(overlay, in: buffer.area)
    }
}
