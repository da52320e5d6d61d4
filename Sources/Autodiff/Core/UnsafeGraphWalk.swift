import CKernels

// The graph walks that reach nodes without counting references: the numbers-only
// backward pass, its queue, and the teardown of a finished graph. All of the
// engine's unsafe code is here. Each relies on one rule: during a walk something
// else holds every node it reaches (the output holds the graph during backward;
// the function being taken apart holds its inputs). Debug builds check that rule
// (`WalkCheck`): they retain every function a backward visits and verify, when the
// pass ends, that the graph still held each one.

/// Functions waiting for backward, highest generation first; among equals the
/// one added last comes first, which is the order DeZero's sorted list gives.
///
/// Each entry can also hold the gradient its function's output has gathered so
/// far: a numbers-only backward keeps intermediate gradients here, as tensors,
/// instead of making a gradient variable per node only to drop it again.
///
/// The queue does not own its functions: during a backward pass the output holds
/// the whole graph, and nothing in the pass changes the graph's structure.
struct FunctionQueue: ~Copyable {
    private struct Entry {
        var generation: Int
        var order: Int
        var function: Unmanaged<Function>
        var grad: Tensor?
    }

    // A binary heap in memory the queue is lent (on the caller's stack, so a
    // small graph's pass allocates nothing), moved to its own allocation when
    // it outgrows it.
    private var heap: UnsafeMutableBufferPointer<Entry>
    private var ownsHeap = false
    private var count = 0
    private var added = 0

    /// Runs `body` with an empty queue whose first entries live on the stack.
    static func withQueue<R>(_ body: (inout FunctionQueue) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: Entry.self, capacity: 16) { space in
            var queue = FunctionQueue(space)
            return try body(&queue)
        }
    }

    private init(_ space: UnsafeMutableBufferPointer<Entry>) { heap = space }

    deinit {
        _ = heap.prefix(count).deinitialize()
        if ownsHeap { heap.deallocate() }
    }

    private mutating func append(_ entry: consuming Entry) {
        if count == heap.count {
            let larger = UnsafeMutableBufferPointer<Entry>.allocate(capacity: Swift.max(16, 2 * heap.count))
            _ = larger.moveInitialize(fromContentsOf: heap.prefix(count))
            if ownsHeap { heap.deallocate() }
            heap = larger
            ownsHeap = true
        }
        heap.initializeElement(at: count, to: entry)
        count += 1
    }

    /// Queues `f` unless it is queued already; returns its place in the heap.
    ///
    /// Each function records its place, so finding it needs no set of seen
    /// functions. A function is never queued again once it has left: whatever
    /// sends a gradient to its output has a higher generation and left before it.
    @discardableResult
    mutating func push(_ f: Function) -> Int { push(.passUnretained(f)) }

    @discardableResult
    mutating func push(_ f: Unmanaged<Function>) -> Int {
        let (i, generation) = f._withUnsafeGuaranteedRef { ($0.queueIndex, $0.generation) }
        if i < count, heap[i].function.toOpaque() == f.toOpaque() { return i }
        added += 1
        append(Entry(generation: generation, order: added, function: f, grad: nil))
        return siftUp(count - 1)
    }

    /// Adds `g` to the gradient gathered for `f`'s output, queueing `f` if needed.
    /// Sums in arrival order, as DeZero's `x.grad = x.grad + gx` does.
    mutating func addGradient(_ g: consuming Tensor, to f: Unmanaged<Function>) throws {
        let i = push(f)
        guard var sum = heap[i].grad.take() else {
            heap[i].grad = g
            return
        }
        // Put back on every path; a failed sum leaves the gradient as it was.
        defer { heap[i].grad = sum }
        try sum.accumulate(g)
    }

    /// Takes the next function and the gradient gathered for its output, if any.
    mutating func pop() -> (function: Unmanaged<Function>, grad: Tensor?)? {
        guard count > 0 else { return nil }
        heap.swapAt(0, count - 1)
        count -= 1
        var top = heap.moveElement(from: count)
        if count > 0 { siftDown(0) }
        return (top.function, top.grad.take())
    }

    // Entries are swapped in place, by moving: copying a gradient would cost
    // reference counting.
    private func siftUp(_ start: Int) -> Int {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard FunctionQueue.before(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            record(i)
            i = parent
        }
        record(i)
        return i
    }

    private func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var best = i
            if l < count && FunctionQueue.before(heap[l], heap[best]) { best = l }
            if r < count && FunctionQueue.before(heap[r], heap[best]) { best = r }
            if best == i { break }
            heap.swapAt(i, best)
            record(i)
            i = best
        }
        record(i)
    }

    // Written only when it changes: in a chain the place is always 0, and not
    // dirtying every function's memory spares a long chain the write-back.
    @inline(__always)
    private func record(_ i: Int) {
        heap[i].function._withUnsafeGuaranteedRef { if $0.queueIndex != i { $0.queueIndex = i } }
    }

    @inline(__always)
    private static func before(_ a: borrowing Entry, _ b: borrowing Entry) -> Bool {
        a.generation != b.generation ? a.generation > b.generation : a.order > b.order
    }
}

