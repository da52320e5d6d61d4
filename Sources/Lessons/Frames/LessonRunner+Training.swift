import Autodiff

// @train, @plot loss, @plot data.

extension LessonRunner {
    func train(_ directive: Directive, _ options: TrainingOptions) -> [Frame] {
        guard let session = requireGraph(for: directive) else { return [] }
        guard let lossId = resolve(options.loss, session, directive, role: "loss") else { return [] }
        let built = session.built
        let lossShape = built.records[lossId].shape
        guard elementCount(lossShape) == 1 else {
            report(
                directive.location(of: "loss"),
                "the loss must be one number; '\(options.loss)' has shape \(formatShape(lossShape))")
            return []
        }
        guard built.records[lossId].kind == .intermediate else {
            report(
                directive.location(of: "loss"),
                "'\(options.loss)' is not computed from the params, so training cannot change it")
            return []
        }
        guard !built.parameters.isEmpty else {
            report(
                directive.location,
                "nothing to train: the graph has no param (declare one like 'param W = zeros(1, 1)')")
            return []
        }
        let (work, overflow) = built.work.multipliedReportingOverflow(by: options.iterations)
        if overflow || work > limits.trainingWork {
            report(
                directive.location(of: "iters"),
                "training would cost about \(overflow ? "more than \(Int.max)" : "\(work)") element operations (\(options.iterations) iterations × \(built.work)), more than \(limits.trainingWork) (the training work limit)"
            )
            return []
        }
        let track = options.track.map { trackedValue($0, loss: lossId, session, directive) }
        if case .some(nil) = track { return [] }
        if options.batch != nil, built.batchedLeaves().rows == 0 {
            report(
                directive.location(of: "batch"),
                "batch= cuts the data into mini-batches, but this graph has no data with rows (like 'data x = rand(100, 1)')"
            )
            return []
        }
        guard chargeLesson(directive, iterations: options.iterations, work: work) else { return [] }
        session.trainedLoss = options.loss
        guard mode == .play else { return [] }
        // One history per graph, with room for all its trainings: later runs go on in it.
        let history =
            session.history
            ?? LossHistory(capacity: plannedIterations[session.block.index] ?? options.iterations)
        session.history = history
        var trainer = Trainer(
            graph: built, loss: lossId, options: options, shouldStop: shouldStop,
            stopOnDivergence: stopOnDivergence, valueBudget: frameValueBudget, history: history)
        trainer.random = random
        trainer.track = track ?? nil
        trainer.replaysFixedGraph = replaysFixedGraphs
        let result: Trainer.Result
        do {
            result = try trainer.run()
        } catch {
            report(directive.location, "training failed: \(error)")
            return []
        }
        frameValueBudget = Swift.max(0, frameValueBudget - result.kept)
        replayedIterations += result.replayed
        let runEnd = history.written
        let start = runEnd - result.count
        session.trainingStatus = result.status
        let losses = history.prefix(runEnd)
        // With epochs=, the frames and the chart go by epoch.
        let byEpoch = options.epochs != nil
        if byEpoch {
            session.updateLosses.append(.batches(result.batchLosses))
            session.epochLosses += losses[start..<runEnd]
        } else {
            session.updateLosses.append(.history(start..<runEnd))
        }
        let regionPlan = regionPlan(for: session)
        func regions(_ values: [Tensor?]) -> RegionGrid? {
            guard let plan = regionPlan, let points = values[plan.x] else { return nil }
            return try? plan.regions(points: points) { path in built.node(named: path).flatMap { values[$0] } }
        }
        func tracked(_ i: Int) -> TrackedNumber? {
            guard let name = options.track, result.tracked.indices.contains(i) else { return nil }
            return TrackedNumber(name: name, value: result.tracked[i])
        }
        let params = built.parameters
        let fit = fitName(for: session).flatMap { session.node(named: $0) }
        func label(_ id: Int) -> String { built.records[id].label }
        var frames: [Frame] = []
        let known = (0..<built.records.count).map { built.records[$0].kind != .function }
        let noGrads = [Tensor?](repeating: nil, count: known.count)
        // The values a frame shows: its own when kept, else those of the last frame that kept them.
        var shown:
            (
                iteration: Int, snapshot: GraphSnapshot, parameters: [NodeValue], prediction: NodeValue?,
                regions: RegionGrid?
            )?
        for sample in result.samples {
            if let variables = sample.variables {
                let values = zip(variables, known).map { $1 ? $0 : nil }
                shown = (
                    sample.iteration,
                    GraphSnapshot(graph: session.block.index, values: values, grads: noGrads, focus: params + [lossId]),
                    params.map { NodeValue(node: $0, label: label($0), value: variables[$0] ?? Tensor(0)) },
                    fit.map { NodeValue(node: $0, label: label($0), value: variables[$0] ?? Tensor(0)) },
                    regions(variables)
                )
            }
            guard let shown else { continue }
            let status: TrainingStatus =
                sample.iteration == result.count - 1 && result.status != .finished
                ? result.status : .running
            var frame = TrainingFrame(
                iteration: sample.iteration, iterations: options.iterations,
                loss: losses[start + sample.iteration], history: history, end: start + sample.iteration + 1,
                runEnd: runEnd, parameters: shown.parameters, prediction: shown.prediction, status: status,
                snapshot: shown.snapshot)
            if shown.iteration != sample.iteration { frame.parametersIteration = shown.iteration }
            frame.byEpoch = byEpoch
            frame.regions = shown.regions
            frame.tracked = tracked(sample.iteration)
            frames.append(.training(frame))
        }
        // The final frame: the state after the last update.
        session.current = result.final
        for id in built.records.indices where built.records[id].kind != .function { session.valueKnown[id] = true }
        session.grads = Array(repeating: nil, count: built.records.count)
        // The loss shown at the end is the last iteration's, as DeZero prints it and the loss
        // chart ends: one "last loss" on every screen (a forward with the final parameters
        // would show a third number no program prints).
        let finalLoss = runEnd > start ? losses[runEnd - 1] : session.value(lossId)?.scalars.first ?? .nan
        // The updates made: one per loss, except that a run stopped by its divergence
        // made none after the loss that diverged.
        var updates = result.count
        if case .diverged(let i) = result.status, stopOnDivergence { updates = i }
        var last = TrainingFrame(
            iteration: updates, iterations: options.iterations, loss: finalLoss, history: history,
            end: runEnd, runEnd: runEnd,
            parameters: params.map {
                NodeValue(node: $0, label: label($0), value: session.value($0) ?? Tensor(0))
            },
            prediction: fit.map {
                NodeValue(node: $0, label: label($0), value: session.value($0) ?? Tensor(0))
            },
            status: result.status, snapshot: session.snapshot(focus: params + [lossId]))
        last.byEpoch = byEpoch
        last.regions = regions(result.final.map { $0?.data })
        last.tracked = tracked(updates - 1)
        frames.append(.training(last))
        return frames
    }

