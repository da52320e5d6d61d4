// MARK: - Softmax and losses: softmax, softmax_cross_entropy, mean_squared_error, accuracy

final class Softmax: UnaryFunction {
    let axis: Int
    init(axis: Int) { self.axis = axis }
    override var label: String { "softmax" }
    override var options: [String] { ["axis=\(axis)"] }
    override var derivativeTexts: [String] { ["gx = y · (gy − Σ y·gy)"] }
    override func forward(_ x: Tensor) throws -> Tensor { try x.softmax(axis: axis) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        let gx = try y * gy
        return try gx - (try y * gx.summed(axes: [axis], keepdims: true))
    }
}

/// Integer class labels from a tensor of whole numbers, checked against `classes`.
func classLabels(_ t: Tensor, count n: Int, classes: Int, op: String) throws -> [Int] {
    guard t.count == n else {
        throw AutodiffError.invalid(
            op: op, message: "needs one label per row: \(n) rows, labels of shape \(formatShape(t.shape))")
    }
    return try t.scalars.map { v in
        guard v == v.rounded(), v >= 0, v < Double(classes) else {
            throw AutodiffError.invalid(op: op, message: "label \(Tensor.format(v)) is not a class in 0..<\(classes)")
        }
        return Int(v)
    }
}

final class SoftmaxCrossEntropy: BinaryFunction {
    override var label: String { "softmax_cross_entropy" }
    override var inputNames: [String] { ["x", "t"] }
    override var derivativeTexts: [String] { ["gx = (softmax(x) − onehot(t)) / N"] }
    override func forward(_ x: Tensor, _ t: Tensor) throws -> Tensor {
        guard x.rank == 2 else {
            throw AutodiffError.invalid(
                op: label, message: "needs 2-d scores (N, classes), got \(formatShape(x.shape))")
        }
        let (n, c) = (x.shape[0], x.shape[1])
        let labels = try classLabels(t, count: n, classes: c, op: label)
        let m = try x.max(axis: 1, keepdims: true)
        let logZ = try m + (try (try x - m).map(Math.exp).sum(axes: [1], keepdims: true)).map(Math.log)
        var total = 0.0
        for i in 0..<n { total += x.scalars[i * c + labels[i]] - logZ.scalars[i] }
        return Tensor(-total / Double(n))
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ t: V, _ y: V) throws -> (V, V) {
        let (n, c) = (x.value.shape[0], x.value.shape[1])
        let labels = try classLabels(t.value, count: n, classes: c, op: label)
        var onehot = Tensor.zeros([n, c])
        for i in 0..<n { onehot.scalars[i * c + labels[i]] = 1 }
        let g = try gy.scaled(by: 1.0 / Double(n))
        return (try (try x.softmax(axis: 1) - V(constant: onehot)) * g, V(constant: Tensor.zeros(t.value.shape)))
    }
}

final class MeanSquaredError: BinaryFunction {
    override var label: String { "mse" }
    override var inputNames: [String] { ["x0", "x1"] }
    // Each text stands alone: the player shows one input's line at a time.
    override var derivativeTexts: [String] { ["gx0 = 2·(x0 − x1)·gy/N", "gx1 = −2·(x0 − x1)·gy/N"] }
    override func forward(_ x0: Tensor, _ x1: Tensor) throws -> Tensor {
        let diff = try x0 - x1
        let n = Double(diff.shape.first ?? 1)
        return Tensor(diff.withElements { $0.reduce(0) { $0 + $1 * $1 } } / n)
    }
    /// Without the difference's buffer when the shapes agree: each difference as
    /// `x0 - x1` makes it, summed squared in the same order.
    override func forward(into out: inout Tensor) throws {
        let (a, b) = (x(0), x(1))
        guard a.shape == b.shape else {
            out = try forward(a, b)
            return
        }
        let n = Double(a.shape.first ?? 1)
        var total = 0.0
        a.withElements { pa in
            b.withElements { pb in
                for i in 0..<Swift.min(pa.count, pb.count) {
                    let d = pa[i] - pb[i]
                    total = total + d * d
                }
            }
        }
        out = Tensor(total / n)
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x0: V, _ x1: V, _ y: V) throws -> (V, V) {
        let diff = try x0 - x1
        let shape = diff.value.shape
        let gx0 = try (try gy.broadcast(to: shape) * diff).scaled(by: 2.0 / Double(shape.first ?? 1))
        return (try gx0.summed(to: x0.value.shape), try gx0.negated().summed(to: x1.value.shape))
    }
    /// The backward in one loop when nothing broadcasts (the usual case: predictions against
    /// targets of one shape): the same operations in the same order per element.
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        var (ga, gb) = (Tensor(0), Tensor(0))
        guard fusedBackward(gy, into: &ga, &gb) else { return try super.plainBackward(gy, y) }
        return .two(ga, gb)
    }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        guard fusedBackward(gy, into: &gxs[0], &gxs[1]) else { return try super.plainBackward(gy, y, into: gxs) }
    }
    /// The one loop, written into `ga` and `gb`; false (nothing written) when the inputs broadcast.
    private func fusedBackward(_ gy: Tensor, into ga: inout Tensor, _ gb: inout Tensor) -> Bool {
        let (a, b) = (x(0), x(1))
        guard a.shape == b.shape, gy.count == 1 else { return false }
        let g = gy.first
        let c = 2.0 / Double(a.shape.first ?? 1)
        ga.prepare(shape: a.shape, count: a.count)
        gb.prepare(shape: b.shape, count: b.count)
        a.withElements { pa in
            b.withElements { pb in
                ga.withMutableElements { oa in
                    gb.withMutableElements { ob in
                        for i in 0..<Swift.min(pa.count, pb.count, oa.count, ob.count) {
                            let v = (g * (pa[i] - pb[i])) * c
                            oa[i] = v
                            ob[i] = -v
                        }
                    }
                }
            }
        }
        return true
    }
}

/// Softmax along `axis`.
public func softmax(_ x: Variable, axis: Int = 1) throws -> Variable { try Softmax(axis: axis)(x) }
/// The mean cross-entropy of softmax(x) against integer labels `t`.
public func softmaxCrossEntropy(_ x: Variable, _ t: Variable) throws -> Variable {
    try SoftmaxCrossEntropy()(x, t)
}
/// `sum((x0 - x1)²) / len(x0)`, as DeZero's `mean_squared_error`.
public func meanSquaredError(_ x0: Variable, _ x1: Variable) throws -> Variable {
    try MeanSquaredError()(x0, x1)
}
/// The fraction of rows of `y` whose largest score is at label `t`; not differentiable.
public func accuracy(_ y: Variable, _ t: Variable) throws -> Variable {
    guard y.rank == 2 else {
        throw AutodiffError.invalid(op: "accuracy", message: "needs 2-d scores, got \(formatShape(y.shape))")
    }
    let (n, c) = (y.shape[0], y.shape[1])
    let labels = try classLabels(t.data, count: n, classes: Swift.max(c, 1), op: "accuracy")
    var right = 0
    for i in 0..<n {
        let row = y.data.scalars[(i * c)..<((i + 1) * c)]
        if let best = row.indices.max(by: { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) }),
            best - i * c == labels[i]
        {
            right += 1
        }
    }
    return Variable(Tensor(n == 0 ? 0 : Double(right) / Double(n)))
}
