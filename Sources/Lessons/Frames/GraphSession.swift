import Autodiff

/// One graph program while a lesson plays: the built graph, its current values
/// (which training changes), which values and gradients the screen has shown,
/// and what `eval` reports about it.
final class GraphSession {
    let block: GraphBlock
    let stepTitle: String?
    var interpreter: Interpreter
    var built: BuiltGraph { interpreter.graph }
    /// The output, decided from the lesson's directives before it runs.
    let output: String?

    /// The variables of the latest evaluation (first the build, then after training).
    var current: [Variable?]
    /// Which variable nodes the screen shows a value for.
    var valueKnown: [Bool]
    /// The gradients the screen shows (nil where none is known).
    var grads: [Tensor?]

    /// `eval`'s record: each named variable after the first forward and backward.
    var evaluation: [(name: NamedNode, value: Tensor, grad: Tensor?)] = []
    /// Every training loss so far, over all `@train`s of this graph, shared by
    /// their frames: one per iteration, or with `epochs=` one per epoch.
    var history: LossHistory?
    /// Where each training's updates' losses are, in order: a part of the
    /// history, or (for `epochs=`) each batch's loss, which the history does not keep.
    var updateLosses: [UpdateLosses] = []
    /// Every loss before an update, over all trainings, as `eval` reports them.
    var losses: [Double] {
        updateLosses.flatMap { part -> [Double] in
            switch part {
            case .history(let range): return history.map { Array($0.prefix(range.upperBound)[range]) } ?? []
            case .batches(let losses): return losses
            }
        }
    }
    /// Every epoch's loss so far (`@train epochs=`), as step 48 prints it.
    var epochLosses: [Double] = []
    var trainingStatus: TrainingStatus?
    var trainedLoss: String?

    init(block: GraphBlock, stepTitle: String?, interpreter: Interpreter, output: String?) {
        self.block = block
        self.stepTitle = stepTitle
        self.interpreter = interpreter
        self.output = output
        let graph = interpreter.graph
        current = graph.variables
        valueKnown = graph.records.map { $0.kind != .function && $0.kind != .intermediate }
        grads = Array(repeating: nil, count: graph.records.count)
    }

    var isUsable: Bool { built.isComplete }

    /// The current value of a node.
    func value(_ id: Int) -> Tensor? { id < current.count ? current[id]?.data : nil }

    /// The node an assigned name refers to.
    func node(named name: String) -> Int? { built.node(named: name) }

    /// The snapshot of what is known now, highlighting `focus`.
    func snapshot(focus: [Int] = []) -> GraphSnapshot {
        let values = (0..<current.count).map { valueKnown[$0] ? current[$0]?.data : nil }
        return GraphSnapshot(graph: block.index, values: values, grads: grads, focus: focus)
    }

    /// Whether a node's gradient is one a lesson shows (not data, not constants, not functions).
    func receivesGradient(_ id: Int) -> Bool {
        let kind = built.records[id].kind
        return kind == .input || kind == .param || kind == .intermediate
    }

    /// Clears every leaf's gradient so a new backward starts from nothing.
    func clearLeafGradients() {
        for (id, record) in built.records.enumerated() where record.kind != .function && record.kind != .intermediate {
            current[id]?.cleargrad()
            built.variables[id]?.cleargrad()
        }
    }

    /// Backward from the output on the built graph, recorded for `eval` as
    /// DeZero's `retain_grad=True` leaves it.
    func recordEvaluation() throws {
        clearLeafGradients()
        if let name = output, let id = node(named: name), let y = built.variables[id] {
            try y.backward(retainGrad: true)
        }
        evaluation = built.names.map { named in
            let v = built.variables[named.node]
            let grad = named.kind == .data ? nil : v?.grad?.data
            return (named, v?.data ?? Tensor(0), grad)
        }
        clearLeafGradients()
    }

    /// The public structure.
    func structure() -> GraphStructure {
        built.structure(output: output, stepTitle: stepTitle, line: block.line)
    }
}

/// One training's update losses, as ``GraphSession/updateLosses`` keeps them.
enum UpdateLosses {
    case history(Range<Int>)
    case batches([Double])
}
