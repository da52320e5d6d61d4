/// A fully connected layer `y = x · W + b`, like DeZero's `L.Linear`.
///
/// When `inSize` is not given, W is drawn at the first call from the input's
/// width. W is drawn as DeZero draws it: `randn(I, O)` rounded to float32 (its
/// default dtype), times `sqrt(1 / I)`; b starts at zeros.
public final class Linear: Layer {
    public let outSize: Int
    public private(set) var inSize: Int?
    /// The weights, once drawn.
    public let W: Parameter
    /// The bias, unless the layer was made with `nobias`.
    public let b: Parameter?
    private let generator: NumPyRandom

    /// - Parameters:
    ///   - outSize: the number of outputs.
    ///   - nobias: leave out b.
    ///   - inSize: the number of inputs, to draw W now rather than at the first call.
    ///   - generator: where W is drawn from (NumPy's global generator by default, as in DeZero).
    public init(_ outSize: Int, nobias: Bool = false, inSize: Int? = nil, generator: NumPyRandom = .global) {
        self.outSize = outSize
        self.inSize = inSize
        self.generator = generator
        W = Parameter(Tensor.zeros([0]), name: "W")
        b = nobias ? nil : Parameter(Tensor.zeros([Swift.max(outSize, 0)]), name: "b")
        super.init()
        // A size that cannot be drawn (negative) leaves W to the first call, which reports it.
        if let inSize, (try? drawWeights(inSize)) == nil { self.inSize = nil }
    }

    /// Draws W for `inputs` features if it is not drawn yet, as the first call
    /// does; for callers that build the layer's graph themselves.
    public func prepare(inputs: Int) throws {
        if inSize == nil { try drawWeights(inputs) }
    }

    private func drawWeights(_ inputs: Int) throws {
        let scale = (1 / Double(inputs)).squareRoot()
        let draws = try generator.randn([inputs, outSize])
        W.data = try Tensor(shape: [inputs, outSize], scalars: draws.map { Double(Float($0)) * scale })
        inSize = inputs
    }

    override public func params() -> [Parameter] { b.map { [W, $0] } ?? [W] }

    override public func forward(_ inputs: [Variable]) throws -> Variable {
        guard let x = inputs.first, x.rank == 2 else {
            throw AutodiffError.invalid(
                op: "Linear",
                message: "needs one 2-d input (batch, features), got \(inputs.map { formatShape($0.shape) })")
        }
        if inSize == nil { try drawWeights(x.shape[1]) }
        return try linear(x, W, b)
    }
}

/// A multi-layer perceptron: Linear layers of the given sizes with an activation
/// between them, like DeZero's `MLP`.
public final class MLP: Model {
    /// The layers, first to last.
    public let layers: [Linear]
    private let activation: (Variable) throws -> Variable

    /// - Parameters:
    ///   - sizes: the output size of each layer, e.g. `[10, 1]`.
    ///   - activation: applied after every layer but the last (sigmoid by default).
    public init(
        _ sizes: [Int], activation: @escaping (Variable) throws -> Variable = sigmoid,
        generator: NumPyRandom = .global
    ) {
        layers = sizes.map { Linear($0, generator: generator) }
        self.activation = activation
    }

    override public func params() -> [Parameter] { layers.flatMap { $0.params() } }

    override public func forward(_ inputs: [Variable]) throws -> Variable {
        guard var x = inputs.first else {
            throw AutodiffError.invalid(op: "MLP", message: "needs an input")
        }
        for (i, layer) in layers.enumerated() {
            x = try layer(x)
            if i < layers.count - 1 { x = try activation(x) }
        }
        return x
    }
}