extension Variable {
    /// The backward pass for numbers (no graph recorded), like DeZero's `backward`:
    /// functions visited by generation, highest first, each one's gradients added
    /// into its inputs'.
    ///
    /// The gradient of a variable that has a creator and no gradient yet is
    /// gathered in the queue, beside its creator, and given a variable only when
    /// `retainGrad` asks to keep it: DeZero would drop that variable at once. The
    /// output's starting gradient of ones is gathered the same way.
    ///
    /// Functions and their outputs are reached through unmanaged references. The
    /// output (`self`) holds the whole graph for the pass and nothing here changes
    /// its structure, so counting references to its nodes, most of a scalar graph's
    /// cost, would buy nothing.
    func backwardNumbers(retainGrad: Bool, observe: ((BackwardStep) -> Void)?) throws {
        try withExtendedLifetime(self) {
            guard let c = creator.map(Unmanaged.passUnretained) else {
                // A leaf's gradient with respect to itself is kept, as in DeZero.
                if grad == nil { grad = Variable.seed(like: data) }
                return
            }
            var check = WalkCheck()
            defer { check.verify() }
            try FunctionQueue.withQueue { queue in
                if grad == nil && !retainGrad {
                    try queue.addGradient(Tensor.full(like: data, 1), to: c)
                } else {
                    if grad == nil { grad = Variable.seed(like: data) }
                    queue.push(c)
                }
                while let (next, gy) = queue.pop() {
                    Function.prefetchEarlierNodes(of: next)
                    check.visit(next)
                    try next._withUnsafeGuaranteedRef {
                        try $0.sendGradients(gathered: gy, retainGrad: retainGrad, observe: observe, queue: &queue)
                    }
                }
            }
        }
    }
}

/// In debug builds, every function a backward pass reached unretained, retained
/// until the pass ends; then each must still be held by its graph, or the pass
/// would have read freed memory in a release build.
struct WalkCheck {
    #if DEBUG
        private var visited: [Function] = []
    #endif

    @inline(__always)
    mutating func visit(_ f: Unmanaged<Function>) {
        #if DEBUG
            visited.append(f.takeUnretainedValue())
        #endif
    }

    mutating func verify() {
        #if DEBUG
            for i in visited.indices {
                assert(
                    !isKnownUniquelyReferenced(&visited[i]), "a backward pass reached a function its graph had freed")
            }
        #endif
    }
}

extension Function {
    /// Runs this function's plain backward and passes each input its gradient.
    @inline(__always)
    fileprivate func sendGradients(
        gathered: consuming Tensor?, retainGrad: Bool, observe: ((BackwardStep) -> Void)?,
        queue: inout FunctionQueue
    ) throws {
        guard outputAlive, let output = outputReference else { return }
        try output._withUnsafeGuaranteedRef { y in
            // The upstream gradient is moved, never copied, into the formula (which may
            // write its result into it): a copy retains both of a tensor's references.
            var gy: Tensor
            if let g = gathered.take() {
                if retainGrad { y.grad = Variable(g) }
                gy = consume g
            } else {
                guard let g = retainGrad ? y.grad : y.grad.take() else { return }
                gy = g.data
            }
            let grads: PlainGradients
            if let observe {
                let upstream = gy
                grads = try plainBackward(consume gy, y)
                try Variable.checkCount(grads.count, self)
                observe(
                    BackwardStep(function: self, upstream: upstream, inputGrads: (0..<grads.count).map { grads[$0] }))
            } else {
                grads = try plainBackward(consume gy, y)
                try Variable.checkCount(grads.count, self)
            }
            // Inputs too are reached unretained: this function holds them.
            switch consume grads {
            case .one(let g):
                try slots.x0.map(Unmanaged.passUnretained)?._withUnsafeGuaranteedRef {
                    try $0.receive(g, queue: &queue)
                }
            case .two(let ga, let gb):
                try slots.x0.map(Unmanaged.passUnretained)?._withUnsafeGuaranteedRef {
                    try $0.receive(ga, queue: &queue)
                }
                try slots.x1.map(Unmanaged.passUnretained)?._withUnsafeGuaranteedRef {
                    try $0.receive(gb, queue: &queue)
                }
            case .many(let gs):
                for i in gs.indices { try slots[i].receive(gs[i], queue: &queue) }
            }
        }
    }
}

