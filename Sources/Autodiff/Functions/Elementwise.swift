// MARK: - Element-wise math: exp, log, sin, cos, tanh, sigmoid, relu, square

final class Exp: UnaryFunction {
    override var label: String { "exp" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = exp(x)"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.exp() }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out, Math.exp) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy * y }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        try Tensor.zip(gy, y.data, into: &gxs[0], op: "mul", *)
    }
}

final class Log: UnaryFunction {
    override var label: String { "log" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = 1/x"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.log() }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out, Math.log) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy / x }
}

final class Sin: UnaryFunction {
    override var label: String { "sin" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = cos(x)"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.sin() }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out, Math.sin) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy * x.cos() }
}

final class Cos: UnaryFunction {
    override var label: String { "cos" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = −sin(x)"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.cos() }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out, Math.cos) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy * x.sin().negated() }
}

final class Tanh: UnaryFunction {
    override var label: String { "tanh" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = 1 − y²"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.tanh() }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out, Math.tanh) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try gy * (try y * y).subtracted(from: 1)
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        let s = y.data
        guard gy.shape == s.shape else { return try super.plainBackward(gy, y, into: gxs) }
        try Tensor.zip(gy, s, into: &gxs[0], op: "mul") { g, s in g * (1 - s * s) }
    }
}

final class Sigmoid: UnaryFunction {
    override var label: String { "σ" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = y(1 − y)"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.sigmoid() }
    override func forward(into out: inout Tensor) throws { x(0).sigmoidElements(into: &out) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try (gy * y) * y.subtracted(from: 1)
    }
    /// The backward in one pass when nothing broadcasts (a hidden layer's gradient):
    /// the same operations in the same order per element, without its two temporaries.
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let s = y.data
        guard gy.shape == s.shape else { return .one(try backward(gy, x(0), s)) }
        var out = gy
        out.withMutableElements { g in Sigmoid.gradient(UnsafeBufferPointer(g), s, into: g) }
        return .one(out)
    }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        let s = y.data
        guard gy.shape == s.shape else { return try super.plainBackward(gy, y, into: gxs) }
        gxs[0].prepare(shape: gy.shape, count: gy.count)
        gy.withElements { g in gxs[0].withMutableElements { o in Sigmoid.gradient(g, s, into: o) } }
    }
    /// gy·y·(1 − y) per element, from `g` into `out` (which may be `g`).
    @inline(__always)
    private static func gradient(
        _ g: UnsafeBufferPointer<Double>, _ y: Tensor, into out: UnsafeMutableBufferPointer<Double>
    ) {
        y.withElements { s in
            for i in 0..<Swift.min(g.count, s.count, out.count) { out[i] = (g[i] * s[i]) * (1 - s[i]) }
        }
    }
}

final class ReLU: UnaryFunction {
    override var label: String { "relu" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = 1 if x > 0 else 0"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.map { Swift.max($0, 0) } }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out) { Swift.max($0, 0) } }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try gy * V(constant: x.value.map { $0 > 0 ? 1 : 0 })
    }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        let x = x(0)
        guard gy.shape == x.shape else { return try super.plainBackward(gy, y, into: gxs) }
        try Tensor.zip(gy, x, into: &gxs[0], op: "mul") { g, v in g * (v > 0 ? 1 : 0) }
    }
}

final class Square: UnaryFunction {
    // Named as lessons call it: `x²` on a box fed by `a` read as a second variable x.
    override var label: String { "square" }
    override var kind: FunctionKind { .square }
    override var derivativeTexts: [String] { ["∂y/∂x = 2x"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.map { $0 * $0 } }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out) { $0 * $0 } }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try x.scaled(by: 2) * gy }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
}

/// eˣ element-wise.
public func exp(_ x: Variable) throws -> Variable { try Exp()(x) }
/// Natural logarithm element-wise.
public func log(_ x: Variable) throws -> Variable { try Log()(x) }
/// Sine element-wise.
public func sin(_ x: Variable) throws -> Variable { try Sin()(x) }
/// Cosine element-wise.
public func cos(_ x: Variable) throws -> Variable { try Cos()(x) }
/// Hyperbolic tangent element-wise.
public func tanh(_ x: Variable) throws -> Variable { try Tanh()(x) }
/// The logistic sigmoid 1 / (1 + e⁻ˣ) element-wise.
public func sigmoid(_ x: Variable) throws -> Variable { try Sigmoid()(x) }
/// max(x, 0) element-wise.
public func relu(_ x: Variable) throws -> Variable { try ReLU()(x) }
/// x² element-wise.
public func square(_ x: Variable) throws -> Variable { try Square()(x) }
