// MARK: - Element-wise math: exp, log, sin, cos, tanh, sigmoid, relu, square

final class Exp: Function {
    override var label: String { "exp" }
    override var derivativeTexts: [String] { ["∂y/∂x = exp(x)"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { xs[0].map(Math.exp) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] { [try gy * y] }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try gy * y.data)
    }
    override func localGradients() -> [Tensor]? { [x(0).map(Math.exp)] }
}

final class Log: Function {
    override var label: String { "log" }
    override var derivativeTexts: [String] { ["∂y/∂x = 1/x"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { xs[0].map(Math.log) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] { [try gy / xs[0]] }
    override func localGradients() -> [Tensor]? { [x(0).map { 1 / $0 }] }
}

final class Sin: Function {
    override var label: String { "sin" }
    override var derivativeTexts: [String] { ["∂y/∂x = cos(x)"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { xs[0].map(Math.sin) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] { [try gy * xs[0].cosine()] }
    override func localGradients() -> [Tensor]? { [x(0).map(Math.cos)] }
}

final class Cos: Function {
    override var label: String { "cos" }
    override var derivativeTexts: [String] { ["∂y/∂x = −sin(x)"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { xs[0].map(Math.cos) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        [try gy * xs[0].sine().negated()]
    }
    override func localGradients() -> [Tensor]? { [x(0).map { -Math.sin($0) }] }
}

final class Tanh: Function {
    override var label: String { "tanh" }
    override var derivativeTexts: [String] { ["∂y/∂x = 1 − y²"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { xs[0].map(Math.tanh) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] { [try Tanh.gradient(gy, y)] }
    @inline(__always)
    static func gradient<V: GradientValue>(_ gy: V, _ y: V) throws -> V { try gy * (try y * y).subtracted(from: 1) }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try Tanh.gradient(gy, y.data))
    }
    override func localGradients() -> [Tensor]? {
        [
            x(0).map { (v: Double) -> Double in
                let t = Math.tanh(v)
                return 1 - t * t
            }
        ]
    }
}

final class Sigmoid: Function {
    override var label: String { "σ" }
    override var derivativeTexts: [String] { ["∂y/∂x = y(1 − y)"] }
    // tanh form, as DeZero computes it: stable for large |x| and the same digits.
    static func value(_ x: Double) -> Double { Math.tanhKernel(x * 0.5) * 0.5 + 0.5 }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { xs[0].sigmoidElements() }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] { [try Sigmoid.gradient(gy, y)] }
    @inline(__always)
    static func gradient<V: GradientValue>(_ gy: V, _ y: V) throws -> V { try (gy * y) * y.subtracted(from: 1) }
    /// The formula above in one pass when nothing broadcasts (a hidden layer's
    /// gradient): the same operations in the same order per element, no temporaries.
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let y = y.data
        guard gy.shape == y.shape else { return .one(try Sigmoid.gradient(gy, y)) }
        var out = gy
        y.withElements { s in
            out.withMutableElements { g in
                for i in 0..<Swift.min(g.count, s.count) { g[i] = (g[i] * s[i]) * (1 - s[i]) }
            }
        }
        return .one(out)
    }
    override func localGradients() -> [Tensor]? {
        [
            x(0).map { (v: Double) -> Double in
                let s = Sigmoid.value(v)
                return s * (1 - s)
            }
        ]
    }
}

final class ReLU: Function {
    override var label: String { "relu" }
    override var derivativeTexts: [String] { ["∂y/∂x = 1 if x > 0 else 0"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { xs[0].map { Swift.max($0, 0) } }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        [try gy * V(constant: xs[0].value.map { $0 > 0 ? 1 : 0 })]
    }
    override func localGradients() -> [Tensor]? { [x(0).map { $0 > 0 ? 1 : 0 }] }
}

final class Square: Function {
    override var label: String { "x²" }
    override var derivativeTexts: [String] { ["∂y/∂x = 2x"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { xs[0].map { $0 * $0 } }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        [try xs[0].scaled(by: 2) * gy]
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try x(0).scaled(by: 2) * gy)
    }
    override func localGradients() -> [Tensor]? { [x(0).map { 2 * $0 }] }
}

/// eˣ element-wise.
public func exp(_ x: Variable) throws -> Variable { try Exp().apply(x) }
/// Natural logarithm element-wise.
public func log(_ x: Variable) throws -> Variable { try Log().apply(x) }
/// Sine element-wise.
public func sin(_ x: Variable) throws -> Variable { try Sin().apply(x) }
/// Cosine element-wise.
public func cos(_ x: Variable) throws -> Variable { try Cos().apply(x) }
/// Hyperbolic tangent element-wise.
public func tanh(_ x: Variable) throws -> Variable { try Tanh().apply(x) }
/// The logistic sigmoid 1 / (1 + e⁻ˣ) element-wise.
public func sigmoid(_ x: Variable) throws -> Variable { try Sigmoid().apply(x) }
/// max(x, 0) element-wise.
public func relu(_ x: Variable) throws -> Variable { try ReLU().apply(x) }
/// x² element-wise.
public func square(_ x: Variable) throws -> Variable { try Square().apply(x) }
