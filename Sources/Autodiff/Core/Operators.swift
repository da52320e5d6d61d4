// Operators on variables, and on variables mixed with numbers or tensors.
// A number becomes a constant leaf, as DeZero's `as_variable` does, except that
// backward keeps no gradient for it: nothing holds that leaf, so DeZero's would
// never be read, and a long chain would keep two per step alive.

extension Variable {
    public static func + (a: Variable, b: Variable) throws -> Variable { try add(a, b) }
    public static func - (a: Variable, b: Variable) throws -> Variable { try sub(a, b) }
    public static func * (a: Variable, b: Variable) throws -> Variable { try mul(a, b) }
    public static func / (a: Variable, b: Variable) throws -> Variable { try div(a, b) }
    public static prefix func - (a: Variable) throws -> Variable { try neg(a) }

    public static func + (a: Variable, b: Double) throws -> Variable { try add(a, Variable(literal: b)) }
    public static func - (a: Variable, b: Double) throws -> Variable { try sub(a, Variable(literal: b)) }
    public static func * (a: Variable, b: Double) throws -> Variable { try mul(a, Variable(literal: b)) }
    public static func / (a: Variable, b: Double) throws -> Variable { try div(a, Variable(literal: b)) }
    public static func + (a: Double, b: Variable) throws -> Variable { try add(Variable(literal: a), b) }
    public static func - (a: Double, b: Variable) throws -> Variable { try sub(Variable(literal: a), b) }
    public static func * (a: Double, b: Variable) throws -> Variable { try mul(Variable(literal: a), b) }
    public static func / (a: Double, b: Variable) throws -> Variable { try div(Variable(literal: a), b) }
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
