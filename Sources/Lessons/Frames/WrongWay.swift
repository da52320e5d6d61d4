import Autodiff

/// A backward pass run the wrong way on purpose (`@backward f mistake=…`): the
/// gradients it ends with, to show beside the right ones.
public struct WrongWay: Equatable, Sendable {
    public let mistake: Mistake
    /// Each variable's gradient at the end of the wrong run, by node id (nil where none arrived).
    public let grads: [Tensor?]
    /// Each variable's gradient at the end of the right run, by node id.
    public let right: [Tensor?]
    /// Where an overwriting run (which visits the functions in the right order) and the
    /// right run stand after each backward step: what each frame compares. Empty for a run
    /// in the wrong order, which visits functions its own way.
    public var running: [Standing] = []

    /// Both runs' gradients after one backward step, by node id.
    public struct Standing: Equatable, Sendable {
        public let wrong: [Tensor?]
        public let right: [Tensor?]
    }
}

extension LessonRunner {
    /// Runs the backward of `steps` again the wrong way and hands every frame the result.
    /// The wrong run reuses each function's local gradients from the right one, so it
    /// needs element-wise functions on scalars (the small graphs lessons draw by hand).
    func wrongWay(
        _ mistake: Mistake, steps: [BackwardStep], functionNode: [ObjectIdentifier: Int], target: Int,
        session: GraphSession, directive: Directive
    ) -> WrongWay? {
        let built = session.built
        var locals: [Int: [Double]] = [:]
        var right: [Tensor?] = Array(repeating: nil, count: built.records.count)
        right[target] = Tensor(1)
        // The right run after each step, for an overwriting run to be compared with frame by frame.
        var rightAfter: [[Tensor?]] = []
        for step in steps {
            defer { rightAfter.append(right) }
            guard let fid = functionNode[ObjectIdentifier(step.function)] else { continue }
            let values = step.function.localGradients()?.compactMap { $0.rank == 0 ? $0.scalar : nil }
            guard let values, values.count == built.records[fid].inputs.count, step.upstream.rank == 0 else {
                report(
                    directive.location(of: "mistake"),
                    "mistake= needs a graph of scalars and element-wise functions ('\(built.records[fid].label)' is not)"
                )
                return nil
            }
            locals[fid] = values
            // The right run's gradients add up share by share, as its frames show them.
            for (i, node) in built.records[fid].inputs.enumerated() where i < step.inputGrads.count {
                let gx = step.inputGrads[i]
                right[node] = right[node].flatMap { try? $0 + gx } ?? gx
            }
        }
        var wrong: [Double?] = Array(repeating: nil, count: built.records.count)
        wrong[target] = 1
        func send(_ fid: Int, add: Bool) -> [Int] {
            let record = built.records[fid]
            guard let out = record.output, let gy = wrong[out], let local = locals[fid] else { return [] }
            for (i, node) in record.inputs.enumerated() {
                let gx = gy * local[i]
                wrong[node] = add ? (wrong[node] ?? 0) + gx : gx
            }
            return record.inputs
        }
        func tensors(_ values: [Double?]) -> [Tensor?] {
            values.enumerated().map { id, g in session.receivesGradient(id) ? g.map { Tensor($0) } : nil }
        }
        var running: [WrongWay.Standing] = []
        switch mistake {
        case .overwrite:
            for (step, rightThen) in zip(steps, rightAfter) {
                if let fid = functionNode[ObjectIdentifier(step.function)] { _ = send(fid, add: false) }
                running.append(WrongWay.Standing(wrong: tensors(wrong), right: rightThen))
            }
        case .order:
            // DeZero before generations: a list of functions, the last added runs next, no waiting.
            guard let first = built.records[target].creator else { return nil }
            var stack = [first]
            var visits = 0
            while let fid = stack.popLast(), visits < 10_000 {
                visits += 1
                for node in send(fid, add: true) {
                    if let creator = built.records[node].creator { stack.append(creator) }
                }
            }
        }
        var result = WrongWay(mistake: mistake, grads: tensors(wrong), right: right)
        result.running = running
        return result
    }
}

extension LessonRunner {
    /// The nodes a question's answer reads (`x.grad` → x), so the screen keeps them in view.
    func asked(_ question: Question) -> [Int] {
        guard let session = currentSession else { return [] }
        var nodes: [Int] = []
        var word = ""
        for c in question.answerText + " " {
            if c.isLetter || c.isNumber || c == "_" {
                word.append(c)
                continue
            }
            if let first = word.first, first.isLetter || first == "_", let id = session.node(named: word) {
                nodes.append(id)
            }
            word = ""
        }
        return nodes
    }
}
