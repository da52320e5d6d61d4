// MARK: - Arithmetic: add, sub, mul, div, neg, pow
// Binary functions broadcast their inputs; their backward sums each gradient
// back to its input's shape with sumTo.

final class Add: BinaryFunction {
    override var label: String { "+" }
    override var kind: FunctionKind { .add }
    override var derivativeTexts: [String] { ["∂y/∂a = 1", "∂y/∂b = 1"] }
    override func forward(_ a: Tensor, _ b: Tensor) throws -> Tensor { try a + b }
    override func forward(into out: inout Tensor) throws { try Tensor.zip(x(0), x(1), into: &out, op: "add", +) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ a: V, _ b: V, _ y: V) throws -> (V, V) {
        (try gy.summed(to: a.value.shape), try gy.summed(to: b.value.shape))
    }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        try Tensor.sumTo(gy, x(0).shape, into: &gxs[0])
        try Tensor.sumTo(gy, x(1).shape, into: &gxs[1])
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let (ga, gb) = try backward(gy, x(0), x(1), y.data)
        return .two(ga, gb)
    }
}

final class Sub: BinaryFunction {
    override var label: String { "−" }
    override var kind: FunctionKind { .subtract }
    override var derivativeTexts: [String] { ["∂y/∂a = 1", "∂y/∂b = −1"] }
    override func forward(_ a: Tensor, _ b: Tensor) throws -> Tensor { try a - b }
    override func forward(into out: inout Tensor) throws { try Tensor.zip(x(0), x(1), into: &out, op: "sub", -) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ a: V, _ b: V, _ y: V) throws -> (V, V) {
        (try gy.summed(to: a.value.shape), try gy.negated().summed(to: b.value.shape))
    }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        guard x(1).shape == gy.shape else { return try super.plainBackward(gy, y, into: gxs) }
        try Tensor.sumTo(gy, x(0).shape, into: &gxs[0])
        Tensor.map(gy, into: &gxs[1]) { -$0 }
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let (ga, gb) = try backward(gy, x(0), x(1), y.data)
        return .two(ga, gb)
    }
}

final class Mul: BinaryFunction {
    override var label: String { "×" }
    override var kind: FunctionKind { .multiply }
    override var derivativeTexts: [String] { ["∂y/∂a = b", "∂y/∂b = a"] }
    override func forward(_ a: Tensor, _ b: Tensor) throws -> Tensor { try a * b }
    override func forward(into out: inout Tensor) throws { try Tensor.zip(x(0), x(1), into: &out, op: "mul", *) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ a: V, _ b: V, _ y: V) throws -> (V, V) {
        (try (gy * b).summed(to: a.value.shape), try (gy * a).summed(to: b.value.shape))
    }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        let (a, b) = (x(0), x(1))
        guard a.shape == gy.shape, b.shape == gy.shape else { return try super.plainBackward(gy, y, into: gxs) }
        try Tensor.zip(gy, b, into: &gxs[0], op: "mul", *)
        try Tensor.zip(gy, a, into: &gxs[1], op: "mul", *)
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let (ga, gb) = try backward(gy, x(0), x(1), y.data)
        return .two(ga, gb)
    }
}

final class Div: BinaryFunction {
    override var label: String { "÷" }
    override var kind: FunctionKind { .divide }
    override var derivativeTexts: [String] { ["∂y/∂a = 1/b", "∂y/∂b = −a/b²"] }
    override func forward(_ a: Tensor, _ b: Tensor) throws -> Tensor { try a / b }
    override func forward(into out: inout Tensor) throws { try Tensor.zip(x(0), x(1), into: &out, op: "div", /) }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ a: V, _ b: V, _ y: V) throws -> (V, V) {
        let gb = try gy * (try a.negated() / (try b * b))
        return (try (gy / b).summed(to: a.value.shape), try gb.summed(to: b.value.shape))
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let (ga, gb) = try backward(gy, x(0), x(1), y.data)
        return .two(ga, gb)
    }
}

final class Neg: UnaryFunction {
    override var label: String { "neg" }
    override var kind: FunctionKind { .negate }
    override var derivativeTexts: [String] { ["∂y/∂x = −1"] }
    override func forward(_ x: Tensor) -> Tensor { value(x) }
    func value(_ x: Tensor) -> Tensor { -x }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out) { -$0 } }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy.negated() }
}

final class Pow: UnaryFunction {
    let c: Double
    init(_ c: Double) { self.c = c }
    override var label: String { "**" + Tensor.format(c).replacingTrailingDot() }
    override var kind: FunctionKind { .power(c) }
    override var derivativeTexts: [String] {
        let c = Tensor.format(self.c).replacingTrailingDot()
        // x¹ is written x, and x⁰ left out: the square's derivative reads 2·x.
        switch self.c - 1 {
        case 1: return ["∂y/∂x = \(c)·x"]
        case 0: return ["∂y/∂x = \(c)"]
        default: return ["∂y/∂x = \(c)·x^\(Tensor.format(self.c - 1).replacingTrailingDot())"]
        }
    }
    override func forward(_ x: Tensor) throws -> Tensor { x.power(c) }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out) { Math.pow($0, c) } }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try x.power(c - 1).scaled(by: c) * gy
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
}

extension Neg: InfallibleFunction {}

extension String {
    /// `2.` → `2`: NumPy's trailing dot reads oddly in a label.
    func replacingTrailingDot() -> String { hasSuffix(".") ? String(dropLast()) : self }
}

/// `a + b` with broadcasting.
public func add(_ a: Variable, _ b: Variable) throws -> Variable { try Add()(a, b) }
/// `a - b` with broadcasting.
public func sub(_ a: Variable, _ b: Variable) throws -> Variable { try Sub()(a, b) }
/// `a * b` element-wise with broadcasting.
public func mul(_ a: Variable, _ b: Variable) throws -> Variable { try Mul()(a, b) }
/// `a / b` element-wise with broadcasting.
public func div(_ a: Variable, _ b: Variable) throws -> Variable { try Div()(a, b) }
/// `-x`.
public func neg(_ x: Variable) -> Variable { Neg().applied(to: x) }
/// `x ** c` for a constant exponent `c`.
public func pow(_ x: Variable, _ c: Double) throws -> Variable { try Pow(c)(x) }
