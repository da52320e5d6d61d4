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
    /// The lesson's generator, for each epoch's order (`batch=`).
    var random: NumPyRandom = .global
    /// What `track=` follows beside the loss.
    var track: TrackedValue? = nil

    /// What training produced.
    struct Result {
        var losses: [Double] = []
        var status: TrainingStatus = .running
        /// The variables of the frame iterations (every `every`), for the frames.
        var samples: [(iteration: Int, variables: [Tensor?])] = []
        /// The variables after the last update, evaluated once more.
        var final: [Variable?] = []
        /// With `epochs=`: each epoch's loss, averaged over its batches by size, as step 48 prints it.
        var epochLosses: [Double] = []
        /// The `track=` value at each iteration (each epoch with `epochs=`, averaged like the loss).
        var tracked: [Double] = []
    }

    func makeOptimizer() -> Optimizer {
        switch options.optimizer {
        case .sgd: return SGD(lr: options.learningRate)
        case .momentum: return MomentumSGD(lr: options.learningRate, momentum: options.momentum)
        case .adam:
            return Adam(alpha: options.learningRate, beta1: options.beta1, beta2: options.beta2, eps: options.eps)
        }
    }

    func run() throws -> Result {
        if let epochs = options.epochs { return try runEpochs(epochs: epochs) }
        var result = Result()
        result.losses.reserveCapacity(options.iterations)
        let optimizer = makeOptimizer()
        let params = graph.parameters.compactMap { graph.variables[$0] as? Parameter }
        let leaves = graph.records.indices.filter {
            graph.records[$0].kind != .function && graph.records[$0].kind != .intermediate
        }
        for i in 0..<options.iterations {
            if shouldStop() {
                result.status = .stopped(iteration: i)
                break
            }
            let variables = try graph.replay()
            guard let y = variables[loss] else { break }
            let value = y.data.scalars.first ?? .nan
            result.losses.append(value)
            if let track, let v = try track.value(in: variables) { result.tracked.append(v) }
            if i % options.every == 0 {
                result.samples.append((i, variables.map { $0?.data }))
            }
            if !value.isFinite {
                if case .running = result.status { result.status = .diverged(iteration: i) }
                if stopOnDivergence {
                    if i % options.every != 0 { result.samples.append((i, variables.map { $0?.data })) }
                    break
                }
            }
            for id in leaves { graph.variables[id]?.cleargrad() }
            try y.backward()
            optimizer.update(params)
        }
        if case .running = result.status { result.status = .finished }
        for id in leaves { graph.variables[id]?.cleargrad() }
        result.final = try Config.withNoGrad { try graph.replay() }
        return result
    }
}
