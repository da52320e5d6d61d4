import Lessons
import Rendering

/// The boxes of predict mode's app-level moments: the closing screen after a
/// lesson's last frame, and a nudged input (`d`).
enum ClosingScreen {
    /// What the lesson covered (its steps), the score, and where to go next.
    static func render(_ context: ScreenContext, buffer: inout Buffer) {
        let state = context.state
        let steps = state.trace.lesson.steps.filter { !$0.isIntroduction }.map { "- " + $0.title }
        let text =
            "**" + state.trace.lesson.title + "**\n\n" + PredictWords.covered + "\n\n" + steps.joined(separator: "\n")
            + "\n\n" + PredictWords.score(state.score) + "\n\n"
            + (state.leaveLabel == "list" ? PredictWords.nextKeys : PredictWords.nextKeysNoList)
        box(text, title: PredictWords.closingTitle, maxWidth: 70, context, &buffer)
    }

    /// ±ε on one input: both outputs, the central difference, and backprop's gradient.
    static func nudge(_ n: Nudge, _ context: ScreenContext, buffer: inout Buffer) {
        func num(_ v: Double) -> String { context.number(v) }
        let d = context.derivative(n.output, n.name)
        let text = """
            \(n.name) = \(num(n.x)), ε = \(num(n.epsilon))

            - \(n.output)(\(n.name) + ε) = \(num(n.fPlus))
            - \(n.output)(\(n.name) − ε) = \(num(n.fMinus))

            numerical: (\(num(n.fPlus)) − \(context.factor(n.fMinus))) / 2ε = **\(num(n.numerical))**

            backprop: \(d) = **\(num(n.backprop))**

            \(PredictWords.nudgeKeys)
            """
        box(text, title: PredictWords.nudgeTitle + ": " + n.name, maxWidth: 64, context, &buffer)
    }

    private static func box(_ text: String, title: String, maxWidth: Int, _ context: ScreenContext, _ buffer: inout Buffer) {
        let prose = Prose(context.text(text), theme: context.theme, glyphs: context.glyphs)
        let overlay = Overlay(
            prose: prose, title: context.text(title), maxWidth: maxWidth, in: buffer.area,
            style: context.theme.border, glyphs: context.glyphs)
        buffer.render(overlay, in: buffer.area)
    }
}
