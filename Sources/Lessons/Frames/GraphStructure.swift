import Autodiff

/// What a node of a computation graph is.
public enum NodeKind: String, Equatable, Hashable, Sendable, CaseIterable {
    /// A leaf assigned from constants (`x = 2.0`): receives a gradient.
    case input
    /// A `data` constant: no gradient.
    case data
    /// A `param` leaf that training updates.
    case param
    /// The output of a function (named when a statement assigns it).
    case intermediate
    /// A literal used inside an expression, like the 2 in `2 * x`.
    case constant
    /// A function (operation) node.
    case function

    /// Whether the node is a variable (holds a value) rather than a function.
    public var isVariable: Bool { self != .function }
}

/// One node of a graph as the screens draw it: a variable or a function.
///
/// Variables and functions alternate along every edge: a function's inputs and
/// its output are variables; a variable's creator is a function.
public struct GraphNode: Equatable, Hashable, Sendable, Identifiable {
    /// The node's index in ``GraphStructure/nodes``.
    public let id: Int
    public let kind: NodeKind
    /// The assigned name (`q`), if any.
    public let name: String?
    /// What to write in the box: the name, the literal (`2`), or the function's
    /// label (`+`, `×`, `σ`, `matmul`); empty for an unnamed intermediate.
    public let label: String
    /// The variable's shape, or the function's output shape.
    public let shape: [Int]
    /// For a function: its input variables, in order (one may repeat: `x * x`).
    public let inputs: [Int]
    /// For a function: its output variable.
    public let output: Int?
    /// For a function output: the function that made it.
    public let creator: Int?
    /// The line of the statement that made the node.
    public let line: Int
    /// For a function: the local derivative of the output for each input, as text.
    public let derivativeTexts: [String]
    /// For a function: what operation it is (how formulas write it); nil for a variable.
    public let operation: FunctionKind?
    /// For a function: its constant options as the lesson wrote them (`axis=0`).
    public let options: [String]
    /// For a function: the names its derivative texts give its inputs (`x`, `W`).
    public let inputNames: [String]
}

/// The static shape of one graph program: every node and how they connect.
///
/// Node ids are indices into ``nodes``; nodes come in evaluation order, so a
/// function always comes after its inputs.
public struct GraphStructure: Equatable, Sendable {
    public let nodes: [GraphNode]
    /// The variable that backward starts from in `eval` (see ``output``).
    public let outputNode: Int?
    /// The name of the output: `@output`, else `@train`'s loss, else the first
    /// `@backward` target, else the last assigned name.
    public let output: String?
    /// Every assigned name with its node, in statement order (aliases included).
    public let names: [NamedNode]
    /// The step the program appears in, or nil for a `.graph` file.
    public let stepTitle: String?
    /// The line of the block's first line of code.
    public let line: Int
    /// The layer and model calls, each call before its layers (see ``NodeGroup``).
    public var groups: [NodeGroup] = []

    /// The functions, in evaluation order.
    public var functions: [GraphNode] { nodes.filter { $0.kind == .function } }

    /// Edges as (from, to) node ids: input variable → function → output variable.
    public var edges: [(from: Int, to: Int)] {
        var result: [(Int, Int)] = []
        for node in nodes where node.kind == .function {
            for input in node.inputs { result.append((input, node.id)) }
            if let out = node.output { result.append((node.id, out)) }
        }
        return result
    }

    /// The node a name refers to.
    public func node(named name: String) -> GraphNode? {
        guard let entry = names.first(where: { $0.name == name }), entry.node < nodes.count else { return nil }
        return nodes[entry.node]
    }
}

/// A name assigned in a graph program and the node it refers to.
public struct NamedNode: Equatable, Hashable, Sendable {
    public let name: String
    public let node: Int
    /// The kind as the JSON of `eval` reports it: input, data, param or intermediate.
    public let kind: NodeKind
    public let line: Int
}
