import Autodiff
import Lessons
import Rendering

/// Draws one frame of a lesson: the graph, the step's text, what the frame shows
/// (a forward evaluation, the chain rule of a backward step, a loss chart, a
/// question) and a status line. The graph layout is kept per graph, so stepping
/// only restyles boxes and nothing jumps.
public final class LessonScreen {
    public let trace: LessonTrace
    private var layouts: [String: GraphLayout] = [:]

    public init(trace: LessonTrace) { self.trace = trace }

    /// What the app adds on top of a frame: theme, glyphs, the answer being typed, overlays.
    public struct Options {
        public var theme: Theme = .default
        public var glyphs: GlyphSet = .unicode
        public var typedAnswer: String? = nil
        public var answerFeedback: String? = nil
        public var revealed = false
        public var help = false
        public init() {}
    }

    /// The screen for frame `frame` of step `step` (both from 0) at `width`×`height`.
    public func render(step: Int, frame: Int, width: Int, height: Int, options o: Options) -> Buffer {
        var buffer = Buffer(width: Swift.max(width, 0), height: Swift.max(height, 0))
        guard width > 0, height > 0, trace.steps.indices.contains(step) else { return buffer }
        let played = trace.steps[step]
        let frames = played.frames
        let current = frames.indices.contains(frame) ? frames[frame] : nil
        let ascii = o.glyphs.isASCII
        let title = plain("\(trace.lesson.title) \(o.glyphs.middleDot) \(played.step.title)", o)
        buffer.setString(truncate(title, toWidth: width, ellipsis: o.glyphs.ellipsis), x: 0, y: 0, style: o.theme.heading)
        let status = "step \(step + 1)/\(trace.steps.count) \(o.glyphs.middleDot) frame \(frame + 1)/\(Swift.max(frames.count, 1))"
        let keys = ascii ? "<- -> frame  [ ] step  t theme  ? help  q quit" : "← → frame  [ ] step  t theme  ? help  q quit"
        buffer.render(StatusLine(left: StyledLine(keys, style: o.theme.statusBar),
                                 right: StyledLine(status, style: o.theme.statusBar), style: o.theme.statusBar, glyphs: o.glyphs),
                      in: Rect(x: 0, y: height - 1, width: width, height: 1))
        let body = Rect(x: 0, y: 1, width: width, height: Swift.max(height - 2, 0))
        guard !body.isEmpty else { return buffer }
        let detail = detailLines(current, options: o)
        let hasChart = current.map(isChart) ?? false
        let detailHeight = hasChart ? Swift.max(body.height / 2, 6) : (detail.isEmpty ? 0 : Swift.min(detail.count + 2, body.height / 2))
        let snapshot = current?.snapshot ?? lastSnapshot(step: step)
        // A step with no graph yet is all prose.
        let proseWidth = snapshot == nil ? width : (width >= 100 ? width * 2 / 5 : (width >= 80 ? width / 3 : 0))
        let main = Rect(x: 0, y: body.y, width: width - proseWidth, height: body.height)
        if proseWidth > 0 {
            let proseArea = Rect(x: width - proseWidth, y: body.y, width: proseWidth, height: body.height)
            buffer.render(Block(border: .rounded, borderStyle: o.theme.border, glyphs: o.glyphs), in: proseArea)
            buffer.render(Prose(plain(proseMarkup(played.step), o), theme: o.theme, glyphs: o.glyphs), in: proseArea.inner(1))
        }
        let graphArea = Rect(x: main.x, y: main.y, width: main.width, height: Swift.max(main.height - detailHeight, 0))
        let detailArea = Rect(x: main.x, y: graphArea.bottom, width: main.width, height: main.height - graphArea.height)
        if let snapshot, proseWidth < width {
            drawGraph(snapshot, frame: current, in: graphArea, buffer: &buffer, options: o)
        } else if proseWidth == 0 {
            buffer.render(Prose(plain(proseMarkup(played.step), o), theme: o.theme, glyphs: o.glyphs), in: graphArea.inner(1))
        }
        if !detailArea.isEmpty {
            buffer.render(Block(title: current.map { plain(panelTitle($0), o) }, border: .rounded, borderStyle: o.theme.border, glyphs: o.glyphs),
                          in: detailArea)
            let inner = detailArea.inner(1)
            if let current, hasChart {
                drawChart(current, in: inner, buffer: &buffer, options: o)
            } else {
                for (i, line) in detail.enumerated() where i < inner.height {
                    buffer.setString(plain(line.text, o), x: inner.x + 1, y: inner.y + i, style: line.style(o.theme), maxWidth: inner.width - 1)
                }
            }
        }
        if proseWidth == 0 && width < 80 && snapshot != nil {
            buffer.setString(truncate(plain("notes hidden: enlarge to 80×24", o), toWidth: width, ellipsis: o.glyphs.ellipsis),
                             x: 0, y: height - 2, style: o.theme.secondary)
        }
        if o.help { drawHelp(in: &buffer, options: o) }
        return buffer
    }

