import Lessons
import Rendering

/// The frames around open layers (`M.l0`, `M.l1`): a dashed line one cell outside
/// the layer's boxes, its path on the top side. Drawn after the graph, on blank
/// cells only, so a frame never hides a box, a wire or a label: wires cross it.
enum GroupFrames {
    static func draw(
        _ groups: [NodeGroup], drawn: [Int], layout: GraphLayout, offset: GraphPoint, in target: Rect,
        context: ScreenContext, buffer: inout Buffer
    ) {
        let style = context.theme.secondary
        let h = context.ascii ? "." : "╌"
        let v = context.ascii ? ":" : "╎"
        for group in groups {
            let rects = group.members.compactMap { layout.rect(of: $0) }
            guard var box = rects.first else { continue }
            for r in rects.dropFirst() { box = box.union(r) }
            // A frame that would cross a box outside the layer is left out: it would read as a wire.
            let around = Rect(x: box.x - 1, y: box.y - 1, width: box.width + 2, height: box.height + 2)
            let members = Set(group.members)
            if drawn.contains(where: { !members.contains($0) && (layout.rect(of: $0)?.intersects(around) ?? false) }) {
                continue
            }
            // One cell outside the boxes, in screen cells.
            let left = target.x + box.x - offset.x - 1
            let top = target.y + box.y - offset.y - 1
            let right = left + box.width + 1
            let bottom = top + box.height + 1
            // The label on the top side, where all of it is free (else the frame goes unlabelled).
            let label = Array(" " + context.text(group.name) + " ")
            let labelX = left + 2
            let free = label.indices.allSatisfy {
                target.contains(x: labelX + $0, y: top) && buffer.symbol(x: labelX + $0, y: top) == " "
            }
            let labelled = free ? labelX..<(labelX + label.count) : 0..<0
            for (i, c) in label.enumerated() where free {
                buffer[labelX + i, top] = Cell(symbol: String(c), style: style.adding(.bold))
            }
            func put(_ symbol: String, _ x: Int, _ y: Int) {
                guard target.contains(x: x, y: y), buffer.symbol(x: x, y: y) == " " else { return }
                if y == top, labelled.contains(x) { return }
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
}
