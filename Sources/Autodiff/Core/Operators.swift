// Operators on variables, and on variables mixed with numbers or tensors.
// A number is kept inside the function it is written into (`y * 1.0001` is one
// node, as in PyTorch), where DeZero would wrap it in a constant variable whose
// gradient no one can read; the values and the other gradients are the same.
// Those cannot fail, so they do not throw.

extension Variable {
    public static func + (a: Variable, b: Variable) throws -> Variable { try add(a, b) }
    public static func - (a: Variable, b: Variable) throws -> Variable { try sub(a, b) }
    public static func * (a: Variable, b: Variable) throws -> Variable { try mul(a, b) }
    public static func / (a: Variable, b: Variable) throws -> Variable { try div(a, b) }
    public static prefix func - (a: Variable) -> Variable { neg(a) }

    public static func + (a: Variable, b: Double) -> Variable { AddConstant(b).applied(to: a) }
    public static func - (a: Variable, b: Double) -> Variable { SubConstant(b, constantFirst: false).applied(to: a) }
    public static func * (a: Variable, b: Double) -> Variable { MulConstant(b).applied(to: a) }
    public static func / (a: Variable, b: Double) -> Variable { DivConstant(b, constantFirst: false).applied(to: a) }
    public static func + (a: Double, b: Variable) -> Variable { AddConstant(a).applied(to: b) }
    public static func - (a: Double, b: Variable) -> Variable { SubConstant(a, constantFirst: true).applied(to: b) }
    public static func * (a: Double, b: Variable) -> Variable { MulConstant(a).applied(to: b) }
    public static func / (a: Double, b: Variable) -> Variable { DivConstant(a, constantFirst: true).applied(to: b) }
}

extension Variable {
    /// `x.reshape(shape)`.
    public func reshape(_ shape: [Int]) throws -> Variable { try Autodiff.reshape(self, shape) }
    /// `x.transpose(axes)`.
    public func transpose(axes: [Int]? = nil) throws -> Variable { try Autodiff.transpose(self, axes: axes) }
    /// `x.sum(axis, keepdims)`.
    public func sum(axes: [Int]? = nil, keepdims: Bool = false) throws -> Variable {
        try Autodiff.sum(self, axes: axes, keepdims: keepdims)
    }
}
