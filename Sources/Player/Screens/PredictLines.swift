import Autodiff
import Lessons
import Rendering

/// What predict mode and questions add to the frame panel: the field being
/// typed, the hint that fits a wrong answer, the reason a right one is right.
enum PredictLines {
    /// `snapshot` with the numbers the student is still to predict or answer taken out.
    static func masked(_ snapshot: GraphSnapshot, _ hidden: (values: Set<Int>, grads: Set<Int>)) -> GraphSnapshot {
        guard !hidden.values.isEmpty || !hidden.grads.isEmpty else { return snapshot }
        var values = snapshot.values
        var grads = snapshot.grads
        for id in hidden.values where values.indices.contains(id) { values[id] = nil }
        for id in hidden.grads where grads.indices.contains(id) { grads[id] = nil }
        return GraphSnapshot(graph: snapshot.graph, values: values, grads: grads, focus: snapshot.focus)
    }

    /// Names a blank's lines use: the output backward started from, the function's output.
    struct Names {
        let loss: String
        let out: String
        let input: (Int) -> String
        let function: String
    }

    /// Whether blank `kind` of `node` on the frame on screen is still hidden.
    static func hides(_ context: ScreenContext, _ node: Int, _ kind: Blank.Kind) -> Bool {
        let state = context.state
        return state.blanks(at: state.place).enumerated().contains { i, b in
            b.node == node && b.kind == kind && !state.blankState(state.place, i).revealed
        }
    }

    /// The lines under a frame with numbers to predict.
    static func lines(_ context: ScreenContext, _ names: Names, width: Int) -> [StyledLine] {
        let state = context.state
        let theme = context.theme
        let blanks = state.blanks(at: state.place)
        guard !blanks.isEmpty else { return [] }
        var lines: [StyledLine] = []
        for (i, blank) in blanks.enumerated() {
            let answer = state.blankState(state.place, i)
            let label = self.label(context, blank, names)
            if answer.revealed {
                let head = answer.lastWasRight ? "✓ " + PredictWords.right + ": " : PredictWords.answerIs + " "
                lines += wrap(
                    context, head + label + " = " + context.number(blank.answer) + " · " + reason(context, blank, names),
                    answer.lastWasRight ? theme.answer : theme.value, width: width)
                continue
            }
            guard state.openBlank == i else { break }
            lines += feedback(context, answer, hint: hint(context, answer.mistake, blank, names), width: width)
            lines += prompt(context, label: label, answer: answer, width: width)
            break
        }
        return lines
    }

    /// The answer field while typing, else what to do.
    static func prompt(_ context: ScreenContext, label: String?, answer: AnswerState, width: Int) -> [StyledLine] {
        let theme = context.theme
        if case .answer(let typed) = context.state.input {
            return wrap(
                context, (label.map { $0 + " = " } ?? "answer: ") + typed + (context.ascii ? "_" : "▏") + "   "
                    + PredictWords.answering, theme.strong, width: width)
        }
        let what = label.map { "? " + $0 + ": " } ?? ""
        return wrap(
            context,
            what + (answer.attempts > 0 ? PredictWords.tryAgain : PredictWords.typeHere) + " · "
                + PredictWords.revealKey + " · " + PredictWords.stepOnAnyway, theme.question, width: width)
    }

    /// The last check's result: could not read it, or not quite with a hint.
    static func feedback(_ context: ScreenContext, _ answer: AnswerState, hint: String, width: Int) -> [StyledLine] {
        if let unreadable = answer.unreadable { return wrap(context, unreadable, context.theme.error, width: width) }
        guard let value = answer.lastValue, !answer.lastWasRight else { return [] }
        return wrap(
            context, PredictWords.notQuite + ": " + context.number(value) + " · " + hint, context.theme.error,
            width: width)
    }

    static func wrap(_ context: ScreenContext, _ text: String, _ style: Style, width: Int) -> [StyledLine] {
        Wrap.lines([Span(context.text(text), style: style)], width: Swift.max(width, 10), indent: 2)
    }

    /// `∂f/∂x`, `x.grad after +=`, `q`.
    static func label(_ context: ScreenContext, _ blank: Blank, _ names: Names) -> String {
        let name = names.input(blank.node)
        switch blank.kind {
        case .value: return name
        case .share: return context.derivative(names.loss, name) + " (the share)"
        case .total: return name + ".grad after +="
        }
    }

    /// Why the number is what it is: the chain rule with its numbers.
    static func reason(_ context: ScreenContext, _ blank: Blank, _ names: Names) -> String {
        let times = " " + context.times + " "
        switch blank.kind {
        case .value:
            return names.out + " = " + Formula.apply(names.function, blank.inputs.map(context.factor)) + " = "
                + context.number(blank.answer)
        case .share:
            guard let upstream = blank.upstream, let local = blank.local else {
                return "upstream " + (blank.upstream.map(context.number) ?? "?") + " through " + names.function
            }
            return "upstream " + context.number(upstream) + times + "local " + context.factor(local) + " = "
                + context.number(blank.answer)
        case .total:
            return "previous " + context.number(blank.previous ?? 0) + " + share " + context.factor(blank.share ?? 0)
                + " = " + context.number(blank.answer)
        }
    }

    /// A hint that fits the mistake, else the chain rule with one factor left blank.
    static func hint(_ context: ScreenContext, _ mistake: AnswerMistake?, _ blank: Blank, _ names: Names) -> String {
        let name = names.input(blank.node)
        let local = context.derivative(names.out, name)
        let up = blank.upstream.map(context.number) ?? "?"
        switch mistake ?? .unknown {
        case .signFlipped:
            return "the sign is flipped: check the sign of each factor"
        case .upstreamAlone:
            return "that is upstream alone; multiply it by the local gradient \(local)"
        case .localAlone:
            return "that is the local gradient alone; multiply it by upstream \(up)"
        case .wrongPair:
            return "that uses another input's local gradient; for \(name) it is \(local)"
        case .shareNotAdded:
            return "that is this share alone; \(name) already had \(context.number(blank.previous ?? 0)): add (+=)"
        case .oldTotal:
            return "that is \(name).grad before this share; add the share"
        case .oneShare:
            return "that is one share; add every share \(name) receives"
        case .unknown:
            switch blank.kind {
            case .value:
                return names.out + " = " + Formula.apply(names.function, blank.inputs.map(context.factor)) + " = ___"
            case .share:
                return context.derivative(names.loss, name) + " = upstream " + up + " " + context.times + " local ___ ("
                    + local + ")"
            case .total:
                return name + ".grad = " + context.number(blank.previous ?? 0) + " + ___ (the new share)"
            }
        }
    }
}
