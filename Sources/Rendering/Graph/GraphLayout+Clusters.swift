extension GraphLayout {
    /// Each cluster's rectangle from its boxes: for one with a label its frame, a cell
    /// outside the boxes and the frames inside it; for one without, what it holds.
    static func clusterRects(_ tree: ClusterTree, _ rects: [Rect]) -> [Rect] {
        var inner = [Rect](repeating: .zero, count: tree.count)
        for v in rects.indices where tree.of[v] >= 0 { inner[tree.of[v]] = inner[tree.of[v]].union(rects[v]) }
        // Inner clusters first: deeper ones are finished before the cluster around them.
        let deepestFirst = (0..<tree.count).sorted { (tree.chain($0).count, $0) > (tree.chain($1).count, $1) }
        var result = [Rect](repeating: .zero, count: tree.count)
        for c in deepestFirst {
            let r = inner[c]
            result[c] =
                tree.framed[c] && !r.isEmpty
                ? Rect(x: r.x - 1, y: r.y - 1, width: r.width + 2, height: r.height + 2) : r
            if tree.parent[c] >= 0 { inner[tree.parent[c]] = inner[tree.parent[c]].union(result[c]) }
        }
        return result
    }
}
