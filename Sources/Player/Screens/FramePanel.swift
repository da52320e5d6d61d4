import Autodiff
import Lessons
import Rendering

/// The text beside the graph that says what a frame does: the forward
/// evaluation with its numbers, the chain rule of a backward step, a
/// question and its answer field, a gradient check.
struct FramePanel {
    let context: ScreenContext
    let frame: Frame?
    /// The frame's position in its step (to find where its backward pass started).
    let index: Int
    /// Columns available, for breaking long equations.
    let width: Int
    /// Whether each input's `local:` line shows; a panel short of rows leaves them out
    /// (the chain-rule line above already has the local gradient's value) so no number is cut.
    var showsLocals = true
    /// Whether a right answer keeps its reason (`upstream 1.58 × local 1`); a panel still short
    /// of rows without the `local:` lines says only `✓ ∂f/∂x = 1.58` (the line above has the product).
    var answerReasons = true

    /// `panel` as it fits `rows`: without the `local:` lines when they would push lines out.
    /// Returns the lines too, so a frame's lines are built once when they fit.
    static func fitting(_ panel: FramePanel, rows: Int) -> (panel: FramePanel, lines: [StyledLine]) {
        let lines = panel.lines
        guard lines.count > rows else { return (panel, lines) }
        var shorter = panel
        shorter.showsLocals = false
        let without = shorter.lines
        guard without.count > rows else { return (shorter, without) }
        var shortest = shorter
        shortest.answerReasons = false
        return (shortest, shortest.lines)
    }

    private var theme: Theme { context.theme }
    /// This frame's place, for the numbers it asks the student to predict.
    private var ref: FrameRef { FrameRef(step: context.state.step, frame: index) }

    /// The panel's title, or nil when the frame has nothing to say beside the graph.
    var title: String? {
        switch frame {
        case .forward(let f)?: return context.words.forwardTitle(f.index + 1, f.count)
        case .backward(let b)?: return context.words.backwardTitle(b.index + 1, b.count)
        case .ask?: return context.words.yourTurn
        case .check?: return context.words.gradientCheck
        default: return nil
        }
    }

    var lines: [StyledLine] {
        switch frame {
        case .forward(let f)?: return forward(f)
        case .backward(let b)?: return backward(b)
        case .ask(let a)?: return ask(a)
        case .check(let c)?: return check(c)
        default: return []
        }
    }

    private func names(_ graph: Int?) -> NodeNames {
        graph.map { context.state.layouts.names($0, in: context.trace) } ?? NodeNames()
    }

