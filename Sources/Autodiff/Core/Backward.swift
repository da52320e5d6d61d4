import Synchronization

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
    public func backward(retainGrad: Bool = false, createGraph: Bool = false,
                         observe: ((BackwardStep) -> Void)? = nil) throws {
        if grad == nil { grad = Variable(Tensor.full(like: data, 1)) }
        // The common case gets a loop of its own, free of the bookkeeping below.
        if observe == nil && !createGraph { return try backwardNumbers(retainGrad: retainGrad) }
        var queue = FunctionQueue()
        if let c = creator { queue.push(c) }
        while let f = queue.pop()?.takeUnretainedValue() {
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
                let grads = try f.plainBackward(gy.data, y.data)
                let inputs = f.slots
                try Variable.checkCount(grads.count, f)
                for i in inputs.indices where try inputs[i].accumulate(grads[i]) { accumulated[i] = true }
                gxs = (0..<grads.count).map { grads[$0] }
            }
            for x in f.slots { if let c = x.creator { queue.push(c) } }
            if let observe {
                observe(BackwardStep(function: f, upstream: gy.data, inputGrads: gxs, accumulated: accumulated,
                                     totals: f.slots.map { $0.grad?.data ?? Tensor(0) }))
            }
            if !retainGrad { y.grad = nil }
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
        if isKnownUniquelyReferenced(&old), old.creator == nil, old.data.shape == gx.shape {
            old.data.addInPlace(gx)
        } else {
            old = Variable(try old.data + gx)
        }
        return true
    }

    static func checkCount(_ n: Int, _ f: Function) throws {
        guard n == f.slots.count else {
            throw AutodiffError.invalid(op: f.label, message: "backward returned \(n) gradients for \(f.slots.count) inputs")
        }
    }
}

/// Functions waiting for backward, highest generation first; among equals the
/// one added last comes first, which is the order DeZero's sorted list gives.
///
/// The queue does not own its functions: during a backward pass the output holds
/// the whole graph, and nothing in the pass changes the graph's structure.
struct FunctionQueue {
    private var heap: [(generation: Int, order: Int, function: Unmanaged<Function>)]
    private var added = 0
    // Each backward pass gets its own number, so marking a function as queued
    // needs no set of seen functions.
    private let pass = backwardPasses.wrappingAdd(1, ordering: .relaxed).newValue

    init() {
        // Room for the usual frontier, so small graphs do not regrow the heap.
        heap = []
        heap.reserveCapacity(16)
    }

    mutating func push(_ f: Function) {
        guard f.queuedInPass != pass else { return }
        f.queuedInPass = pass
        added += 1
        heap.append((f.generation, added, Unmanaged.passUnretained(f)))
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard before(i, parent) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Unmanaged<Function>? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var best = i
                if l < heap.count && before(l, best) { best = l }
                if r < heap.count && before(r, best) { best = r }
                if best == i { break }
                heap.swapAt(i, best)
                i = best
            }
        }
        return top.function
    }

    private func before(_ a: Int, _ b: Int) -> Bool {
        heap[a].generation != heap[b].generation
            ? heap[a].generation > heap[b].generation
            : heap[a].order > heap[b].order
    }
}

private let backwardPasses = Atomic<UInt64>(0)
