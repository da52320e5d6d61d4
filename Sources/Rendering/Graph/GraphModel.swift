/// A computation graph to draw: boxes (variables and functions) joined by arrows.
///
/// The model only says what is connected and what each box says; `GraphLayout`
/// decides where everything goes. Nodes and edges keep their insertion order,
/// which the layout uses to break ties, so the same model always gives the
/// same picture. The order of the edges into a node is the order of its inputs
/// (x0, x1, …) and is kept at the target box.
///
/// ```swift
/// var model = GraphModel()
/// try model.addNode(id: 0, lines: ["x", "2.0"], kind: .variable)
/// try model.addNode(id: 1, lines: ["sin"], kind: .function)
/// try model.addEdge(from: 0, to: 1, label: "()")
/// ```
public struct GraphModel: Equatable, Sendable {
    /// What a box stands for; decides its border (square or rounded).
    public enum NodeKind: Equatable, Sendable {
        /// A value: drawn as a square box.
        case variable
        /// An operation: drawn as a rounded box.
        case function
    }

    /// One box: its id, the lines of text it shows, and its kind.
    public struct Node: Equatable, Sendable {
        public let id: Int
        public var lines: [String]
        public var kind: NodeKind
        /// Room to reserve inside the box (columns, rows), so text that
        /// appears later (a value, a gradient) fits without a new layout.
        public var minContentWidth: Int
        public var minContentHeight: Int

        public init(id: Int, lines: [String], kind: NodeKind, minContentWidth: Int = 0, minContentHeight: Int = 0) {
            self.id = id
            self.lines = lines
            self.kind = kind
            self.minContentWidth = max(0, minContentWidth)
            self.minContentHeight = max(0, minContentHeight)
        }

        /// Columns of text inside the border, measured by display width.
        public var contentWidth: Int {
            var widest = max(1, minContentWidth)
            for line in lines { widest = max(widest, displayWidth(line)) }
            return widest
        }

        /// Rows of text inside the border.
        public var contentHeight: Int { max(1, lines.count, minContentHeight) }

        /// The box size in cells: a border and one space of padding left and right.
        public var boxWidth: Int { contentWidth + 4 }
        public var boxHeight: Int { contentHeight + 2 }
    }

    /// An arrow from one box to another, with an optional short label
    /// (a shape such as "(2, 3)").
    public struct Edge: Equatable, Sendable {
        public let from: Int
        public let to: Int
        public var label: String?

        public init(from: Int, to: Int, label: String? = nil) {
            self.from = from
            self.to = to
            self.label = label
        }
    }

    /// Boxes drawn together: the layout keeps a cluster's nodes next to each other
    /// in every rank and, when it has a label, a frame's width of room around them
    /// that no other box or long edge enters (a layer call drawn open, `M.l0`).
    public struct Cluster: Equatable, Sendable {
        /// Ids of the nodes inside, nested clusters' nodes included.
        public let members: [Int]
        /// The frame's label; nil for a cluster kept together without a frame.
        public let label: String?

        public init(members: [Int], label: String? = nil) {
            self.members = members
            self.label = label
        }
    }

    public private(set) var nodes: [Node] = []
    public private(set) var edges: [Edge] = []
    /// Clusters in insertion order. Each is inside another or apart from it: one that
    /// shares nodes with another without either holding the other is not kept.
    public private(set) var clusters: [Cluster] = []
    /// Node id → position in `nodes`.
    private(set) var indexOfID: [Int: Int] = [:]

    public init() {}

    /// Builds a model from nodes and edges in one go.
    /// - Throws: `GraphError` for a repeated id, an unknown end, a self loop or a cycle.
    public init(nodes: [Node], edges: [Edge]) throws(GraphError) {
        for node in nodes { try add(node) }
        for edge in edges { try addEdge(from: edge.from, to: edge.to, label: edge.label) }
        try checkAcyclic()
    }

    /// Adds a box. Ids need not be dense or sorted; they must be unique.
    /// - Throws: `GraphError.duplicateNode` when the id is taken.
    public mutating func addNode(
        id: Int, lines: [String], kind: NodeKind,
        minContentWidth: Int = 0, minContentHeight: Int = 0
    ) throws(GraphError) {
        try add(
            Node(
                id: id, lines: lines, kind: kind,
                minContentWidth: minContentWidth, minContentHeight: minContentHeight))
    }

