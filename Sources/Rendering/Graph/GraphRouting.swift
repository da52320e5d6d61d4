/// A point in the layout's own axes: `along` follows the arrows, `across` runs along a rank.
struct AxisPoint: Equatable {
    var along: Int
    var across: Int
}

/// Positions along the flow and orthogonal paths for every edge (dot's fifth pass).
struct Routing {
    /// First cell of each real node along the flow (boxes are centred in their rank).
    var nodeAlong: [Int] = []
    /// Row across the flow where a node's edges leave (-1 when it has none).
    var outPort: [Int] = []
    /// One path per model edge: the first point touches the source box, the
    /// last is the arrowhead cell touching the target box.
    var paths: [[AxisPoint]] = []
    /// Cells used along the flow.
    var alongExtent = 0
    /// Nets that needed a dogleg.
    var doglegs = 0
}

extension LayeredGraph {
    /// Lays the ranks out along the flow and routes every channel between them.
    /// - Parameters:
    ///   - top: cross-flow position of every node (from `placeAcross`).
    ///   - tail: cells to keep between a channel's last track and the next rank
    ///     (room for labels and the arrowhead), per channel.
    func route(top: [Int], tail: (Int) -> Int) -> Routing {
        var result = Routing()
        let rankCount = layers.count
        var rankLength = [Int](repeating: 0, count: rankCount)
        for v in 0..<realCount { rankLength[rank[v]] = max(rankLength[rank[v]], along[v]) }

        var inPort = [Int](repeating: 0, count: segmentUpper.count)
        for s in 0..<segmentUpper.count { inPort[s] = top[segmentLower[s]] + inPortOffset(s) }
        result.outPort = [Int](repeating: -1, count: count)
        var ports: [Int] = []
        for v in 0..<count where !outSegments.isEmpty(v) {
            if isDummy(v) {
                result.outPort[v] = top[v]
                continue
            }
            // Aim the shared exit at the middle target (between the middle two
            // for an even count), so one edge can go straight or a fork is symmetric.
            ports.removeAll(keepingCapacity: true)
            for k in outSegments.range(v) { ports.append(inPort[outSegments.items[k]]) }
            ports.sort()
            let mid = ports.count / 2
            let wanted = ports.count % 2 == 1 ? ports[mid] : (ports[mid - 1] + ports[mid]) / 2
            result.outPort[v] = min(max(wanted, top[v] + 1), top[v] + across[v] - 2)
        }

        // Channels in order; each one's length depends on its tracks.
        var rankStart = [Int](repeating: 0, count: rankCount)
        var channelTurns: [[Int: [ChannelRouter.Turn]]] = []
        var trackStart: [Int] = []
        let lead = 1
        for r in 0..<rankCount {
            guard r + 1 < rankCount else { break }
            var nets: [ChannelRouter.Net] = []
            for v in layers[r] where !outSegments.isEmpty(v) {
                nets.append(
                    ChannelRouter.Net(
                        row: result.outPort[v],
                        targets: outSegments.list(v).map { (inPort[$0], $0) }))
            }
            let router = ChannelRouter(nets: nets)
            let start = rankStart[r] + rankLength[r]
            channelTurns.append(router.turns)
            result.doglegs += router.doglegs
            trackStart.append(start + lead)
            rankStart[r + 1] = start + lead + router.trackCount + max(2, tail(r))
        }
        result.alongExtent = rankCount > 0 ? rankStart[rankCount - 1] + rankLength[rankCount - 1] : 0

        result.nodeAlong = (0..<realCount).map { v in
            rankStart[rank[v]] + (rankLength[rank[v]] - along[v]) / 2
        }

        result.paths.reserveCapacity(edgeSegments.count)
        for chain in edgeSegments {
            var points: [AxisPoint] = []
            guard let first = chain.first, let last = chain.last else {
                result.paths.append(points)
                continue
            }
            let source = segmentUpper[first]
            points.append(AxisPoint(along: result.nodeAlong[source] + along[source], across: result.outPort[source]))
            for s in chain {
                let r = rank[segmentUpper[s]]
                let channelStart = rankStart[r] + rankLength[r]
                let channelEnd = rankStart[r + 1] - 1
                let from = result.outPort[segmentUpper[s]]
                points.append(AxisPoint(along: channelStart, across: from))
                for turn in channelTurns[r][s] ?? [] {
                    points.append(AxisPoint(along: trackStart[r] + turn.track, across: turn.from))
                    points.append(AxisPoint(along: trackStart[r] + turn.track, across: turn.to))
                }
                points.append(AxisPoint(along: channelEnd, across: inPort[s]))
                if isDummy(segmentLower[s]) {
                    // Straight through the dummy's rank.
                    let next = r + 1
                    points.append(AxisPoint(along: rankStart[next] + rankLength[next] - 1, across: inPort[s]))
                }
            }
            let target = segmentLower[last]
            points.append(AxisPoint(along: result.nodeAlong[target] - 1, across: inPort[last]))
            result.paths.append(simplified(points))
        }
        return result
    }
}

/// Drops repeated points and the middle of three points in a line.
func simplified(_ points: [AxisPoint]) -> [AxisPoint] {
    var out: [AxisPoint] = []
    out.reserveCapacity(points.count)
    for p in points {
        if let last = out.last, last == p { continue }
        if out.count >= 2 {
            let a = out[out.count - 2]
            let b = out[out.count - 1]
            let straight = (a.along == b.along && b.along == p.along) || (a.across == b.across && b.across == p.across)
            // Only drop b when it lies between a and p (a path never doubles back here).
            if straight {
                let between =
                    a.along == b.along
                    ? (min(a.across, p.across) <= b.across && b.across <= max(a.across, p.across))
                    : (min(a.along, p.along) <= b.along && b.along <= max(a.along, p.along))
                if between {
                    out[out.count - 1] = p
                    continue
                }
            }
        }
        out.append(p)
    }
    return out
}
