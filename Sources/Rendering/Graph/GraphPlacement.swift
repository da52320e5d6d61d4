/// Coordinates across the flow (dot's fourth pass) by iterated median
/// placement: each layer in turn asks every node to line its ports up with
/// its neighbours', then the closest order-keeping, non-overlapping positions
/// are found exactly (weighted isotonic regression, pool-adjacent-violators).
///
/// Dummy-to-dummy links weigh most, so long edges come out straight.
extension LayeredGraph {
    /// Where input `port` of `count` sits on a side of `size` cells, corners excluded,
    /// spread evenly (a box is always made large enough for its inputs).
    static func portOffset(_ port: Int, of count: Int, size: Int) -> Int {
        let inner = max(1, size - 2)
        guard count > 0 else { return 1 + (inner - 1) / 2 }
        return min(inner, 1 + ((2 * port + 1) * inner) / (2 * count))
    }

    /// Offset of the port where segment `s` enters its lower node.
    @inline(__always)
    func inPortOffset(_ s: Int) -> Int {
        let v = segmentLower[s]
        if isDummy(v) { return 0 }
        return Self.portOffset(segmentPort[s], of: inSegments.count(v), size: across[v])
    }

    /// Offset of the single port where a node's outgoing edges leave (the middle).
    @inline(__always)
    func outPortCentre(_ v: Int) -> Int { isDummy(v) ? 0 : (across[v] - 1) / 2 }

    /// Space left between two neighbours of a layer: a cell more for each frame between them.
    @inline(__always)
    func gap(_ u: Int, _ v: Int, boxGap: Int) -> Int {
        let base = isDummy(u) || isDummy(v) ? 1 : boxGap
        return clusters.hasFrames ? base + clusters.framesBetween(u, v) : base
    }

    /// The top (or left) cell of every node across the flow, smallest at 0.
    /// Components must be contiguous in every layer (the ordering keeps them so).
    func placeAcross(boxGap: Int) -> [Int] {
        var top = [Int](repeating: 0, count: count)
        for layer in layers {
            var next = 0
            for (i, v) in layer.enumerated() {
                top[v] = next
                next += across[v] + (i + 1 < layer.count ? gap(v, layer[i + 1], boxGap: boxGap) : 0)
            }
        }
        let rounds = count > 3000 ? 2 : (count > 600 ? 4 : 8)
        var solver = IsotonicSolver()
        for _ in 0..<rounds {
            var moved = false
            for r in layers.indices.dropFirst() {
                moved = placeLayer(r, fromAbove: true, top: &top, boxGap: boxGap, solver: &solver) || moved
            }
            for r in layers.indices.dropLast().reversed() {
                moved = placeLayer(r, fromAbove: false, top: &top, boxGap: boxGap, solver: &solver) || moved
            }
            if !moved { break }
        }
        separateFrames(&top, boxGap: boxGap)
        stackComponents(&top, boxGap: boxGap)
        return top
    }

    /// Gives each connected component its own band across the flow, in
    /// insertion order, each band starting where the last one ended. Pieces
    /// with nothing pulling them together would otherwise drift apart.
    private func stackComponents(_ top: inout [Int], boxGap: Int) {
        var low = [Int](repeating: Int.max, count: componentCount)
        var high = [Int](repeating: Int.min, count: componentCount)
        for v in 0..<count {
            low[component[v]] = min(low[component[v]], top[v])
            high[component[v]] = max(high[component[v]], top[v] + across[v])
        }
        var shift = [Int](repeating: 0, count: componentCount)
        var next = 0
        for c in 0..<componentCount where low[c] != Int.max {
            shift[c] = next - low[c]
            next += high[c] - low[c] + boxGap
        }
        for v in 0..<count { top[v] += shift[component[v]] }
    }

