/// Room for the frames of clusters across the flow. A frame is one rectangle over
/// every rank its cluster reaches, so a box outside the cluster must clear it in
/// each of those ranks, not only beside the cluster's own nodes in its rank: a
/// constraint between layers. The layer-by-layer placement sees it as bounds on
/// the nodes around a frame (`keepOutOfFrames`); `separateFrames` settles the rest.
extension LayeredGraph {
    /// Pushes clusters and the nodes after them further across, least first, until
    /// every frame has its line free (one cell outside the cluster's nodes, with
    /// the usual gap beyond it) in each rank the cluster spans. A cluster moves as
    /// one piece, so the edges inside it keep their shape. Should the pushes not
    /// settle (constraints that contradict each other), the placement is left as it was.
    func separateFrames(_ top: inout [Int], boxGap: Int) {
        guard clusters.hasFrames else { return }
        let framedChains = (0..<clusters.count).map { clusters.chain($0).filter { clusters.framed[$0] } }
        let before = top
        let limit = 8 * (count + clusters.count) + 16
        for _ in 0..<limit {
            let moved = separationPass(&top, boxGap: boxGap, framedChains: framedChains)
            if !moved { return }
        }
        top = before
    }

    /// One pass over the layers, each walked in order as boxes, frame openings and frame closings.
    /// - Returns: true when anything moved.
    private func separationPass(_ top: inout [Int], boxGap: Int, framedChains: [[Int]]) -> Bool {
        enum Last {
            case none
            case node(Int)
            case opened
            case closed
        }
        var extent = frameExtents(top)
        var moved = false
        func base(_ v: Int) -> Int { isDummy(v) ? 1 : boxGap }
        for layer in layers {
            var open: [Int] = []
            // The first free cell after what came last, and what that was.
            var end = 0
            var last = Last.none
            for v in layer {
                let wanted = clusters.of[v] >= 0 ? framedChains[clusters.of[v]] : []
                var k = 0
                while k < open.count, k < wanted.count, open[k] == wanted[k] { k += 1 }
                for c in open[k...].reversed() {
                    end = extent[c].hi + 1
                    last = .closed
                }
                for c in wanted[k...] {
                    var need: Int?
                    switch last {
                    case .none, .opened: need = nil
                    case .node(let u): need = end + base(u)
                    case .closed: need = end + boxGap
                    }
                    if let need, extent[c].lo - 1 < need {
                        shift(c, by: need - (extent[c].lo - 1), &top)
                        moved = true
                        extent = frameExtents(top)
                    }
                    end = extent[c].lo
                    last = .opened
                }
                var need: Int?
                switch last {
                case .none, .opened: need = nil
                case .node(let u): need = end + (isDummy(u) || isDummy(v) ? 1 : boxGap)
                case .closed: need = end + base(v)
                }
                if let need, top[v] < need {
                    top[v] = need
                    moved = true
                    if clusters.of[v] >= 0 { extent = frameExtents(top) }
                }
                end = top[v] + across[v]
                last = .node(v)
                open = wanted
            }
        }
        return moved
    }

    /// Moves the nodes of layer `r`, just placed at `placed`, out of the frames that the
    /// clusters' nodes in the other ranks (at `top`) mark out: a node before a frame
    /// opens goes up until it clears the frame, one after a frame closes goes down.
    /// So the nodes outside a cluster make way for its frame, rather than the whole
    /// cluster moving later (`separateFrames`) and bending the edges into and out of it.
    func keepOutOfFrames(_ r: Int, _ placed: inout [Int], top: [Int], boxGap: Int) {
        let layer = layers[r]
        guard layer.count > 1 else { return }
        let extent = frameExtents(top, skipping: r)
        func framedChain(_ v: Int) -> [Int] {
            clusters.of[v] >= 0 ? clusters.chain(clusters.of[v]).filter { clusters.framed[$0] } : []
        }
        func base(_ v: Int) -> Int { isDummy(v) ? 1 : boxGap }
        let n = layer.count
        var upper = [Int](repeating: Int.max, count: n)
        var lower = [Int](repeating: Int.min, count: n)
        var chainU = framedChain(layer[0])
        for i in 0..<(n - 1) {
            let u = layer[i]
            let v = layer[i + 1]
            let chainV = framedChain(v)
            var k = 0
            while k < chainU.count, k < chainV.count, chainU[k] == chainV[k] { k += 1 }
            let closes = k < chainU.count
            let opens = k < chainV.count
            let between = closes && opens ? boxGap : closes ? base(v) : base(u)
            // Frames closing after u in this rank, its own included; then the opening frame's line.
            if opens, extent[chainV[k]].lo != Int.max {
                let closing = closes ? chainU.count - k : 0
                upper[i] = extent[chainV[k]].lo - 1 - between - closing - across[u]
            }
            if closes, extent[chainU[k]].hi != Int.min {
                let opening = opens ? chainV.count - k : 0
                lower[i + 1] = extent[chainU[k]].hi + 1 + between + opening
            }
            chainU = chainV
        }
        // Up first, then down: where the two disagree the frame wins at the bottom, and
        // `separateFrames` settles it.
        for i in stride(from: n - 1, through: 0, by: -1) {
            var p = min(placed[i], upper[i])
            if i + 1 < n { p = min(p, placed[i + 1] - across[layer[i]] - gap(layer[i], layer[i + 1], boxGap: boxGap)) }
            placed[i] = p
        }
        for i in 0..<n {
            var p = max(placed[i], lower[i])
            if i > 0 { p = max(p, placed[i - 1] + across[layer[i - 1]] + gap(layer[i - 1], layer[i], boxGap: boxGap)) }
            placed[i] = p
        }
    }

    /// Each cluster's first cell across the flow and the cell after its last, the
    /// frames of the clusters inside it included (its own frame lies just outside);
    /// (Int.max, Int.min) for a cluster with no node in the ranks counted.
    /// - Parameter skipping: a rank left out (-1 for none).
    private func frameExtents(_ top: [Int], skipping: Int = -1) -> [(lo: Int, hi: Int)] {
        var result = [(lo: Int, hi: Int)](repeating: (Int.max, Int.min), count: clusters.count)
        for v in 0..<count where clusters.of[v] >= 0 && rank[v] != skipping {
            let c = clusters.of[v]
            result[c].lo = min(result[c].lo, top[v])
            result[c].hi = max(result[c].hi, top[v] + across[v])
        }
        for c in clusters.deepestFirst where result[c].lo != Int.max {
            result[c].hi = max(result[c].hi, result[c].lo + clusters.minAcross[c])
            let p = clusters.parent[c]
            guard p >= 0 else { continue }
            let line = clusters.framed[c] ? 1 : 0
            result[p].lo = min(result[p].lo, result[c].lo - line)
            result[p].hi = max(result[p].hi, result[c].hi + line)
        }
        return result
    }

    private func shift(_ c: Int, by d: Int, _ top: inout [Int]) {
        for v in 0..<count where clusters.of[v] >= 0 && clusters.contains(c, clusters.of[v]) { top[v] += d }
    }
}
