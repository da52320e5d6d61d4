import Autodiff

/// What `@train … track=` follows beside the loss.
enum TrackedValue {
    /// A one-number node of the graph, such as `acc = accuracy(y, t)`.
    case node(Int)
    /// `track=accuracy`: the accuracy of the loss's scores against its labels.
    case accuracy(scores: Int, labels: Int)

    func value(in variables: [Variable?]) throws -> Double? {
        switch self {
        case .node(let id): return variables[id]?.data.scalars.first
        case .accuracy(let scores, let labels):
            guard let y = variables[scores], let t = variables[labels] else { return nil }
            return try Autodiff.accuracy(y, t).data.scalars.first
        }
    }
}

extension BuiltGraph {
    /// The data rows a mini-batch takes: every `data` leaf whose first axis has
    /// the data set's size (the first epoch's order, or the first data leaf's rows).
    func batchedLeaves() -> (rows: Int, leaves: [Int]) {
        let data = records.indices.filter { records[$0].kind == .data && !records[$0].shape.isEmpty }
        guard let rows = firstEpochOrder?.count ?? data.first.map({ records[$0].shape[0] }) else {
            return (0, [])
        }
        return (rows, data.filter { records[$0].shape[0] == rows })
    }
}

extension Trainer {
    /// Training by epochs, as DeZero's step 48: each epoch draws
    /// `permutation(N)` (the first one may have been drawn when the model drew
    /// its weights) and updates once per batch of `batch` rows in that order;
    /// without `batch=`, one update per epoch on all the data.
    func runEpochs(epochs: Int) throws -> Result {
        var result = Result()
        let keepEvery = self.keepEvery
        let cost = sampleCost
        let passes = makePasses()
        let (rows, batched) = graph.batchedLeaves()
        let size = options.batch.map { Swift.max(1, $0) } ?? Swift.max(rows, 1)
        let batches = options.batch == nil ? 1 : (rows + size - 1) / size
        epochsLoop: for epoch in 0..<epochs {
            var order: [Int]?
            if options.batch != nil {
                if epoch == 0, let first = graph.firstEpochOrder, first.count == rows {
                    order = first
                } else {
                    order = random.permutation(rows)
                }
            }
            var total = 0.0
            var tracked = 0.0
            for i in 0..<batches {
                if shouldStop() {
                    result.status = .stopped(iteration: epoch)
                    break epochsLoop
                }
                var replacing: [Int: Tensor] = [:]
                var count = rows
                if let order {
                    let part = Array(order[(i * size)..<Swift.min((i + 1) * size, rows)])
                    count = part.count
                    for id in batched {
                        guard let all = graph.variables[id]?.data else { continue }
                        replacing[id] = try all.rows(part)
                    }
                }
                let variables = try passes.forward(batch: replacing, rows: count)
                guard let y = variables[loss] else { break epochsLoop }
                let value = y.data.scalars.first ?? .nan
                result.batchLosses.append(value)
                total += value * Double(count)
                if let track, let v = try track.value(in: variables) { tracked += v * Double(count) }
                if !value.isFinite, case .running = result.status {
                    result.status = .diverged(iteration: epoch)
                }
                try passes.backwardAndUpdate()
            }
            let n = Double(Swift.max(rows, 1))
            history.append(total / n)
            result.count += 1
            if track != nil { result.tracked.append(tracked / n) }
            if epoch % options.every == 0 {
                // Frames past the value budget show the last values kept.
                if (epoch / options.every) % keepEvery == 0 {
                    let now = try Config.withNoGrad { try graph.replay() }
                    result.samples.append((epoch, now.map { $0?.data }))
                    result.kept += cost
                } else {
                    result.samples.append((epoch, nil))
                }
            }
            if case .diverged = result.status, stopOnDivergence { break }
        }
        if case .running = result.status { result.status = .finished }
        result.replayed = passes.replayed
        clearLeafGradients()
        result.final = try Config.withNoGrad { try graph.replay() }
        return result
    }
}
