// MARK: - Arithmetic: add, sub, mul, div, neg, pow
// Binary functions broadcast their inputs; their backward sums each gradient
// back to its input's shape with sumTo.

final class Add: Function {
    override var label: String { "+" }
    override var derivativeTexts: [String] { ["∂y/∂a = 1", "∂y/∂b = 1"] }
    override func forward(_ xs: [Tensor]) throws -> Tensor { try xs[0].zipWith(xs[1], op: "add", +) }
    override func backward(_ gy: Variable) throws -> [Variable] {
        [try sumTo(gy, x(0).shape), try sumTo(gy, x(1).shape)]
    }
    override func localGradients() -> [Tensor]? { [.full(like: x(0), 1), .full(like: x(1), 1)] }
}

final class Sub: Function {
    override var label: String { "−" }
    override var derivativeTexts: [String] { ["∂y/∂a = 1", "∂y/∂b = −1"] }
    override func forward(_ xs: [Tensor]) throws -> Tensor { try xs[0].zipWith(xs[1], op: "sub", -) }
    override func backward(_ gy: Variable) throws -> [Variable] {
        [try sumTo(gy, x(0).shape), try sumTo(try neg(gy), x(1).shape)]
    }
    override func localGradients() -> [Tensor]? { [.full(like: x(0), 1), .full(like: x(1), -1)] }
}

final class Mul: Function {
    override var label: String { "×" }
    override var derivativeTexts: [String] { ["∂y/∂a = b", "∂y/∂b = a"] }
    override func forward(_ xs: [Tensor]) throws -> Tensor { try xs[0].zipWith(xs[1], op: "mul", *) }
    override func backward(_ gy: Variable) throws -> [Variable] {
        let (a, b) = (inputs[0], inputs[1])
        return [try sumTo(try gy * b, a.shape), try sumTo(try gy * a, b.shape)]
    }
    override func localGradients() -> [Tensor]? { [x(1), x(0)] }
}

final class Div: Function {
    override var label: String { "÷" }
    override var derivativeTexts: [String] { ["∂y/∂a = 1/b", "∂y/∂b = −a/b²"] }
    override func forward(_ xs: [Tensor]) throws -> Tensor { try xs[0].zipWith(xs[1], op: "div", /) }
    override func backward(_ gy: Variable) throws -> [Variable] {
        let (a, b) = (inputs[0], inputs[1])
        let ga = try gy / b
        let gb = try gy * (try neg(a) / (try b * b))
        return [try sumTo(ga, a.shape), try sumTo(gb, b.shape)]
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
    override func forward(_ xs: [Tensor]) throws -> Tensor { -xs[0] }
    override func backward(_ gy: Variable) throws -> [Variable] { [try neg(gy)] }
    override func localGradients() -> [Tensor]? { [.full(like: x(0), -1)] }
}

final class Pow: Function {
    let c: Double
    init(_ c: Double) { self.c = c }
    override var label: String { "**" + Tensor.format(c).replacingTrailingDot() }
    override var derivativeTexts: [String] {
        let c = Tensor.format(self.c).replacingTrailingDot()
        return ["∂y/∂x = \(c)·x^\(Tensor.format(self.c - 1).replacingTrailingDot())"]
    }
    override func forward(_ xs: [Tensor]) throws -> Tensor { let c = c; return xs[0].map { Math.pow($0, c) } }
    override func backward(_ gy: Variable) throws -> [Variable] {
        [try (try pow(inputs[0], c - 1) * c) * gy]
    }
    override func localGradients() -> [Tensor]? { let c = c; return [x(0).map { c * Math.pow($0, c - 1) }] }
}

extension String {
    /// `2.` → `2`: NumPy's trailing dot reads oddly in a label.
    func replacingTrailingDot() -> String { hasSuffix(".") ? String(dropLast()) : self }
}

/// `a + b` with broadcasting.
public func add(_ a: Variable, _ b: Variable) throws -> Variable { try Add().apply([a, b]) }
/// `a - b` with broadcasting.
public func sub(_ a: Variable, _ b: Variable) throws -> Variable { try Sub().apply([a, b]) }
/// `a * b` element-wise with broadcasting.
public func mul(_ a: Variable, _ b: Variable) throws -> Variable { try Mul().apply([a, b]) }
/// `a / b` element-wise with broadcasting.
public func div(_ a: Variable, _ b: Variable) throws -> Variable { try Div().apply([a, b]) }
/// `-x`.
public func neg(_ x: Variable) throws -> Variable { try Neg().apply([x]) }
/// `x ** c` for a constant exponent `c`.
public func pow(_ x: Variable, _ c: Double) throws -> Variable { try Pow(c).apply([x]) }
