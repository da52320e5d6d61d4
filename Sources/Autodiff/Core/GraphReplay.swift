/// A graph built once and run again on its own nodes: what a training loop
/// needs when its graph is the same every iteration (the same functions on the
/// same shapes), so that the graph DeZero's loop rebuilds each time is computed
/// again instead of rebuilt.
///
/// It is recorded from variables built the ordinary way (one iteration of the
/// loop) and keeps those functions and variables. ``forward()`` runs each
/// function's own `forward` again, every function after the ones that made its
/// inputs, and writes the value into the function's output variable; leaves are
/// read where they are, so a parameter the optimizer changed, or a data leaf
/// given new rows, is seen. ``backward()`` is the plain backward (numbers only)
/// from the loss: each function's own backward formula, visited in the order the
/// engine's backward visits this graph (taken from the engine's own queue), and
/// each gradient summed in the order it arrives there, so every number has the
/// bit pattern of `loss.backward()`. No variable, function or gradient variable is
/// made; only the leaves asked for keep a gradient, returned rather than set as
/// `grad` (for ``Optimizer/update(_:grads:)``).
///
/// Every value and gradient is written into the tensor that held it in the pass
/// before (its shape is the same), so a pass of a graph of the common functions
/// allocates nothing: the functions with an in-place form (arithmetic,
/// element-wise math, 2-d `matmul` and `linear`, `sum`, mean squared error) write
/// there by the kernels of `Tensor+Into`, each the same per-element operations as
/// the allocating code; any other function, or case, stores what the allocating
/// code returns. A tensor someone else still holds (a frame's copy of a value) is
/// copied before it is written, as any copy-on-write value is.
///
/// The graph must be fixed: functions whose `forward` depends only on their
/// inputs (every built-in one does), applied to inputs of the same shapes as
/// when it was recorded. A graph whose structure depends on the shapes (a
/// `sum_to` that is no function when the shapes agree) must be recorded again
/// for other shapes.
public final class GraphReplay {
    /// How a gradient reaches an input: gathered for the function that made it, or kept for a leaf.
    private enum Route {
        case function(Int)
        case leaf(Int)
        case dropped
    }

    /// Every function that made an output, inputs' makers first.
    private let functions: [Function]
    /// Each function's output (functions hold theirs weakly; these keep them).
    private let values: [Variable]
    /// The same two, unretained, to call through without a retain and release per
    /// function and pass (`functions` and `values` keep them alive).
    private let unretainedFunctions: [Unmanaged<Function>]
    private let unretainedValues: [Unmanaged<Variable>]
    /// Indices into `functions`, in the order the engine's backward visits them.
    private let backwardOrder: [Int]
    /// Where function `i`'s inputs begin in `routes` and `inputGradients` (`firstInput[i + 1]` ends them).
    private let firstInput: [Int]
    /// Where each input's gradient goes, function by function.
    private let routes: [Route]
    private let loss: Variable
    private let lossFunction: Int
    // The tensors below stay from pass to pass: each pass writes into the buffers of
    // the one before (the same shapes every pass), so a pass allocates nothing.
    /// The gradient gathered for each function's output (one per function).
    private let gathered: UnsafeMutablePointer<Tensor>
    /// Whether one arrived for the function this pass, and it has not run yet.
    @exclusivity(unchecked) private var arrived: [Bool]
    /// Where each function's backward writes its inputs' gradients (one per input, as `routes`).
    private let inputGradients: UnsafeMutablePointer<Tensor>
    /// The leaves' gradients of the last ``backward()``, and which arrived this pass.
    @exclusivity(unchecked) private var leafGradients: [Tensor?]
    @exclusivity(unchecked) private var leafArrived: [Bool]
    /// The leaves whose gradients ``backward()`` keeps, in the order asked for.
    public let leaves: [Variable]

