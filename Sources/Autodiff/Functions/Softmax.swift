// MARK: - Log-softmax and argmax

final class LogSoftmax: UnaryFunction {
    let axis: Int
    init(axis: Int) { self.axis = axis }
    override var label: String { "log_softmax" }
    override var options: [String] { ["axis=\(axis)"] }
    override var derivativeTexts: [String] { ["gx = gy − softmax(x) · Σ gy"] }
    /// `x − (m + log Σ exp(x − m))` with m the maximum, in DeZero's order (its `logsumexp`).
    override func forward(_ x: Tensor) throws -> Tensor {
        let m = try x.max(axis: axis, keepdims: true)
        let s = try (try x - m).map(Math.exp).sum(axes: [axis], keepdims: true)
        return try x - (try m + s.map(Math.log))
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try gy - (try x.softmax(axis: axis) * (try gy.summed(axes: [axis], keepdims: true)))
    }
}

/// log(softmax(x)) along `axis`, computed without forming softmax (DeZero's `log_softmax`).
public func logSoftmax(_ x: Variable, axis: Int = 1) throws -> Variable { try LogSoftmax(axis: axis)(x) }

/// The position of the largest element along `axis` (of the flattened tensor when nil),
/// the first one on ties, as NumPy's `argmax`; not differentiable, like DeZero's `accuracy`.
public func argmax(_ x: Variable, axis: Int? = nil) throws -> Variable {
    let t = x.data
    guard t.count > 0 else {
        throw AutodiffError.invalid(op: "argmax", message: "a zero-size tensor \(formatShape(t.shape)) has no argmax")
    }
    // NumPy counts NaN as the largest, so the first NaN wins.
    func better(_ a: Double, than b: Double) -> Bool { (a.isNaN && !b.isNaN) || a > b }
    let values = t.scalars
    guard let axis else {
        var best = 0
        for i in values.indices where better(values[i], than: values[best]) { best = i }
        return Variable(Tensor(Double(best)))
    }
    let a = try Tensor.normalize(axis: axis, rank: t.rank, op: "argmax")
    let n = t.shape[a]
    let inner = t.shape[(a + 1)...].reduce(1, *)
    let outer = t.shape[..<a].reduce(1, *)
    var out = [Double](repeating: 0, count: outer * inner)
    for o in 0..<outer {
        for i in 0..<inner {
            var best = 0
            for k in 1..<Swift.max(n, 1)
            where better(values[(o * n + k) * inner + i], than: values[(o * n + best) * inner + i]) {
                best = k
            }
            out[o * inner + i] = Double(best)
        }
    }
    var shape = t.shape
    shape.remove(at: a)
    return Variable(Tensor(unchecked: shape, out))
}
