// MARK: - Element-wise math: exp, log, sin, cos, tanh, sigmoid, relu, square

final class Exp: UnaryFunction {
    override var label: String { "exp" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = exp(x)"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.exp() }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy * y }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
}

final class Log: UnaryFunction {
    override var label: String { "log" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = 1/x"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.log() }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy / x }
}

final class Sin: UnaryFunction {
    override var label: String { "sin" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = cos(x)"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.sin() }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy * x.cos() }
}

final class Cos: UnaryFunction {
    override var label: String { "cos" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = −sin(x)"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.cos() }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy * x.sin().negated() }
}

final class Tanh: UnaryFunction {
    override var label: String { "tanh" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = 1 − y²"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.tanh() }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try gy * (try y * y).subtracted(from: 1)
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
}

final class Sigmoid: UnaryFunction {
    override var label: String { "σ" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = y(1 − y)"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.sigmoid() }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try (gy * y) * y.subtracted(from: 1)
    }
    /// The backward in one pass when nothing broadcasts (a hidden layer's gradient):
    /// the same operations in the same order per element, without its two temporaries.
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let y = y.data
        guard gy.shape == y.shape else { return .one(try backward(gy, x(0), y)) }
        var out = gy
        y.withElements { s in
            out.withMutableElements { g in
                for i in 0..<Swift.min(g.count, s.count) { g[i] = (g[i] * s[i]) * (1 - s[i]) }
            }
        }
        return .one(out)
    }
}

final class ReLU: UnaryFunction {
    override var label: String { "relu" }
    override var kind: FunctionKind { .elementwise }
    override var derivativeTexts: [String] { ["∂y/∂x = 1 if x > 0 else 0"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.map { Swift.max($0, 0) } }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try gy * V(constant: x.value.map { $0 > 0 ? 1 : 0 })
    }
}

final class Square: UnaryFunction {
    // Named as lessons call it: `x²` on a box fed by `a` read as a second variable x.
    override var label: String { "square" }
    override var kind: FunctionKind { .square }
    override var derivativeTexts: [String] { ["∂y/∂x = 2x"] }
    override func forward(_ x: Tensor) throws -> Tensor { x.map { $0 * $0 } }
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
