/// A layer or model call (`M(x)`, `L(x)`) as one group of a graph: every node the
/// call made or used (its parameters, its functions, their outputs), which the
/// screens draw as one box when the group is closed and in a frame when open.
///
/// A model's call is a group (`M`) whose parts are its layers (`M.l0`, `M.l1`);
/// the activation between two layers belongs to the model alone.
public struct NodeGroup: Equatable, Hashable, Sendable {
    /// The call's name: `M`, `M.l0`, `L`.
    public let name: String
    /// The model a layer belongs to (`M` for `M.l0`); nil for the call itself.
    public let parent: String?
    /// Every node of the group, in evaluation order, its parameters and output included.
    public let members: [Int]
    /// The parameter leaves, in the order the layers use them (`M.l0.W`, `M.l0.b`, …).
    public let parameters: [Int]
    /// The variable the call returns.
    public let output: Int
    /// Whether the call is a model's (`model M = MLP(…)`) rather than a layer's.
    public let isModel: Bool

    public init(name: String, parent: String?, members: [Int], parameters: [Int], output: Int, isModel: Bool) {
        self.name = name
        self.parent = parent
        self.members = members
        self.parameters = parameters
        self.output = output
        self.isModel = isModel
    }
}
