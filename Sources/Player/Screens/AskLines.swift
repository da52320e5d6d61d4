import Lessons
import Rendering

/// A question's panel below its text: the answer field, a hint for a wrong
/// answer (the author's, else one the numbers suggest), the reason for a right one.
enum AskLines {
    static func lines(_ context: ScreenContext, _ a: AskFrame, width: Int) -> [StyledLine] {
        let theme = context.theme
        let state = context.state.currentAnswer ?? AnswerState()
        var lines: [StyledLine] = []
        if !state.revealed {
            lines += PredictLines.feedback(context, state, hint: hint(context, a, state), width: width)
            lines += PredictLines.prompt(context, label: nil, answer: state, width: width)
            return lines
        }
        let right = state.lastWasRight && state.lastValue != nil
        let head = right ? PredictWords.right + ": " : PredictWords.answerIs + " "
        lines += PredictLines.wrap(
            context, head + context.number(a.answer) + (reason(context, a).map { " · " + $0 } ?? ""),
            right ? theme.answer : theme.value, width: width)
        return lines
    }

    /// The author's `why=`, else the shares backward sent the node asked about.
    static func reason(_ context: ScreenContext, _ a: AskFrame) -> String? {
        if let why = a.question.why { return why }
        let shares = context.state.shares(for: a)
        guard !shares.isEmpty else { return nil }
        if shares.count == 1 { return "the gradient backward sent it" }
        return "the sum of its shares: "
            + shares.enumerated().map { i, s in i == 0 ? context.number(s) : context.factor(s) }.joined(separator: " + ")
    }

    /// The author's `hint=`, else one the numbers suggest.
    static func hint(_ context: ScreenContext, _ a: AskFrame, _ state: AnswerState) -> String {
        if let hint = a.question.hint { return "hint: " + hint }
        switch state.mistake {
        case .signFlipped?: return "the sign is flipped"
        case .oneShare?: return "that is one share; add every share it receives"
        default:
            return context.state.shares(for: a).count > 1
                ? "add the shares that reach it, one per arrow leaving it" : "look at the graph and the text again"
        }
    }
}
