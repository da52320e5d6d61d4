import Testing

@testable import Rendering

@Suite struct ChartTests {
    let loss = (0..<100).map { 2.0 / (1.0 + Double($0) / 8) + 0.05 }

    /// Every inked cell of a chart rendered into a blank buffer.
    func inked(_ buffer: Buffer) -> Int {
        buffer.cells.reduce(0) { $0 + ($1.symbol == " " || $1.symbol.isEmpty ? 0 : 1) }
    }

    /// The plot glyphs (braille, blocks, `*`) of a rendered chart.
    func marks(_ buffer: Buffer) -> Int {
        buffer.cells.reduce(0) { count, cell in
            let s = cell.symbol.unicodeScalars.first?.value ?? 0
            return count + ((0x2801...0x28FF).contains(s) || "▀▄█*".contains(cell.symbol) ? 1 : 0)
        }
    }

    @Test func lossChartSnapshotsInThreeModes() {
        assertSnapshot(
            screenText(rendered(LineChart(values: loss, title: "loss"), width: 50, height: 14)),
            named: "line-braille")
        assertSnapshot(
            screenText(rendered(LineChart(values: loss, title: "loss", theme: .projector), width: 50, height: 14)),
            named: "line-halfblock")
        assertSnapshot(
            screenText(rendered(LineChart(values: loss, title: "loss", glyphs: .ascii), width: 50, height: 14)),
            named: "line-ascii")
        assertSnapshot(
            screenText(rendered(LineChart(values: loss, title: "loss", logScale: true), width: 50, height: 14)),
            named: "line-log")
    }