    /// Records the functions behind `outputs` and the backward from `loss`.
    /// - Parameters:
    ///   - outputs: every variable ``forward()`` must compute again (the loss among them, or behind one).
    ///   - loss: the one-number output ``backward()`` starts from.
    ///   - leaves: the leaves (params) whose gradients ``backward()`` returns.
    /// - Returns: nil when `loss` was made by no function (a leaf: nothing to replay).
    public init?(outputs: [Variable], loss: Variable, leaves: [Variable]) {
        guard let lossCreator = loss.creator else { return nil }
        var functions: [Function] = []
        var values: [Variable] = []
        var index: [ObjectIdentifier: Int] = [:]
        // Depth first from each output, a function listed once its inputs' makers are.
        for output in outputs + [loss] {
            guard let root = output.creator, index[ObjectIdentifier(root)] == nil else { continue }
            var stack: [(function: Function, output: Variable, next: Int)] = [(root, output, 0)]
            while let top = stack.last {
                let f = top.function
                if top.next < f.slots.count {
                    stack[stack.count - 1].next += 1
                    let x = f.slots[top.next]
                    if let c = x.creator, index[ObjectIdentifier(c)] == nil { stack.append((c, x, 0)) }
                    continue
                }
                stack.removeLast()
                if index[ObjectIdentifier(f)] == nil {
                    index[ObjectIdentifier(f)] = functions.count
                    functions.append(f)
                    values.append(top.output)
                }
            }
        }
        guard let lossFunction = index[ObjectIdentifier(lossCreator)] else { return nil }
        var leafIndex: [ObjectIdentifier: Int] = [:]
        for (i, leaf) in leaves.enumerated() where leafIndex[ObjectIdentifier(leaf)] == nil {
            leafIndex[ObjectIdentifier(leaf)] = i
        }
        var firstInput: [Int] = [0]
        for f in functions { firstInput.append((firstInput.last ?? 0) + f.slots.count) }
        let inputs = firstInput.last ?? 0
        // The order of the engine's plain backward: its queue, fed as that pass feeds it
        // (each input's maker, in input order, as the function is visited).
        var order: [Int] = []
        var routes = [Route](repeating: .dropped, count: inputs)
        FunctionQueue.withQueue { queue in
            queue.push(lossCreator)
            while let (next, _) = queue.pop() {
                let f = next.takeUnretainedValue()
                guard let i = index[ObjectIdentifier(f)] else { continue }
                for (k, x) in f.slots.enumerated() {
                    if let c = x.creator, let j = index[ObjectIdentifier(c)] {
                        queue.push(c)
                        routes[firstInput[i] + k] = .function(j)
                    } else if x.creator == nil, let j = leafIndex[ObjectIdentifier(x)] {
                        routes[firstInput[i] + k] = .leaf(j)
                    }
                }
                order.append(i)
            }
        }
        self.functions = functions
        self.values = values
        unretainedFunctions = functions.map { Unmanaged.passUnretained($0) }
        unretainedValues = values.map { Unmanaged.passUnretained($0) }
        self.backwardOrder = order
        self.firstInput = firstInput
        self.routes = routes
        self.loss = loss
        self.lossFunction = lossFunction
        self.leaves = leaves
        gathered = .allocate(capacity: functions.count)
        gathered.initialize(repeating: Tensor(0), count: functions.count)
        arrived = Array(repeating: false, count: functions.count)
        inputGradients = .allocate(capacity: inputs)
        inputGradients.initialize(repeating: Tensor(0), count: inputs)
        leafGradients = Array(repeating: nil, count: leaves.count)
        leafArrived = Array(repeating: false, count: leaves.count)
    }

    deinit {
        gathered.deinitialize(count: functions.count)
        gathered.deallocate()
        inputGradients.deinitialize(count: firstInput.last ?? 0)
        inputGradients.deallocate()
    }

    /// Computes every recorded function's output again from the current leaves,
    /// into the output's own tensor where the function can write in place.
    /// - Throws: a function's forward error.
    public func forward() throws {
        for i in functions.indices {
            try unretainedFunctions[i]._withUnsafeGuaranteedRef { f in
                try unretainedValues[i]._withUnsafeGuaranteedRef { y in try f.forward(into: &y.data) }
            }
        }
    }

    /// The plain backward from the loss, as of the last ``forward()``.
    /// - Returns: the gradient of each of ``leaves`` (nil for one the loss does not reach).
    /// - Throws: a backward's shape error.
    @discardableResult
    public func backward() throws -> [Tensor?] {
        for i in arrived.indices { arrived[i] = false }
        for j in leafArrived.indices { leafArrived[j] = false }
        Tensor.fill(&gathered[lossFunction], like: loss.data, 1)
        arrived[lossFunction] = true
        for i in backwardOrder where arrived[i] {
            // Taken, as the engine's backward takes a gradient: one that arrives later runs it again.
            arrived[i] = false
            let first = firstInput[i]
            let gxs = UnsafeMutableBufferPointer(start: inputGradients + first, count: firstInput[i + 1] - first)
            try unretainedFunctions[i]._withUnsafeGuaranteedRef { f in
                try unretainedValues[i]._withUnsafeGuaranteedRef { y in try f.plainBackward(gathered[i], y, into: gxs) }
            }
            for k in gxs.indices {
                switch routes[first + k] {
                case .function(let j):
                    if arrived[j] {
                        try gathered[j].accumulate(gxs[k])
                    } else {
                        // The first gradient to arrive is kept as it is: its buffer and the
                        // one it replaces change places, ready for the next pass.
                        swap(&gathered[j], &gxs[k])
                        arrived[j] = true
                    }
                case .leaf(let j):
                    if leafArrived[j], var sum = leafGradients[j].take() {
                        // Put back on every path; a failed sum leaves the gradient as it was.
                        defer { leafGradients[j] = sum }
                        try sum.accumulate(gxs[k])
                    } else {
                        var kept = leafGradients[j].take() ?? Tensor(0)
                        swap(&kept, &gxs[k])
                        leafGradients[j] = kept
                        leafArrived[j] = true
                    }
                case .dropped:
                    break
                }
            }
        }
        for j in leafArrived.indices where !leafArrived[j] { leafGradients[j] = nil }
        return leafGradients
    }
}
