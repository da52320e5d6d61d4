import Autodiff

/// Runs gradient descent on a built graph, as a DeZero training loop does:
/// each iteration rebuilds the graph from the params, clears the gradients,
/// backpropagates from the loss and lets the optimizer update the params.
struct Trainer {
    let graph: BuiltGraph
    let loss: Int
    let options: TrainingOptions
    /// Checked every iteration; true ends training early.
    let shouldStop: () -> Bool
    let stopOnDivergence: Bool
    /// How many numbers (elements, and two per node slot) the frames' values may keep.
    let valueBudget: Int
    /// Where each iteration's loss goes (the graph's one history); with
    /// `epochs=`, each epoch's.
    let history: LossHistory
    /// The lesson's generator, for each epoch's order (`batch=`).
    var random: NumPyRandom = .global
    /// What `track=` follows beside the loss.
    var track: TrackedValue? = nil
    /// Whether iterations replay the first one's graph instead of building their own
    /// (``TrainingPasses``); the numbers are the same either way.
    var replaysFixedGraph = true

    /// What training produced.
    struct Result {
        /// The losses this run wrote to the history (one per iteration run).
        var count = 0
        var status: TrainingStatus = .running
        /// The variables of the frame iterations (every `every`), for the frames; nil
        /// where the budget kept none (the frame shows the last values kept).
        var samples: [(iteration: Int, variables: [Tensor?]?)] = []
        /// The numbers the kept variables hold (``Trainer/sampleCost`` each).
        var kept = 0
        /// The variables after the last update, evaluated once more.
        var final: [Variable?] = []
        /// With `epochs=`: the loss of every update (each batch), before it; the
        /// history then holds each epoch's, averaged over its batches by size, as step 48 prints it.
        var batchLosses: [Double] = []
        /// The `track=` value at each iteration (each epoch with `epochs=`, averaged like the loss).
        var tracked: [Double] = []
        /// The updates that replayed the graph instead of building it (``TrainingPasses``).
        var replayed = 0
    }

    func makeOptimizer() -> Optimizer {
        switch options.optimizer {
        case .sgd: return SGD(lr: options.learningRate)
        case .momentum: return MomentumSGD(lr: options.learningRate, momentum: options.momentum)
        case .adam:
            return Adam(alpha: options.learningRate, beta1: options.beta1, beta2: options.beta2, eps: options.eps)
        }
    }

    /// The numbers one sample of the variables holds: the params and intermediates
    /// (data and constants are shared between iterations) and a slot per node.
    var sampleCost: Int {
        graph.records.reduce(0) { total, r in
            total + 2 + (r.kind == .param || r.kind == .intermediate ? r.shape.reduce(1, *) : 0)
        }
    }

    /// Which frame samples keep their variables: every `keepEvery`-th (the first always),
    /// so that all of them together fit ``valueBudget``.
    var keepEvery: Int {
        let samples = options.iterations / Swift.max(options.every, 1) + 1
        let affordable = Swift.max(1, valueBudget / Swift.max(sampleCost, 1))
        return (samples + affordable - 1) / affordable
    }

    func makePasses() -> TrainingPasses {
        TrainingPasses(graph: graph, loss: loss, optimizer: makeOptimizer(), replays: replaysFixedGraph)
    }

    /// Leaves no gradient behind on the graph's leaves.
    func clearLeafGradients() {
        for (id, record) in graph.records.enumerated() where record.kind != .function && record.kind != .intermediate {
            graph.variables[id]?.cleargrad()
        }
    }

    func run() throws -> Result {
        if let epochs = options.epochs { return try runEpochs(epochs: epochs) }
        var result = Result()
        let keepEvery = self.keepEvery
        let cost = sampleCost
        func sample(_ i: Int, _ variables: [Variable?], keep: Bool) {
            guard keep else { return result.samples.append((i, nil)) }
            result.samples.append((i, variables.map { $0?.data }))
            result.kept += cost
        }
        let passes = makePasses()
        for i in 0..<options.iterations {
            if shouldStop() {
                result.status = .stopped(iteration: i)
                break
            }
            let variables = try passes.forward()
            guard let y = variables[loss] else { break }
            // `scalar` reads an inline value without making an array of it.
            let value = y.data.scalar ?? y.data.scalars.first ?? .nan
            history.append(value)
            result.count += 1
            if let track, let v = try track.value(in: variables) { result.tracked.append(v) }
            if i % options.every == 0 {
                sample(i, variables, keep: (i / options.every) % keepEvery == 0)
            }
            if !value.isFinite {
                if case .running = result.status { result.status = .diverged(iteration: i) }
                if stopOnDivergence {
                    // The iteration that diverged is always shown as it was.
                    if i % options.every != 0 || (i / options.every) % keepEvery != 0 {
                        if i % options.every == 0 { result.samples.removeLast() }
                        sample(i, variables, keep: true)
                    }
                    break
                }
            }
            try passes.backwardAndUpdate()
        }
        if case .running = result.status { result.status = .finished }
        result.replayed = passes.replayed
        clearLeafGradients()
        result.final = try Config.withNoGrad { try graph.replay() }
        return result
    }
}
