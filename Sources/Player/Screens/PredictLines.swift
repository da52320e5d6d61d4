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

    /// The panel's lines that fit `height` rows: the first ones, except while the frame
    /// waits for an answer: then the line asked (the first with a `?`, with the line before
    /// it when there is room) and the last ones, the field and its hint, with a `…` row wherever lines are
    /// left out above or between them.
    static func fitting(_ lines: [StyledLine], height: Int, _ context: ScreenContext) -> [StyledLine] {
        var lines = lines[...]
        guard lines.count > height, context.state.isAsking else { return Array(lines.prefix(Swift.max(height, 0))) }
        while lines.count > height, lines.last?.width == 0 { lines = lines.dropLast() }
        let all = Array(lines)
        guard all.count > height, height > 2 else { return Array(all.suffix(Swift.max(height, 0))) }
        let mark = StyledLine(context.glyphs.ellipsis, style: context.theme.secondary)
        let asked = all.firstIndex { asks($0.plainText) } ?? all.count
        for before in [1, 0] {
            let start = Swift.max(asked - before, 0)
            guard asked < all.count, start < all.count else { break }
            let above = start > 0 ? 1 : 0
            // Everything from the asked line on fits under it: no gap.
            if above + all.count - start <= height { return (above > 0 ? [mark] : []) + all[start...] }
            let tail = height - above - (asked - start + 1) - 1
            // The line before the asked one only when it leaves the hint and the field their rows.
            guard tail >= (before > 0 ? 4 : 1) else { continue }
            return (above > 0 ? [mark] : []) + all[start...asked] + [mark] + all.suffix(tail)
        }
        return [mark] + all.suffix(height - 1)
    }

    /// Whether a panel line holds a number still asked: a `?` standing alone.
    static func asks(_ text: String) -> Bool {
        let chars = Array(text)
        return chars.indices.contains { i in
            chars[i] == "?" && (i == 0 || chars[i - 1] == " ") && (i == chars.count - 1 || chars[i + 1] == " ")
        }
    }

    /// Names a blank's lines use: the output backward started from, the function's output.
    struct Names {
        let loss: String
        let out: String
        let input: (Int) -> String
        let function: String
        /// The function's node, for writing it as the lesson does.
        let node: GraphNode?
    }

    /// Whether blank `kind` of `node` on the frame on screen is still hidden.
    static func hides(_ context: ScreenContext, _ ref: FrameRef, _ node: Int, _ kind: Blank.Kind) -> Bool {
        let state = context.state
        return state.blanks(at: ref).enumerated().contains { i, b in
            b.node == node && b.kind == kind && !state.blankState(ref, i).revealed
        }
    }

    /// The lines under a frame with numbers to predict: a line for each number answered, and
    /// while one is still to come, three for the field and a hint (so answering a number
    /// adds at most its own line; the screen reserves rows for what the step has answered).
    /// - Parameter reasons: a right answer with its reason; without, `✓ ∂f/∂x = 1.58` alone.
    static func lines(_ context: ScreenContext, _ ref: FrameRef, _ names: Names, width: Int, reasons: Bool = true)
        -> [StyledLine]
    {
        // A worked frame in predict mode says so: the student watches this one.
        if context.state.blanks(at: ref).isEmpty, context.state.inPredictedPass(ref) {
            let next = context.state.nextFrameAsks(after: ref)
            return wrap(
                context, next ? context.words.worked : context.words.workedOnly, context.theme.secondary, width: width)
        }
        return answerLines(context, ref, names, width: width, reasons: reasons)
    }

    private static func answerLines(
        _ context: ScreenContext, _ ref: FrameRef, _ names: Names, width: Int, reasons: Bool
    ) -> [StyledLine] {
        let state = context.state
        let theme = context.theme
        let blanks = state.blanks(at: ref)
        guard !blanks.isEmpty else { return [] }
        var lines: [StyledLine] = []
        for (i, blank) in blanks.enumerated() {
            let answer = state.blankState(ref, i)
            // Where a share is added to a total, the share is named as one path's, not as ∂f/∂x itself.
            let alsoTotal = blanks.contains { $0.node == blank.node && $0.kind == .total }
            let label = self.label(context, blank, names, onePath: alsoTotal)
            if answer.revealed {
                let mark = answer.lastWasRight ? (context.ascii ? "ok " : "✓ ") : ""
                let tail = answer.lastWasRight ? "" : " (" + context.words.shownWord + ")"
                // A shown answer always keeps its reason: the student did not find it.
                let why = reasons || !answer.lastWasRight ? ": " + reason(context, blank, names) : ""
                lines += wrap(
                    context, mark + label + " = " + context.number(blank.answer) + why + tail,
                    answer.lastWasRight ? theme.answer : theme.value, width: width)
                continue
            }
            // The first number still hidden is the one typed answers go to (on the frame on screen);
            // on any frame, its field and a hint get their rows, so typing never grows the panel.
            let pending = lines.count + 3
            if ref == state.place {
                lines += feedback(context, answer, hint: hint(context, answer.mistake, blank, names), width: width)
                lines += prompt(context, label: label, answer: answer, width: width)
            }
            while lines.count < pending { lines.append(StyledLine()) }
            break
        }
        return lines
    }

    /// The answer field while typing, else what to do.
    static func prompt(_ context: ScreenContext, label: String?, answer: AnswerState, width: Int) -> [StyledLine] {
        let theme = context.theme
        // On paper: a line to write the answer on.
        if context.handout {
            return wrap(
                context, (label.map { $0 + " = " } ?? context.words.answerLabel) + "________", theme.question,
                width: width)
        }
        if case .answer(let typed) = context.state.input {
            return wrap(
                context,
                (label.map { $0 + " = " } ?? context.words.answerLabel) + typed + (context.ascii ? "_" : "▏")
                    + "   " + context.words.typingKeys, theme.strong, width: width)
        }
        return wrap(
            context, context.words.prompt(label, again: answer.attempts > 0) + " · " + context.words.showKey,
            theme.question, width: width)
    }

    /// The last check's result: could not read it, or not quite with a hint.
    static func feedback(_ context: ScreenContext, _ answer: AnswerState, hint: String, width: Int) -> [StyledLine] {
        if let unreadable = answer.unreadable { return wrap(context, unreadable, context.theme.error, width: width) }
        guard let value = answer.lastValue, !answer.lastWasRight else { return [] }
        return wrap(
            context, context.words.notQuiteWord + ": " + context.number(value) + " · " + hint, context.theme.error,
            width: width)
    }

    static func wrap(_ context: ScreenContext, _ text: String, _ style: Style, width: Int) -> [StyledLine] {
        // Indented under the equation or question they follow, every line measured with its indent.
        Wrap.lines(
            [Span(context.text(text), style: style)], width: Swift.max(width, 10), firstPrefix: Span("  "), indent: 2)
    }

    /// `∂f/∂x`, `x.grad after +=`, `q`.
    static func label(_ context: ScreenContext, _ blank: Blank, _ names: Names, onePath: Bool = false) -> String {
        let name = names.input(blank.node)
        switch blank.kind {
        case .value: return name
        case .share:
            return context.derivative(names.loss, name) + (onePath ? " " + context.words.throughThisPath : "")
        case .total: return name + ".grad " + context.words.afterPlusEquals
        }
    }

    /// Why the number is what it is: the chain rule with its numbers.
    static func reason(_ context: ScreenContext, _ blank: Blank, _ names: Names) -> String {
        let times = " " + context.times + " "
        switch blank.kind {
        case .value:
            return Formula.apply(names.node, label: names.function, numbers(context, blank))
        case .share:
            guard let upstream = blank.upstream, let local = blank.local else {
                return context.words.upstream + " " + (blank.upstream.map(context.number) ?? "?") + " "
                    + context.words.throughWord + " " + names.function
            }
            return context.words.upstream + " " + context.number(upstream) + times + context.words.local + " "
                + context.factor(local)
        case .total:
            return context.words.previousWord + " " + context.number(blank.previous ?? 0) + " + "
                + context.words.shareWord + " " + context.factor(blank.share ?? 0)
        }
    }

    /// A forward function's inputs as numbers; `Formula` puts the parentheses: `−2 + 5`, `3 × (−4)`.
    private static func numbers(_ context: ScreenContext, _ blank: Blank) -> [String] {
        blank.inputs.map(context.number)
    }

    /// A hint that fits the mistake, else the chain rule with one factor left blank.
    static func hint(_ context: ScreenContext, _ mistake: AnswerMistake?, _ blank: Blank, _ names: Names) -> String {
        let name = names.input(blank.node)
        let local = context.derivative(names.out, name)
        let up = blank.upstream.map(context.number) ?? "?"
        switch mistake ?? .unknown {
        case .signFlipped:
            return context.words.signFlipped
        case .upstreamAlone:
            return context.words.upstreamAlone(local)
        case .localAlone:
            return context.words.localAlone(up)
        case .wrongPair:
            return context.words.wrongPair(name, local)
        case .shareNotAdded:
            return context.words.shareNotAdded(name, context.number(blank.previous ?? 0))
        case .oldTotal:
            return context.words.oldTotal
        case .oneShare:
            return context.words.oneShare(name)
        case .unknown:
            switch blank.kind {
            case .value:
                return names.out + " = " + Formula.apply(names.node, label: names.function, numbers(context, blank))
                    + " = ___"
            case .share:
                return context.derivative(names.loss, name) + " = " + context.words.upstream + " " + up + " "
                    + context.times + " " + context.words.local + " ___ (" + local + ")"
            case .total:
                return name + ".grad = " + context.number(blank.previous ?? 0) + " + ___ (" + context.words.newShare
                    + ")"
            }
        }
    }
}
