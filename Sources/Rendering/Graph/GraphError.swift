/// Why a graph cannot be laid out.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two nodes were given the same id.
    case duplicateNode(id: Int)
    /// An edge or a lookup names a node that is not in the model.
    case unknownNode(id: Int)
    /// An edge from a node to itself.
    case selfLoop(id: Int)
    /// The edges form a cycle through (or downstream of) these nodes.
    case cycle(ids: [Int])

    public var description: String {
        switch self {
        case .duplicateNode(let id): return "graph: node id \(id) is used twice"
        case .unknownNode(let id): return "graph: no node with id \(id)"
        case .selfLoop(let id): return "graph: node \(id) has an edge to itself"
        case .cycle(let ids):
            let shown = ids.prefix(8).map(String.init).joined(separator: ", ")
            return "graph: the edges form a cycle (nodes \(shown)\(ids.count > 8 ? ", …" : ""))"
        }
    }
}
