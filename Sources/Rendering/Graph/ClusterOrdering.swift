/// Clusters in the ordering: every cluster's nodes stay next to each other in
/// each layer, so one rectangle can hold them (dot's clusters, simplified).
extension LayeredGraph {
    /// `layer` reordered so each cluster is one run, inside the run of the cluster
    /// around it. A cluster goes where its nodes are on average, a node where it is;
    /// clusters side by side keep the model's order in every layer, so two frames
    /// never swap sides from one rank to the next. Components stay as they are.
    func clustered(_ layer: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(layer.count)
        var start = 0
        while start < layer.count {
            var end = start + 1
            while end < layer.count, component[layer[end]] == component[layer[start]] { end += 1 }
            arrange((start..<end).map { (layer[$0], $0) }, under: -1, into: &result)
            start = end
        }
        return result
    }

    /// Appends `nodes` (each with its index in the layer), all inside cluster `outer`, grouped by the clusters inside it.
    private func arrange(_ nodes: [(node: Int, index: Int)], under outer: Int, into result: inout [Int]) {
        struct Item {
            var cluster: Int
            var nodes: [(node: Int, index: Int)]
            var key: Double { Double(nodes.reduce(0) { $0 + $1.index }) / Double(max(1, nodes.count)) }
            var first: Int { nodes.first?.index ?? 0 }
        }
        var items: [Item] = []
        var itemOf: [Int: Int] = [:]
        for entry in nodes {
            let c = clusters.child(of: outer, toward: clusters.of[entry.node])
            if c < 0 {
                items.append(Item(cluster: -1, nodes: [entry]))
            } else if let k = itemOf[c] {
                items[k].nodes.append(entry)
            } else {
                itemOf[c] = items.count
                items.append(Item(cluster: c, nodes: [entry]))
            }
        }
        guard !itemOf.isEmpty else {
            result.append(contentsOf: nodes.map(\.node))
            return
        }
        items.sort { ($0.key, $0.first) < ($1.key, $1.first) }
        // The clusters' places, filled in the model's order.
        let slots = items.indices.filter { items[$0].cluster >= 0 }
        let inOrder = slots.map { items[$0] }.sorted { $0.cluster < $1.cluster }
        for (slot, item) in zip(slots, inOrder) { items[slot] = item }
        for item in items {
            if item.cluster < 0 {
                result.append(contentsOf: item.nodes.map(\.node))
            } else {
                arrange(item.nodes, under: item.cluster, into: &result)
            }
        }
    }

    /// True when `u` and `v`, neighbours in a layer, can swap without splitting a cluster.
    @inline(__always)
    func canSwap(_ u: Int, _ v: Int) -> Bool {
        clusters.isEmpty || clusters.of[u] == clusters.of[v]
    }
}
