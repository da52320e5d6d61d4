// MARK: - Arithmetic: add, sub, mul, div, neg, pow
// Binary functions broadcast their inputs; their backward sums each gradient
// back to its input's shape with sumTo.

final class Add: Function {
    override var label: String { "+" }
    override var derivativeTexts: [String] { ["∂y/∂a = 1", "∂y/∂b = 1"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { try xs[0].zipWith(xs[1], op: "add", +) }
    @inline(__always)
    static func gradients<V: GradientValue>(_ gy: V, _ a: V, _ b: V) throws -> (V, V) {
        (try gy.summed(to: a.value.shape), try gy.summed(to: b.value.shape))
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        let (ga, gb) = try Add.gradients(gy, xs[0], xs[1])
        return [ga, gb]
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let (ga, gb) = try Add.gradients(gy, x(0), x(1))
        return .two(ga, gb)
    }
    override func localGradients() -> [Tensor]? { [.full(like: x(0), 1), .full(like: x(1), 1)] }
}

final class Sub: Function {
    override var label: String { "−" }
    override var derivativeTexts: [String] { ["∂y/∂a = 1", "∂y/∂b = −1"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { try xs[0].zipWith(xs[1], op: "sub", -) }
    @inline(__always)
    static func gradients<V: GradientValue>(_ gy: V, _ a: V, _ b: V) throws -> (V, V) {
        (try gy.summed(to: a.value.shape), try gy.negated().summed(to: b.value.shape))
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        let (ga, gb) = try Sub.gradients(gy, xs[0], xs[1])
        return [ga, gb]
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let (ga, gb) = try Sub.gradients(gy, x(0), x(1))
        return .two(ga, gb)
    }
    override func localGradients() -> [Tensor]? { [.full(like: x(0), 1), .full(like: x(1), -1)] }
}

final class Mul: Function {
    override var label: String { "×" }
    override var derivativeTexts: [String] { ["∂y/∂a = b", "∂y/∂b = a"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { try xs[0].zipWith(xs[1], op: "mul", *) }
    @inline(__always)
    static func gradients<V: GradientValue>(_ gy: V, _ a: V, _ b: V) throws -> (V, V) {
        (try (gy * b).summed(to: a.value.shape), try (gy * a).summed(to: b.value.shape))
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        let (ga, gb) = try Mul.gradients(gy, xs[0], xs[1])
        return [ga, gb]
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let (ga, gb) = try Mul.gradients(gy, x(0), x(1))
        return .two(ga, gb)
    }
    override func localGradients() -> [Tensor]? { [x(1), x(0)] }
}

final class Div: Function {
    override var label: String { "÷" }
    override var derivativeTexts: [String] { ["∂y/∂a = 1/b", "∂y/∂b = −a/b²"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { try xs[0].zipWith(xs[1], op: "div", /) }
    @inline(__always)
    static func gradients<V: GradientValue>(_ gy: V, _ a: V, _ b: V) throws -> (V, V) {
        let ga = try gy / b
        let gb = try gy * (try a.negated() / (try b * b))
        return (try ga.summed(to: a.value.shape), try gb.summed(to: b.value.shape))
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        let (ga, gb) = try Div.gradients(gy, xs[0], xs[1])
        return [ga, gb]
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let (ga, gb) = try Div.gradients(gy, x(0), x(1))
        return .two(ga, gb)
    }
    override func localGradients() -> [Tensor]? {
        let (a, b) = (x(0), x(1))
        guard let bb = try? b * b, let gb = try? (-a) / bb else { return nil }
        return [b.map { 1 / $0 }, gb]
    }
}

final class Neg: Function {
    override var label: String { "−x" }
    override var derivativeTexts: [String] { ["∂y/∂x = −1"] }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { -xs[0] }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] { [try gy.negated()] }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients { .one(gy.negated()) }
    override func localGradients() -> [Tensor]? { [.full(like: x(0), -1)] }
}

final class Pow: Function {
    let c: Double
    init(_ c: Double) { self.c = c }
    override var label: String { "**" + Tensor.format(c).replacingTrailingDot() }
    override var derivativeTexts: [String] {
        let c = Tensor.format(self.c).replacingTrailingDot()
        // x¹ is written x, and x⁰ left out: the square's derivative reads 2·x.
        switch self.c - 1 {
        case 1: return ["∂y/∂x = \(c)·x"]
        case 0: return ["∂y/∂x = \(c)"]
        default: return ["∂y/∂x = \(c)·x^\(Tensor.format(self.c - 1).replacingTrailingDot())"]
        }
    }
    override func forward(_ xs: ForwardInputs) throws -> Tensor { xs[0].power(c) }
    @inline(__always)
    func gradient<V: GradientValue>(_ gy: V, _ x: V) throws -> V { try x.power(c - 1).scaled(by: c) * gy }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] { [try gradient(gy, xs[0])] }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try gradient(gy, x(0)))
    }
    override func localGradients() -> [Tensor]? { [x(0).power(c - 1) * c] }
}

extension String {
    /// `2.` → `2`: NumPy's trailing dot reads oddly in a label.
    func replacingTrailingDot() -> String { hasSuffix(".") ? String(dropLast()) : self }
}

/// `a + b` with broadcasting.
public func add(_ a: Variable, _ b: Variable) throws -> Variable { try Add().apply(a, b) }
/// `a - b` with broadcasting.
public func sub(_ a: Variable, _ b: Variable) throws -> Variable { try Sub().apply(a, b) }
/// `a * b` element-wise with broadcasting.
public func mul(_ a: Variable, _ b: Variable) throws -> Variable { try Mul().apply(a, b) }
/// `a / b` element-wise with broadcasting.
public func div(_ a: Variable, _ b: Variable) throws -> Variable { try Div().apply(a, b) }
/// `-x`.
public func neg(_ x: Variable) throws -> Variable { try Neg().apply(x) }
/// `x ** c` for a constant exponent `c`.
public func pow(_ x: Variable, _ c: Double) throws -> Variable { try Pow(c).apply(x) }
