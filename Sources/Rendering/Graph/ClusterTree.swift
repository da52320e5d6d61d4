/// The model's clusters as a tree, and the innermost cluster of every node of a
/// `LayeredGraph` (dummies included: a long edge between two nodes of a cluster
/// runs inside it, one from outside belongs to the clusters both ends share).
///
/// Clusters are numbered as the model lists them; -1 stands for "outside every cluster".
struct ClusterTree {
    /// The cluster each one is directly inside, or -1.
    private(set) var parent: [Int] = []
    /// Whether each cluster gets a frame (it has a label), so the layout keeps room for it.
    private(set) var framed: [Bool] = []
    /// Framed clusters from the outermost down to each one, itself included.
    private(set) var framedDepth: [Int] = []
    /// The innermost cluster of every node of the layered graph.
    var of: [Int] = []
    /// Clusters inside others before those around them.
    private(set) var deepestFirst: [Int] = []
    /// Cells across the flow each cluster takes at least: with arrows running down, a
    /// frame's label lies across the flow, so the frame is kept wide enough for it and
    /// a cell or two to step around an arrow.
    private(set) var minAcross: [Int] = []
    private var labelWidth: [Int] = []

    var isEmpty: Bool { parent.isEmpty }
    var count: Int { parent.count }
    /// True when some cluster has a frame (only those need room kept across ranks).
    private(set) var hasFrames = false

    init() {}

    /// The tree of `model`'s clusters and the innermost cluster of each of its nodes, by index.
    init(_ model: GraphModel) {
        let sets = model.clusters.map { Set($0.members) }
        // The parent is the smallest cluster holding all of this one; of two with the
        // same nodes, the one added first is outside.
        func holds(_ d: Int, _ c: Int) -> Bool {
            d != c && sets[d].count >= sets[c].count && sets[c].isSubset(of: sets[d])
                && (sets[d].count > sets[c].count || d < c)
        }
        for c in sets.indices {
            var best = -1
            for d in sets.indices where holds(d, c) {
                if best < 0 || sets[d].count < sets[best].count || (sets[d].count == sets[best].count && d > best) {
                    best = d
                }
            }
            parent.append(best)
        }
        framed = model.clusters.map { $0.label != nil }
        labelWidth = model.clusters.map { $0.label.map { displayWidth($0) } ?? 0 }
        minAcross = [Int](repeating: 0, count: sets.count)
        hasFrames = framed.contains(true)
        framedDepth = [Int](repeating: 0, count: sets.count)
        for c in sets.indices { framedDepth[c] = chain(c).filter { framed[$0] }.count }
        deepestFirst = sets.indices.sorted { (chain($0).count, $0) > (chain($1).count, $1) }
        of = [Int](repeating: -1, count: model.nodes.count)
        for (c, cluster) in model.clusters.enumerated() {
            for id in cluster.members {
                guard let v = model.indexOfID[id] else { continue }
                // The smallest cluster holding the node; of equal ones, the inner (added later).
                let current = of[v]
                if current < 0 || sets[c].count < sets[current].count
                    || (sets[c].count == sets[current].count && c > current)
                {
                    of[v] = c
                }
            }
        }
    }

    /// Sets `minAcross` for arrows running down (`vertical`) or right: the label with a
    /// space each side, and two cells more.
    mutating func orient(vertical: Bool) {
        for c in minAcross.indices { minAcross[c] = vertical && framed[c] ? labelWidth[c] + 4 : 0 }
    }

    /// The clusters from the outermost down to `c`, `c` included (empty for -1).
    func chain(_ c: Int) -> [Int] {
        var result: [Int] = []
        var k = c
        while k >= 0 {
            result.append(k)
            k = parent[k]
        }
        return result.reversed()
    }

    /// True when cluster `c` is `inner` or holds it.
    func contains(_ c: Int, _ inner: Int) -> Bool {
        var k = inner
        while k >= 0 {
            if k == c { return true }
            k = parent[k]
        }
        return false
    }

    /// The innermost cluster holding both `a` and `b` (-1 when none does).
    func common(_ a: Int, _ b: Int) -> Int {
        var k = a
        while k >= 0 {
            if contains(k, b) { return k }
            k = parent[k]
        }
        return -1
    }

    /// The cluster directly inside `outer` on the way to `inner`, or -1 when `inner` is `outer`.
    func child(of outer: Int, toward inner: Int) -> Int {
        var k = inner
        while k >= 0 {
            if parent[k] == outer { return k }
            k = parent[k]
        }
        return -1
    }

    /// Frames between two neighbours of a rank: those around one of them but not the other.
    func framesBetween(_ u: Int, _ v: Int) -> Int {
        let a = of[u]
        let b = of[v]
        guard a != b else { return 0 }
        let shared = common(a, b)
        let outside = shared >= 0 ? framedDepth[shared] : 0
        return (a >= 0 ? framedDepth[a] : 0) + (b >= 0 ? framedDepth[b] : 0) - 2 * outside
    }

    /// Frames from just inside cluster `c` down to the innermost cluster of node `v` (0 when `v` is directly in `c`).
    func framesInside(_ c: Int, toward v: Int) -> Int {
        let k = of[v]
        return (k >= 0 ? framedDepth[k] : 0) - framedDepth[c]
    }
}