    /// `parts` joined by " = ", packed greedily into lines of `width`;
    /// continuation lines start with "= ", and a product too long for a line
    /// breaks after its "×".
    private func equation(_ parts: [String], style: Style) -> [StyledLine] {
        let texts = parts.map(context.text)
        let continuation = "    = "
        var lines: [String] = []
        var current = ""
        var used = 0
        for text in texts {
            let w = displayWidth(text)
            if current.isEmpty {
                current = text
                used = w
            } else if used + 3 + w <= width {
                current += " = " + text
                used += 3 + w
            } else {
                lines.append(current)
                current = continuation + text
                used = 6 + w
            }
            // A part that alone is too wide: break a product after its sign.
            let times = " " + context.times + " "
            if used > width, let range = current.range(of: times) {
                lines.append(String(current[..<range.lowerBound]) + times.dropLast())
                current = "      " + current[range.upperBound...]
                used = displayWidth(current)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { StyledLine($0, style: style) }
    }

    // MARK: - Forward

    private func forward(_ f: ForwardFrame) -> [StyledLine] {
        let names = names(f.snapshot.graph)
        let out = names[f.output.node]
        let node = functionNode(f.snapshot.graph, f.function)
        func formula(_ args: [String]) -> String { Formula.apply(node, label: f.label, args) }
        let written = formula(f.inputs.map { names[$0.node] })
        // An unnamed result is called by its formula: say it once, not `x + y = x + y`.
        let head =
            out == written
            ? [context.glyphs.forwardMark + " " + out] : [context.glyphs.forwardMark + " " + out, written]
        let scalars = f.inputs.allSatisfy { $0.value.rank == 0 } && f.output.value.rank == 0
        var lines: [StyledLine] = []
        if scalars {
            var parts = head
            if !f.inputs.isEmpty { parts.append(formula(f.inputs.map { context.number($0.value.scalar ?? .nan) })) }
            let hidden = PredictLines.hides(context, ref, f.output.node, .value)
            parts.append(hidden ? "?" : context.number(f.output.value.scalar ?? .nan))
            lines += equation(parts, style: theme.forwardFocus)
            lines += PredictLines.lines(
                context, ref,
                PredictLines.Names(loss: out, out: out, input: { names[$0] }, function: f.label, node: node),
                width: width, reasons: answerReasons)
        } else {
            lines += equation(head, style: theme.forwardFocus)
            let shapes = f.inputs.map { names[$0.node] + " " + formatShape($0.value.shape) }.joined(separator: ", ")
            let result = context.arrow + " " + out + " " + formatShape(f.output.value.shape)
            // The output's shape is the point of the line: short of room it gets a line of its own.
            if displayWidth(context.text("  " + shapes + " " + result)) <= width {
                lines.append(context.line("  " + shapes + " " + result, theme.text))
            } else {
                lines.append(context.line("  " + shapes, theme.text))
                lines.append(context.line("    " + result, theme.text))
            }
            if node?.operation?.isBroadcastingArithmetic == true, f.inputs.count == 2 {
                for input in f.inputs where input.value.shape != f.output.value.shape {
                    lines.append(
                        context.line(
                            "  \(context.words.broadcast(names[input.node])): \(formatShape(input.value.shape)) \(context.arrow) \(formatShape(f.output.value.shape))",
                            theme.strong))
                }
            }
            lines += equation(["  " + out], result: f.output.value, style: theme.value)
        }
        return lines
    }

    /// Node `id` of graph `graph`: a function, for how formulas write it, or a leaf, for its kind.
    private func functionNode(_ graph: Int?, _ id: Int) -> GraphNode? {
        guard let graph, context.trace.graphs.indices.contains(graph) else { return nil }
        let nodes = context.trace.graphs[graph].nodes
        return nodes.indices.contains(id) ? nodes[id] : nil
    }

    // MARK: - Backward

    /// The variable backward started from: the output of the first backward frame of this run.
    private func target(of b: BackwardFrame) -> Int {
        guard let played = context.state.playedStep else { return b.output }
        var i = Swift.min(index, played.frames.count - 1)
        while i >= 0 {
            if case .backward(let earlier) = played.frames[i], earlier.index == 0 { return earlier.output }
            i -= 1
        }
        return b.output
    }

    private func backward(_ b: BackwardFrame) -> [StyledLine] {
        let names = names(b.snapshot.graph)
        let loss = names[target(of: b)]
        let out = names[b.output]
        let args = b.inputs.map { names[$0.node] }
        let node = functionNode(b.snapshot.graph, b.function)
        // At the top the upstream gradient is the seed ∂L/∂L = 1 (ones, for a tensor): each input's gradient is
        // its local derivative, said plainly rather than as a product with the node itself.
        let top = target(of: b) == b.output && b.upstream.scalars.allSatisfy { $0 == 1 }
        let upstreamName = top ? nil : context.derivative(loss, out)
        let mark = context.glyphs.backwardMark + " "
        var lines: [StyledLine] = []
        let written = Formula.apply(node, label: b.label, args)
        let head = mark + out + (out == written ? "" : " = " + written)
        let upstreamHead = context.words.upstream + " " + context.derivative(loss, out) + " = "
        let upstream = upstreamHead + fitted(b.upstream, width - 2 - displayWidth(context.text(upstreamHead)))
        if displayWidth(context.text(head + "   " + upstream)) <= width {
            lines.append(context.line(head + "   " + upstream, theme.backwardFocus))
        } else if displayWidth(context.text("  " + upstream)) <= width {
            lines.append(context.line(head, theme.backwardFocus))
            lines.append(context.line("  " + upstream, theme.backwardFocus))
        } else {
            // A long label (`상류 기울기`) leaves too little room: the value on a line of its own.
            lines.append(context.line(head, theme.backwardFocus))
            lines.append(context.line("  " + upstreamHead.dropLast(3), theme.backwardFocus))
            lines.append(context.line("    = " + fitted(b.upstream, width - 6), theme.backwardFocus))
        }
        for (position, input) in b.inputs.enumerated() {
            let name = names[input.node]
            let shareHidden = PredictLines.hides(context, ref, input.node, .share)
            let totalHidden = shareHidden || PredictLines.hides(context, ref, input.node, .total)
            guard input.receivesGradient else {
                // A constant leaf (a number written in, or one the recorded backward of grad() made,
                // like its seed gy) or data: the node's kind says which.
                let constant = functionNode(b.snapshot.graph, input.node)?.kind == .constant
                let kept = context.words.noGradientKept(name, constant: constant)
                lines.append(context.line("  " + kept, theme.secondary))
                continue
            }
            // A variable that is two inputs (`x + x`) gets a line for each: say which is which.
            let twice = b.inputs.filter { $0.node == input.node }.count > 1
            let chain = context.derivative(loss, name) + (twice ? " " + context.words.inputNumber(position + 1) : "")
            let text = node.map {
                Formula.derivative(
                    context.words.derivative(input.derivativeText), of: $0, output: out, inputs: args,
                    upstream: upstreamName, seed: b.upstream.rank == 0 ? "1" : context.derivative(loss, out))
            }
            // A rule said in words (`gy where x is the max, else 0`) is bracketed: `else 0 = [2 0]` misreads.
            let conditional = input.derivativeText.contains(" else ")
            let rule = text?.split(separator: "=", maxSplits: 1).last.map {
                let r = $0.trimmingCharacters(in: .whitespaces)
                return conditional ? "(" + r + ")" : r
            }
            // A result goes on a line of its own after `    = `: it fits that line whole.
            let room = width - 6
            // A broadcast input's share has the output's shape; summed back (`sum_to`) it has the input's.
            let summed = input.product.map { $0.shape != input.gradient.shape } ?? false
            let summedTo: [String] =
                summed && !shareHidden
                ? [
                    "sum_to(" + fitted(input.product, (room - 12) / 2, shape: false) + ", "
                        + formatShape(input.gradient.shape) + ")"
                ] : []
            // A tensor seed times a bare-number local says nothing plainly (`1 = [1 1 1]`): there, as below
            // the top, the numbers are written as upstream × local.
            let plainTop = top && (b.upstream.rank == 0 || rule.map { Double($0) == nil } ?? false)
            if input.local != nil, plainTop {
                let value = fitted(summed ? input.gradient : input.product ?? input.gradient, room)
                // A rule that is the number itself (`∂y/∂x = 1`) would give a hidden one away.
                let shown = rule.map { $0 == value || (shareHidden && Double($0) != nil) ? [] : [$0] } ?? []
                lines += equation(
                    [chain] + shown + summedTo, result: summed ? input.gradient : input.product ?? input.gradient,
                    style: theme.gradient, hidden: shareHidden)
            } else if let local = input.local {
                let product = input.product ?? input.gradient
                // A number to predict keeps its factors' values to the student: the rule, then `?`.
                let numbers =
                    shareHidden
                    ? []
                    : [
                        fitted(b.upstream, (room - 3) / 2, shape: false) + " " + context.times + " "
                            + (local.rank == 0
                                ? context.factor(local.scalar ?? .nan) : fitted(local, (room - 3) / 2, shape: false))
                    ]
                // At the top the chain's first factor is the seed itself: the numbers alone say it.
                let symbols =
                    top ? [] : [context.derivative(loss, out) + " " + context.dot + " " + context.derivative(out, name)]
                lines += equation(
                    [chain] + symbols + numbers + summedTo, result: summed ? input.gradient : product,
                    style: theme.gradient, hidden: shareHidden)
                if showsLocals, let text, !text.isEmpty {
                    lines.append(context.line("    " + context.words.local + ": " + text, theme.secondary))
                }
            } else {
                lines += equation(
                    [chain, rule ?? "?"], result: input.gradient, style: theme.gradient, hidden: shareHidden)
            }
            if summed, shareHidden, let product = input.product {
                // What is asked is after the sum: say it happens, not what it gives.
                let sumTo =
                    "    sum_to \(formatShape(product.shape)) \(context.arrow) \(formatShape(input.gradient.shape)) = ?"
                lines.append(context.line(sumTo, theme.strong))
            }
            if input.accumulated, let previous = input.previous {
                // The head says the shape; the sum under it writes three tensors in the room of one line.
                let third = (width - 6 - 6) / 3
                let scalar = input.gradient.rank == 0
                let share =
                    shareHidden
                    ? "?" : scalar ? context.factor(input.gradient) : fitted(input.gradient, third, shape: false)
                let total =
                    totalHidden ? "?" : scalar ? context.value(input.total) : fitted(input.total, third, shape: false)
                let sum =
                    (scalar ? context.value(previous) : fitted(previous, third, shape: false)) + " + " + share + " = "
                    + total
                let headStart = "    \(name).grad += "
                let head =
                    headStart
                    + (shareHidden ? "?" : fitted(input.gradient, width - displayWidth(context.text(headStart)) - 1))
                    + ":"
                // Short of room, the sum goes under its head: the line always says `+=` (written
                // `x.grad = old + share`, it read as the overwriting the lessons warn against).
                if displayWidth(context.text(head + "  " + sum)) <= width {
                    lines.append(context.line(head + "  " + sum, theme.value))
                } else {
                    lines.append(context.line(head, theme.value))
                    lines.append(context.line("      " + sum, theme.value))
                }
            }
        }
        lines += WrongWayLines.lines(context, b, names: { names[$0] }, width: width)
        lines += PredictLines.lines(
            context, ref, PredictLines.Names(loss: loss, out: out, input: { names[$0] }, function: b.label, node: node),
            width: width, reasons: answerReasons)
        return lines
    }

    /// `t` in at most `room` columns (a scalar as a number): fewer elements, then fewer digits,
    /// before a line would cut a number.
    private func fitted(_ t: Tensor?, _ room: Int, shape: Bool = true) -> String {
        guard let t, t.rank > 0 else { return context.value(t) }
        return context.inline(t, fitting: Swift.max(room, 8), shape: shape)
    }

    /// A result as an equation's last part: on the line as usual when it fits whole there, else a
    /// matrix of up to four rows written a row a line under `    = ` (the panel has the rows; one
    /// line would cut it to `[[0.5403 …] …]`). `parts` are the equation's parts before the result.
    private func equation(_ parts: [String], result t: Tensor?, style: Style, hidden: Bool = false) -> [StyledLine] {
        let room = width - 6
        let inline = hidden ? "?" : fitted(t, room)
        // Only a matrix written whole (up to 4 × 4) that its one line would cut; a larger one keeps
        // its one line, with its shape.
        guard !hidden, let t, t.rank == 2, t.shape[0] <= 4, t.shape[1] <= 4,
            displayWidth(context.text(context.inline(t))) > room
        else { return equation(parts + [inline], style: style) }
        let rows = TensorText.matrix(t, maxRows: 4, maxColumns: 4, ascii: context.ascii)
        guard rows.allSatisfy({ displayWidth(context.text($0)) <= room }) else {
            return equation(parts + [inline], style: style)
        }
        return equation(parts, style: style)
            + rows.enumerated().map { i, row in context.line((i == 0 ? "    = " : "      ") + row, style) }
    }

    // MARK: - Questions and checks

    private func ask(_ a: AskFrame) -> [StyledLine] {
        var lines = Wrap.lines(
            [Span(context.text(a.question.text), style: theme.question)], width: Swift.max(width, 10),
            firstPrefix: Span("? ", style: theme.question), indent: 2)
        lines += AskLines.lines(context, a, width: width)
        return lines
    }

    private func check(_ c: CheckFrame) -> [StyledLine] {
        var lines = c.results.map { r in
            context.line(
                context.words.checkRow(
                    r.name, analytic: context.inline(r.analytic), numerical: context.inline(r.numerical),
                    passed: r.passed), r.passed ? theme.value : theme.error)
        }
        lines.append(
            context.line(
                context.words.checkSummary(passed: c.passed, tolerance: context.number(c.tolerance)),
                c.passed ? theme.answer : theme.error))
        return lines
    }
}
