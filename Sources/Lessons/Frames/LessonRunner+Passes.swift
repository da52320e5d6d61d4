import Autodiff

// @forward and @backward: one frame per function.

extension LessonRunner {
    func forward(_ directive: Directive) -> [Frame] {
        guard let session = requireGraph(for: directive) else { return [] }
        let built = session.built
        // Forward is revealed from the start: hide computed values first.
        for (id, record) in built.records.enumerated() where record.kind == .intermediate {
            session.valueKnown[id] = false
        }
        session.grads = Array(repeating: nil, count: built.records.count)
        let worked = workedNodes(directive, session)
        var frames: [Frame] = []
        for (k, entry) in built.tape.enumerated() {
            session.valueKnown[entry.output] = true
            let inputs = entry.inputs.map {
                NodeValue(node: $0, label: built.records[$0].label, value: session.value($0) ?? Tensor(0))
            }
            let output = NodeValue(
                node: entry.output, label: built.records[entry.output].label,
                value: session.value(entry.output) ?? Tensor(0))
            var frame = ForwardFrame(
                index: k, count: built.tape.count, function: entry.function,
                label: built.records[entry.function].label,
                inputs: inputs, output: output,
                snapshot: session.snapshot(focus: entry.inputs + [entry.function, entry.output]))
            frame.practice = FramePractice(
                lessonPredicts: directive.practice.predict, worked: worked.map { $0.contains(entry.output) })
            frames.append(.forward(frame))
        }
        return frames
    }

    func backward(_ directive: Directive, target: String?) -> [Frame] {
        guard let session = requireGraph(for: directive) else { return [] }
        guard let name = target ?? session.output else {
            report(directive.location, "@backward needs a name: the graph assigns none")
            return []
        }
        // A bare @backward starts from the output an @output names: a wrong name is that line's error.
        let named = target == nil ? outputDirectives[session.block.index] : nil
        guard let targetId = session.node(named: name) else {
            // A bare @backward's output is named by @output, @train or another @backward's
            // target, and a missing one is reported there.
            if target != nil { _ = resolve(name, session, directive, role: "target") }
            return []
        }
        let built = session.built
        let kind = built.records[targetId].kind
        if kind == .data {
            if let named {
                report(
                    named.location(of: "target"),
                    "'\(name)' is data: the @backward on line \(directive.location.line) starts from the output @output names, and backward starts from a variable the graph computes"
                )
            } else {
                report(
                    directive.location(of: "target"),
                    "'\(name)' is data: backward starts from a variable the graph computes")
            }
            return []
        }
        // Backward needs the forward values: show them all.
        for id in built.records.indices where built.records[id].kind != .function { session.valueKnown[id] = true }
        session.grads = Array(repeating: nil, count: built.records.count)
        do {
            // Without cleargrads, the leaves keep what the last backward left, and this one adds to it.
            var kept: [Int: Tensor] = [:]
            if directive.clearsGrads {
                session.clearLeafGradients()
            } else {
                for id in built.records.indices where session.receivesGradient(id) {
                    if let g = built.variables[id]?.grad?.data, built.records[id].kind != .intermediate { kept[id] = g }
                }
            }
            let variables = try built.replay()
            session.current = variables.enumerated().map { id, v in
                built.records[id].kind == .function ? nil : v
            }
            var functionNode: [ObjectIdentifier: Int] = [:]
            for entry in built.tape {
                if let f = variables[entry.output]?.creator { functionNode[ObjectIdentifier(f)] = entry.function }
            }
            guard let y = variables[targetId] else { return [] }
            var steps: [BackwardStep] = []
            try y.backward(retainGrad: true) { steps.append($0) }
            let frames = backwardFrames(
                steps, session: session, target: targetId, functionNode: functionNode, kept: kept)
            return practised(frames, directive, session) {
                wrongWay(
                    $0, steps: steps, functionNode: functionNode, target: targetId, session: session,
                    directive: directive)
            }
        } catch {
            report(directive.location, "backward from '\(name)' failed: \(error)")
            return []
        }
    }