    /// The node or the accuracy `track=NAME` follows; nil (reported) when it names neither.
    private func trackedValue(_ name: String, loss: Int, _ session: GraphSession, _ directive: Directive)
        -> TrackedValue?
    {
        let built = session.built
        if let id = session.node(named: name) {
            guard elementCount(built.records[id].shape) == 1 else {
                report(
                    directive.location(of: "track"),
                    "track= follows one number; '\(name)' has shape \(formatShape(built.records[id].shape))")
                return nil
            }
            return .node(id)
        }
        if name == "accuracy", let f = built.records[loss].creator, built.records[f].label == "softmax_cross_entropy",
            built.records[f].inputs.count == 2
        {
            return .accuracy(scores: built.records[f].inputs[0], labels: built.records[f].inputs[1])
        }
        let hint =
            name == "accuracy"
            ? "track=accuracy follows a softmax_cross_entropy loss; name a value instead, like acc = accuracy(y, t)"
            : unknownName(name, in: session, role: "@train track=")
        report(directive.location(of: "track"), hint)
        return nil
    }

    /// Counts a training against the lesson's limits on all its trainings together;
    /// false (after reporting it) when it would go past one.
    private func chargeLesson(_ directive: Directive, iterations: Int, work: Int) -> Bool {
        let (allIterations, overflow) = lessonIterations.addingReportingOverflow(iterations)
        if overflow || allIterations > limits.lessonIterations {
            report(
                directive.location(of: "iters"),
                "the lesson's trainings would run \(overflow ? "more than \(Int.max)" : "\(allIterations)") iterations together, more than \(limits.lessonIterations) (the lesson iteration limit)"
            )
            return false
        }
        let (allWork, workOverflow) = lessonWork.addingReportingOverflow(work)
        if workOverflow || allWork > limits.lessonTrainingWork {
            report(
                directive.location(of: "iters"),
                "the lesson's trainings would cost about \(workOverflow ? "more than \(Int.max)" : "\(allWork)") element operations together, more than \(limits.lessonTrainingWork) (the lesson training work limit)"
            )
            return false
        }
        lessonIterations = allIterations
        lessonWork = allWork
        return true
    }