    /// Text as this screen may show it (ASCII only when the glyphs are ASCII).
    private func plain(_ text: String, _ o: Options) -> String {
        o.glyphs.isASCII ? ValueText.ascii(text) : text
    }

    private func isChart(_ frame: Frame) -> Bool {
        switch frame {
        case .training, .lossPlot, .dataPlot: return true
        default: return false
        }
    }

    private func lastSnapshot(step: Int) -> GraphSnapshot? {
        for s in stride(from: step, through: 0, by: -1) {
            if let snap = trace.steps[s].frames.last?.snapshot { return snap }
        }
        return nil
    }

    private func panelTitle(_ frame: Frame) -> String {
        switch frame {
        case .still: return " "
        case .forward: return " forward "
        case .backward: return " backward: the chain rule "
        case .training: return " training "
        case .lossPlot: return " loss "
        case .dataPlot: return " data and fit "
        case .ask: return " your turn "
        case .check: return " gradient check "
        }
    }

    private func proseMarkup(_ step: Step) -> String {
        step.prose.map { block -> String in
            switch block {
            case let .paragraph(runs): return runs.map(inline).joined()
            case let .listItem(marker, depth, runs):
                return String(repeating: "  ", count: depth) + (marker.first?.isNumber == true ? marker : "-") + " " + runs.map(inline).joined()
            case let .code(lines): return "```\n" + lines.joined(separator: "\n") + "\n```"
            case let .heading(level, runs): return String(repeating: "#", count: Swift.max(level, 1)) + " " + runs.map(inline).joined()
            }
        }.joined(separator: "\n\n")
    }

    private func inline(_ run: Inline) -> String {
        switch run {
        case let .text(s), let .emphasis(s): return s
        case let .code(s): return "`\(s)`"
        case let .strong(s): return "**\(s)**"
        }
    }

    // MARK: - Graph

    private func layout(for graph: Int, width: Int, height: Int, glyphs: GlyphSet) -> GraphLayout? {
        let key = "\(graph)-\(width)x\(height)-\(glyphs.isASCII)"
        if let cached = layouts[key] { return cached }
        guard trace.graphs.indices.contains(graph) else { return nil }
        let structure = trace.graphs[graph]
        var model = GraphModel()
        for node in structure.nodes {
            let label = glyphs.isASCII ? ValueText.ascii(node.label) : node.label
            let lines = node.kind.isVariable ? [label, "?", " "] : [label]
            try? model.addNode(id: node.id, lines: lines, kind: node.kind.isVariable ? .variable : .function,
                               minContentWidth: node.kind.isVariable ? 9 : 3)
        }
        for edge in structure.edges { try? model.addEdge(from: edge.from, to: edge.to) }
        let result = try? GraphLayout.fit(model, width: width, height: height)
        layouts[key] = result
        return result
    }

    private func drawGraph(_ snapshot: GraphSnapshot, frame: Frame?, in area: Rect, buffer: inout Buffer, options o: Options) {
        guard !area.isEmpty, let layout = layout(for: snapshot.graph, width: area.width, height: area.height, glyphs: o.glyphs)
        else { return }
        let structure = trace.graphs[snapshot.graph]
        var view = GraphView(layout: layout, theme: o.theme, glyphs: o.glyphs)
        let ascii = o.glyphs.isASCII
        for node in structure.nodes where node.kind.isVariable {
            let value = node.id < snapshot.values.count ? snapshot.values[node.id] : nil
            let grad = node.id < snapshot.grads.count ? snapshot.grads[node.id] : nil
            let tag = node.kind == .param ? " (param)" : node.kind == .data ? " (data)" : ""
            view.nodeLines[node.id] = [plain(node.label, o) + tag, ValueText.tensor(value, ascii: ascii, limit: 2),
                                       grad.map { "g " + ValueText.tensor($0, ascii: ascii, limit: 2) } ?? " "]
            view.nodeLineStyles[node.id] = [o.theme.strong, o.theme.value, o.theme.gradient]
        }
        var focusStyle = o.theme.forwardFocus
        var mark = o.glyphs.forwardMark
        if case .backward = frame { focusStyle = o.theme.backwardFocus; mark = o.glyphs.backwardMark }
        if let first = snapshot.focus.first, structure.nodes.indices.contains(first) {
            for id in snapshot.focus { view.nodeStyles[id] = focusStyle; view.nodeBorders[id] = .heavy }
            if case .function = structure.nodes[first].kind {} else if structure.nodes[first].kind.isVariable {
                var lines = view.nodeLines[first] ?? [structure.nodes[first].label]
                lines[0] = mark + " " + lines[0]
                view.nodeLines[first] = lines
            }
        }
        if let offset = snapshot.focus.first.flatMap({ layout.offset(revealing: $0, from: GraphPoint(x: 0, y: 0),
                                                                         viewWidth: area.width, viewHeight: area.height) }) {
            view.offset = offset
        }
        buffer.render(view, in: area)
    }

    // MARK: - Detail panel