extension Variable {
    /// Adds `g` to this variable's gradient and queues its creator. A gradient
    /// variable that exists already (kept from an earlier pass, or set by hand)
    /// goes on being summed in place; otherwise an intermediate gradient is
    /// gathered in the queue. Either way every use of one variable in a pass
    /// takes the same route, so the sum is in DeZero's order.
    @inline(__always)
    fileprivate func receive(_ g: consuming Tensor, queue: inout FunctionQueue) throws {
        guard let c = creator.map(Unmanaged.passUnretained) else {
            try accumulate(g)
            return
        }
        if grad == nil {
            try queue.addGradient(g, to: c)
        } else {
            try accumulate(g)
            queue.push(c)
        }
    }
}

extension Variable {
    /// Takes apart the graph behind this variable as it is freed, with an
    /// explicit stack instead of recursion. Its first functions wait in stack
    /// memory, so a small graph's teardown allocates nothing; a deep or wide one
    /// spills into an array.
    func tearDownGraph() {
        withUnsafeTemporaryAllocation(of: Function.self, capacity: 32) { buffer in
            var pending = FunctionStack(buffer)
            if let c = creator.take() {
                c.outputAlive = false
                pending.push(c)
            }
            while var f = pending.pop() {
                Function.prefetchEarlierNodes(of: Unmanaged.passUnretained(f))
                guard isKnownUniquelyReferenced(&f) else { continue }
                var x0 = f.slots.x0.take()
                var x1 = f.slots.x1.take()
                var rest = f.slots.rest
                f.slots.rest = []
                Variable.detach(&x0, into: &pending)
                Variable.detach(&x1, into: &pending)
                while !rest.isEmpty {
                    var x: Variable? = rest.removeLast()
                    Variable.detach(&x, into: &pending)
                }
            }
        }
    }

    /// Takes the creator off an input that nothing else holds, so freeing it does not recurse.
    @inline(__always)
    private static func detach(_ x: inout Variable?, into pending: inout FunctionStack) {
        guard isKnownUniquelyReferenced(&x), let c = x?.creator.take() else { return }
        c.outputAlive = false
        pending.push(c)
    }
}

/// A last-in first-out stack of functions in caller-provided memory, spilling
/// into an array when that is full. It must be popped empty before the memory goes.
private struct FunctionStack {
    private let buffer: UnsafeMutableBufferPointer<Function>
    private var count = 0
    private var spill: [Function] = []

    init(_ buffer: UnsafeMutableBufferPointer<Function>) { self.buffer = buffer }

    @inline(__always)
    mutating func push(_ f: consuming Function) {
        guard count < buffer.count, let base = buffer.baseAddress else {
            spill.append(f)
            return
        }
        (base + count).initialize(to: f)
        count += 1
    }

    /// The function pushed last; the array holds the last ones pushed once it is used.
    @inline(__always)
    mutating func pop() -> Function? {
        if !spill.isEmpty { return spill.removeLast() }
        guard count > 0, let base = buffer.baseAddress else { return nil }
        count -= 1
        return (base + count).move()
    }
}

extension Function {
    /// Starts loading the memory of the nodes made a few steps before this
    /// function, which backward and teardown visit next in a long chain.
    ///
    /// A chain's nodes are allocated one after another, about 320 bytes per step,
    /// and both passes walk them from the last to the first. The CPU's own
    /// prefetchers stop at each 4 KB page and follow a falling stream late, so a
    /// chain of a million steps, far larger than the caches, would wait on memory
    /// at every node; asking for the step three to four behind keeps it ahead.
    /// A hint only: wherever the nodes really lie, results are the same.
    @inline(__always)
    static func prefetchEarlierNodes(of function: Unmanaged<Function>) {
        backstep_prefetch_before(UnsafeRawPointer(function.toOpaque()) - 3 * bytesPerChainStep, bytesPerChainStep)
    }

    /// What one step of `y = y * a + b` allocates: two functions and two variables.
    static var bytesPerChainStep: Int { 320 }
}
