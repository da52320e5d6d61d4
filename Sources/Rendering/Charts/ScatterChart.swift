/// Data points with a fitted curve drawn over them (regression, a small net's prediction).
///
/// The scale fits the data points only, so a wild early fit is clipped at
/// the edges rather than squashing the data. The fit is drawn after the
/// points, so where they share a cell the cell takes the fit's colour (in
/// ASCII the `*` of a data point stays). Non-finite points are skipped and
/// counted in a badge; non-finite fit values break the curve.
public struct ScatterChart: Widget, Sendable {
    public var points: [ChartPoint]
    /// The fitted curve as a polyline, in x order.
    public var fit: [ChartPoint]
    public var title: String?
    public var marker: ChartMarker
    public var glyphs: GlyphSet
    public var styles: ChartStyles
    public var emptyMessage: String
    public var noFiniteMessage: String
    public var badgeLabel: String
    /// The words of the legend: what the dots and the line are.
    public var dataLabel = "data"
    public var fitLabel = "fit"

    public init(
        points: [ChartPoint], fit: [ChartPoint] = [], title: String? = nil,
        theme: Theme = .default, glyphs: GlyphSet = .unicode
    ) {
        self.points = points
        self.fit = fit
        self.title = title
        marker = glyphs.isASCII ? .ascii : theme.chartMarker
        self.glyphs = glyphs
        styles = ChartStyles(theme: theme)
        emptyMessage = "no data yet"
        noFiniteMessage = "no finite values"
        badgeLabel = "NaN/Inf"
    }

    /// What the marks are, for a reader without colour: `· data  ─ fit`.
    public var legend: String {
        glyphs.isASCII
            ? "* \(dataLabel), - \(fitLabel)"
            : glyphs.middleDot + " " + dataLabel + "  " + glyphs.horizontal + " " + fitLabel
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let finite = points.filter(\.isFinite)
        let bad = points.count - finite.count
        let badge = bad > 0 ? " \(badgeLabel) \(glyphs.times)\(bad) " : nil
        var minX = Double.infinity
        var maxX = -Double.infinity
        var minY = Double.infinity
        var maxY = -Double.infinity
        for p in finite {
            minX = min(minX, p.x)
            maxX = max(maxX, p.x)
            minY = min(minY, p.y)
            maxY = max(maxY, p.y)
        }
        if finite.isEmpty { (minX, maxX, minY, maxY) = (0, 1, 0, 1) }
        // Data and fit told apart by shape in words as well as by colour: dots are data, the line is the fit.
        let title = fit.isEmpty ? self.title : (self.title.map { $0 + "  " } ?? "") + legend
        let frame = ChartFrame(
            area: area, hasTitle: title != nil, marker: marker,
            yScale: { n in AxisScale.linear(minY, maxY, maxTicks: n, integer: false, extend: true) },
            xScale: { n in AxisScale.linear(minX, maxX, maxTicks: n, integer: false, extend: true) })
        if finite.isEmpty {
            frame.drawHeader(title: title, badge: badge, into: &buffer, glyphs: glyphs, styles: styles)
            frame.drawMessage(
                points.isEmpty ? emptyMessage : noFiniteMessage, into: &buffer, glyphs: glyphs, styles: styles)
            return
        }
        frame.drawAxes(into: &buffer, glyphs: glyphs, styles: styles)
        var canvas = DotCanvas(columns: frame.plot.width, rows: frame.plot.height, marker: marker)
        for p in finite { canvas.point(frame.dot(p.x, p.y), layer: 0) }
        var previous: (x: Double, y: Double)? = nil
        for p in fit {
            guard p.isFinite else {
                previous = nil
                continue
            }
            let d = frame.dot(p.x, p.y)
            if let previous {
                canvas.line(from: previous, to: d, layer: 1)
            } else if fit.count == 1 {
                canvas.point(d, layer: 1)
            }
            previous = d
        }
        canvas.draw(into: &buffer, x: frame.plot.x, y: frame.plot.y, styles: [styles.points, styles.fit])
        frame.drawHeader(title: title, badge: badge, into: &buffer, glyphs: glyphs, styles: styles)
    }
}
