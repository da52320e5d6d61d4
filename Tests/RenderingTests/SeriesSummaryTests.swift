import Testing

@testable import Rendering

/// Long series drawn from their summary (issue 21): the extents agree with a
/// walk through the values, and the chart drawn column by column is the chart
/// drawn value by value.
@Suite struct SeriesSummaryTests {
    /// A loss-like series with noise, zeros, negatives, NaN and infinities mixed in.
    static func mixed(_ n: Int) -> [Double] {
        var state: UInt64 = 12345
        return (0..<n).map { i in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let r = Double(state >> 11) / Double(1 << 53)
            switch state % 97 {
            case 0: return .nan
            case 1: return .infinity
            case 2: return 0
            case 3: return -r
            default: return 3 / (1 + Double(i) / 50) + r * 0.1
            }
        }
    }

    static func walked(_ values: ArraySlice<Double>) -> SeriesSummary.Extent {
        var e = SeriesSummary.Extent()
        let finite = values.filter(\.isFinite)
        let positive = finite.filter { $0 > 0 }
        if let lo = finite.min(), let hi = finite.max() { e.finite = lo...hi }
        if let lo = positive.min(), let hi = positive.max() { e.positive = lo...hi }
        e.nonFinite = values.count - finite.count
        e.nonPositive = finite.count - positive.count
        return e
    }

    @Test func extentsAgreeWithAWalk() {
        for n in [0, 1, 15, 16, 17, 255, 256, 257, 5000] {
            let values = Self.mixed(n)
            let summary = SeriesSummary(values)
            var ranges: [Range<Int>] = [0..<n, 0..<0]
            var seed = n
            for _ in 0..<200 where n > 0 {
                seed = (seed &* 1_103_515_245 &+ 12345) & 0x7fff_ffff
                let a = seed % (n + 1)
                seed = (seed &* 1_103_515_245 &+ 12345) & 0x7fff_ffff
                let b = seed % (n + 1)
                ranges.append(Swift.min(a, b)..<Swift.max(a, b))
            }
            for r in ranges {
                #expect(summary.extent(r) == Self.walked(values[r]), "n \(n), range \(r)")
            }
        }
    }

    /// A chart of many values per column of dots looks the same drawn either way.
    @Test(arguments: [(60, 16, false), (100, 30, false), (41, 12, true)])
    func columnsDrawWhatTheValuesDraw(_ width: Int, _ height: Int, _ projector: Bool) {
        let theme: Theme = projector ? .projector : .default
        let decay: [Double] = (0..<20_000).map { (i: Int) -> Double in 2 / (1 + Double(i) / 300) + 0.05 }
        let saw: [Double] = (0..<7_000).map { (i: Int) -> Double in 1 + 0.5 * ChartMath.log10(1 + Double(i % 997)) }
        for values in [decay, saw] {
            let series = ChartSeries(SeriesSummary(values))
            var byValue = LineChart(series: series, title: "loss", theme: theme)
            byValue.pointwiseLimit = Int.max
            var byColumn = byValue
            byColumn.pointwiseLimit = 0
            #expect(
                rendered(byColumn, width: width, height: height).lines()
                    == rendered(byValue, width: width, height: height).lines())
            // A series of plain points draws the same chart as the series.
            let points = LineChart(values: values, title: "loss", theme: theme)
            #expect(
                rendered(points, width: width, height: height).lines()
                    == rendered(byValue, width: width, height: height).lines())
        }
    }

    /// Part of a series on an x axis planned for all of it: the line stops at its last value,
    /// and the badge counts only the values drawn.
    @Test func aPrefixOnAPlannedAxis() {
        var values = (0..<1_000_000).map { 1 / (1 + Double($0) / 1000) }
        values[600_000] = .nan
        let summary = SeriesSummary(values)
        var half = LineChart(series: ChartSeries(summary, count: 500_000), title: "loss", logScale: true)
        half.xRange = 0...1_000_000
        let text = rendered(half, width: 60, height: 16).lines()
        #expect(!text.joined().contains("NaN"))
        // Ink only in the left half of the plot (right of the axis corner).
        let rows = text.map { Array($0.unicodeScalars) }
        let axis = rows.compactMap { $0.firstIndex(of: "└") }.first ?? 0
        let inked = rows.flatMap { row in row.indices.filter { (0x2801...0x28FF).contains(row[$0].value) } }
        #expect(!inked.isEmpty)
        #expect((inked.max() ?? 0) <= axis + (60 - axis) / 2 + 1, "\(text.joined(separator: "\n"))")
        let whole = LineChart(series: ChartSeries(summary), title: "loss", logScale: true)
        #expect(rendered(whole, width: 60, height: 16).lines().joined().contains("NaN/Inf ×1"))
    }
}
