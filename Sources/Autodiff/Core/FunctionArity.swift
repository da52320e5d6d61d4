/// A function of one input, written as DeZero writes one: `forward(x)` and
/// `backward(gy, x, y)`, called as `f(x)`.
open class UnaryFunction: Function {
    /// The output from the input's value.
    open func forward(_ x: Tensor) throws -> Tensor {
        throw AutodiffError.invalid(op: label, message: "forward is not implemented")
    }

    /// The input's gradient from the output's gradient `gy`, given the input
    /// `x` and the output `y` as values of the same kind as `gy`.
    open func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        throw AutodiffError.invalid(op: label, message: "backward is not implemented")
    }

    /// Applies the function to `x`, recording it in the graph when backprop is enabled.
    public final func callAsFunction(_ x: Variable) throws -> Variable { try apply(InputSlots(x)) }

    override public final func forward(_ xs: ForwardInputs) throws -> Tensor {
        guard xs.count == 1 else { throw arityError(xs.count, expected: 1) }
        return try forward(xs[0])
    }

    override public final func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        guard xs.count == 1 else { throw arityError(xs.count, expected: 1) }
        return [try backward(gy, xs[0], y)]
    }

    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        .one(try backward(gy, x(0), y.data))
    }
}

/// A function of two inputs: `forward(a, b)` and `backward(gy, a, b, y)`
/// returning both gradients, called as `f(a, b)`.
open class BinaryFunction: Function {
    /// The output from the inputs' values.
    open func forward(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        throw AutodiffError.invalid(op: label, message: "forward is not implemented")
    }

    /// Both inputs' gradients from the output's gradient `gy`, given the inputs
    /// and the output `y` as values of the same kind as `gy`.
    open func backward<V: GradientValue>(_ gy: V, _ a: V, _ b: V, _ y: V) throws -> (V, V) {
        throw AutodiffError.invalid(op: label, message: "backward is not implemented")
    }

    /// Applies the function to `a` and `b`, recording it in the graph when backprop is enabled.
    public final func callAsFunction(_ a: Variable, _ b: Variable) throws -> Variable { try apply(InputSlots(a, b)) }

    override public final func forward(_ xs: ForwardInputs) throws -> Tensor {
        guard xs.count == 2 else { throw arityError(xs.count, expected: 2) }
        return try forward(xs[0], xs[1])
    }

    override public final func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        guard xs.count == 2 else { throw arityError(xs.count, expected: 2) }
        let (ga, gb) = try backward(gy, xs[0], xs[1], y)
        return [ga, gb]
    }

    override func plainBackward(_ gy: consuming Tensor, _ y: Variable) throws -> PlainGradients {
        let (ga, gb) = try backward(gy, x(0), x(1), y.data)
        return .two(ga, gb)
    }
}

/// A one-input function whose forward cannot fail (`x + 1`, `−x`): the
/// operators record it without `try`.
protocol InfallibleFunction: UnaryFunction {
    /// The forward's value; `forward(_:)` returns it.
    func value(_ x: Tensor) -> Tensor
}

extension InfallibleFunction {
    @inline(__always)
    func applied(to x: Variable) -> Variable { record(value(x.data), from: InputSlots(x)) }
}
