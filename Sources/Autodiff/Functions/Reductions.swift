// MARK: - Reductions: sum, max, min; and clip
// The backward of a reduction reshapes gy so the reduced axes are 1 again,
// then broadcasts it back over the input.

/// `g` reshaped so it broadcasts against an input of `inputShape`, whatever `axes`/`keepdims` were.
func expandReduced<V: GradientValue>(_ g: V, inputShape: [Int], axes: [Int]?, keepdims: Bool) throws -> V {
    if keepdims || axes == nil || inputShape.isEmpty { return g }
    let kept = try Tensor.zeros(inputShape).keptShape(axes: axes, op: "sum")
    return try g.reshaped(kept)
}

/// `axis=0`, `keepdims=True`: a reduction's options as a lesson writes them.
func callOptions(axes: [Int]?, keepdims: Bool) -> [String] {
    var options: [String] = []
    if let axes { options.append("axis=" + (axes.count == 1 ? "\(axes[0])" : formatShape(axes))) }
    if keepdims { options.append("keepdims=True") }
    return options
}

final class Sum: UnaryFunction {
    let axes: [Int]?
    let keepdims: Bool
    init(axes: [Int]?, keepdims: Bool) {
        self.axes = axes
        self.keepdims = keepdims
    }
    override var label: String { "sum" }
    override var options: [String] { callOptions(axes: axes, keepdims: keepdims) }
    override var derivativeTexts: [String] {
        // Summed axes that were dropped are put back first (DeZero's reshape_sum_backward),
        // or gy would line up with the wrong axes of x.
        if let x = inputs.first?.data, let kept = try? x.keptShape(axes: axes, op: "sum"),
            axes != nil, !keepdims, !x.shape.isEmpty
        {
            return ["gx = broadcast_to(reshape(gy, \(formatShape(kept))), x.shape)"]
        }
        return ["gx = broadcast_to(gy, x.shape)"]
    }
    override func forward(_ x: Tensor) throws -> Tensor { try x.sum(axes: axes, keepdims: keepdims) }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        let shape = x(0).shape
        // A sum of everything: the one number fills the input's shape, as broadcast_to fills it.
        guard axes == nil, gy.count == 1, shape != gy.shape else { return try super.plainBackward(gy, y, into: gxs) }
        Tensor.fill(&gxs[0], shape: shape, gy.first)
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        let shape = x.value.shape
        return try expandReduced(gy, inputShape: shape, axes: axes, keepdims: keepdims).broadcast(to: shape)
    }
}

final class Extremum: UnaryFunction {
    let axis: Int?
    let keepdims: Bool
    let isMax: Bool
    init(axis: Int?, keepdims: Bool, isMax: Bool) {
        self.axis = axis
        self.keepdims = keepdims
        self.isMax = isMax
    }
    override var label: String { isMax ? "max" : "min" }
    override var options: [String] { callOptions(axes: axis.map { [$0] }, keepdims: keepdims) }
    override var derivativeTexts: [String] { ["gx = gy where x is the \(label), else 0"] }
    override func forward(_ x: Tensor) throws -> Tensor {
        isMax ? try x.max(axis: axis, keepdims: keepdims) : try x.min(axis: axis, keepdims: keepdims)
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        let axes = axis.map { [$0] }
        let shape = x.value.shape
        let extreme = try expandReduced(y.value, inputShape: shape, axes: axes, keepdims: keepdims)
        // Every element equal to the extreme gets the gradient, as in DeZero.
        let mask = try x.value.zipWith(extreme, op: label) { $0 == $1 ? 1 : 0 }
        let g = try expandReduced(gy, inputShape: shape, axes: axes, keepdims: keepdims)
        return try g.broadcast(to: shape) * V(constant: mask)
    }
}

final class Clip: UnaryFunction {
    let lo: Double
    let hi: Double
    init(_ lo: Double, _ hi: Double) {
        self.lo = lo
        self.hi = hi
    }
    override var label: String { "clip" }
    override var kind: FunctionKind { .elementwise }
    override var options: [String] {
        [Tensor.format(lo).replacingTrailingDot(), Tensor.format(hi).replacingTrailingDot()]
    }
    override var derivativeTexts: [String] { ["∂y/∂x = 1 if lo ≤ x ≤ hi else 0"] }
    override func forward(_ x: Tensor) throws -> Tensor {
        let (lo, hi) = (lo, hi)
        return x.map { Swift.min(Swift.max($0, lo), hi) }
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        let (lo, hi) = (lo, hi)
        return try gy * V(constant: x.value.map { $0 >= lo && $0 <= hi ? 1 : 0 })
    }
}

/// The sum over `axes` (all when nil), like NumPy's `sum(axis=…, keepdims=…)`.
public func sum(_ x: Variable, axes: [Int]? = nil, keepdims: Bool = false) throws -> Variable {
    try Sum(axes: axes, keepdims: keepdims)(x)
}
/// The largest element along `axis` (everywhere when nil); ties all get the gradient.
public func max(_ x: Variable, axis: Int? = nil, keepdims: Bool = false) throws -> Variable {
    try Extremum(axis: axis, keepdims: keepdims, isMax: true)(x)
}
/// The smallest element along `axis` (everywhere when nil).
public func min(_ x: Variable, axis: Int? = nil, keepdims: Bool = false) throws -> Variable {
    try Extremum(axis: axis, keepdims: keepdims, isMax: false)(x)
}
/// `x` limited to `[lo, hi]`.
public func clip(_ x: Variable, _ lo: Double, _ hi: Double) throws -> Variable { try Clip(lo, hi)(x) }
