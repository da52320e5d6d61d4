/// What backward formulas compute with: raw tensors when only the numbers are
/// wanted, or variables when the backward must itself be recorded as a graph
/// (`createGraph`, for higher-order derivatives).
///
/// Each function's backward is written once, generically over this protocol,
/// so the numbers-only pass and the differentiable pass share one formula. It
/// offers what the forward API offers, as methods: arithmetic, `exp`, `log`,
/// `sin`, `tanh`, `sigmoid`, reductions and shape changes.
public protocol GradientValue {
    /// Wraps a tensor that takes no part in differentiation (a mask, a one-hot matrix).
    init(constant: Tensor)
    /// The numbers.
    var value: Tensor { get }
    static func + (a: Self, b: Self) throws -> Self
    static func - (a: Self, b: Self) throws -> Self
    static func * (a: Self, b: Self) throws -> Self
    static func / (a: Self, b: Self) throws -> Self
    func negated() throws -> Self
    func scaled(by c: Double) throws -> Self
    /// `c - self`, for formulas such as σ'(x) = y(1 − y).
    func subtracted(from c: Double) throws -> Self
    func power(_ c: Double) throws -> Self
    func exp() throws -> Self
    func log() throws -> Self
    func sin() throws -> Self
    func cos() throws -> Self
    func tanh() throws -> Self
    func sigmoid() throws -> Self
    func reshaped(_ shape: [Int]) throws -> Self
    func transposed(_ axes: [Int]?) throws -> Self
    func broadcast(to shape: [Int]) throws -> Self
    func summed(to shape: [Int]) throws -> Self
    func summed(axes: [Int]?, keepdims: Bool) throws -> Self
    func matmul(_ other: Self) throws -> Self
    /// `self · otherᵀ` (`transposeOther`) or `selfᵀ · other`, for 2-d values: the
    /// products matmul's backward needs, without materialising a transpose.
    func matmul(_ other: Self, transposeSelf: Bool, transposeOther: Bool) throws -> Self
    func softmax(axis: Int) throws -> Self
    func rows(_ indices: [Int]) throws -> Self
    func scatteredRows(_ indices: [Int], into shape: [Int]) throws -> Self
}

extension Tensor: GradientValue {
    public init(constant: Tensor) { self = constant }
    public var value: Tensor { self }
    public func negated() -> Tensor { -self }
    public func scaled(by c: Double) -> Tensor { self * c }
    public func subtracted(from c: Double) -> Tensor { map { c - $0 } }
    public func power(_ c: Double) -> Tensor { map { Math.pow($0, c) } }
    public func exp() -> Tensor { map(Math.exp) }
    public func log() -> Tensor { map(Math.log) }
    public func sin() -> Tensor { map(Math.sin) }
    public func cos() -> Tensor { map(Math.cos) }
    public func tanh() -> Tensor { map(Math.tanh) }
    public func sigmoid() -> Tensor { sigmoidElements() }
    public func broadcast(to shape: [Int]) throws -> Tensor { try broadcastTo(shape) }
    public func summed(to shape: [Int]) throws -> Tensor { try sumTo(shape) }
    public func summed(axes: [Int]?, keepdims: Bool) throws -> Tensor { try sum(axes: axes, keepdims: keepdims) }
    public func softmax(axis: Int) throws -> Tensor {
        let e = (try self - (try self.max(axis: axis, keepdims: true))).map(Math.exp)
        return try e / (try e.sum(axes: [axis], keepdims: true))
    }
    /// The rows added into zeros of `shape` at `indices`, as NumPy's `add.at`.
    public func scatteredRows(_ indices: [Int], into shape: [Int]) throws -> Tensor {
        let zeros = Tensor.zeros(shape)
        guard let n = shape.first, n > 0, indices.count == self.shape.first ?? -1 else {
            throw AutodiffError.shapeTarget(op: "get_item_grad", from: self.shape, to: shape)
        }
        let size = zeros.count / n
        var out = zeros.scalars
        let source = scalars
        guard count == indices.count * size else {
            throw AutodiffError.shapeTarget(op: "get_item_grad", from: self.shape, to: shape)
        }
        for (k, r) in indices.enumerated() {
            let row = r < 0 ? r + n : r
            guard row >= 0 && row < n else {
                throw AutodiffError.invalid(
                    op: "get_item_grad", message: "index \(r) is out of bounds for axis 0 with size \(n)")
            }
            for j in 0..<size { out[row * size + j] += source[k * size + j] }
        }
        return Tensor(unchecked: shape, out)
    }
}

/// A variable seen as a ``GradientValue``: every operation records a function,
/// so a backward computed with it can be differentiated again.
struct RecordedGradient: GradientValue {
    let variable: Variable
    init(_ variable: Variable) { self.variable = variable }
    init(constant: Tensor) { variable = Variable(constant) }
    var value: Tensor { variable.data }
    static func + (a: Self, b: Self) throws -> Self { Self(try add(a.variable, b.variable)) }
    static func - (a: Self, b: Self) throws -> Self { Self(try sub(a.variable, b.variable)) }
    static func * (a: Self, b: Self) throws -> Self { Self(try mul(a.variable, b.variable)) }
    static func / (a: Self, b: Self) throws -> Self { Self(try div(a.variable, b.variable)) }
    func negated() -> Self { Self(neg(variable)) }
    func scaled(by c: Double) throws -> Self { Self(try mul(variable, Variable(c))) }
    // `c − x` records DeZero's rsub, Sub(Variable(c), x), as `scaled(by:)` records Mul(x, Variable(c)):
    // a recorded backward (`grad(y, x)` in a lesson) then shows only functions a graph program can write.
    func subtracted(from c: Double) throws -> Self { Self(try sub(Variable(c), variable)) }
    func power(_ c: Double) throws -> Self { Self(try pow(variable, c)) }
    func exp() throws -> Self { Self(try Autodiff.exp(variable)) }
    func log() throws -> Self { Self(try Autodiff.log(variable)) }
    func sin() throws -> Self { Self(try Autodiff.sin(variable)) }
    func cos() throws -> Self { Self(try Autodiff.cos(variable)) }
    func tanh() throws -> Self { Self(try Autodiff.tanh(variable)) }
    func sigmoid() throws -> Self { Self(try Autodiff.sigmoid(variable)) }
    func reshaped(_ shape: [Int]) throws -> Self { Self(try reshape(variable, shape)) }
    func transposed(_ axes: [Int]?) throws -> Self { Self(try transpose(variable, axes: axes)) }
    func broadcast(to shape: [Int]) throws -> Self { Self(try broadcastTo(variable, shape)) }
    func summed(to shape: [Int]) throws -> Self { Self(try sumTo(variable, shape)) }
    func summed(axes: [Int]?, keepdims: Bool) throws -> Self { Self(try sum(variable, axes: axes, keepdims: keepdims)) }
    func matmul(_ other: Self) throws -> Self { Self(try Autodiff.matmul(variable, other.variable)) }
    func matmul(_ other: Self, transposeSelf: Bool, transposeOther: Bool) throws -> Self {
        let a = transposeSelf ? try transposed(nil) : self
        let b = transposeOther ? try other.transposed(nil) : other
        return try a.matmul(b)
    }
    func softmax(axis: Int) throws -> Self { Self(try Autodiff.softmax(variable, axis: axis)) }
    func rows(_ indices: [Int]) throws -> Self { Self(try getItem(variable, rows: indices)) }
    func scatteredRows(_ indices: [Int], into shape: [Int]) throws -> Self {
        Self(try GetItemGrad(indices, inShape: shape)(variable))
    }
}
