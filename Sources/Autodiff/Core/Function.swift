/// One operation in the graph, like DeZero's `Function`: ``forward(_:)`` computes
/// the output from the inputs' values, ``backward(_:_:_:)`` each input's gradient
/// from the output's. A function is written with those two and called like one:
///
/// ```swift
/// final class Cube: UnaryFunction {
///     override func forward(_ x: Tensor) throws -> Tensor { x.map { $0 * $0 * $0 } }
///     override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
///         try gy * x.power(2).scaled(by: 3)
///     }
/// }
/// let y = try Cube()(x)
/// ```
///
/// ``UnaryFunction`` and ``BinaryFunction`` name their inputs; a function of any
/// number subclasses this class and indexes `xs`. The backward is the one place
/// the derivative is written: the engine runs it on tensors for the numbers, on
/// variables when the backward is itself recorded, and with an upstream of ones
/// for the local derivative the screens show (``localGradients()``).
/// ``label``, ``kind`` and ``derivativeTexts`` say how the screens write it.
open class Function {
    /// The variables this function was applied to.
    public var inputs: [Variable] { Array(slots) }
    /// The output, while something else keeps it alive.
    public var output: Variable? { outputAlive ? outputReference?.takeUnretainedValue() : nil }
    /// The largest generation among the inputs.
    public var generation: Int { Int(storedGeneration) }

    // The fields of every node; `NodeLayoutTests` holds their size (a long
    // chain's memory is mostly these nodes), and the stored generation is 32-bit
    // so that a function with one number of its own fits a 72-byte allocation.
    @exclusivity(unchecked) var slots = InputSlots()
    // The output is held weakly, as in DeZero, so finished graphs are freed. A
    // Swift `weak` reference costs a side-table allocation per node; instead the
    // output clears `outputAlive` in its deinit, before its memory goes away.
    @exclusivity(unchecked) var outputReference: Unmanaged<Variable>?
    /// Where this function was last put in a backward pass's queue (stale once it left).
    @exclusivity(unchecked) var queueIndex = 0
    @exclusivity(unchecked) var storedGeneration: Int32 = 0
    @exclusivity(unchecked) var outputAlive = false

    public init() {}

    /// A short name for a graph box: `+`, `×`, `sin`, `matmul`.
    open var label: String { String(describing: type(of: self)) }

    /// What the operation is, for code that writes it in a formula: infix
    /// arithmetic, another element-wise function, or anything else.
    open var kind: FunctionKind { .other }

    /// The call's own options as a lesson writes them (`axis=0`), for formulas
    /// such as `sum(x, axis=0)`; none by default.
    open var options: [String] { [] }

    /// The derivative for each input, as text for the screens: `∂y/∂x = cos(x)`
    /// for an element-wise function (the local derivative), `gx = gy · Wᵀ`
    /// otherwise. The names are the function's own (`y` the output, `gy` its
    /// gradient, the inputs as ``inputNames``); the screens put the graph's in.
    open var derivativeTexts: [String] { [] }

    /// The names ``derivativeTexts`` gives the inputs: `x` for one, `a`, `b` for two.
    open var inputNames: [String] {
        switch slots.count {
        case 1: ["x"]
        case 2: ["a", "b"]
        default: slots.indices.map { "x\($0)" }
        }
    }

    /// The output from the inputs' values.
    open func forward(_ xs: ForwardInputs) throws -> Tensor {
        throw AutodiffError.invalid(op: label, message: "forward is not implemented")
    }

