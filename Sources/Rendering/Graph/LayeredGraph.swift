/// The model cut into ranks, with a chain of one-cell dummy nodes standing in
/// for every edge that spans more than one rank (dot's first two passes).
///
/// Indices `0..<realCount` are the model's nodes in insertion order; dummies
/// follow. Every edge becomes a chain of *segments* that each join two
/// neighbouring ranks. Sizes are in the layout's own axes: `along` runs with
/// the arrows, `across` runs along a rank.
struct LayeredGraph {
    let realCount: Int
    var rank: [Int] = []
    /// Cells across the flow (box height left-to-right, width top-to-bottom); 1 for a dummy.
    var across: [Int] = []
    /// Cells along the flow; 0 for a dummy, which is only a line.
    var along: [Int] = []
    /// Insertion-order key used for the first order and to break ties.
    var tieKey: [Int] = []
    /// Connected component (numbered by first node in insertion order). Each
    /// stays a contiguous block of every layer and gets its own band across
    /// the flow, so separate pieces neither tangle nor drift apart.
    var component: [Int] = []
    var componentCount = 0
    /// Segments entering / leaving each node, in edge order.
    var inSegments = SegmentLists()
    var outSegments = SegmentLists()

    // Segments, struct-of-arrays.
    var segmentUpper: [Int] = []
    var segmentLower: [Int] = []
    /// The model edge the segment belongs to.
    var segmentEdge: [Int] = []
    /// Input index at the lower end when it is a real node (x0 = 0), else 0.
    var segmentPort: [Int] = []

    /// Per model edge, its segments from source to target.
    var edgeSegments: [[Int]] = []
    /// Nodes of each rank in their current order.
    var layers: [[Int]] = []
    /// Index of each node inside its layer.
    var position: [Int] = []
    /// One more than the largest input index, so `position * portBase + port` orders ports.
    var portBase = 1
    /// The model's clusters, and each node's innermost one: kept contiguous in every layer.
    var clusters = ClusterTree()

    var count: Int { rank.count }
    func isDummy(_ v: Int) -> Bool { v >= realCount }

    /// Box sizes from the model (width, height), kept to size either orientation.
    private var boxSizes: [(width: Int, height: Int)] = []

    /// Ranks by longest path, then sources pulled forward to their consumers.
    /// Nothing here depends on the orientation except the sizes, which
    /// `orient(vertical:)` sets, so one ordering serves both orientations.
    init(model: GraphModel, vertical: Bool = false) throws(GraphError) {
        let order = try model.topologicalOrder()
        let n = model.nodes.count
        realCount = n
        var from: [Int] = []
        var to: [Int] = []
        from.reserveCapacity(model.edges.count)
        to.reserveCapacity(model.edges.count)
        var successors = [[Int]](repeating: [], count: n)
        var inDegree = [Int](repeating: 0, count: n)
        var outDegree = [Int](repeating: 0, count: n)
        for edge in model.edges {
            let a = model.indexOfID[edge.from] ?? 0
            let b = model.indexOfID[edge.to] ?? 0
            from.append(a)
            to.append(b)
            successors[a].append(b)
            outDegree[a] += 1
            inDegree[b] += 1
        }

        var rank = [Int](repeating: 0, count: n)
        for v in order {
            for w in successors[v] where rank[w] < rank[v] + 1 { rank[w] = rank[v] + 1 }
        }
        // A node that feeds more edges than it receives moves to just before its
        // first consumer: a parameter then sits beside the function using it,
        // and the moved node's outgoing edges get shorter than its incoming ones grow.
        for v in order.reversed() where outDegree[v] > inDegree[v] {
            var nearest = Int.max
            for w in successors[v] { nearest = min(nearest, rank[w]) }
            if nearest != Int.max, nearest - 1 > rank[v] { rank[v] = nearest - 1 }
        }
        let lowest = rank.min() ?? 0
        for v in 0..<n { rank[v] -= lowest }

        var maxInDegree = 0
        for (i, node) in model.nodes.enumerated() {
            self.rank.append(rank[i])
            maxInDegree = max(maxInDegree, inDegree[i])
            boxSizes.append((node.boxWidth, node.boxHeight))
        }
        across = [Int](repeating: 1, count: n)
        along = [Int](repeating: 0, count: n)
        portBase = maxInDegree + 1
        let stride = model.edges.count + 2
        tieKey = (0..<n).map { $0 * stride }
        var ins = [[Int]](repeating: [], count: n)
        var outs = [[Int]](repeating: [], count: n)

        clusters = ClusterTree(model)
        var inputsSoFar = [Int](repeating: 0, count: n)
        edgeSegments.reserveCapacity(model.edges.count)
        for e in 0..<from.count {
            let a = from[e]
            let b = to[e]
            var chain: [Int] = []
            var previous = a
            if rank[b] - rank[a] > 1 {
                for r in (rank[a] + 1)..<rank[b] {
                    let d = self.rank.count
                    self.rank.append(r)
                    across.append(1)
                    along.append(0)
                    tieKey.append(a * stride + 1 + e)
                    if !clusters.isEmpty { clusters.of.append(clusters.common(clusters.of[a], clusters.of[b])) }
                    ins.append([])
                    outs.append([])
                    chain.append(addSegment(previous, d, edge: e, port: 0, &ins, &outs))
                    previous = d
                }
            }
            chain.append(addSegment(previous, b, edge: e, port: inputsSoFar[b], &ins, &outs))
            inputsSoFar[b] += 1
            edgeSegments.append(chain)
        }

        inSegments = SegmentLists(ins)
        outSegments = SegmentLists(outs)
        orient(vertical: vertical)
        findComponents()
        let rankCount = (self.rank.max() ?? -1) + 1
        layers = [[Int]](repeating: [], count: rankCount)
        for v in 0..<self.rank.count { layers[self.rank[v]].append(v) }
        for r in 0..<rankCount {
            layers[r].sort { (component[$0], tieKey[$0]) < (component[$1], tieKey[$1]) }
            if !clusters.isEmpty { layers[r] = clustered(layers[r]) }
        }
        position = [Int](repeating: 0, count: self.rank.count)
        refreshPositions()
    }

