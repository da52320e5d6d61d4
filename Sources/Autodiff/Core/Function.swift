/// One operation in the graph, like DeZero's `Function`: `forward` computes on
/// tensors, `backward` computes input gradients from the output gradient with
/// variables (so the backward itself can be differentiated).
///
/// Subclasses override ``forward(_:)``, ``backward(_:)``, ``label`` and
/// ``derivativeTexts``; ``apply(_:)`` does the bookkeeping. Every function here
/// has one output, which it holds weakly so finished graphs are freed.
open class Function {
    /// The variables this function was applied to.
    public var inputs: [Variable] { Array(slots) }
    /// The output, while something else keeps it alive.
    public var output: Variable? { outputAlive ? outputReference?.takeUnretainedValue() : nil }
    /// The largest generation among the inputs.
    public var generation: Int { Int(storedGeneration) }

    // Stored in this order, with a 32-bit generation, so that a function with one
    // number of its own (`MulConstant`) fits a 72-byte allocation: a long chain's
    // memory is mostly these nodes.
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

    /// The local derivative of the output with respect to each input, as text for
    /// the screens: `∂y/∂x = cos(x)`, `gW = xᵀ · gy`.
    open var derivativeTexts: [String] { [] }

    /// The output from the inputs' values.
    open func forward(_ xs: ForwardInputs) throws -> Tensor {
        throw AutodiffError.invalid(op: label, message: "forward is not implemented")
    }

    /// Each input's gradient from the output's gradient `gy`, given the inputs
    /// `xs` and the output `y` as values of the same kind as `gy`.
    ///
    /// Written once over ``GradientValue``: the engine calls it with tensors for
    /// a plain backward and with variables when the backward is recorded.
    open func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        throw AutodiffError.invalid(op: label, message: "backward is not implemented")
    }

    /// For element-wise functions, ∂y/∂xᵢ at the current inputs, one tensor per
    /// input; nil when the derivative is not element-wise (matmul, sum, reshape).
    open func localGradients() -> [Tensor]? { nil }

    /// The input gradients of a plain backward (numbers only, no graph): the
    /// generic formula run on tensors. `gy` is the function's to use up (a
    /// formula may write its result into it); `y` is the output. The one- and two-input functions override
    /// it to call the same formula without building arrays of inputs and results.
    func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .many(try backward(gy, slots.map(\.data), y.data))
    }

    /// Runs `forward` on the inputs' data and, when backprop is enabled, links the
    /// output into the graph.
    public final func apply(_ inputs: [Variable]) throws -> Variable {
        try apply(InputSlots(inputs))
    }

    /// `apply` for one input, without an array.
    @inline(__always)
    final func apply(_ x: Variable) throws -> Variable { try apply(InputSlots(x)) }

    /// `apply` for two inputs, without an array.
    @inline(__always)
    final func apply(_ a: Variable, _ b: Variable) throws -> Variable { try apply(InputSlots(a, b)) }

    @inline(__always)
    final func apply(_ inputs: InputSlots) throws -> Variable {
        let y = Variable(try forward(ForwardInputs(inputs)))
        if Config.enableBackprop {
            var g = 0
            for x in inputs where x.generation > g { g = x.generation }
            storedGeneration = Int32(clamping: g)
            slots = inputs
            outputReference = Unmanaged.passUnretained(y)
            outputAlive = true
            y.creator = self
            y.generation = g + 1
        }
        return y
    }

    /// The value of input `i`, for `backward` and `localGradients`.
    @inline(__always)
    func x(_ i: Int) -> Tensor { slots[i].data }
}

/// The values of a function's inputs, read in place from its variables.
public struct ForwardInputs: RandomAccessCollection {
    let variables: InputSlots
    init(_ variables: InputSlots) { self.variables = variables }
    public var startIndex: Int { 0 }
    public var endIndex: Int { variables.count }
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
