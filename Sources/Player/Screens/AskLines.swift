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
        let head = right ? context.words.rightWord + ": " : context.words.answerIsWord + " "
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
        if shares.count == 1 { return context.words.oneShareReason }
        return context.words.sharesReason
            + shares.enumerated().map { i, s in i == 0 ? context.number(s) : context.factor(s) }.joined(
                separator: " + ")
    }

    /// The author's `hint=`, else one the numbers suggest.
    static func hint(_ context: ScreenContext, _ a: AskFrame, _ state: AnswerState) -> String {
        if let hint = a.question.hint { return context.words.hintWord + hint }
        switch state.mistake {
        case .signFlipped?: return context.words.askSignFlipped
        case .oneShare?: return context.words.askOneShare
        default:
            return context.state.shares(for: a).count > 1 ? context.words.askAddShares : context.words.askLookAgain
        }
    }
}
