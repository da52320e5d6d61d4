/// Points in the plane by class, each class with its own marker (so classes
/// read without colour), optionally over a model's decision regions shaded
/// cell by cell with a glyph per class.
///
/// One point per cell: a cell shows the class of the last point drawn into it.
/// The regions are a grid of classes over `regionX` × `regionY`, sampled at
/// each cell's centre.
public struct ClassChart: Widget, Sendable {
    /// The decision regions: the class at each grid point, row 0 at the top (largest y).
    public struct Regions: Equatable, Sendable {
        public var columns: Int
        public var rows: Int
        public var classes: [Int]
        public var x: ClosedRange<Double>
        public var y: ClosedRange<Double>

        public init(columns: Int, rows: Int, classes: [Int], x: ClosedRange<Double>, y: ClosedRange<Double>) {
            self.columns = columns
            self.rows = rows
            self.classes = classes
            self.x = x
            self.y = y
        }

        /// The class at (px, py), from the nearest grid point.
        func classAt(_ px: Double, _ py: Double) -> Int? {
            guard columns > 0, rows > 0, classes.count == columns * rows else { return nil }
            let fx = (px - x.lowerBound) / Swift.max(x.upperBound - x.lowerBound, 1e-12)
            let fy = (y.upperBound - py) / Swift.max(y.upperBound - y.lowerBound, 1e-12)
            let c = Swift.min(columns - 1, Swift.max(0, Int((fx * Double(columns)).rounded(.down))))
            let r = Swift.min(rows - 1, Swift.max(0, Int((fy * Double(rows)).rounded(.down))))
            return classes[r * columns + c]
        }
    }

    public var points: [(x: Double, y: Double, label: Int)]
    public var regions: Regions?
    public var title: String?
    public var glyphs: GlyphSet
    public var styles: ChartStyles
    public var regionStyle: Style

    /// The marker of each class's points: ASCII shapes, not letters, the same on every terminal.
    public static let markers = ["*", "+", "#", "@", "%", "&"]
    /// The shading of each class's region: Unicode shades, or ASCII stand-ins.
    public static func shades(ascii: Bool) -> [String] {
        ascii ? [".", ":", "=", "~", "^", "'"] : ["░", "▒", "▓", "┄", "╌", "┈"]
    }

    public init(
        points: [(x: Double, y: Double, label: Int)], regions: Regions? = nil, title: String? = nil,
        theme: Theme = .default, glyphs: GlyphSet = .unicode
    ) {
        self.points = points
        self.regions = regions
        self.title = title
        self.glyphs = glyphs
        styles = ChartStyles(theme: theme)
        regionStyle = theme.secondary
    }

    /// `* 0  + 1  # 2`: which marker is which class; over regions, each marker with its
    /// region's shade (`*░ 0  +▒ 1  #▓ 2`), so the shading is read without colour too.
    public static func legend(classes: Int, shaded: Bool = false, ascii: Bool = false) -> String {
        let shades = self.shades(ascii: ascii)
        return (0..<Swift.max(0, classes)).map { k in
            markers[k % markers.count] + (shaded ? shades[k % shades.count] : "") + " \(k)"
        }.joined(separator: "  ")
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        var (minX, maxX, minY, maxY) = (Double.infinity, -Double.infinity, Double.infinity, -Double.infinity)
        for p in finite {
            (minX, maxX, minY, maxY) = (
                Swift.min(minX, p.x), Swift.max(maxX, p.x), Swift.min(minY, p.y), Swift.max(maxY, p.y)
            )
        }
        if let r = regions {
            (minX, maxX) = (Swift.min(minX, r.x.lowerBound), Swift.max(maxX, r.x.upperBound))
            (minY, maxY) = (Swift.min(minY, r.y.lowerBound), Swift.max(maxY, r.y.upperBound))
        }
        if !minX.isFinite || !minY.isFinite { (minX, maxX, minY, maxY) = (0, 1, 0, 1) }
        let frame = ChartFrame(
            area: area, hasTitle: title != nil, marker: .ascii,
            yScale: { n in AxisScale.linear(minY, maxY, maxTicks: n, integer: false, extend: true) },
            xScale: { n in AxisScale.linear(minX, maxX, maxTicks: n, integer: false, extend: true) })
        frame.drawAxes(into: &buffer, glyphs: glyphs, styles: styles)
        let plot = frame.plot
        if let regions, plot.width > 0, plot.height > 0 {
            let shades = ClassChart.shades(ascii: glyphs.isASCII)
            for row in 0..<plot.height {
                for column in 0..<plot.width {
                    let px = frame.x.low + (Double(column) + 0.5) / Double(plot.width) * (frame.x.high - frame.x.low)
                    let py = frame.y.high - (Double(row) + 0.5) / Double(plot.height) * (frame.y.high - frame.y.low)
                    guard let k = regions.classAt(px, py), k >= 0 else { continue }
                    buffer[plot.x + column, plot.y + row] = Cell(
                        symbol: shades[k % shades.count], style: regionStyle)
                }
            }
        }
        for p in finite {
            let d = frame.dot(p.x, p.y)
            let column = plot.x + Int(d.x.rounded())
            let row = plot.y + Int(d.y.rounded())
            guard plot.contains(x: column, y: row) else { continue }
            buffer[column, row] = Cell(
                symbol: ClassChart.markers[((p.label % 6) + 6) % 6], style: styles.points)
        }
        let bad = points.count - finite.count
        let badge = bad > 0 ? " NaN/Inf \(glyphs.times)\(bad) " : nil
        frame.drawHeader(title: title, badge: badge, into: &buffer, glyphs: glyphs, styles: styles)
    }
}
