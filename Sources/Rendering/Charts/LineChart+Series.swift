/// The first `count` values of a summarised series, at x = `firstX`, `firstX + 1`, …:
/// what a ``LineChart`` draws a long loss history from.
public struct ChartSeries: Sendable {
    public var summary: SeriesSummary
    public var count: Int
    public var firstX: Double
    /// The values the y axis is scaled to: the whole run, so the axis stays put while the
    /// line grows frame by frame (nil: the values drawn).
    public var scaleCount: Int?

    public init(_ summary: SeriesSummary, count: Int? = nil, firstX: Double = 0, scaleCount: Int? = nil) {
        self.summary = summary
        self.count = Swift.max(0, Swift.min(count ?? summary.count, summary.count))
        self.firstX = firstX
        self.scaleCount = scaleCount.map { Swift.max(self.count, Swift.min($0, summary.count)) }
    }

    var extent: SeriesSummary.Extent { summary.extent(0..<count) }
    /// The extent the y axis is fitted to.
    var scaleExtent: SeriesSummary.Extent { scaleCount.map { summary.extent(0..<$0) } ?? extent }
}

extension LineChart {
    /// A chart of a long series, drawn from its summary: each column of dots
    /// is one range of values, drawn from its least to its greatest value and
    /// joined to the next column, so the time to draw follows the width of
    /// the chart, not the number of values.
    public init(
        series: ChartSeries, title: String? = nil, logScale: Bool = false,
        theme: Theme = .default, glyphs: GlyphSet = .unicode
    ) {
        self.init(points: [], title: title, logScale: logScale, theme: theme, glyphs: glyphs)
        self.series = series
    }

    /// What the chart has to fit and report: its bounds in axis space and its counts.
    struct Content {
        var x: ClosedRange<Double>?
        var y: ClosedRange<Double>?
        var total = 0
        var nonFinite = 0
        /// Finite values a log scale cannot draw (zero or below).
        var skipped = 0
    }

    func content() -> Content {
        var content = Content()
        if let series {
            let extent = series.extent
            content.total = series.count
            content.nonFinite = extent.nonFinite
            content.skipped = logScale ? extent.nonPositive : 0
            // Scaled to the whole run when it is known, but only once something of it is drawn.
            content.y = extent.drawable(logScale: logScale).flatMap { _ in
                series.scaleExtent.drawable(logScale: logScale)
            }.map {
                logScale ? ChartMath.log10($0.lowerBound)...ChartMath.log10($0.upperBound) : $0
            }
            if content.y != nil {
                // From the first value drawn to the last (each found by halving, as drawability is monotone).
                let drawn = { (r: Range<Int>) in series.summary.extent(r).drawable(logScale: logScale) != nil }
                let first = Self.partition(series.count) { !drawn(0..<($0 + 1)) }
                let last = Self.partition(series.count) { drawn($0..<series.count) } - 1
                content.x = (series.firstX + Double(first))...(series.firstX + Double(Swift.max(first, last)))
            }
            return content
        }
        content.total = points.count
        content.nonFinite = nonFiniteCount
        var drawn = 0
        for p in points {
            guard let q = plotted(p) else { continue }
            drawn += 1
            content.x = content.x.map { Swift.min($0.lowerBound, q.x)...Swift.max($0.upperBound, q.x) } ?? q.x...q.x
            content.y = content.y.map { Swift.min($0.lowerBound, q.y)...Swift.max($0.upperBound, q.y) } ?? q.y...q.y
        }
        content.skipped = points.count - drawn - content.nonFinite
        return content
    }

    /// The first i in 0..<count where `isBefore` is false (`isBefore` true then false along it), or count.
    static func partition(_ count: Int, _ isBefore: (Int) -> Bool) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if isBefore(mid) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The series in the canvas: value by value up to ``pointwiseLimit`` values (or
    /// while there are fewer than columns of dots), else column by column from the summary.
    func draw(_ series: ChartSeries, frame: ChartFrame, into canvas: inout DotCanvas) {
        // Dot x of value i is a + b·i (a linear x axis).
        let a = frame.dot(series.firstX, 0).x
        let b = frame.dot(series.firstX + 1, 0).x - a
        let summary = series.summary
        func axisY(_ v: Double) -> Double? {
            guard v.isFinite, !logScale || v > 0 else { return nil }
            return logScale ? ChartMath.log10(v) : v
        }
        func y(_ v: Double) -> Double? { axisY(v).map { frame.dot(series.firstX, $0).y } }
        guard b > 0, b < 1, series.count > Swift.max(pointwiseLimit, canvas.dotsWide) else {
            var previous: (x: Double, y: Double)? = nil
            for i in 0..<series.count {
                guard let v = axisY(summary.value(i)) else {
                    previous = nil  // a gap where the value is missing
                    continue
                }
                let d = frame.dot(series.firstX + Double(i), v)
                if let previous { canvas.line(from: previous, to: d, layer: 0) } else { canvas.point(d, layer: 0) }
                previous = d
            }
            return
        }
        // Column c holds the values whose dot x rounds to c: i in [(c − ½ − a)/b, (c + ½ − a)/b).
        func firstIndex(ofColumn c: Int) -> Int {
            let i = ((Double(c) - 0.5 - a) / b).rounded(.up)
            return Swift.max(0, Swift.min(series.count, i.isFinite ? Int(i) : 0))
        }
        var start = firstIndex(ofColumn: 0)
        var previous: (x: Double, y: Double)? = nil
        for c in 0..<canvas.dotsWide {
            let end = c == canvas.dotsWide - 1 ? series.count : firstIndex(ofColumn: c + 1)
            defer { start = end }
            guard start < end else { continue }
            let extent = series.summary.extent(start..<end)
            if let range = extent.drawable(logScale: logScale), let low = y(range.lowerBound),
                let high = y(range.upperBound)
            {
                canvas.line(from: (Double(c), low), to: (Double(c), high), layer: 0)
            }
            // Joined to the column before when neither end of the step between them is a gap.
            let first = y(summary.value(start)).map { (x: a + b * Double(start), y: $0) }
            if let previous, let first { canvas.line(from: previous, to: first, layer: 0) }
            previous = y(summary.value(end - 1)).map { (x: a + b * Double(end - 1), y: $0) }
        }
    }
}
