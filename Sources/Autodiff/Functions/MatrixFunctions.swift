// MARK: - Matrix functions: matmul, linear

final class MatMul: BinaryFunction {
    override var label: String { "matmul" }
    override var inputNames: [String] { ["x", "W"] }
    override var derivativeTexts: [String] { ["gx = gy · Wᵀ", "gW = xᵀ · gy"] }
    override func forward(_ x: Tensor, _ w: Tensor) throws -> Tensor { try x.matmul(w) }
    override func forward(into out: inout Tensor) throws { try Tensor.matmul(x(0), x(1), into: &out) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ w: V, _ y: V) throws -> (V, V) {
        let (xShape, wShape) = (x.value.shape, w.value.shape)
        // 1-d operands act as a row (left) or a column (right); work in 2-d, then restore shapes.
        let x2 = xShape.count == 1 ? try x.reshaped([1, xShape[0]]) : x
        let w2 = wShape.count == 1 ? try w.reshaped([wShape[0], 1]) : w
        let g2 = try gy.reshaped([x2.value.shape[0], w2.value.shape[1]])
        let gx = try g2.matmul(w2, transposeSelf: false, transposeOther: true)
        let gw = try x2.matmul(g2, transposeSelf: true, transposeOther: false)
        return (try gx.reshaped(xShape), try gw.reshaped(wShape))
    }
    /// 2-d operands (no reshape on the way): the same two products, written in place.
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        let (x, w) = (x(0), x(1))
        guard x.rank == 2, w.rank == 2, gy.rank == 2 else { return try super.plainBackward(gy, y, into: gxs) }
        try Tensor.matmul(gy, w, into: &gxs[0], transposeB: true)
        try Tensor.matmul(x, gy, into: &gxs[1], transposeA: true)
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let (ga, gb) = try backward(gy, x(0), x(1), y.data)
        return .two(ga, gb)
    }
}

final class LinearFunction: Function {
    override var label: String { "linear" }
    override var inputNames: [String] { ["x", "W", "b"] }
    override var derivativeTexts: [String] { ["gx = gy · Wᵀ", "gW = xᵀ · gy", "gb = sum_to(gy, b.shape)"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor {
        guard xs.count == 2 || xs.count == 3 else { throw arityError(xs.count, expected: 3) }
        let y = try xs[0].matmul(xs[1])
        return xs.count > 2 ? try y + xs[2] : y
    }
    override func forward(into out: inout Tensor) throws {
        guard slots.count == 2 || slots.count == 3 else {
            out = try forward(ForwardInputs(slots))
            return
        }
        try Tensor.matmul(x(0), x(1), into: &out)
        if slots.count > 2 { try out.combine(x(2), op: "add", +) }
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        var grads = [
            try gy.matmul(xs[1], transposeSelf: false, transposeOther: true),
            try xs[0].matmul(gy, transposeSelf: true, transposeOther: false),
        ]
        if xs.count > 2 { grads.append(try gy.summed(to: xs[2].value.shape)) }
        return grads
    }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        guard slots.count == 2 || slots.count == 3, gxs.count == slots.count else {
            return try super.plainBackward(gy, y, into: gxs)
        }
        try Tensor.matmul(gy, x(1), into: &gxs[0], transposeB: true)
        try Tensor.matmul(x(0), gy, into: &gxs[1], transposeA: true)
        if slots.count > 2 { try Tensor.sumTo(gy, x(2).shape, into: &gxs[2]) }
    }
}

/// The matrix product `x · W` (2-d, or 1-d as NumPy's `dot` allows).
public func matmul(_ x: Variable, _ w: Variable) throws -> Variable { try MatMul()(x, w) }
/// `x · W + b` in one node, as DeZero's `linear`.
public func linear(_ x: Variable, _ w: Variable, _ b: Variable? = nil) throws -> Variable {
    guard x.rank == 2, w.rank == 2 else {
        throw AutodiffError.invalid(
            op: "linear", message: "needs 2-d x and W, got shapes \(formatShape(x.shape)) and \(formatShape(w.shape))")
    }
    return try LinearFunction().apply(b.map { [x, w, $0] } ?? [x, w])
}