    struct Line {
        var text: String
        var role: Role = .text
        enum Role { case text, strong, value, gradient, question, answer, error }
        func style(_ theme: Theme) -> Style {
            switch role {
            case .text: return theme.text
            case .strong: return theme.strong
            case .value: return theme.value
            case .gradient: return theme.gradient
            case .question: return theme.question
            case .answer: return theme.answer
            case .error: return theme.error
            }
        }
    }

    private func detailLines(_ frame: Frame?, options o: Options) -> [Line] {
        let ascii = o.glyphs.isASCII
        func t(_ x: Tensor?) -> String { ValueText.tensor(x, ascii: ascii) }
        let times = o.glyphs.times
        switch frame {
        case nil, .still?: return []
        case let .forward(f)?:
            let ins = f.inputs.map { "\($0.label) = \(t($0.value))" }.joined(separator: ", ")
            // Unnamed intermediates (a step inside one expression) are called y here.
            let out = f.output.label.isEmpty ? "y" : f.output.label
            return [Line(text: "\(o.glyphs.forwardMark) \(f.index + 1)/\(f.count)  \(out) = \(f.label)(\(f.inputs.map(\.label).joined(separator: ", ")))", role: .strong),
                    Line(text: "inputs: \(ins)"),
                    Line(text: "\(out) = \(t(f.output.value))", role: .value)]
        case let .backward(b)?:
            var lines = [Line(text: "\(o.glyphs.backwardMark) \(b.index + 1)/\(b.count)  \(b.label): upstream ∂L/∂out = \(t(b.upstream))", role: .strong)]
            for input in b.inputs {
                var text = "∂L/∂\(input.label) = \(t(b.upstream))"
                if let local = input.local { text += " \(times) \(t(local)) = \(t(input.product ?? input.gradient))" }
                else { text += " → \(t(input.gradient))" }
                lines.append(Line(text: text, role: .gradient))
                if !input.derivativeText.isEmpty { lines.append(Line(text: "   local: \(input.derivativeText)")) }
                if input.accumulated, let previous = input.previous {
                    lines.append(Line(text: "   \(input.label).grad += \(t(input.gradient)): \(t(previous)) + \(t(input.gradient)) = \(t(input.total))", role: .value))
                }
            }
            return lines
        case let .ask(a)?:
            var lines = [Line(text: a.question.text, role: .question)]
            lines.append(Line(text: "answer: " + (o.typedAnswer.map { $0 + "_" } ?? "press Enter to type, v to reveal")))
            if let feedback = o.answerFeedback { lines.append(Line(text: feedback, role: .answer)) }
            if o.revealed { lines.append(Line(text: "the answer is \(ValueText.number(a.answer, ascii: ascii))", role: .answer)) }
            return lines
        case let .check(c)?:
            return c.results.map {
                Line(text: "\($0.name): backprop \(t($0.analytic))  numerical \(t($0.numerical))  \($0.passed ? "agree" : "DISAGREE")",
                     role: $0.passed ? .value : .error)
            }
        default: return []
        }
    }

    private func drawChart(_ frame: Frame, in area: Rect, buffer: inout Buffer, options o: Options) {
        let ascii = o.glyphs.isASCII
        switch frame {
        case let .training(f):
            var line = "iteration \(f.iteration)/\(f.iterations)  loss \(ValueText.number(f.loss, ascii: ascii))"
            if case let .diverged(i) = f.status { line += "  diverged at \(i): the loss is not a number" }
            buffer.setString(plain(line, o), x: area.x, y: area.y, style: o.theme.strong, maxWidth: area.width)
            let chartArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
            buffer.render(LineChart(values: Array(f.losses), title: "loss", theme: o.theme, glyphs: o.glyphs), in: chartArea)
        case let .lossPlot(f):
            buffer.render(LineChart(values: f.losses, title: plain(f.lossName, o), logScale: true, theme: o.theme, glyphs: o.glyphs), in: area)
        case let .dataPlot(f):
            let points = zip(f.x.value.scalars, f.y.value.scalars).map { ChartPoint(x: $0, y: $1) }
            let fit = f.fit.map { fit in zip(f.x.value.scalars, fit.value.scalars).map { ChartPoint(x: $0, y: $1) }.sorted { $0.x < $1.x } } ?? []
            buffer.render(ScatterChart(points: points, fit: fit, title: plain("\(f.y.label) vs \(f.x.label)", o), theme: o.theme, glyphs: o.glyphs), in: area)
        default: break
        }
    }

    private func drawHelp(in buffer: inout Buffer, options o: Options) {
        let text = """
        **Keys**

        - → l space n PageDown: next frame (then the next step)
        - ← h Backspace p PageUp: previous frame
        - ] [: next / previous step; g G: first / last frame
        - Enter on a question: type an answer; v reveals it
        - t: theme (default, projector, monochrome)
        - ? or Esc: close this help; q or Ctrl-C: quit
        """
        let overlay = Overlay(prose: Prose(plain(text, o), theme: o.theme, glyphs: o.glyphs), title: " help ", maxWidth: 64,
                              in: buffer.area, style: o.theme.border, glyphs: o.glyphs)
        buffer.render(overlay, in: buffer.area)
    }
}
