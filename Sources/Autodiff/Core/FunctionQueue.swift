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