    @Test func constantSeriesSitsMidAxis() {
        let buffer = rendered(LineChart(values: [3, 3, 3, 3, 3]), width: 30, height: 10)
        let text = buffer.lines()
        let row = text.firstIndex { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } } ?? -1
        #expect((3...5).contains(row), "\(text)")
        #expect(text.contains { $0.hasPrefix("  3┤") })
        for value in [0.0, -7, 1e300, 1e-300] {
            let b = rendered(LineChart(values: [value, value]), width: 30, height: 10)
            #expect(marks(b) > 0, "constant \(value)")
        }
    }

    @Test func singlePointIsDrawn() {
        for glyphs in [GlyphSet.unicode, .ascii] {
            let b = rendered(LineChart(values: [0.7], glyphs: glyphs), width: 30, height: 10)
            #expect(marks(b) == 1)
        }
        let scatter = rendered(ScatterChart(points: [ChartPoint(x: 2, y: 2)]), width: 30, height: 10)
        #expect(marks(scatter) == 1)
    }

    @Test func nanAndInfinityAreGapsWithABadge() {
        var values = loss
        values[40] = .nan
        values[41] = .infinity
        values[70] = -.infinity
        let buffer = rendered(LineChart(values: values, title: "loss"), width: 50, height: 14)
        #expect(buffer.lines()[0].contains("NaN/Inf ×3"))
        let clean = rendered(
            LineChart(
                values: loss.enumerated().map { [40, 41, 70].contains($0.offset) ? 1 : $0.element }, title: "loss"),
            width: 50, height: 14)
        // The scale ignores the bad values: the axis labels are those of the clean data.
        #expect(buffer.lines()[1].prefix(4) == clean.lines()[1].prefix(4))
        let ascii = rendered(LineChart(values: values, glyphs: .ascii), width: 50, height: 14)
        #expect(ascii.lines()[0].contains("NaN/Inf x3"))
        #expect(LineChart(values: values).nonFiniteCount == 3)
    }

    @Test func noFiniteDataShowsAMessage() {
        let allBad = rendered(LineChart(values: [.nan, .infinity], title: "loss"), width: 40, height: 10)
        #expect(allBad.lines()[0].contains("NaN/Inf ×2"))
        #expect(allBad.lines().contains { $0.contains("no finite values") })
        #expect(marks(allBad) == 0)
        let empty = rendered(LineChart(values: []), width: 40, height: 10)
        #expect(empty.lines().contains { $0.contains("no data yet") })
        let scatter = rendered(ScatterChart(points: [ChartPoint(x: .nan, y: 1)]), width: 40, height: 10)
        #expect(scatter.lines().contains { $0.contains("no finite values") })
    }

    @Test func hugeAndTinyRanges() {
        let huge = rendered(LineChart(values: [1e300, 3e300, 2e300, -1.7e308, 1.7e308]), width: 40, height: 12)
        #expect(marks(huge) > 0)
        let hugeOnly = rendered(LineChart(values: [1e300, 3e300, 2e300]), width: 40, height: 12)
        #expect(hugeOnly.lines().contains { $0.contains("3e300") })
        let tiny = rendered(LineChart(values: [1e-300, 3e-300, 2e-300]), width: 40, height: 12)
        #expect(tiny.lines().contains { $0.contains("3e-300") })
        #expect(marks(tiny) > 3)
        let subnormal = rendered(LineChart(values: [5e-324, 1e-323]), width: 40, height: 12)
        #expect(marks(subnormal) > 0)
        let log = rendered(LineChart(values: [1e-300, 1e300], logScale: true), width: 40, height: 12)
        #expect(marks(log) > 0)
    }

    @Test func logScaleSkipsZerosAndNegatives() {
        let chart = LineChart(values: [1, 0.1, 0, 0.01, -3, 0.001], logScale: true)
        let buffer = rendered(chart, width: 40, height: 12)
        let text = buffer.lines()
        #expect(text[0].contains("≤0 ×2"))
        #expect(text.contains { $0.contains("0.001┤") } && text.contains { $0.contains("    1┤") })
        #expect(marks(buffer) > 0)
        let zeros = rendered(LineChart(values: [0, 0, -1], logScale: true), width: 40, height: 12)
        #expect(zeros.lines().contains { $0.contains("no positive finite values") })
    }

    @Test func niceTicks() {
        let scale = AxisScale.linear(0.05, 2.05, maxTicks: 2, integer: false, extend: true)
        #expect(scale.ticks == [0, 1, 2, 3] && scale.labels == ["0", "1", "2", "3"])
        let fine = AxisScale.linear(0.12, 0.19, maxTicks: 4, integer: false, extend: true)
        #expect(fine.labels == ["0.12", "0.14", "0.16", "0.18", "0.2"])
        let iterations = AxisScale.linear(0, 3, maxTicks: 10, integer: true, extend: false)
        #expect(iterations.labels == ["0", "1", "2", "3"])
        #expect(AxisScale.log(-3.2, 0.4, maxTicks: 8).labels == ["1e-4", "0.001", "0.01", "0.1", "1", "10"])
        #expect(AxisScale.log(-40, 40, maxTicks: 5).labels == ["1e-40", "1e-20", "1", "1e20", "1e40"])
        #expect(TickFormat.label(2e-5, step: 1e-5) == "2e-5")
        #expect(TickFormat.label(1_500_000, step: 500_000) == "1.5e6")
        #expect(TickFormat.label(-0.5, step: 0.5) == "-0.5")
        #expect(AxisScale.niceStep(0.4) == 0.5 && AxisScale.niceStep(7) == 10 && AxisScale.niceStep(1.5) == 2)
        #expect(AxisScale.niceStep(24.75) == 20 && AxisScale.niceStep(1e-300) == 1e-300)
    }

    @Test func asciiModePrintsOnlyASCII() {
        var values = loss
        values[10] = .nan
        let charts: [any Widget] = [
            LineChart(values: values, title: "loss", glyphs: .ascii),
            LineChart(values: [0, 1, 0.5], title: "log", logScale: true, glyphs: .ascii),
            ScatterChart(
                points: [ChartPoint(x: 0, y: 0), ChartPoint(x: 1, y: 1), ChartPoint(x: 2, y: .nan)],
                fit: [ChartPoint(x: 0, y: 0.2), ChartPoint(x: 2, y: 1.8)], title: "fit", glyphs: .ascii),
            LineChart(values: [.nan], glyphs: .ascii),
        ]
        for chart in charts {
            for (w, h) in [(60, 16), (20, 6), (8, 3)] {
                var buffer = Buffer(width: w, height: h)
                chart.render(in: buffer.area, buffer: &buffer)
                for line in buffer.lines() {
                    let onlyASCII = line.unicodeScalars.allSatisfy { $0.isASCII }
                    #expect(onlyASCII, "\(line)")
                }
            }
        }
    }

    @Test func chartsDrawOnlyInsideTheirRect() {
        let area = Rect(x: 5, y: 3, width: 30, height: 10)
        let charts: [any Widget] = [
            LineChart(values: loss, title: "a title that is longer than the chart is wide"),
            LineChart(values: [.nan, 1, .infinity]),
            ScatterChart(
                points: (0..<20).map { ChartPoint(x: Double($0), y: Double($0 % 7)) },
                fit: [ChartPoint(x: -100, y: -1e6), ChartPoint(x: 100, y: 1e6)]),
            LineChart(points: [ChartPoint(x: 0, y: 1), ChartPoint(x: 1e9, y: 2)]),
        ]
        for chart in charts {
            for marker in [Theme.default, .projector] {
                _ = marker
                var buffer = Buffer(width: 40, height: 16, fill: Cell(symbol: "#"))
                chart.render(in: area, buffer: &buffer)
                for y in 0..<16 {
                    for x in 0..<40 where !area.contains(x: x, y: y) {
                        #expect(buffer[x, y].symbol == "#", "(\(x), \(y))")
                    }
                }
            }
        }
    }

    @Test func tinyAreasNeverTrap() {
        for w in 0...8 {
            for h in 0...5 {
                _ = rendered(LineChart(values: loss, title: "t"), width: w, height: h)
                _ = rendered(
                    ScatterChart(points: [ChartPoint(x: 0, y: 0)], fit: [ChartPoint(x: 0, y: 0)]), width: w, height: h)
            }
        }
    }

    @Test func fitLineIsDrawnOverPoints() {
        let points = (0...10).map { ChartPoint(x: Double($0), y: Double($0)) }
        let fit = [ChartPoint(x: 0, y: 0), ChartPoint(x: 10, y: 10)]
        let buffer = rendered(ScatterChart(points: points, fit: fit, title: "fit"), width: 40, height: 14)
        let fitStyle = Theme.default.chartFit
        let pointStyle = Theme.default.chartPoints
        let styles = buffer.cells.filter {
            ($0.symbol.unicodeScalars.first?.value ?? 0) >= 0x2801
                && ($0.symbol.unicodeScalars.first?.value ?? 0) <= 0x28FF
        }.map(\.style)
        #expect(styles.contains(fitStyle))
        #expect(!styles.contains(pointStyle))  // every point lies on the fit, so the fit colours every cell
        assertSnapshot(screenText(buffer), named: "scatter-braille")
        let ascii = rendered(ScatterChart(points: points, fit: fit, glyphs: .ascii), width: 40, height: 14)
        // ASCII keeps every data point visible: 11, and the legend's `* data`.
        #expect(ascii.cells.filter { $0.symbol == "*" }.count == 12)
        assertSnapshot(screenText(ascii), named: "scatter-ascii")
    }
}
