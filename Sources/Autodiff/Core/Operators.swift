// Operators on variables, and on variables mixed with numbers or tensors.
// A number is kept inside the function it is written into (`y * 1.0001` is one
// node, as in PyTorch), where DeZero would wrap it in a constant variable whose
// gradient no one can read; the values and the other gradients are the same.

extension Variable {
    public static func + (a: Variable, b: Variable) throws -> Variable { try add(a, b) }
    public static func - (a: Variable, b: Variable) throws -> Variable { try sub(a, b) }
    public static func * (a: Variable, b: Variable) throws -> Variable { try mul(a, b) }
    public static func / (a: Variable, b: Variable) throws -> Variable { try div(a, b) }
    public static prefix func - (a: Variable) throws -> Variable { try neg(a) }

    public static func + (a: Variable, b: Double) throws -> Variable { try AddConstant(b).apply(a) }
    public static func - (a: Variable, b: Double) throws -> Variable {
        try SubConstant(b, constantFirst: false).apply(a)
    }
    public static func * (a: Variable, b: Double) throws -> Variable { try MulConstant(b).apply(a) }
    public static func / (a: Variable, b: Double) throws -> Variable {
        try DivConstant(b, constantFirst: false).apply(a)
    }
    public static func + (a: Double, b: Variable) throws -> Variable { try AddConstant(a).apply(b) }
    public static func - (a: Double, b: Variable) throws -> Variable {
        try SubConstant(a, constantFirst: true).apply(b)
    }
    public static func * (a: Double, b: Variable) throws -> Variable { try MulConstant(a).apply(b) }
    public static func / (a: Double, b: Variable) throws -> Variable {
        try DivConstant(a, constantFirst: true).apply(b)
    }
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
