/// What an operation is, for code that writes it in a formula or draws it:
/// arithmetic written between or around its operands, another element-wise
/// function, or anything else (written as a call). The screens branch on this,
/// never on a function's display label.
public enum FunctionKind: Hashable, Sendable {
    /// `a + b`, `a − b`, `a × b`, `a ÷ b`: element-wise with broadcasting.
    case add, subtract, multiply, divide
    /// `−x`.
    case negate
    /// `x²`.
    case square
    /// `x**c` for a constant `c`.
    case power(Double)
    /// Any other element-wise function: `exp`, `σ`, `relu`, a number folded into `+` or `×`.
    case elementwise
    /// A function that moves, mixes or reduces elements: `matmul`, `sum`, `reshape`, a loss.
    case other

    /// Whether each output element depends only on the inputs' elements at its
    /// place, so the derivative is a tensor of local slopes.
    public var isElementwise: Bool { self != .other }

    /// Whether this is a two-input arithmetic operation, which broadcasts its inputs.
    public var isBroadcastingArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide: true
        default: false
        }
    }
}
