extension Variable {
    /// Fills in `grad` for every variable that leads to this one, like DeZero's `backward`.
    ///
    /// Starts from a gradient of ones when `grad` is nil. Functions are visited
    /// by generation, highest first, with a priority queue (no recursion, so
    /// graphs of any depth work). Where a variable feeds several functions its
    /// gradients are added.
    /// - Parameters:
    ///   - retainGrad: keep the gradients of intermediate variables (DeZero frees them).
    ///   - createGraph: record the backward computation itself, so gradients have
    ///     creators and can be differentiated again.
    ///   - observe: called after each function's backward, in order.
    /// - Throws: a shape error from a backward computation.
    public func backward(
        retainGrad: Bool = false, createGraph: Bool = false,
        observe: ((BackwardStep) -> Void)? = nil
    ) throws {
        // The common case gets a loop of its own, free of the bookkeeping below.
        if observe == nil && !createGraph { return try backwardNumbers(retainGrad: retainGrad) }
        if grad == nil { grad = Variable(Tensor.full(like: data, 1)) }
        try FunctionQueue.withQueue { queue in
            if let c = creator { queue.push(c) }
            while let f = queue.pop()?.function.takeUnretainedValue() {
                guard let y = f.output, let gy = y.grad else { continue }
                let gxs: [Tensor]
                var accumulated = observe == nil ? [] : [Bool](repeating: false, count: f.slots.count)
                if createGraph {
                    let grads = try Config.with(backprop: true) {
                        try f.backward(RecordedGradient(gy), f.slots.map(RecordedGradient.init), RecordedGradient(y))
                            .map(\.variable)
                    }
                    try Variable.checkCount(grads.count, f)
                    for (i, (x, gx)) in zip(f.slots, grads).enumerated() {
                        if let old = x.grad {
                            if observe != nil { accumulated[i] = true }
                            x.grad = try Config.with(backprop: true) { try old + gx }
                        } else {
                            x.grad = gx
                        }
                    }
                    gxs = observe == nil ? [] : grads.map(\.data)
                } else {
                    // Observed: the numbers-only pass with each step reported.
                    let grads = try f.plainBackward(gy.data, y)
                    let inputs = f.slots
                    try Variable.checkCount(grads.count, f)
                    for i in inputs.indices where try inputs[i].accumulate(grads[i]) { accumulated[i] = true }
                    gxs = (0..<grads.count).map { grads[$0] }
                }
                for x in f.slots { if let c = x.creator { queue.push(c) } }
                if let observe {
                    observe(
                        BackwardStep(
                            function: f, upstream: gy.data, inputGrads: gxs, accumulated: accumulated,
                            totals: f.slots.map { $0.grad?.data ?? Tensor(0) }))
                }
                if !retainGrad { y.grad = nil }
            }
        }
    }
}

extension Variable {
    /// Adds `gx` to this variable's gradient (a plain backward), returning whether
    /// there was one already. A gradient variable nothing else holds is updated in
    /// place, which gives the same numbers as DeZero's new `x.grad + gx` without
    /// allocating a variable and a tensor per use.
    @inline(__always)
    func accumulate(_ gx: Tensor) throws -> Bool {
        guard var old = grad.take() else {
            grad = Variable(gx)
            return false
        }
        // Put back on every path; a failed sum leaves the gradient as it was.
        defer { grad = old }
        if isKnownUniquelyReferenced(&old), old.creator == nil {
            try old.data.accumulate(gx)
        } else {
            old = Variable(try old.data + gx)
        }
        return true
    }

    static func checkCount(_ n: Int, _ f: Function) throws {
        guard n == f.slots.count else {
            throw AutodiffError.invalid(
                op: f.label, message: "backward returned \(n) gradients for \(f.slots.count) inputs")
        }
    }
}
