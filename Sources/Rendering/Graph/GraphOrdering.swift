/// Crossing reduction (dot's third pass): median sweeps down and up, then
/// neighbour swaps while they help; the best order seen is kept.
///
/// Every step is deterministic: equal medians keep their current order, which
/// itself comes from insertion order. Edge crossings are counted with ports,
/// so two inputs of one function drawn in the wrong order count as a crossing
/// and the sweeps learn to keep x0 before x1.
extension LayeredGraph {
    /// Reorders every layer to reduce crossings.
    /// - Returns: crossings of the first order and of the order kept.
    mutating func minimizeCrossings() -> (initial: Int, final: Int) {
        guard layers.count > 1 else { return (0, 0) }
        var counter = CrossingCounter()
        var bestCount = counter.total(self)
        let initial = bestCount
        guard bestCount > 0 else { return (initial, 0) }
        var best = layers
        // Bounded work: big graphs get fewer rounds so nothing can hang.
        let iterations = min(24, max(4, 400_000 / max(1, segmentUpper.count)))
        var stale = 0
        for iteration in 0..<iterations {
            sweep(down: iteration % 2 == 0)
            transpose(maxPasses: 4)
            let count = counter.total(self)
            if count < bestCount {
                bestCount = count
                best = layers
                stale = 0
            } else {
                stale += 1
            }
            if bestCount == 0 || stale >= 4 { break }
        }
        layers = best
        refreshPositions()
        return (initial, bestCount)
    }

    /// One pass ordering each layer by the median of its neighbours in the
    /// layer before it (down) or after it (up).
    mutating func sweep(down: Bool) {
        let rankCount = layers.count
        let ranks: [Int] = down ? Array(1..<rankCount) : Array((0..<(rankCount - 1)).reversed())
        var values: [Double] = []
        var sortable: [(value: Double, position: Int, node: Int)] = []
        for r in ranks {
            let layer = layers[r]
            var reordered = layer
            // Each component is a contiguous block; sort inside each block.
            var blockStart = 0
            while blockStart < layer.count {
                var blockEnd = blockStart + 1
                while blockEnd < layer.count, component[layer[blockEnd]] == component[layer[blockStart]] {
                    blockEnd += 1
                }
                sortable.removeAll(keepingCapacity: true)
                for i in blockStart..<blockEnd {
                    let v = layer[i]
                    values.removeAll(keepingCapacity: true)
                    if down {
                        for k in inSegments.range(v) {
                            values.append(Double(position[segmentUpper[inSegments.items[k]]]))
                        }
                    } else {
                        for k in outSegments.range(v) {
                            let s = outSegments.items[k]
                            let w = segmentLower[s]
                            // A small offset per input keeps x0 above x1 when both feed one node.
                            let inputs = Double(inSegments.count(w))
                            let offset = (Double(segmentPort[s]) + 1) / (inputs + 1) - 0.5
                            values.append(Double(position[w]) + offset)
                        }
                    }
                    if !values.isEmpty { sortable.append((median(&values), i, v)) }
                }
                sortable.sort { $0.value != $1.value ? $0.value < $1.value : $0.position < $1.position }
                // Nodes with no neighbour on that side keep their slot; the rest fill the others in order.
                var next = 0
                var isSortable = [Bool](repeating: false, count: blockEnd - blockStart)
                for item in sortable { isSortable[item.position - blockStart] = true }
                for i in blockStart..<blockEnd where isSortable[i - blockStart] {
                    reordered[i] = sortable[next].node
                    next += 1
                }
                blockStart = blockEnd
            }
            if !clusters.isEmpty { reordered = clustered(reordered) }
            layers[r] = reordered
            for (i, v) in reordered.enumerated() { position[v] = i }
        }
    }

    /// Swaps neighbours in every layer while a swap removes crossings.
    mutating func transpose(maxPasses: Int) {
        for _ in 0..<maxPasses {
            var improved = false
            for r in 0..<layers.count where layers[r].count > 1 {
                for i in 0..<(layers[r].count - 1) {
                    let u = layers[r][i]
                    let v = layers[r][i + 1]
                    guard component[u] == component[v], canSwap(u, v) else { continue }
                    if pairCrossings(v, above: u) < pairCrossings(u, above: v) {
                        layers[r].swapAt(i, i + 1)
                        position[u] = i + 1
                        position[v] = i
                        improved = true
                    }
                }
            }
            if !improved { break }
        }
    }

    /// Crossings among the edges of two neighbours `u` and `v` when `u` comes first.
    func pairCrossings(_ u: Int, above v: Int) -> Int {
        var count = 0
        let inU = inSegments.range(u)
        let inV = inSegments.range(v)
        if !inU.isEmpty, !inV.isEmpty {
            for i in inU {
                let p = position[segmentUpper[inSegments.items[i]]]
                for j in inV where p > position[segmentUpper[inSegments.items[j]]] { count += 1 }
            }
        }
        let outU = outSegments.range(u)
        let outV = outSegments.range(v)
        if !outU.isEmpty, !outV.isEmpty {
            for i in outU {
                let k = lowerKey(outSegments.items[i])
                for j in outV where k > lowerKey(outSegments.items[j]) { count += 1 }
            }
        }
        return count
    }
}

/// The median of `values` (the mean of the middle two for an even count); sorts in place.
func median(_ values: inout [Double]) -> Double {
    if values.count == 1 { return values[0] }
    values.sort()
    let mid = values.count / 2
    return values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
}

/// Counts crossings between neighbouring layers with a Fenwick tree, reusing its buffers.
struct CrossingCounter {
    private var keys: [Int] = []
    private var tree: [Int] = []

    mutating func total(_ graph: LayeredGraph) -> Int {
        var sum = 0
        for r in 0..<max(0, graph.layers.count - 1) { sum += between(graph, r) }
        return sum
    }

    /// Crossings of the segments from layer `r` to layer `r + 1`.
    mutating func between(_ graph: LayeredGraph, _ r: Int) -> Int {
        keys.removeAll(keepingCapacity: true)
        for u in graph.layers[r] {
            let start = keys.count
            for k in graph.outSegments.range(u) { keys.append(graph.lowerKey(graph.outSegments.items[k])) }
            // One node's edges leave from one port, so they never cross each other.
            if keys.count - start > 1 { keys[start...].sort() }
        }
        guard keys.count > 1 else { return 0 }
        let size = graph.layers[r + 1].count * graph.portBase + 1
        tree.removeAll(keepingCapacity: true)
        tree.append(contentsOf: repeatElement(0, count: size + 1))
        var crossings = 0
        for (seen, key) in keys.enumerated() {
            // Earlier segments landing strictly after this one cross it.
            var notAfter = 0
            var i = key + 1
            while i > 0 {
                notAfter += tree[i]
                i -= i & -i
            }
            crossings += seen - notAfter
            i = key + 1
            while i <= size {
                tree[i] += 1
                i += i & -i
            }
        }
        return crossings
    }
}