    /// Adds a prepared node.
    /// - Throws: `GraphError.duplicateNode` when the id is taken.
    public mutating func add(_ node: Node) throws(GraphError) {
        guard indexOfID[node.id] == nil else { throw .duplicateNode(id: node.id) }
        indexOfID[node.id] = nodes.count
        nodes.append(node)
    }

    /// Adds an arrow; call it in input order for each target (x0 first).
    /// Repeated edges are allowed (`x * x` has two).
    /// - Throws: `GraphError.unknownNode` or `.selfLoop`. Cycles are reported by
    ///   `GraphLayout` (or `init(nodes:edges:)`), since checking each edge would cost a walk.
    public mutating func addEdge(from: Int, to: Int, label: String? = nil) throws(GraphError) {
        guard indexOfID[from] != nil else { throw .unknownNode(id: from) }
        guard indexOfID[to] != nil else { throw .unknownNode(id: to) }
        guard from != to else { throw .selfLoop(id: from) }
        edges.append(Edge(from: from, to: to, label: label))
    }

    /// Keeps `members` together (see `Cluster`); ids not in the model are left out,
    /// so a cluster may name nodes drawn elsewhere (inside a closed box).
    /// - Returns: false when the cluster shares nodes with an earlier one without
    ///   either holding the other (it is then not kept), or has no node in the model.
    @discardableResult
    public mutating func addCluster(members: [Int], label: String? = nil) -> Bool {
        var seen = Set<Int>()
        let ids = members.filter { indexOfID[$0] != nil && seen.insert($0).inserted }
        guard !ids.isEmpty else { return false }
        for other in clusters {
            let theirs = Set(other.members)
            let shared = seen.intersection(theirs).count
            if shared > 0, shared < seen.count, shared < theirs.count { return false }
        }
        clusters.append(Cluster(members: ids, label: label))
        return true
    }

    /// The node with `id`, if any.
    public func node(id: Int) -> Node? {
        indexOfID[id].map { nodes[$0] }
    }

    /// Node indices in a topological order (Kahn's, smallest index first among
    /// the ready ones, so the order depends only on insertion order).
    /// - Throws: `GraphError.cycle` naming the nodes left on a cycle.
    func topologicalOrder() throws(GraphError) -> [Int] {
        let n = nodes.count
        var indegree = [Int](repeating: 0, count: n)
        var successors = [[Int]](repeating: [], count: n)
        for edge in edges {
            guard let a = indexOfID[edge.from], let b = indexOfID[edge.to] else { continue }
            successors[a].append(b)
            indegree[b] += 1
        }
        // Ready nodes leave smallest index first, so the order depends only on insertion order.
        var ready = MinIndexQueue(capacity: n)
        for i in 0..<n where indegree[i] == 0 { ready.push(i) }
        var order: [Int] = []
        order.reserveCapacity(n)
        while let v = ready.pop() {
            order.append(v)
            for w in successors[v] {
                indegree[w] -= 1
                if indegree[w] == 0 { ready.push(w) }
            }
        }
        if order.count < n {
            let stuck = (0..<n).filter { indegree[$0] > 0 }.map { nodes[$0].id }
            throw .cycle(ids: stuck)
        }
        return order
    }

    /// - Throws: `GraphError.cycle` when the edges form a cycle.
    public func checkAcyclic() throws(GraphError) {
        _ = try topologicalOrder()
    }
}

/// A binary min-heap of small integers (node indices).
struct MinIndexQueue {
    private var heap: [Int] = []

    init(capacity: Int) { heap.reserveCapacity(capacity) }

    mutating func push(_ value: Int) {
        heap.append(value)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if heap[parent] <= heap[i] { break }
            heap.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var smallest = i
                if l < heap.count, heap[l] < heap[smallest] { smallest = l }
                if r < heap.count, heap[r] < heap[smallest] { smallest = r }
                if smallest == i { break }
                heap.swapAt(i, smallest)
                i = smallest
            }
        }
        return top
    }
}
