/// Loss against iteration: a line through the points in order, with axes.
///
/// Braille by default, half blocks for a projector, one ASCII glyph per cell
/// with `GlyphSet.ascii`. NaN and ±Inf values are left out of the scale and
/// break the line (a gap), and a badge such as `NaN/Inf ×3` says how many.
/// On a log scale zeros and negatives are skipped the same way. With no
/// value left to draw, the chart shows a message instead.
public struct LineChart: Widget, Sendable {
    public var points: [ChartPoint]
    /// A long series drawn from its summary instead of `points` (see ``init(series:title:logScale:theme:glyphs:)``).
    public var series: ChartSeries?
    /// A series this long or shorter is drawn value by value (cheap, and ASCII's
    /// slope glyphs need the segments); a longer one column by column.
    var pointwiseLimit = 10_000
    public var title: String?
    /// Plot log10 of the values, with a tick at each decade.
    public var logScale: Bool
    /// A fixed x range (the planned iterations, so the line grows to the right); nil fits the data.
    public var xRange: ClosedRange<Double>?
    /// Ticks on the x axis only at whole numbers.
    public var integerX: Bool
    public var marker: ChartMarker
    public var glyphs: GlyphSet
    public var styles: ChartStyles
    /// Shown when there are no points at all.
    public var emptyMessage: String
    /// Shown when no point can be drawn (all NaN/Inf, or none positive on a log scale).
    public var noFiniteMessage: String
    /// Badge prefix for values that are NaN or infinite.
    public var badgeLabel: String
    /// What the title says of a log axis: `loss (log scale)`.
    public var logLabel = "log scale"

    /// A chart of `values` at x = `firstX`, `firstX + 1`, …
    public init(
        values: [Double], firstX: Double = 0, title: String? = nil, logScale: Bool = false,
        theme: Theme = .default, glyphs: GlyphSet = .unicode
    ) {
        self.init(
            points: values.enumerated().map { ChartPoint(x: firstX + Double($0.offset), y: $0.element) },
            title: title, logScale: logScale, theme: theme, glyphs: glyphs)
    }

    public init(
        points: [ChartPoint], title: String? = nil, logScale: Bool = false,
        theme: Theme = .default, glyphs: GlyphSet = .unicode
    ) {
        self.points = points
        series = nil
        self.title = title
        self.logScale = logScale
        xRange = nil
        integerX = true
        marker = glyphs.isASCII ? .ascii : theme.chartMarker
        self.glyphs = glyphs
        styles = ChartStyles(theme: theme)
        emptyMessage = "no data yet"
        noFiniteMessage = logScale ? "no positive finite values" : "no finite values"
        badgeLabel = "NaN/Inf"
    }

    /// How many values are NaN or infinite.
    public var nonFiniteCount: Int {
        if let series { return series.extent.nonFinite }
        return points.reduce(0) { $0 + ($1.isFinite ? 0 : 1) }
    }

    /// The point in axis space (log10 applied), or nil when it cannot be drawn.
    func plotted(_ p: ChartPoint) -> (x: Double, y: Double)? {
        guard p.isFinite else { return nil }
        if logScale {
            guard p.y > 0 else { return nil }
            return (p.x, ChartMath.log10(p.y))
        }
        return (p.x, p.y)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let content = content()
        let badge = badgeText(nonFinite: content.nonFinite, skippedNonPositive: content.skipped)
        var minX = xRange?.lowerBound ?? content.x?.lowerBound ?? .infinity
        var maxX = xRange?.upperBound ?? content.x?.upperBound ?? -.infinity
        var minY = content.y?.lowerBound ?? .infinity
        var maxY = content.y?.upperBound ?? -.infinity
        let drawable = content.y != nil
        if !drawable {
            minY = 0
            maxY = 1
            if xRange == nil {
                minX = 0
                maxX = 1
            }
        }
        // A log axis says so, in words: its ticks alone (1, 10, 100) could be a linear axis.
        let title = logScale ? self.title.map { $0 + " (" + logLabel + ")" } ?? logLabel : self.title
        let frame = ChartFrame(
            area: area, hasTitle: title != nil, marker: marker,
            yScale: { [logScale] n in
                logScale
                    ? AxisScale.log(minY, maxY, maxTicks: n)
                    : AxisScale.linear(minY, maxY, maxTicks: n, integer: false, extend: true)
            },
            xScale: { [integerX] n in AxisScale.linear(minX, maxX, maxTicks: n, integer: integerX, extend: false) })
        if !drawable {
            frame.drawHeader(title: title, badge: badge, into: &buffer, glyphs: glyphs, styles: styles)
            frame.drawMessage(
                content.total == 0 ? emptyMessage : noFiniteMessage, into: &buffer, glyphs: glyphs, styles: styles)
            return
        }
        frame.drawAxes(into: &buffer, glyphs: glyphs, styles: styles)
        var canvas = DotCanvas(columns: frame.plot.width, rows: frame.plot.height, marker: marker)
        var previous: (x: Double, y: Double)? = nil
        if let series { draw(series, frame: frame, into: &canvas) }
        for p in points {
            guard let q = plotted(p) else {
                previous = nil  // a gap where the value is missing
                continue
            }
            let d = frame.dot(q.x, q.y)
            if let previous { canvas.line(from: previous, to: d, layer: 0) } else { canvas.point(d, layer: 0) }
            previous = d
        }
        canvas.draw(into: &buffer, x: frame.plot.x, y: frame.plot.y, styles: [styles.line])
        frame.drawHeader(title: title, badge: badge, into: &buffer, glyphs: glyphs, styles: styles)
    }

    func badgeText(nonFinite bad: Int, skippedNonPositive: Int) -> String? {
        var parts: [String] = []
        if bad > 0 { parts.append("\(badgeLabel) \(glyphs.times)\(bad)") }
        if skippedNonPositive > 0 {
            parts.append((glyphs.isASCII ? "<=0 " : "≤0 ") + "\(glyphs.times)\(skippedNonPositive)")
        }
        return parts.isEmpty ? nil : " " + parts.joined(separator: ", ") + " "
    }
}
