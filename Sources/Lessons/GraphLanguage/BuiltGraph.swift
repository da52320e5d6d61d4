import Autodiff

/// A graph program after interpretation: its nodes, the engine variables that
/// hold their values, and the tape of functions that training replays.
final class BuiltGraph {
    /// One node while the graph is being built (``GraphNode`` is the public copy).
    struct Record {
        var kind: NodeKind
        var name: String?
        var label: String
        var shape: [Int]
        var inputs: [Int] = []
        var output: Int?
        var creator: Int?
        var line: Int
        var derivativeTexts: [String] = []
        var operation: FunctionKind? = nil
        var options: [String] = []
        var inputNames: [String] = []
    }

    /// One function application, in evaluation order.
    struct TapeEntry {
        var operation: Operation
        var inputs: [Int]
        var output: Int
        var function: Int
    }

    var records: [Record] = []
    /// The engine variable of each variable node from the first evaluation (nil for functions).
    var variables: [Variable?] = []
    var tape: [TapeEntry] = []
    var names: [NamedNode] = []
    /// Work (element operations) of one forward and backward, for the training budget.
    var work = 0
    /// Whether every statement was interpreted without error.
    var isComplete = true
    /// The first epoch's order for mini-batch training, drawn (as step 48 draws
    /// it) just before the first layer drew its weights; nil when none did.
    var firstEpochOrder: [Int]?
    /// The layer and model calls made so far.
    var groups: [NodeGroup] = []

    /// Leaves that receive gradients: inputs and params, in node order.
    var gradientLeaves: [Int] {
        records.indices.filter { records[$0].kind == .input || records[$0].kind == .param }
    }

    var parameters: [Int] { records.indices.filter { records[$0].kind == .param } }

    func node(named name: String) -> Int? { names.first(where: { $0.name == name })?.node }

    /// Re-applies every function to the current leaves, building fresh function
    /// nodes, as a DeZero training loop rebuilds its graph each iteration.
    /// - Parameter replacing: leaves to use instead of the built ones (for numerical checks).
    /// - Returns: the variable of every node (nil for functions).
    func replay(replacing: [Int: Variable] = [:]) throws -> [Variable?] {
        var current = variables
        for (id, v) in replacing where id < current.count { current[id] = v }
        for entry in tape {
            var inputs: [Variable] = []
            inputs.reserveCapacity(entry.inputs.count)
            for id in entry.inputs {
                guard let v = current[id] else {
                    throw AutodiffError.invalid(op: entry.operation.name, message: "input node \(id) has no value")
                }
                inputs.append(v)
            }
            current[entry.output] = try entry.operation.apply(inputs)
        }
        return current
    }

    /// The public structure, once the lesson has decided the output.
    func structure(output: String?, stepTitle: String?, line: Int) -> GraphStructure {
        let nodes = records.enumerated().map { id, r in
            GraphNode(
                id: id, kind: r.kind, name: r.name, label: r.label, shape: r.shape, inputs: r.inputs,
                output: r.output, creator: r.creator, line: r.line, derivativeTexts: r.derivativeTexts,
                operation: r.operation, options: r.options, inputNames: r.inputNames)
        }
        var structure = GraphStructure(
            nodes: nodes, outputNode: output.flatMap { node(named: $0) }, output: output,
            names: names, stepTitle: stepTitle, line: line)
        structure.groups = groups
        return structure
    }
}