    /// Moves the nodes of layer `r` as close to their wishes as the order allows.
    /// - Returns: true when any node moved.
    private func placeLayer(
        _ r: Int, fromAbove: Bool, top: inout [Int], boxGap: Int,
        solver: inout IsotonicSolver
    ) -> Bool {
        let layer = layers[r]
        guard !layer.isEmpty else { return false }
        solver.reset()
        var offset = 0
        for (i, v) in layer.enumerated() {
            solver.wishes.removeAll(keepingCapacity: true)
            var weight = 0.25
            if fromAbove {
                for k in inSegments.range(v) {
                    let s = inSegments.items[k]
                    let u = segmentUpper[s]
                    solver.wishes.append(Double(top[u] + outPortCentre(u) - inPortOffset(s)))
                    weight = max(weight, linkWeight(u, v))
                }
            } else {
                for k in outSegments.range(v) {
                    let s = outSegments.items[k]
                    let w = segmentLower[s]
                    solver.wishes.append(Double(top[w] + inPortOffset(s) - outPortCentre(v)))
                    weight = max(weight, linkWeight(v, w))
                }
            }
            let wish = solver.wishes.isEmpty ? Double(top[v]) : median(&solver.wishes)
            solver.add(target: wish - Double(offset), weight: weight)
            if i + 1 < layer.count { offset += across[v] + gap(v, layer[i + 1], boxGap: boxGap) }
        }
        solver.solve()
        offset = 0
        var placed: [Int] = []
        placed.reserveCapacity(layer.count)
        for (i, v) in layer.enumerated() {
            placed.append(solver.result[i] + offset)
            if i + 1 < layer.count { offset += across[v] + gap(v, layer[i + 1], boxGap: boxGap) }
        }
        if clusters.hasFrames { keepOutOfFrames(r, &placed, top: top, boxGap: boxGap) }
        var moved = false
        for (i, v) in layer.enumerated() where placed[i] != top[v] {
            top[v] = placed[i]
            moved = true
        }
        return moved
    }

    private func linkWeight(_ u: Int, _ v: Int) -> Double {
        switch (isDummy(u), isDummy(v)) {
        case (true, true): return 8
        case (false, false): return 1
        default: return 2
        }
    }
}

/// Weighted least-squares fit of a non-decreasing sequence (pool adjacent violators),
/// rounded to whole cells; rounding keeps the order because it is monotone.
/// Buffers are reused from layer to layer: layers are small and many.
struct IsotonicSolver {
    /// Scratch space for the caller's medians.
    var wishes: [Double] = []
    /// Positions from the last `solve()`, one per target.
    private(set) var result: [Int] = []
    private var targets: [Double] = []
    private var weights: [Double] = []
    private var blockSum: [Double] = []
    private var blockWeight: [Double] = []
    private var blockCount: [Int] = []

    mutating func reset() {
        targets.removeAll(keepingCapacity: true)
        weights.removeAll(keepingCapacity: true)
    }

    mutating func add(target: Double, weight: Double) {
        targets.append(target)
        weights.append(weight)
    }

    mutating func solve() {
        let n = targets.count
        if blockSum.count < n {
            blockSum = [Double](repeating: 0, count: n)
            blockWeight = [Double](repeating: 0, count: n)
            blockCount = [Int](repeating: 0, count: n)
            result = [Int](repeating: 0, count: n)
        }
        var blocks = 0
        for i in 0..<n {
            blockSum[blocks] = targets[i] * weights[i]
            blockWeight[blocks] = weights[i]
            blockCount[blocks] = 1
            blocks += 1
            while blocks > 1,
                blockSum[blocks - 2] / blockWeight[blocks - 2] > blockSum[blocks - 1] / blockWeight[blocks - 1]
            {
                blockSum[blocks - 2] += blockSum[blocks - 1]
                blockWeight[blocks - 2] += blockWeight[blocks - 1]
                blockCount[blocks - 2] += blockCount[blocks - 1]
                blocks -= 1
            }
        }
        var k = 0
        for b in 0..<blocks {
            let value = Int((blockSum[b] / blockWeight[b]).rounded(.toNearestOrAwayFromZero))
            for _ in 0..<blockCount[b] {
                result[k] = value
                k += 1
            }
        }
    }
}