    /// Sizes the boxes for arrows running down (`vertical`) or right. A box
    /// grows across the flow until every input has its own port.
    mutating func orient(vertical: Bool) {
        clusters.orient(vertical: vertical)
        for v in 0..<realCount {
            let ports = inSegments.count(v)
            let size = boxSizes[v]
            if vertical {
                // Arrows enter from above with a column between them.
                across[v] = max(size.width, 2 * ports + 1)
                along[v] = size.height
            } else {
                across[v] = max(size.height, ports + 2)
                along[v] = size.width
            }
        }
    }

    /// Union–find over the segments, then components numbered in insertion order.
    private mutating func findComponents() {
        var parent = Array(0..<rank.count)
        func root(_ v: Int) -> Int {
            var r = v
            while parent[r] != r { r = parent[r] }
            var v = v
            while parent[v] != r {
                let next = parent[v]
                parent[v] = r
                v = next
            }
            return r
        }
        for s in 0..<segmentUpper.count {
            let a = root(segmentUpper[s])
            let b = root(segmentLower[s])
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var number = [Int](repeating: -1, count: rank.count)
        component = [Int](repeating: 0, count: rank.count)
        componentCount = 0
        // Real nodes come first, so numbering follows insertion order.
        for v in 0..<rank.count {
            let r = root(v)
            if number[r] < 0 {
                number[r] = componentCount
                componentCount += 1
            }
            component[v] = number[r]
        }
    }

    private mutating func addSegment(
        _ upper: Int, _ lower: Int, edge: Int, port: Int,
        _ ins: inout [[Int]], _ outs: inout [[Int]]
    ) -> Int {
        let s = segmentUpper.count
        segmentUpper.append(upper)
        segmentLower.append(lower)
        segmentEdge.append(edge)
        segmentPort.append(port)
        outs[upper].append(s)
        ins[lower].append(s)
        return s
    }

    mutating func refreshPositions() {
        for layer in layers {
            for (i, v) in layer.enumerated() { position[v] = i }
        }
    }

    /// Where a segment lands on its lower layer, ports included, as one sortable number.
    @inline(__always)
    func lowerKey(_ s: Int) -> Int {
        position[segmentLower[s]] * portBase + segmentPort[s]
    }
}

/// Per-node lists of segment indices in one flat array (compressed rows), so
/// the hot loops of ordering and placement touch no per-node arrays.
struct SegmentLists {
    private(set) var start: [Int] = [0]
    private(set) var items: [Int] = []

    init() {}

    init(_ lists: [[Int]]) {
        start.reserveCapacity(lists.count + 1)
        for list in lists {
            items.append(contentsOf: list)
            start.append(items.count)
        }
    }

    @inline(__always)
    func range(_ v: Int) -> Range<Int> { start[v]..<start[v + 1] }

    @inline(__always)
    func count(_ v: Int) -> Int { start[v + 1] - start[v] }

    @inline(__always)
    func isEmpty(_ v: Int) -> Bool { start[v + 1] == start[v] }

    /// The segments of node `v`, as a fresh array (for code off the hot paths).
    func list(_ v: Int) -> [Int] { Array(items[range(v)]) }
}