    /// Each input's gradient from the output's gradient `gy`, given the inputs
    /// `xs` and the output `y` as values of the same kind as `gy`.
    open func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        throw AutodiffError.invalid(op: label, message: "backward is not implemented")
    }

    /// Runs `forward` on the inputs and, when backprop is enabled, links the output into the graph.
    public final func callAsFunction(_ inputs: Variable...) throws -> Variable { try apply(InputSlots(inputs)) }

    /// Runs `forward` on the inputs and, when backprop is enabled, links the output into the graph.
    public final func apply(_ inputs: [Variable]) throws -> Variable { try apply(InputSlots(inputs)) }

    /// ∂y/∂xᵢ element by element at the current inputs, one tensor of the
    /// output's shape per input, for the screens' "local:" line; nil unless the
    /// function is element-wise. It is ``backward(_:_:_:)`` run with an upstream
    /// gradient of ones and every input broadcast to the output's shape.
    public final func localGradients() -> [Tensor]? {
        guard kind.isElementwise, !slots.isEmpty else { return nil }
        guard let y = output?.data ?? (try? forward(ForwardInputs(slots))),
            let xs = try? slots.map({ try $0.data.broadcastTo(y.shape) })
        else { return nil }
        return try? backward(Tensor.full(like: y, 1), xs, y)
    }

    /// The input gradients of a plain backward (numbers only, no graph): the
    /// backward run on tensors. The one- and two-input functions call it without
    /// arrays. The functions of the measured hot paths (W1, W4, training) repeat
    /// that one-line call in their own final class, so their backward is
    /// specialised and inlined instead of entered generically (W1 and W4 were
    /// 15–50 % slower without); Sigmoid and MeanSquaredError fuse their formula
    /// into one loop. `FunctionPropertyTests` holds every one equal to the backward.
    func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .many(try backward(gy, slots.map(\.data), y.data))
    }

    /// ``forward(_:)`` written into `out`, this function's output from the last pass
    /// of a replayed graph (``GraphReplay``): the functions of the replayed hot paths
    /// write their value into that tensor's buffer by the kernels of `Tensor+Into`
    /// (the same numbers), any other stores ``forward(_:)``'s.
    func forward(into out: inout Tensor) throws { out = try forward(ForwardInputs(slots)) }

    /// ``plainBackward(_:_:)`` written into `gxs`, one tensor per input holding the
    /// last pass's gradient: in place for the functions of the replayed hot paths
    /// (the same numbers), stored from ``plainBackward(_:_:)`` for any other.
    func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        let g = try plainBackward(gy, y)
        try Variable.checkCount(g.count, self)
        for k in 0..<Swift.min(g.count, gxs.count) { gxs[k] = g[k] }
    }

    @inline(__always)
    final func apply(_ inputs: InputSlots) throws -> Variable {
        record(try forward(ForwardInputs(inputs)), from: inputs)
    }

    /// A variable holding `value`, the forward of this function on `inputs`,
    /// linked into the graph when backprop is enabled.
    // Both taken as owned: the value moves into the variable and the inputs into
    // the slots, where a borrowed argument would be copied (retained) into each.
    @inline(__always)
    final func record(_ value: consuming Tensor, from inputs: consuming InputSlots) -> Variable {
        let y = Variable(value)
        if Config.enableBackprop {
            let g = inputs.generation
            storedGeneration = Int32(clamping: g)
            slots = inputs
            outputReference = Unmanaged.passUnretained(y)
            outputAlive = true
            y.creator = self
            y.generation = g + 1
        }
        return y
    }

    /// The value of input `i`.
    @inline(__always)
    func x(_ i: Int) -> Tensor { slots[i].data }

    /// The error for being given `n` inputs instead of `expected`.
    func arityError(_ n: Int, expected: Int) -> AutodiffError {
        .invalid(op: label, message: "takes \(expected) input\(expected == 1 ? "" : "s"), got \(n)")
    }
}

/// The values of a function's inputs, read in place from its variables.
public struct ForwardInputs: RandomAccessCollection {
    let variables: InputSlots
    init(_ variables: InputSlots) { self.variables = variables }
    public var startIndex: Int { 0 }
    public var endIndex: Int { variables.count }
    public var count: Int { variables.count }
    public subscript(i: Int) -> Tensor { variables[i].data }
}

/// The gradients a plain backward returns: one or two held inline (no array
/// allocation per node), or a list.
enum PlainGradients {
    case one(Tensor)
    case two(Tensor, Tensor)
    case many([Tensor])

    var count: Int {
        switch self {
        case .one: 1
        case .two: 2
        case .many(let gs): gs.count
        }
    }

    subscript(i: Int) -> Tensor {
        switch self {
        case .one(let g): return g
        case .two(let a, let b): return i == 0 ? a : b
        case .many(let gs): return gs[i]
        }
    }
}
