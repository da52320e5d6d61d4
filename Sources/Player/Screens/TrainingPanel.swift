import Autodiff
import Lessons
import Rendering

/// A training step on screen: the loss chart growing to the right, the
/// data with the model's current fit, the iteration and loss (in big digits
/// on the projector theme) and the parameters.
struct TrainingPanel {
    let context: ScreenContext
    let frame: Frame

    private var theme: Theme { context.theme }

    static func isTraining(_ frame: Frame) -> Bool {
        switch frame {
        case .training, .lossPlot, .dataPlot: return true
        default: return false
        }
    }

    /// A plot of data alone (`@plot data`): its box is not titled "training".
    var isDataPlot: Bool {
        if case .dataPlot = frame { return true }
        return false
    }

    // MARK: - Numbers

    /// `iteration 30/100  loss 0.0823` (on two lines when `width` is too narrow)
    /// and the run's state; then the params.
    func statsLines(width: Int) -> [StyledLine] {
        switch frame {
        case .training(let f):
            let iteration =
                f.byEpoch
                ? context.words.epoch(Swift.min(f.iteration + 1, f.iterations), of: f.iterations)
                : context.words.iteration(f.iteration, of: f.iterations)
            var loss = context.words.loss(context.number(f.loss))
            if let tracked = f.tracked { loss += "  \(tracked.name) \(context.number(tracked.value))" }
            var lines =
                displayWidth(iteration + "  " + loss) <= width
                ? [context.line(iteration + "  " + loss, theme.strong)]
                : [context.line(iteration, theme.strong), context.line(loss, theme.strong)]
            switch f.status {
            case .running:
                let run = context.state.trainingRun
                let note: String
                switch run {
                case .running?: note = context.words.runningNote
                case .ready?: note = f.byEpoch ? context.words.readyAfterFirstEpoch : context.words.readyNote
                case .paused? where context.state.autoplay != nil: note = context.words.pausedNote
                default: note = context.words.runsOnNote
                }
                // Each note names a key; paper shows the run as it stands.
                if !context.handout { lines += wrapped(note, width: width, style: theme.secondary) }
            case .finished: lines.append(context.line(context.words.finished, theme.answer))
            case .diverged(let i):
                let lossThen = f.losses.indices.contains(i) ? f.losses[i] : f.loss
                lines += wrapped(divergedNote(iteration: i, loss: lossThen), width: width, style: theme.error)
            case .stopped(let i): lines.append(context.line(context.words.stoppedAt(i), theme.secondary))
            }
            // Between recorded frames the loss moves on; the params are those of the last recorded iteration.
            if let at = f.parametersIteration, !f.parameters.isEmpty {
                // Counted as the header counts: by epoch, the epoch after `at` whole ones.
                let words =
                    f.byEpoch
                    ? context.words.paramsAtEpoch(Swift.min(at + 1, f.iterations)) : context.words.paramsAt(at)
                lines.append(context.line(words, theme.secondary))
            }
            for p in f.parameters {
                let head = "\(name(p.node)) = "
                let value = context.inline(p.value, fitting: width - displayWidth(context.text(head)))
                lines.append(context.line(head + value, theme.paramNode))
            }
            return lines
        case .lossPlot(let f):
            let last = f.losses.last.map(context.number) ?? "?"
            let summary =
                f.byEpoch
                ? context.words.epochLossSummary(f.lossName, count: f.losses.count, last: last)
                : context.words.lossSummary(f.lossName, count: f.losses.count, last: last)
            var lines = wrapped(summary, width: width, style: theme.strong)
            if case .diverged(let i) = f.status {
                let lossThen = f.losses.indices.contains(i) ? f.losses[i] : (f.losses.last ?? .nan)
                lines += wrapped(divergedNote(iteration: i, loss: lossThen), width: width, style: theme.error)
            }
            return lines
        case .dataPlot(let f):
            let text =
                classChart != nil
                ? context.words.classesSummary(t: name(f.y.node), x: name(f.x.node), regions: f.regions != nil)
                : context.words.scatterTitle(y: name(f.y.node), x: name(f.x.node), fit: f.fit.map { name($0.node) })
            var lines = [context.line(text, theme.strong)]
            if let fit = f.fit, let note = offChartNote(fit: fit, data: f.y.value) {
                lines += wrapped(note, width: width, style: theme.error)
            }
            return lines
        default:
            return []
        }
    }

    /// What a diverged run says: where, what the loss became, and that the lesson goes on.
    private func divergedNote(iteration: Int, loss: Double) -> String {
        let what = loss.isNaN ? context.words.notANumberValue : context.number(loss)
        return context.words.diverged(at: iteration, loss: what, arrow: context.arrow)
    }

