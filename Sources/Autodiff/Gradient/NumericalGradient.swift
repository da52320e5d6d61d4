/// The gradient of a scalar function by central differences:
/// `(f(x + h) − f(x − h)) / 2h` for each element of `x`.
///
/// Used by the tests to check every backward, and by lessons (`@check`) to
/// show that backprop agrees with the slow way.
/// - Throws: whatever `f` throws, or when `f` does not return one number.
public func numericalGradient(of f: (Tensor) throws -> Tensor, at x: Tensor, h: Double = 1e-5) throws -> Tensor {
    var grad = Tensor.full(like: x, 0)
    var probe = x
    for i in 0..<x.count {
        let saved = probe.scalars[i]
        probe.scalars[i] = saved + h
        let up = try scalarValue(try f(probe))
        probe.scalars[i] = saved - h
        let down = try scalarValue(try f(probe))
        probe.scalars[i] = saved
        grad.scalars[i] = (up - down) / (2 * h)
    }
    return grad
}

private func scalarValue(_ t: Tensor) throws -> Double {
    // A non-scalar output is summed, as backward seeds it with ones.
    guard t.count > 0 else {
        throw AutodiffError.invalid(op: "numerical_gradient", message: "function returned an empty tensor")
    }
    return t.scalars.reduce(0, +)
}

/// The result of comparing backprop with numerical differentiation for one input.
public struct GradientCheck: Sendable, Equatable {
    /// The gradient from backward.
    public let analytic: Tensor
    /// The gradient from central differences.
    public let numerical: Tensor
    /// The largest |analytic − numerical| / max(1, |numerical|).
    public let maxError: Double
    /// Whether `maxError` is within the tolerance asked for.
    public let passed: Bool
}

/// Builds `f` on fresh variables, backpropagates, and compares each input's
/// gradient with central differences.
/// - Parameters:
///   - inputs: the values at which to check.
///   - tolerance: the largest relative error that passes.
///   - f: the graph to check, built from variables.
/// - Returns: one check per input.
public func gradientCheck(
    _ inputs: [Tensor], tolerance: Double = 1e-6,
    _ f: ([Variable]) throws -> Variable
) throws -> [GradientCheck] {
    let vars = inputs.map { Variable($0) }
    let y = try f(vars)
    try y.backward()
    return try inputs.indices.map { i in
        let numerical = try numericalGradient(
            of: { xi in
                var xs = inputs.map { Variable($0) }
                xs[i] = Variable(xi)
                return try Config.withNoGrad { try f(xs).data }
            }, at: inputs[i])
        let analytic = vars[i].grad?.data ?? Tensor.full(like: inputs[i], 0)
        var worst = 0.0
        for k in 0..<numerical.count {
            let a = k < analytic.count ? analytic.scalars[k] : .nan
            let err = abs(a - numerical.scalars[k]) / Swift.max(1, abs(numerical.scalars[k]))
            worst = err.isNaN ? .infinity : Swift.max(worst, err)
        }
        if analytic.shape != inputs[i].shape { worst = .infinity }
        return GradientCheck(analytic: analytic, numerical: numerical, maxError: worst, passed: worst <= tolerance)
    }
}
