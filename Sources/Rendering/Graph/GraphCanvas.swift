/// A scratch grid the size of a layout: what occupies each cell, the line
/// joins drawn there, and how many edges pass. Used once per layout to
/// collect the line glyph masks and to find free room for edge labels.
struct GraphCanvas {
    static let north: UInt8 = 1
    static let east: UInt8 = 2
    static let south: UInt8 = 4
    static let west: UInt8 = 8

    private enum Occupant: UInt8 {
        case free, box, line, arrow, label, frame
    }

    /// The layout cells this canvas covers (it may reach past the drawing, for labels).
    let area: Rect
    private let width: Int
    private let height: Int
    private var occupant: [Occupant]
    private var mask: [UInt8]
    /// Edges through each cell (saturating; only "one" versus "more" matters).
    private var edgesHere: [UInt8]

    init(area: Rect) {
        self.area = area
        width = area.width
        height = area.height
        let n = self.width * self.height
        occupant = [Occupant](repeating: .free, count: n)
        mask = [UInt8](repeating: 0, count: n)
        edgesHere = [UInt8](repeating: 0, count: n)
    }

    @inline(__always)
    private func index(_ x: Int, _ y: Int) -> Int? {
        let cx = x - area.x
        let cy = y - area.y
        return cx >= 0 && cy >= 0 && cx < width && cy < height ? cy * width + cx : nil
    }

    mutating func markBox(_ r: Rect) {
        for y in r.y..<r.bottom {
            for x in r.x..<r.right {
                if let i = index(x, y) { occupant[i] = .box }
            }
        }
    }

    /// Claims the free cells of a cluster's frame line (the border of `r`), so no edge label lands on it.
    mutating func markFrame(_ r: Rect) {
        guard !r.isEmpty else { return }
        for x in r.x..<r.right {
            for y in [r.y, r.bottom - 1] {
                if let i = index(x, y), occupant[i] == .free { occupant[i] = .frame }
            }
        }
        for y in r.y..<r.bottom {
            for x in [r.x, r.right - 1] {
                if let i = index(x, y), occupant[i] == .free { occupant[i] = .frame }
            }
        }
    }

    /// The first cell of a frame's label `w` cells wide on the top side of `r`, two
    /// cells in from its corner if no line or arrow is there, else the nearest room on
    /// that side, else on the bottom side; nil when neither has room. The label is claimed.
    mutating func placeFrameLabel(width w: Int, frame r: Rect) -> GraphPoint? {
        guard w > 0, r.width >= w + 2 else { return nil }
        let xs = [r.x + 2] + Array((r.x + 3)..<max(r.x + 3, r.right - w)) + [r.x + 1]
        for y in [r.y, r.bottom - 1] {
            for x in xs where x + w < r.right {
                let free = (x..<(x + w)).allSatisfy { cx in
                    index(cx, y).map { occupant[$0] == .free || occupant[$0] == .frame } ?? false
                }
                guard free else { continue }
                for cx in x..<(x + w) {
                    if let i = index(cx, y) { occupant[i] = .label }
                }
                return GraphPoint(x: x, y: y)
            }
        }
        return nil
    }

    /// Records the joins of every cell on `path`; its last cell is the arrowhead.
    ///
    /// A path never crosses itself (it only moves forward along the flow), so
    /// each cell is counted once per edge by skipping the corner every run
    /// shares with the run before it.
    mutating func drawPath(_ path: [GraphPoint], vertical: Bool) {
        guard let first = path.first, let last = path.last else { return }
        if let i = index(first.x, first.y) { mask[i] |= vertical ? Self.north : Self.west }
        if path.count == 1 { touch(first.x, first.y, bits: 0, counts: true) }
        for k in 1..<max(1, path.count) {
            let a = path[k - 1]
            let b = path[k]
            if a.y == b.y {
                let lo = min(a.x, b.x)
                let hi = max(a.x, b.x)
                for x in lo...hi {
                    touch(x, a.y, bits: (x > lo ? Self.west : 0) | (x < hi ? Self.east : 0), counts: k == 1 || x != a.x)
                }
            } else {
                let lo = min(a.y, b.y)
                let hi = max(a.y, b.y)
                for y in lo...hi {
                    touch(
                        a.x, y, bits: (y > lo ? Self.north : 0) | (y < hi ? Self.south : 0), counts: k == 1 || y != a.y)
                }
            }
        }
        if let i = index(last.x, last.y) { occupant[i] = .arrow }
    }

    private mutating func touch(_ x: Int, _ y: Int, bits: UInt8, counts: Bool) {
        guard let i = index(x, y) else { return }
        mask[i] |= bits
        if occupant[i] == .free { occupant[i] = .line }
        if counts, edgesHere[i] < UInt8.max { edgesHere[i] += 1 }
    }