    func plotLoss(_ directive: Directive) -> [Frame] {
        guard let session = requireGraph(for: directive) else { return [] }
        guard let loss = session.trainedLoss else {
            report(directive.location, "@plot loss needs a @train on the current graph before it")
            return []
        }
        guard mode == .play else { return [] }
        var frame = LossPlotFrame(
            lossName: loss, history: session.history ?? LossHistory([]), end: session.history?.written ?? 0,
            status: session.trainingStatus ?? .finished, snapshot: session.snapshot())
        frame.byEpoch = !session.epochLosses.isEmpty
        return [.lossPlot(frame)]
    }

    func plotData(_ directive: Directive, x: String, y: String, fit: String?) -> [Frame] {
        if let frames = plotClasses(directive, x: x, y: y, fit: fit) { return frames }
        guard let session = requireGraph(for: directive) else { return [] }
        guard let xId = resolve(x, session, directive, role: "x"), let yId = resolve(y, session, directive, role: "y")
        else { return [] }
        var fitId: Int?
        if let fit {
            guard let id = resolve(fit, session, directive, role: "fit") else { return [] }
            fitId = id
        }
        let shape = { (id: Int) in session.built.records[id].shape }
        let count = { (id: Int) in elementCount(shape(id)) }
        guard count(xId) == count(yId) else {
            report(
                directive.location(of: "y"),
                "cannot plot \(y) against \(x): \(x) has \(count(xId)) values, \(y) has \(count(yId))")
            return []
        }
        if let fitId, let fit, count(fitId) != count(yId) {
            report(
                directive.location(of: "fit"),
                "cannot plot fit \(fit) with \(y): \(fit) has \(count(fitId)) values, \(y) has \(count(yId))")
            return []
        }
        guard mode == .play else { return [] }
        let built = session.built
        func value(_ id: Int) -> NodeValue {
            NodeValue(node: id, label: built.records[id].label, value: session.value(id) ?? Tensor(0))
        }
        if let fitId { session.valueKnown[fitId] = true }
        return [
            .dataPlot(
                DataPlotFrame(
                    x: value(xId), y: value(yId), fit: fitId.map(value),
                    snapshot: session.snapshot(focus: [xId, yId] + (fitId.map { [$0] } ?? []))))
        ]
    }

    func ask(_ directive: Directive, _ question: Question) -> [Frame] {
        guard let expr = directive.answer else { return [] }
        var interpreter: Interpreter
        var session: GraphSession?
        if let current = currentSession {
            guard current.isUsable else { return [] }
            interpreter = current.interpreter
            session = current
        } else {
            interpreter = Interpreter(file: source, limits: limits, random: NumPyRandom(seed: 0))
        }
        let context = Context(eager: true, value: { session?.value($0) }, grad: { session?.grads[$0] })
        do {
            guard case .constant(let t, _, _) = try interpreter.evaluate(expr, context) else {
                report(directive.location(of: "answer"), "the answer must be a number")
                return []
            }
            guard t.count == 1, let answer = t.scalars.first else {
                report(
                    directive.location(of: "answer"),
                    "the answer must be one number; '\(question.answerText)' has shape \(formatShape(t.shape))")
                return []
            }
            guard answer.isFinite else {
                report(
                    directive.location(of: "answer"), "the answer '\(question.answerText)' is \(Tensor.format(answer))")
                return []
            }
            return [
                .ask(AskFrame(question: question, answer: answer, snapshot: session?.snapshot(focus: asked(question))))
            ]
        } catch let error as InterpretError {
            if !error.silent { report(error.location, error.message) }
            return []
        } catch {
            report(directive.location(of: "answer"), "\(error)")
            return []
        }
    }
}
