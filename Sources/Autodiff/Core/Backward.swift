extension Variable {
    /// Fills in `grad` for every variable that leads to this one, like DeZero's `backward`.
    ///
    /// Starts from a gradient of ones when `grad` is nil. Functions are visited
    /// by generation, highest first, with a priority queue (no recursion, so
    /// graphs of any depth work). Where a variable feeds several functions its
    /// gradients are added. Two walks share these rules: the numbers-only one
    /// (`backwardNumbers`, in UnsafeGraphWalk.swift) and, for `createGraph`, the
    /// recorded one below.
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
        if createGraph {
            try backwardRecorded(retainGrad: retainGrad, observe: observe)
        } else {
            try backwardNumbers(retainGrad: retainGrad, observe: observe)
        }
    }

    /// The backward pass with every formula recorded as functions (`createGraph`).
    private func backwardRecorded(retainGrad: Bool, observe: ((BackwardStep) -> Void)?) throws {
        if grad == nil { grad = Variable.seed(like: data) }
        try FunctionQueue.withQueue { queue in
            if let c = creator { queue.push(c) }
            while let f = queue.pop()?.function.takeUnretainedValue() {
                guard let y = f.output, let gy = y.grad else { continue }
                let grads = try Config.with(backprop: true) {
                    try f.backward(RecordedGradient(gy), f.slots.map(RecordedGradient.init), RecordedGradient(y))
                        .map(\.variable)
                }
                try Variable.checkCount(grads.count, f)
                for (x, gx) in zip(f.slots, grads) {
                    x.grad = try x.grad.map { old in try Config.with(backprop: true) { try old + gx } } ?? gx
                    if let c = x.creator { queue.push(c) }
                }
                observe?(BackwardStep(function: f, upstream: gy.data, inputGrads: grads.map(\.data)))
                if !retainGrad { y.grad = nil }
            }
        }
    }
}

// The rules both walks share.
extension Variable {
    /// The gradient backward starts from: ones in the output's shape.
    static func seed(like data: Tensor) -> Variable { Variable(Tensor.full(like: data, 1)) }

    /// Adds `gx` to this variable's gradient (a plain backward). A gradient variable nothing else holds is updated in
    /// place, which gives the same numbers as DeZero's new `x.grad + gx` without
    /// allocating a variable and a tensor per use.
    @inline(__always)
    func accumulate(_ gx: Tensor) throws {
        guard var old = grad.take() else {
            grad = Variable(gx)
            return
        }
        // Put back on every path; a failed sum leaves the gradient as it was.
        defer { grad = old }
        if isKnownUniquelyReferenced(&old), old.creator == nil {
            try old.data.accumulate(gx)
        } else {
            old = Variable(try old.data + gx)
        }
    }

    /// A backward must return one gradient per input.
    static func checkCount(_ n: Int, _ f: Function) throws {
        guard n == f.slots.count else {
            throw AutodiffError.invalid(
                op: f.label, message: "backward returned \(n) gradients for \(f.slots.count) inputs")
        }
    }
}
