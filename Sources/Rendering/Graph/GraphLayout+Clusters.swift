extension GraphLayout {
    /// Each cluster's rectangle from its boxes: for one with a label its frame, a cell
    /// outside the boxes and the frames inside it; for one without, what it holds.
    static func clusterRects(_ tree: ClusterTree, _ rects: [Rect], vertical: Bool) -> [Rect] {
        var inner = [Rect](repeating: .zero, count: tree.count)
        for v in rects.indices where tree.of[v] >= 0 { inner[tree.of[v]] = inner[tree.of[v]].union(rects[v]) }
        var result = [Rect](repeating: .zero, count: tree.count)
        // Inner clusters first: deeper ones are finished before the cluster around them.
        for c in tree.deepestFirst {
            var r = inner[c]
            // As wide across the flow as the placement kept it (room for a label over arrows).
            if !r.isEmpty, vertical { r.width = max(r.width, tree.minAcross[c]) }
            result[c] =
                tree.framed[c] && !r.isEmpty
                ? Rect(x: r.x - 1, y: r.y - 1, width: r.width + 2, height: r.height + 2) : r
            if tree.parent[c] >= 0 { inner[tree.parent[c]] = inner[tree.parent[c]].union(result[c]) }
        }
        return result
    }
}