    private func backwardFrames(
        _ steps: [BackwardStep], session: GraphSession, target: Int,
        functionNode: [ObjectIdentifier: Int], kept: [Int: Tensor] = [:]
    ) -> [Frame] {
        let built = session.built
        if session.receivesGradient(target), let y = session.value(target) {
            session.grads[target] = Tensor.full(like: y, 1)
        }
        var running: [Tensor?] = Array(repeating: nil, count: built.records.count)
        // Gradients kept from the last backward are shown from the start, and the first share adds to them.
        for (id, g) in kept {
            running[id] = g
            session.grads[id] = g
        }
        running[target] = session.value(target).map { Tensor.full(like: $0, 1) }
        var frames: [Frame] = []
        for (k, step) in steps.enumerated() {
            guard let fid = functionNode[ObjectIdentifier(step.function)] else { continue }
            let record = built.records[fid]
            let locals = step.function.localGradients()
            let texts = record.derivativeTexts
            var inputs: [BackwardInput] = []
            for (i, node) in record.inputs.enumerated() where i < step.inputGrads.count {
                let gx = step.inputGrads[i]
                let previous = running[node]
                // Each share is shown as it arrives: an input used twice gets 1, then 1 + 1.
                let total = previous.flatMap { try? $0 + gx } ?? gx
                running[node] = total
                let local = locals.flatMap { i < $0.count ? $0[i] : nil }
                let shows = session.receivesGradient(node)
                if shows { session.grads[node] = total }
                inputs.append(
                    BackwardInput(
                        node: node, label: built.records[node].label, derivativeText: i < texts.count ? texts[i] : "",
                        local: local, product: local.flatMap { try? step.upstream * $0 }, gradient: gx,
                        previous: previous, total: total, accumulated: previous != nil, receivesGradient: shows))
            }
            let output = record.output ?? fid
            frames.append(
                .backward(
                    BackwardFrame(
                        index: k, count: steps.count, function: fid, label: record.label, output: output,
                        upstream: step.upstream, inputs: inputs,
                        snapshot: session.snapshot(focus: [output, fid] + record.inputs))))
        }
        return frames
    }

    /// The nodes `worked=` names, or nil when the directive leaves the default.
    private func workedNodes(_ directive: Directive, _ session: GraphSession) -> Set<Int>? {
        guard let names = directive.practice.worked else { return nil }
        return Set(names.compactMap { resolve($0, session, directive, role: "worked") })
    }

    /// Backward frames with the directive's practice: predicted, worked, and the wrong way beside them.
    private func practised(
        _ frames: [Frame], _ directive: Directive, _ session: GraphSession, wrong: (Mistake) -> WrongWay?
    ) -> [Frame] {
        let worked = workedNodes(directive, session)
        let wrongWay = directive.practice.mistake.flatMap(wrong)
        return frames.map { frame in
            guard case .backward(var b) = frame else { return frame }
            let asked = b.inputs.filter(\.receivesGradient).map(\.node)
            b.practice = FramePractice(
                lessonPredicts: directive.practice.predict, worked: worked.map { w in asked.allSatisfy(w.contains) })
            b.wrongWay = wrongWay
            return .backward(b)
        }
    }

    func check(_ directive: Directive, names: [String], tolerance: Double) -> [Frame] {
        guard let session = requireGraph(for: directive) else { return [] }
        let built = session.built
        var leaves: [Int] = []
        if names.isEmpty {
            leaves = built.gradientLeaves
        } else {
            for (i, name) in names.enumerated() {
                guard let id = resolve(name, session, directive, role: "name\(i)") else { return [] }
                let kind = built.records[id].kind
                guard kind == .input || kind == .param else {
                    report(
                        directive.location(of: "name\(i)"),
                        "@check compares the gradients of inputs and params; '\(name)' is \(kind == .data ? "data" : "computed by the graph")"
                    )
                    return []
                }
                leaves.append(id)
            }
        }
        guard let outputName = session.output, let outputId = session.node(named: outputName) else {
            report(directive.location, "@check needs the graph's output; add @output NAME")
            return []
        }
        let elements = leaves.reduce(0) { $0 + (session.value($1)?.count ?? 0) }
        guard elements <= limits.checkElements else {
            report(
                directive.location,
                "@check would probe \(elements) elements, more than \(limits.checkElements) (the check limit); name fewer variables, like @check x"
            )
            return []
        }
        let (work, overflow) = built.work.multipliedReportingOverflow(by: 2 * max(1, elements))
        guard !overflow && work <= limits.trainingWork else {
            report(
                directive.location,
                "@check would cost about \(overflow ? "more than \(Int.max)" : "\(work)") element operations, more than \(limits.trainingWork) (the training work limit); name fewer variables"
            )
            return []
        }
        guard mode == .play else { return [] }
        do {
            let values = leaves.map { session.value($0) ?? Tensor(0) }
            let results = try gradientCheck(values, tolerance: tolerance) { vars in
                let replaced = Dictionary(uniqueKeysWithValues: zip(leaves, vars))
                let all = try built.replay(replacing: replaced)
                guard let y = all[outputId] else { throw AutodiffError.invalid(op: "check", message: "no output") }
                return y
            }
            let comparisons = zip(leaves, results).map { id, r in
                GradientComparison(
                    node: id, name: built.records[id].name ?? built.records[id].label, analytic: r.analytic,
                    numerical: r.numerical, maxError: r.maxError, passed: r.passed)
            }
            return [
                .check(
                    CheckFrame(results: comparisons, tolerance: tolerance, snapshot: session.snapshot(focus: leaves)))
            ]
        } catch {
            report(directive.location, "@check failed: \(error)")
            return []
        }
    }
}
