// A drawing larger than its area is cut at the area's edges. Without a sign,
// a student takes the cut boxes for the whole graph; each cut side gets a
// short reversed "more" tag pointing the way the drawing goes on.

extension GraphView {
    /// The sides where the drawing goes on beyond `area` at the current offset.
    public func overflow(in area: Rect) -> (left: Bool, right: Bool, up: Bool, down: Bool) {
        (left: offset.x > 0, right: layout.width - offset.x > area.width,
         up: offset.y > 0, down: layout.height - offset.y > area.height)
    }

    func drawOverflowTags(in area: Rect, _ buffer: inout Buffer) {
        guard let style = overflowStyle, !area.isEmpty else { return }
        let cut = overflow(in: area)
        if cut.left { tagOnSide(glyphs.arrowLeft + " more", atRight: false, area, style, &buffer) }
        if cut.right { tagOnSide("more " + glyphs.arrowRight, atRight: true, area, style, &buffer) }
        if cut.up { tagOnEnd(glyphs.arrowUp + " more", y: area.y, area, style, &buffer) }
        if cut.down { tagOnEnd("more " + glyphs.arrowDown, y: area.bottom - 1, area, style, &buffer) }
    }

    /// On the left or right edge, in the row nearest the middle that covers
    /// the least of the drawing (so a tag rarely hides a box's text).
    private func tagOnSide(_ text: String, atRight: Bool, _ area: Rect, _ style: Style, _ buffer: inout Buffer) {
        let width = displayWidth(text) + 2
        guard width <= area.width else { return }
        let x = atRight ? area.right - width : area.x
        let middle = area.y + area.height / 2
        let rows = (area.y..<area.bottom).sorted { abs($0 - middle) < abs($1 - middle) }
        guard let y = rows.min(by: { covered(x, $0, width, buffer) < covered(x, $1, width, buffer) }) else { return }
        _ = buffer.setString(" " + text + " ", x: x, y: y, style: style, maxWidth: width)
    }

    /// On the top or bottom row, in the columns nearest the middle that cover the least.
    private func tagOnEnd(_ text: String, y: Int, _ area: Rect, _ style: Style, _ buffer: inout Buffer) {
        let width = displayWidth(text) + 2
        guard width <= area.width else { return }
        let middle = area.x + (area.width - width) / 2
        let columns = (area.x...(area.right - width)).sorted { abs($0 - middle) < abs($1 - middle) }
        guard let x = columns.min(by: { covered($0, y, width, buffer) < covered($1, y, width, buffer) }) else { return }
        _ = buffer.setString(" " + text + " ", x: x, y: y, style: style, maxWidth: width)
    }

    /// How many of the `width` cells from (x, y) already show something.
    private func covered(_ x: Int, _ y: Int, _ width: Int, _ buffer: Buffer) -> Int {
        (x..<(x + width)).count { buffer[$0, y].symbol != " " }
    }
}
