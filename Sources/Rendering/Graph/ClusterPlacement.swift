/// Room for the frames of clusters across the flow. A frame is one rectangle over
/// every rank its cluster reaches, so a box outside the cluster must clear it in
/// each of those ranks, not only beside the cluster's own nodes in its rank:
/// a constraint between layers that the layer-by-layer placement cannot see.
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

    /// Each cluster's first cell across the flow and the cell after its last, the
    /// frames of the clusters inside it included (its own frame lies just outside).
    private func frameExtents(_ top: [Int]) -> [(lo: Int, hi: Int)] {
        var result = [(lo: Int, hi: Int)](repeating: (Int.max, Int.min), count: clusters.count)
        for v in 0..<count where clusters.of[v] >= 0 {
            var c = clusters.of[v]
            var inside = 0
            while c >= 0 {
                result[c].lo = min(result[c].lo, top[v] - inside)
                result[c].hi = max(result[c].hi, top[v] + across[v] + inside)
                if clusters.framed[c] { inside += 1 }
                c = clusters.parent[c]
            }
        }
        return result
    }

    private func shift(_ c: Int, by d: Int, _ top: inout [Int]) {
        for v in 0..<count where clusters.of[v] >= 0 && clusters.contains(c, clusters.of[v]) { top[v] += d }
    }
}
