import Lessons

/// A name for every node of a graph, for boxes and equations: the assigned
/// name, the literal, or for an unnamed intermediate the expression that made
/// it (`x + y`, `matmul(x, W)`), or `t1`, `t2`… when that is too long.
struct NodeNames {
    private(set) var names: [String] = []

    /// No names (no graph).
    init() {}

    init(_ graph: GraphStructure) {
        names = graph.nodes.map(\.label)
        let taken = Set(graph.names.map(\.name))
        var generated = 0
        for node in graph.nodes where node.kind.isVariable && node.label.isEmpty {
            var name = expression(for: node, in: graph)
            if name.isEmpty || name.count > 18 {
                repeat {
                    generated += 1
                    name = "t\(generated)"
                } while taken.contains(name)
            }
            names[node.id] = name
        }
    }

    subscript(_ id: Int) -> String { names.indices.contains(id) ? names[id] : "?" }

    private func expression(for node: GraphNode, in graph: GraphStructure) -> String {
        guard let creator = node.creator, graph.nodes.indices.contains(creator) else { return "" }
        let function = graph.nodes[creator]
        return Formula.apply(function, function.inputs.map { self[$0] })
    }
}
