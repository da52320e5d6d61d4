// MARK: - Shape functions: reshape, transpose, broadcast_to, sum_to, get_item
// These move or repeat elements; their backward undoes the move.

final class Reshape: UnaryFunction {
    let shape: [Int]
    init(_ shape: [Int]) { self.shape = shape }
    override var label: String { "reshape" }
    override var options: [String] { [formatShape(shape)] }
    override var derivativeTexts: [String] { ["gx = reshape(gy, x.shape)"] }
    override func forward(_ x: Tensor) throws -> Tensor { try x.reshaped(shape) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try gy.reshaped(x.value.shape)
    }
}

final class Transpose: UnaryFunction {
    let axes: [Int]?
    init(_ axes: [Int]?) { self.axes = axes }
    override var label: String { "transpose" }
    override var options: [String] { axes.map { [formatShape($0)] } ?? [] }
    override var derivativeTexts: [String] { ["gx = transpose(gy, inverse axes)"] }
    override func forward(_ x: Tensor) throws -> Tensor { try x.transposed(axes) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        guard let axes else { return try gy.transposed(nil) }
        let rank = axes.count
        let normal = axes.map { $0 < 0 ? $0 + rank : $0 }
        let inverse = (0..<rank).map { i in normal.firstIndex(of: i) ?? i }
        return try gy.transposed(inverse)
    }
}

final class BroadcastTo: UnaryFunction {
    let shape: [Int]
    init(_ shape: [Int]) { self.shape = shape }
    override var label: String { "broadcast_to" }
    override var options: [String] { [formatShape(shape)] }
    override var derivativeTexts: [String] { ["gx = sum_to(gy, x.shape)"] }
    override func forward(_ x: Tensor) throws -> Tensor { try x.broadcastTo(shape) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try gy.summed(to: x.value.shape)
    }
}

final class SumTo: UnaryFunction {
    let shape: [Int]
    init(_ shape: [Int]) { self.shape = shape }
    override var label: String { "sum_to" }
    override var options: [String] { [formatShape(shape)] }
    override var derivativeTexts: [String] { ["gx = broadcast_to(gy, x.shape)"] }
    override func forward(_ x: Tensor) throws -> Tensor { try x.sumTo(shape) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try gy.broadcast(to: x.value.shape)
    }
}

/// Scatters a gradient back into the rows it was taken from (NumPy's `add.at`).
final class GetItemGrad: UnaryFunction {
    let rows: [Int]
    let inShape: [Int]
    init(_ rows: [Int], inShape: [Int]) {
        self.rows = rows
        self.inShape = inShape
    }
    override var label: String { "get_item_grad" }
    override func forward(_ x: Tensor) throws -> Tensor { try x.scatteredRows(rows, into: inShape) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy.rows(rows) }
}

/// `x` with a new shape; one dimension may be -1.
public func reshape(_ x: Variable, _ shape: [Int]) throws -> Variable {
    x.shape == shape ? x : try Reshape(shape)(x)
}
/// `x` with its axes permuted (reversed when `axes` is nil).
public func transpose(_ x: Variable, axes: [Int]? = nil) throws -> Variable { try Transpose(axes)(x) }
/// `x` repeated along broadcast axes to `shape`.
public func broadcastTo(_ x: Variable, _ shape: [Int]) throws -> Variable {
    x.shape == shape ? x : try BroadcastTo(shape)(x)
}
/// `x` summed down to `shape`; the backward of broadcasting.
public func sumTo(_ x: Variable, _ shape: [Int]) throws -> Variable {
    x.shape == shape ? x : try SumTo(shape)(x)
}

extension Variable {
    /// The transpose, like `x.T`.
    public var T: Variable { get throws { try Autodiff.transpose(self) } }
}
