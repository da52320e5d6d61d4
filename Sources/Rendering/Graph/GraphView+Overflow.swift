// A drawing larger than its area is cut at the area's edges. Without a sign,
// a student takes the cut boxes for the whole graph; each cut side gets a
// short reversed "more" tag pointing the way the drawing goes on.

extension GraphView {
    /// The sides where the drawing goes on beyond `area` at the current offset.
    public func overflow(in area: Rect) -> (left: Bool, right: Bool, up: Bool, down: Bool) {
        (
            left: offset.x > 0, right: layout.width - offset.x > area.width,
            up: offset.y > 0, down: layout.height - offset.y > area.height
        )
    }

    /// - Parameter boxes: the boxes on screen (cut ones too), which a tag keeps off.
    func drawOverflowTags(in area: Rect, boxes: [Rect] = [], _ buffer: inout Buffer) {
        guard let style = overflowStyle, !area.isEmpty else { return }
        let cut = overflow(in: area)
        if let row = tagRow {
            // A row of its own: `◀ more` at the left, `more ▶` at the right, up and down between.
            var spots: [(String, Int)] = []
            if cut.left { spots.append((glyphs.arrowLeft + " " + moreText, area.x)) }
            if cut.up || cut.down {
                let text = [cut.up ? glyphs.arrowUp : nil, moreText, cut.down ? glyphs.arrowDown : nil]
                    .compactMap { $0 }.joined(separator: " ")
                spots.append((text, area.x + (area.width - displayWidth(text) - 2) / 2))
            }
            if cut.right {
                let text = moreText + " " + glyphs.arrowRight
                spots.append((text, area.right - displayWidth(text) - 2))
            }
            var free = area.x
            for (text, x) in spots where x >= free && x + displayWidth(text) + 2 <= area.right {
                buffer.setString(" " + text + " ", x: x, y: row, style: style, maxWidth: displayWidth(text) + 2)
                free = x + displayWidth(text) + 3
            }
            return
        }
        let rows = Array(area.y..<area.bottom)
        if cut.left {
            tag(glyphs.arrowLeft + " " + moreText, area, boxes, style, &buffer) { w in rows.map { (area.x, $0) } }
        }
        if cut.right {
            tag(moreText + " " + glyphs.arrowRight, area, boxes, style, &buffer) { w in
                rows.map { (area.right - w, $0) }
            }
        }
        if cut.up {
            tag(glyphs.arrowUp + " " + moreText, area, boxes, style, &buffer) { w in
                (area.x...(area.right - w)).map { ($0, area.y) }
            }
        }
        if cut.down {
            tag(moreText + " " + glyphs.arrowDown, area, boxes, style, &buffer) { w in
                (area.x...(area.right - w)).map { ($0, area.bottom - 1) }
            }
        }
    }

    /// " text " at the spot (from `spots(width)`) that covers the least of the
    /// drawing, the one nearest the middle of its edge among equals, so a tag
    /// rarely hides a box's text. A tag wider than the area is left out.
    private func tag(
        _ text: String, _ area: Rect, _ boxes: [Rect], _ style: Style, _ buffer: inout Buffer,
        spots: (Int) -> [(x: Int, y: Int)]
    ) {
        let width = displayWidth(text) + 2
        guard width <= area.width else { return }
        let middle = (x: area.x + (area.width - width) / 2, y: area.y + area.height / 2)
        let ordered = spots(width).sorted {
            abs($0.x - middle.x) + abs($0.y - middle.y) < abs($1.x - middle.x) + abs($1.y - middle.y)
        }
        // A cell of a box (an empty one of a box the edge cuts too) counts as more than any wire.
        func cost(_ spot: (x: Int, y: Int)) -> Int {
            let inBox = boxes.contains { $0.intersects(Rect(x: spot.x, y: spot.y, width: width, height: 1)) }
            return covered(spot.x, spot.y, width, buffer) + (inBox ? 10_000 : 0)
        }
        guard let spot = ordered.min(by: { cost($0) < cost($1) }) else { return }
        _ = buffer.setString(" " + text + " ", x: spot.x, y: spot.y, style: style, maxWidth: width)
    }

    /// How many of the `width` cells from (x, y) already show something.
    private func covered(_ x: Int, _ y: Int, _ width: Int, _ buffer: Buffer) -> Int {
        (x..<(x + width)).count { buffer[$0, y].symbol != " " }
    }
}