    /// Every line cell (not arrowheads), row by row, in layout coordinates.
    func lineCells() -> [GraphLayout.LineCell] {
        var cells: [GraphLayout.LineCell] = []
        for y in 0..<height {
            for x in 0..<width {
                let i = y * width + x
                if occupant[i] == .line, mask[i] != 0 {
                    cells.append(.init(x: x + area.x, y: y + area.y, mask: mask[i]))
                }
            }
        }
        return cells
    }

    /// Finds free cells for a label of `width` columns beside one of the
    /// runs of `path` and claims them; nil when there is no such room.
    ///
    /// Runs near the target are tried first (each arrow's label sits by its
    /// own arrowhead), runs along the flow before runs across it, and runs
    /// only this edge uses before shared ones, so a label names one arrow.
    /// Beside a run, the side away from `toward` (the target's middle) comes
    /// first; for a run in line with it, the side away from the source's exit,
    /// so the two labels of a fork sit outside its branches.
    mutating func placeLabel(width w: Int, path: [GraphPoint], vertical: Bool, toward: GraphPoint) -> GraphPoint? {
        guard w > 0, path.count >= 2 else { return nil }
        var runs: [(GraphPoint, GraphPoint)] = []
        for k in stride(from: path.count - 1, to: 0, by: -1) { runs.append((path[k - 1], path[k])) }
        for exclusive in [true, false] {
            for alongFlow in [true, false] {
                for (a, b) in runs {
                    let horizontal = a.y == b.y
                    guard horizontal == (alongFlow != vertical) else { continue }
                    let found: GraphPoint?
                    if horizontal {
                        let reference = a.y != toward.y ? toward.y : path[0].y
                        found = besideHorizontal(a, b, w: w, exclusive: exclusive, aboveFirst: a.y <= reference)
                    } else {
                        let reference = a.x != toward.x ? toward.x : path[0].x
                        found = besideVertical(a, b, w: w, exclusive: exclusive, leftFirst: a.x < reference)
                    }
                    if let origin = found {
                        for x in origin.x..<(origin.x + w) {
                            if let i = index(x, origin.y) { occupant[i] = .label }
                        }
                        return origin
                    }
                }
            }
        }
        return nil
    }

    private func besideHorizontal(
        _ a: GraphPoint, _ b: GraphPoint, w: Int, exclusive: Bool,
        aboveFirst: Bool
    ) -> GraphPoint? {
        let lo = min(a.x, b.x)
        let hi = max(a.x, b.x)
        let length = hi - lo + 1
        // The label lies within the run, or the run within the label.
        let first = length >= w ? lo : hi - w + 1
        let last = length >= w ? hi - w + 1 : lo
        let centre = first + (last - first) / 2
        for row in aboveFirst ? [a.y - 1, a.y + 1] : [a.y + 1, a.y - 1] {
            for step in 0..<min(16, last - first + 1) {
                let x = step % 2 == 0 ? centre - step / 2 : centre + (step + 1) / 2
                guard x >= first, x <= last else { continue }
                if exclusive {
                    var alone = true
                    for cx in max(lo, x)...min(hi, x + w - 1) where !onlyOneEdge(cx, a.y) { alone = false }
                    if !alone { continue }
                }
                if isFree(x, row, w) { return GraphPoint(x: x, y: row) }
            }
        }
        return nil
    }

    private func besideVertical(
        _ a: GraphPoint, _ b: GraphPoint, w: Int, exclusive: Bool,
        leftFirst: Bool
    ) -> GraphPoint? {
        let lo = min(a.y, b.y)
        let hi = max(a.y, b.y)
        let centre = lo + (hi - lo) / 2
        for step in 0..<min(16, hi - lo + 1) {
            let y = step % 2 == 0 ? centre - step / 2 : centre + (step + 1) / 2
            guard y >= lo, y <= hi else { continue }
            if exclusive, !onlyOneEdge(a.x, y) { continue }
            for x in leftFirst ? [a.x - w, a.x + 1] : [a.x + 1, a.x - w] where isFree(x, y, w) {
                return GraphPoint(x: x, y: y)
            }
        }
        return nil
    }

    private func onlyOneEdge(_ x: Int, _ y: Int) -> Bool {
        guard let i = index(x, y) else { return false }
        return edgesHere[i] == 1
    }

    /// True when `w` cells from (`x`, `y`) are free and neither end touches
    /// another label or a box (a label glued to a border reads as part of the box).
    private func isFree(_ x: Int, _ y: Int, _ w: Int) -> Bool {
        guard let start = index(x, y), index(x + w - 1, y) != nil else { return false }
        for i in start..<(start + w) where occupant[i] != .free { return false }
        if let i = index(x - 1, y), occupant[i] == .label || occupant[i] == .box { return false }
        if let i = index(x + w, y), occupant[i] == .label || occupant[i] == .box { return false }
        return true
    }
}
