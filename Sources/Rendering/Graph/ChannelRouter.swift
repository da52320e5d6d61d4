/// Routes the edges crossing one channel (the gap between two ranks).
///
/// Coordinates are the layout's own: `row` runs across the flow (a row in a
/// left-to-right drawing, a column top-to-bottom), a *track* is one line of
/// cells along the flow inside the channel. Each net (one source and the
/// targets it feeds in the next rank) leaves its source row, turns into its
/// own track, runs across to each target row and turns again; a net whose
/// targets are all in line with it goes straight.
///
/// Two runs along the flow may share a row only if they cannot meet: when one
/// net's source row is another net's target row, the first must turn earlier
/// (the classic channel-routing constraint). Those constraints can form a
/// cycle (two edges swapping rows); the cycle is broken with a dogleg that
/// crosses over on a row no other run uses. Nets whose extents do not touch
/// share a track (left-edge packing), in an order that avoids crossings.
struct ChannelRouter {
    /// One source in the channel and the rows of the targets it feeds.
    struct Net {
        var row: Int
        var targets: [(row: Int, segment: Int)]
    }

    /// One vertical run of a segment: in `track`, from row `from` to row `to`.
    struct Turn: Equatable {
        var track: Int
        var from: Int
        var to: Int
    }

    /// A net's trunk, or part of it after a dogleg split.
    private struct Subnet {
        var net: Int
        var leftRows: [Int]  // rows whose run reaches back to the channel start
        var rightRows: [Int]  // rows whose run reaches on to the channel end
        var doglegIn: Int?  // row arriving from the previous part of the same net
        var doglegOut: Int?  // row leaving to the next part
        var low = 0
        var high = 0

        mutating func measure() {
            var rows = leftRows + rightRows
            if let r = doglegIn { rows.append(r) }
            if let r = doglegOut { rows.append(r) }
            low = rows.min() ?? 0
            high = rows.max() ?? 0
        }

        /// Where the net comes in and which way it heads, for the crossing-avoiding order.
        var sortKey: Int {
            let entry = leftRows.first ?? doglegIn ?? 0
            let exits = rightRows.isEmpty ? [doglegOut ?? entry] : rightRows
            let downward = exits.reduce(0, +) > entry * exits.count
            // Downward nets starting lower take earlier tracks; upward ones starting higher do.
            return downward ? -entry : entry
        }
    }

    /// Tracks used (0 when every edge goes straight).
    private(set) var trackCount = 0
    /// Nets split to break a cycle of constraints (for tests and tuning).
    private(set) var doglegs = 0
    /// For every segment routed, its runs across the flow in order (empty when straight).
    private(set) var turns: [Int: [Turn]] = [:]

    init(nets: [Net]) {
        var subnets: [Subnet] = []
        var chains: [[Int]] = []  // net -> its subnets in order from source to targets
        for (n, net) in nets.enumerated() {
            guard net.targets.contains(where: { $0.row != net.row }) else {
                chains.append([])
                continue
            }
            var rights = net.targets.map(\.row)
            if rights.count > 1 {
                rights.sort()
                var unique = [rights[0]]
                for r in rights.dropFirst() where r != unique[unique.count - 1] { unique.append(r) }
                rights = unique
            }
            var s = Subnet(net: n, leftRows: [net.row], rightRows: rights)
            s.measure()
            chains.append([subnets.count])
            subnets.append(s)
        }
        // Most channels only have straight edges, or nets that cannot meet.
        guard !subnets.isEmpty else { return }
        if subnets.count == 1 {
            trackCount = 1
            assignTurns(nets, chains, subnets, track: [0])
            return
        }
        var usedRows = Set<Int>()
        for net in nets {
            usedRows.insert(net.row)
            for t in net.targets { usedRows.insert(t.row) }
        }

        let before = subnets.count
        let order = Self.orderBreakingCycles(&subnets, chains: &chains, usedRows: &usedRows)
        doglegs = subnets.count - before

        // Left-edge packing in that order: a subnet goes after every earlier one it touches.
        var track = [Int](repeating: 0, count: subnets.count)
        for (i, x) in order.enumerated() {
            var t = 0
            for y in order[..<i] where subnets[y].low <= subnets[x].high + 1 && subnets[x].low <= subnets[y].high + 1 {
                t = max(t, track[y] + 1)
            }
            track[x] = t
            trackCount = max(trackCount, t + 1)
        }

        assignTurns(nets, chains, subnets, track: track)
    }

