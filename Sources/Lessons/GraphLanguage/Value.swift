import Autodiff

/// What an expression evaluates to while a program is interpreted.
enum Value {
    /// A tensor that is not (yet) in the graph: literals, constructors, `data`.
    /// `data` is the node of a `data` name used as it is.
    case constant(Tensor, label: String, data: Int?)
    /// A variable node of the graph.
    case node(Int)
    /// `(2, 3)`: only a shape or axes.
    case tuple([Double], SourceLocation)
    case flag(Bool)
    case none
}

/// How names evaluate.
struct Context {
    /// Evaluate variables as their values, building no nodes (`data`, `param`, @ask answers).
    var eager = false
    /// The current value of a node, when it differs from the one built (after training).
    var value: ((Int) -> Tensor?)? = nil
    /// The gradient of a node, where `.grad` is allowed (@ask answers).
    var grad: ((Int) -> Tensor?)? = nil
    /// What to call `.grad` when it is not allowed.
    var allowsGrad: Bool { grad != nil }
}
