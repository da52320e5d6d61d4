/// A graph built once and run again on its own nodes: what a training loop
/// needs when its graph is the same every iteration (the same functions on the
/// same shapes), so that the graph DeZero's loop rebuilds each time is computed
/// again instead of rebuilt.
///
/// It is recorded from variables built the ordinary way (one iteration of the
/// loop) and keeps those functions and variables. ``forward()`` runs each
/// function's own `forward` again, every function after the ones that made its
/// inputs, and stores the value in the function's output variable; leaves are
/// read where they are, so a parameter the optimizer changed, or a data leaf
/// given new rows, is seen. ``backward()`` is the plain backward (numbers only)
/// from the loss: each function's own backward formula, visited in the order the
/// engine's backward visits this graph (taken from the engine's own queue), and
/// each gradient summed in the order it arrives there, so every number has the
/// bit pattern of `loss.backward()`. No variable, function or gradient variable is
/// made; only the leaves asked for keep a gradient, returned rather than set as
/// `grad` (for ``Optimizer/update(_:grads:)``).
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
    /// Indices into `functions`, in the order the engine's backward visits them,
    /// and where each one's input gradients go.
    private let backwardOrder: [(function: Int, routes: [Route])]
    private let loss: Variable
    private let lossFunction: Int
    /// The gradients gathered for each function's output during ``backward()``.
    private var gathered: [Tensor?]
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
        // The order of the engine's plain backward: its queue, fed as that pass feeds it
        // (each input's maker, in input order, as the function is visited).
        var order: [(function: Int, routes: [Route])] = []
        FunctionQueue.withQueue { queue in
            queue.push(lossCreator)
            while let (next, _) = queue.pop() {
                let f = next.takeUnretainedValue()
                guard let i = index[ObjectIdentifier(f)] else { continue }
                var routes: [Route] = []
                for x in f.slots {
                    if let c = x.creator, let j = index[ObjectIdentifier(c)] {
                        queue.push(c)
                        routes.append(.function(j))
                    } else if x.creator == nil, let j = leafIndex[ObjectIdentifier(x)] {
                        routes.append(.leaf(j))
                    } else {
                        routes.append(.dropped)
                    }
                }
                order.append((i, routes))
            }
        }
        self.functions = functions
        self.values = values
        self.backwardOrder = order
        self.loss = loss
        self.lossFunction = lossFunction
        self.leaves = leaves
        gathered = Array(repeating: nil, count: functions.count)
    }

    /// Computes every recorded function's output again from the current leaves.
    /// - Throws: a function's forward error (its output keeps its last value).
    public func forward() throws {
        for i in functions.indices {
            values[i].data = try functions[i].forward(ForwardInputs(functions[i].slots))
        }
    }

    /// The plain backward from the loss, as of the last ``forward()``.
    /// - Returns: the gradient of each of ``leaves`` (nil for one the loss does not reach).
    /// - Throws: a backward's shape error.
    public func backward() throws -> [Tensor?] {
        var grads = [Tensor?](repeating: nil, count: leaves.count)
        defer {
            // A pass that failed leaves nothing behind for the next.
            for i in gathered.indices { gathered[i] = nil }
        }
        gathered[lossFunction] = Tensor.full(like: loss.data, 1)
        for (i, routes) in backwardOrder {
            guard let gy = gathered[i].take() else { continue }
            let f = functions[i]
            let gxs = try f.plainBackward(gy, values[i])
            try Variable.checkCount(gxs.count, f)
            for k in routes.indices {
                switch routes[k] {
                case .function(let j):
                    try GraphReplay.add(gxs[k], to: &gathered[j])
                case .leaf(let j):
                    try GraphReplay.add(gxs[k], to: &grads[j])
                case .dropped:
                    break
                }
            }
        }
        return grads
    }

    /// Sums a gradient into what has arrived, in arrival order, as the engine's backward does.
    @inline(__always)
    private static func add(_ g: Tensor, to sum: inout Tensor?) throws {
        guard var old = sum.take() else {
            sum = g
            return
        }
        // Put back on every path; a failed sum leaves the gradient as it was.
        defer { sum = old }
        try old.accumulate(g)
    }
}