    private mutating func assignTurns(_ nets: [Net], _ chains: [[Int]], _ subnets: [Subnet], track: [Int]) {
        for (n, net) in nets.enumerated() where !chains[n].isEmpty {
            for target in net.targets {
                var runs: [Turn] = []
                var row = net.row
                for (k, sub) in chains[n].enumerated() {
                    let isLast = k == chains[n].count - 1
                    let next = isLast ? target.row : (subnets[sub].doglegOut ?? target.row)
                    runs.append(Turn(track: track[sub], from: row, to: next))
                    row = next
                }
                turns[target.segment] = runs
            }
        }
    }

    /// A topological order of the turn-before constraints, smallest sort key first;
    /// splits a subnet with a dogleg whenever the constraints are cyclic.
    private static func orderBreakingCycles(
        _ subnets: inout [Subnet], chains: inout [[Int]],
        usedRows: inout Set<Int>
    ) -> [Int] {
        // Each split takes one subnet off every cycle for good, so this ends.
        for _ in 0...subnets.count {
            let count = subnets.count
            var rightOwners: [Int: [Int]] = [:]
            for (i, s) in subnets.enumerated() {
                for r in s.rightRows { rightOwners[r, default: []].append(i) }
            }
            var successors = [[Int]](repeating: [], count: count)
            var predecessors = [[Int]](repeating: [], count: count)
            func link(_ a: Int, _ b: Int) {
                successors[a].append(b)
                predecessors[b].append(a)
            }
            for (i, s) in subnets.enumerated() {
                for r in s.leftRows {
                    for j in rightOwners[r] ?? [] where j != i { link(i, j) }
                }
            }
            for chain in chains where chain.count > 1 {
                for k in 1..<chain.count { link(chain[k - 1], chain[k]) }
            }

            var indegree = predecessors.map(\.count)
            var placed = [Bool](repeating: false, count: count)
            let keys = subnets.map(\.sortKey)
            var order: [Int] = []
            while true {
                var best = -1
                for i in 0..<count where !placed[i] && indegree[i] == 0 {
                    if best < 0 || keys[i] < keys[best] { best = i }
                }
                if best < 0 { break }
                placed[best] = true
                order.append(best)
                for j in successors[best] { indegree[j] -= 1 }
            }
            if order.count == count { return order }

            // Walk back along unplaced predecessors until a node repeats: it lies on a cycle.
            var seen = Set<Int>()
            var v = (0..<count).first { !placed[$0] } ?? 0
            while !seen.contains(v) {
                seen.insert(v)
                v = predecessors[v].first { !placed[$0] } ?? v
            }
            split(v, &subnets, chains: &chains, usedRows: &usedRows)
        }
        return Array(subnets.indices)
    }

    /// Cuts subnet `v` in two, joined by a run on a row nothing else in the channel uses.
    private static func split(
        _ v: Int, _ subnets: inout [Subnet], chains: inout [[Int]],
        usedRows: inout Set<Int>
    ) {
        let middle = (subnets[v].low + subnets[v].high) / 2
        var row = middle
        var step = 0
        while usedRows.contains(row) {
            step += 1
            row = step % 2 == 1 ? middle - (step + 1) / 2 : middle + step / 2
        }
        usedRows.insert(row)
        var second = subnets[v]
        second.leftRows = []
        second.doglegIn = row
        subnets[v].rightRows = []
        subnets[v].doglegOut = row
        subnets[v].measure()
        second.measure()
        let index = subnets.count
        subnets.append(second)
        let net = subnets[v].net
        if let k = chains[net].firstIndex(of: v) { chains[net].insert(index, at: k + 1) }
    }
}
