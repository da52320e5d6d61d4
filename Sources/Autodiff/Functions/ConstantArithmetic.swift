// MARK: - Arithmetic with a number written into an expression
// `y * 1.0001` keeps 1.0001 inside the function instead of wrapping it in a
// variable, as PyTorch does: a chain of such steps costs one node per operation.
// The values and gradients are DeZero's; only the constant's own gradient, which
// nothing could read, is not computed. Each formula is the two-input function's
// with the constant in place of one input, so the results are the same bits.

/// `x + c`, or `c + x` (addition is exact either way round).
final class AddConstant: UnaryFunction {
    let c: Double
    init(_ c: Double) { self.c = c }
    override var kind: FunctionKind { .elementwise }
    override func forward(_ x: Tensor) -> Tensor { value(x) }
    override var label: String { "+" }
    override var derivativeTexts: [String] { ["∂y/∂x = 1"] }
    func value(_ x: Tensor) -> Tensor { x.map { $0 + c } }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out) { $0 + c } }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        Tensor.map(gy, into: &gxs[0]) { $0 }
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { gy }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
}

/// `x − c`, or `c − x` when `constantFirst`.
final class SubConstant: UnaryFunction {
    // The flag first: it fits in the padding before `c`.
    let constantFirst: Bool
    let c: Double
    init(_ c: Double, constantFirst: Bool) { (self.c, self.constantFirst) = (c, constantFirst) }
    override var kind: FunctionKind { .elementwise }
    override func forward(_ x: Tensor) -> Tensor { value(x) }
    override var label: String { "−" }
    override var derivativeTexts: [String] { [constantFirst ? "∂y/∂x = −1" : "∂y/∂x = 1"] }
    func value(_ x: Tensor) -> Tensor { constantFirst ? x.map { c - $0 } : x.map { $0 - c } }
    override func forward(into out: inout Tensor) throws {
        if constantFirst { Tensor.map(x(0), into: &out) { c - $0 } } else { Tensor.map(x(0), into: &out) { $0 - c } }
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        constantFirst ? try gy.negated() : gy
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
}

/// `x × c`, or `c × x` (multiplication is exact either way round).
final class MulConstant: UnaryFunction {
    let c: Double
    init(_ c: Double) { self.c = c }
    override var kind: FunctionKind { .elementwise }
    override func forward(_ x: Tensor) -> Tensor { value(x) }
    override var label: String { "×" }
    override var derivativeTexts: [String] { ["∂y/∂x = \(Tensor.format(c).replacingTrailingDot())"] }
    func value(_ x: Tensor) -> Tensor { x.map { $0 * c } }
    override func forward(into out: inout Tensor) throws { Tensor.map(x(0), into: &out) { $0 * c } }
    override func plainBackward(_ gy: Tensor, _ y: Variable, into gxs: UnsafeMutableBufferPointer<Tensor>) throws {
        Tensor.map(gy, into: &gxs[0]) { $0 * c }
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V { try gy.scaled(by: c) }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
}

/// `x ÷ c`, or `c ÷ x` when `constantFirst`.
final class DivConstant: UnaryFunction {
    // The flag first: it fits in the padding before `c`.
    let constantFirst: Bool
    let c: Double
    init(_ c: Double, constantFirst: Bool) { (self.c, self.constantFirst) = (c, constantFirst) }
    override var kind: FunctionKind { .elementwise }
    override func forward(_ x: Tensor) -> Tensor { value(x) }
    override var label: String { "÷" }
    override var derivativeTexts: [String] {
        let c = Tensor.format(self.c).replacingTrailingDot()
        return [constantFirst ? "∂y/∂x = −\(c)/x²" : "∂y/∂x = 1/\(c)"]
    }
    func value(_ x: Tensor) -> Tensor { constantFirst ? x.map { c / $0 } : x.map { $0 / c } }
    override func forward(into out: inout Tensor) throws {
        if constantFirst { Tensor.map(x(0), into: &out) { c / $0 } } else { Tensor.map(x(0), into: &out) { $0 / c } }
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        constantFirst ? try gy * (try V(constant: Tensor(-c)) / (try x * x)) : try gy / V(constant: Tensor(c))
    }
    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
}

extension AddConstant: InfallibleFunction {}
extension SubConstant: InfallibleFunction {}
extension MulConstant: InfallibleFunction {}
extension DivConstant: InfallibleFunction {}
