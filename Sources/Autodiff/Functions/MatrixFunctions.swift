// MARK: - Matrix functions: matmul, linear

final class MatMul: Function {
    override var label: String { "matmul" }
    override var derivativeTexts: [String] { ["gx = gy · Wᵀ", "gW = xᵀ · gy"] }
    override func forward(_ xs: [Tensor]) throws -> Tensor { try xs[0].matmul(xs[1]) }
    override func backward(_ gy: Variable) throws -> [Variable] {
        let (x, w) = (inputs[0], inputs[1])
        // 1-d operands act as a row (left) or a column (right); work in 2-d, then restore shapes.
        let x2 = try reshape(x, x.rank == 1 ? [1, x.shape[0]] : x.shape)
        let w2 = try reshape(w, w.rank == 1 ? [w.shape[0], 1] : w.shape)
        let g2 = try reshape(gy, [x2.shape[0], w2.shape[1]])
        let gx = try matmul(g2, try transpose(w2))
        let gw = try matmul(try transpose(x2), g2)
        return [try reshape(gx, x.shape), try reshape(gw, w.shape)]
    }
}

final class Linear: Function {
    override var label: String { "linear" }
    override var derivativeTexts: [String] { ["gx = gy · Wᵀ", "gW = xᵀ · gy", "gb = sum_to(gy, b.shape)"] }
    override func forward(_ xs: [Tensor]) throws -> Tensor {
        let y = try xs[0].matmul(xs[1])
        return xs.count > 2 ? try y + xs[2] : y
    }
    override func backward(_ gy: Variable) throws -> [Variable] {
        let (x, w) = (inputs[0], inputs[1])
        var grads = [try matmul(gy, try transpose(w)), try matmul(try transpose(x), gy)]
        if inputs.count > 2 { grads.append(try sumTo(gy, inputs[2].shape)) }
        return grads
    }
}

/// The matrix product `x · W` (2-d, or 1-d as NumPy's `dot` allows).
public func matmul(_ x: Variable, _ w: Variable) throws -> Variable { try MatMul().apply([x, w]) }
/// `x · W + b` in one node, as DeZero's `linear`.
public func linear(_ x: Variable, _ w: Variable, _ b: Variable? = nil) throws -> Variable {
    guard x.rank == 2, w.rank == 2 else {
        throw AutodiffError.invalid(
            op: "linear", message: "needs 2-d x and W, got shapes \(formatShape(x.shape)) and \(formatShape(w.shape))")
    }
    return try Linear().apply(b.map { [x, w, $0] } ?? [x, w])
}