    /// A note when the fitted values cannot be drawn with the data: some are NaN or
    /// infinite, or they lie far outside the data's range (after a run that diverged).
    private func offChartNote(fit: NodeValue, data: Tensor) -> String? {
        let values = fit.value.scalars
        let bad = values.reduce(0) { $0 + ($1.isFinite ? 0 : 1) }
        if bad > 0 { return context.words.fitNotFinite(name(fit.node), bad: bad, of: values.count) }
        let finite = data.scalars.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), let fitLo = values.min(), let fitHi = values.max() else {
            return nil
        }
        let span = Swift.max(hi - lo, 1)
        guard fitLo < lo - 10 * span || fitHi > hi + 10 * span else { return nil }
        let place =
            fitLo == fitHi
            ? context.words.fitAt(context.number(fitLo))
            : context.words.fitRange(context.number(fitLo), context.number(fitHi))
        return context.words.fitOffChart(name(fit.node), place)
    }

    /// `text` in lines of at most `width` columns (at least one line).
    private func wrapped(_ text: String, width: Int, style: Style) -> [StyledLine] {
        Wrap.lines([Span(context.text(text), style: style)], width: Swift.max(width, 1))
    }

    /// The loss in big digits, when the theme is for a projector.
    var bigLoss: Double? {
        guard theme.name.hasPrefix("projector"), case .training(let f) = frame else { return nil }
        return f.loss
    }

    func name(_ node: Int) -> String {
        guard let graph = frame.snapshot?.graph else { return "?" }
        return context.state.layouts.names(graph, in: context.trace)[node]
    }

    // MARK: - Charts

    /// The two charts of a training step.
    enum Chart: Hashable, Sendable { case loss, fit }

    /// Draws the loss chart and, when `showFit` and there is data, the fit beside or below it.
    func renderCharts(in area: Rect, buffer: inout Buffer, showFit: Bool = true) {
        guard !area.isEmpty else { return }
        let fit: (any Widget)? = showFit ? (classChart.map { $0 as any Widget } ?? scatter) : nil
        let loss = lossChart
        switch (loss, fit) {
        case (let loss?, let fit?):
            let sideBySide = area.width >= 100 || area.height < 16
            let halves: [(Chart, Constraint)] = [(.loss, .fill(weight: 1)), (.fit, .fill(weight: 1))]
            let parts =
                sideBySide
                ? Layout.horizontal(halves, spacing: 1).split(area) : Layout.vertical(halves).split(area)
            buffer.render(loss, in: parts[.loss])
            buffer.render(fit, in: parts[.fit])
        case (let loss?, nil): buffer.render(loss, in: area)
        case (nil, let fit?): buffer.render(fit, in: area)
        default: break
        }
    }

    /// The loss chart, drawn from the summary of the run's one shared history
    /// (a million losses cost the chart its width, not a walk through them).
    private var lossChart: LineChart? {
        let series: ChartSeries
        let planned: Int?
        switch frame {
        case .training(let f):
            // The y axis is the whole run's, so it does not rescale from one frame to the next.
            series = ChartSeries(
                context.state.layouts.series(f.history, count: f.runEnd), count: f.end, scaleCount: f.runEnd)
            // A run that ended early (diverged, stopped) is drawn over the iterations it ran, not the ones planned.
            switch f.status {
            case .diverged, .stopped: planned = f.end
            case .running, .finished: planned = f.iterations
            }
        case .lossPlot(let f):
            series = ChartSeries(context.state.layouts.series(f.history, count: f.end), count: f.end)
            // The axis runs to the run's length, so its last tick (10000) is labelled.
            planned = f.end
        default: return nil
        }
        var chart = LineChart(
            series: series, title: context.text(context.words.lossTitle), logScale: logScale, theme: theme,
            glyphs: context.glyphs)
        chart.logLabel = context.text(context.words.logScale)
        if let planned, planned > 0 { chart.xRange = 0...Double(planned) }
        return chart
    }

    /// Log scale when the loss of this step's run spans two decades or more (decided per step, so it never flips mid-run).
    private var logScale: Bool {
        // The longest part of a history any frame of the step shows (the frames of a run share it).
        var longest: (history: LossHistory, count: Int)?
        for frame in context.state.playedStep?.frames ?? [] {
            let shown: (history: LossHistory, count: Int)
            switch frame {
            case .training(let f): shown = (f.history, f.runEnd)
            case .lossPlot(let f): shown = (f.history, f.end)
            default: continue
            }
            if shown.count > longest?.count ?? -1 { longest = shown }
        }
        guard let longest,
            let positive = context.state.layouts.series(longest.history, count: longest.count)
                .extent(0..<longest.count).positive
        else { return false }
        return positive.upperBound / positive.lowerBound >= 100
    }

    private var scatter: ScatterChart? {
        let x: Tensor
        let y: Tensor
        let fit: Tensor?
        let title: String
        switch frame {
        case .dataPlot(let f):
            x = f.x.value
            y = f.y.value
            fit = f.fit?.value
            title = name(f.y.node) + " / " + name(f.x.node)
        case .training(let f):
            guard let data = plottedData(graph: f.snapshot.graph), data.x < f.snapshot.values.count,
                data.y < f.snapshot.values.count,
                let xs = f.snapshot.values[data.x], let ys = f.snapshot.values[data.y]
            else { return nil }
            x = xs
            y = ys
            fit = f.prediction?.value
            title = name(data.y) + " / " + name(data.x)
        default:
            return nil
        }
        let points = zip(x.scalars, y.scalars).map { ChartPoint(x: $0, y: $1) }
        let curve = fit.map { zip(x.scalars, $0.scalars).map { ChartPoint(x: $0, y: $1) }.sorted { $0.x < $1.x } } ?? []
        var chart = ScatterChart(
            points: points, fit: curve, title: context.text(title), theme: theme, glyphs: context.glyphs)
        chart.dataLabel = context.text(context.words.dataLegend)
        chart.fitLabel = context.text(context.words.fitLegend)
        return chart
    }

    /// The x and y of the lesson's `@plot data` for this graph, so training frames can show the data.
    func plottedData(graph: Int) -> (x: Int, y: Int)? {
        let trace = context.trace
        guard trace.graphs.indices.contains(graph) else { return nil }
        for played in trace.steps where played.graph == graph {
            for directive in played.step.directives {
                if case .plotData(let x, let y, _) = directive.kind,
                    let xn = trace.graphs[graph].node(named: x), let yn = trace.graphs[graph].node(named: y)
                {
                    return (xn.id, yn.id)
                }
            }
        }
        return nil
    }
}
