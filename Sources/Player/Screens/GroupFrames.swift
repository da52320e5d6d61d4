import Lessons
import Rendering

/// The frames around open layers (`M.l0`, `M.l1`): a dashed line one cell outside
/// the layer's boxes, its path on the top side, where the layout kept room for
/// both. Drawn after the graph, on blank cells only, so a frame never hides a box,
/// a wire or a label: wires cross it.
enum GroupFrames {
    /// The frames of `layout`'s labelled clusters as they show through `target`, scrolled by `offset`.
    static func draw(
        layout: GraphLayout, offset: GraphPoint, in target: Rect, context: ScreenContext, buffer: inout Buffer
    ) {
        let style = context.theme.secondary
        let h = context.ascii ? "." : "╌"
        let v = context.ascii ? ":" : "╎"
        for cluster in layout.clusters {
            guard let name = cluster.label, !cluster.rect.isEmpty, isClear(cluster, layout) else { continue }
            // In screen cells.
            let left = target.x + cluster.rect.x - offset.x
            let top = target.y + cluster.rect.y - offset.y
            let right = left + cluster.rect.width - 1
            let bottom = top + cluster.rect.height - 1
            var labelled: Range<Int> = 0..<0
            var labelRow = top
            if let origin = cluster.labelOrigin {
                let label = Array(" " + name + " ")
                let x = target.x + origin.x - offset.x
                labelRow = target.y + origin.y - offset.y
                // Only where all of it shows on blank cells (a "more" tag may sit on the frame).
                let free = label.indices.allSatisfy {
                    target.contains(x: x + $0, y: labelRow) && buffer.symbol(x: x + $0, y: labelRow) == " "
                }
                if free {
                    labelled = x..<(x + label.count)
                    for (i, c) in label.enumerated() {
                        buffer[x + i, labelRow] = Cell(symbol: String(c), style: style.adding(.bold))
                    }
                }
            }
            func put(_ symbol: String, _ x: Int, _ y: Int) {
                guard target.contains(x: x, y: y), buffer.symbol(x: x, y: y) == " " else { return }
                if y == labelRow, labelled.contains(x) { return }
                buffer[x, y] = Cell(symbol: symbol, style: style)
            }
            for x in left...right {
                put(h, x, top)
                put(h, x, bottom)
            }
            for y in (top + 1)..<bottom {
                put(v, left, y)
                put(v, right, y)
            }
        }
    }

    /// True when no box outside the cluster lies inside its frame (the layout keeps
    /// them out; a frame crossing one would read as a wire, so it is left out).
    static func isClear(_ cluster: GraphLayout.PlacedCluster, _ layout: GraphLayout) -> Bool {
        let members = Set(cluster.members)
        return !layout.nodes.contains { !members.contains($0.id) && $0.rect.intersects(cluster.rect) }
    }
}
