/// A grid of dots over a block of cells, turned into glyphs at the end.
///
/// Braille gives 2×4 dots per cell, half blocks 1×2, ASCII one per cell.
/// A cell has one style, so the layer drawn last into a cell colours it: draw
/// the fit line after the points. In ASCII a cell holds one glyph; data
/// points (`*`) are never overwritten by a line, so no data is hidden.
struct DotCanvas {
    let columns: Int
    let rows: Int
    let marker: ChartMarker
    let dotsWide: Int
    let dotsHigh: Int
    private(set) var bits: [UInt8]
    /// Layer that drew last into each cell (-1: none).
    private(set) var layers: [Int8]
    /// ASCII glyph of each cell.
    private(set) var ascii: [UInt8]

    init(columns: Int, rows: Int, marker: ChartMarker) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.marker = marker
        let per = marker.dotsPerCell
        dotsWide = self.columns * per.x
        dotsHigh = self.rows * per.y
        bits = Array(repeating: 0, count: self.columns * self.rows)
        layers = Array(repeating: -1, count: self.columns * self.rows)
        ascii = Array(repeating: 0, count: self.columns * self.rows)
    }

    /// Sets the dot at (`x`, `y`), counted from the top-left; outside is ignored.
    mutating func set(_ x: Int, _ y: Int, layer: Int8, glyph: UInt8 = UInt8(ascii: "*")) {
        guard x >= 0, y >= 0, x < dotsWide, y < dotsHigh else { return }
        let per = marker.dotsPerCell
        let cx = x / per.x
        let cy = y / per.y
        let i = cy * columns + cx
        switch marker {
        case .braille: bits[i] |= DotCanvas.brailleBits[y % 4][x % 2]
        case .halfBlock: bits[i] |= y % 2 == 0 ? 1 : 2
        case .ascii:
            if ascii[i] == UInt8(ascii: "*"), glyph != UInt8(ascii: "*") { return }
            ascii[i] = glyph
            bits[i] = 1
        }
        layers[i] = layer
    }

    /// A straight line between two dot positions (any finite values; clipped to the canvas).
    mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), layer: Int8) {
        guard let (p, q) = clip(a, b) else { return }
        var x0 = Int(p.x.rounded())
        var y0 = Int(p.y.rounded())
        let x1 = Int(q.x.rounded())
        let y1 = Int(q.y.rounded())
        let glyph = DotCanvas.slopeGlyph(dx: q.x - p.x, dy: q.y - p.y)
        // Bresenham in dot space.
        let dx = abs(x1 - x0)
        let sx = x0 < x1 ? 1 : -1
        let dy = -abs(y1 - y0)
        let sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x0, y0, layer: layer, glyph: glyph)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy {
                err += dy
                x0 += sx
            }
            if e2 <= dx {
                err += dx
                y0 += sy
            }
        }
    }

    /// A single point at a dot position (ignored when outside or not finite).
    mutating func point(_ p: (x: Double, y: Double), layer: Int8) {
        guard p.x.isFinite, p.y.isFinite, p.x > -0.5, p.y > -0.5,
            p.x < Double(dotsWide) - 0.5, p.y < Double(dotsHigh) - 0.5
        else { return }
        set(Int(p.x.rounded()), Int(p.y.rounded()), layer: layer)
    }

    /// Copies the inked cells into `buffer` at `origin`, styled by layer.
    func draw(into buffer: inout Buffer, x originX: Int, y originY: Int, styles: [Style]) {
        for cy in 0..<rows {
            for cx in 0..<columns {
                let i = cy * columns + cx
                guard bits[i] != 0 else { continue }
                let layer = Int(layers[i])
                let style = layer >= 0 && layer < styles.count ? styles[layer] : .plain
                buffer.setScalar(glyph(i), x: originX + cx, y: originY + cy, style: style)
            }
        }
    }

    /// The scalar drawn for cell `i`.
    func glyph(_ i: Int) -> UInt32 {
        switch marker {
        case .braille: return 0x2800 + UInt32(bits[i])
        case .halfBlock: return bits[i] == 3 ? 0x2588 : bits[i] == 1 ? 0x2580 : 0x2584  // █ ▀ ▄
        case .ascii: return UInt32(ascii[i])
        }
    }

    /// Dot bits of a braille cell by row (0–3) and column (0–1).
    static let brailleBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// `-`, `|`, `/` or `\` for a segment's direction (y grows downwards).
    static func slopeGlyph(dx: Double, dy: Double) -> UInt8 {
        let ax = abs(dx)
        let ay = abs(dy)
        if ay <= ax * 0.4 { return UInt8(ascii: "-") }
        if ax <= ay * 0.4 { return UInt8(ascii: "|") }
        return (dx > 0) == (dy < 0) ? UInt8(ascii: "/") : UInt8(ascii: "\\")
    }

    /// The part of segment `a`–`b` inside the canvas (Liang–Barsky), or nil.
    func clip(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> (
        (x: Double, y: Double), (x: Double, y: Double)
    )? {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite, dotsWide > 0, dotsHigh > 0 else { return nil }
        let minX = -0.49
        let maxX = Double(dotsWide) - 0.51
        let minY = -0.49
        let maxY = Double(dotsHigh) - 0.51
        let dx = b.x - a.x
        let dy = b.y - a.y
        guard dx.isFinite, dy.isFinite else { return nil }
        var t0 = 0.0
        var t1 = 1.0
        for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 {
                    if r > t1 { return nil }
                    t0 = max(t0, r)
                } else {
                    if r < t0 { return nil }
                    t1 = min(t1, r)
                }
            }
        }
        return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
    }
}
