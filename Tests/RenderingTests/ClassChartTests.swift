import Testing

@testable import Rendering

/// Points by class with a marker per class, over decision regions.
@Suite struct ClassChartTests {
    private func render(_ chart: ClassChart, _ width: Int = 30, _ height: Int = 12) -> String {
        var buffer = Buffer(width: width, height: height)
        buffer.render(chart, in: buffer.area)
        return (0..<height).map { y in (0..<width).map { buffer.symbol(x: $0, y: y) }.joined() }
            .joined(separator: "\n")
    }

    @Test func eachClassHasItsMarker() {
        let chart = ClassChart(
            points: [(x: 0, y: 0, label: 0), (x: 1, y: 1, label: 1), (x: 0, y: 1, label: 2)], title: "t by x")
        let text = render(chart)
        for marker in ["*", "+", "#"] { #expect(text.contains(marker), "\(marker)\n\(text)") }
        #expect(ClassChart.legend(classes: 3) == "* 0  + 1  # 2")
    }

    @Test func regionsShadeEveryPlotCellByClass() {
        // Left half class 0, right half class 1.
        let regions = ClassChart.Regions(columns: 2, rows: 1, classes: [0, 1], x: 0...1, y: 0...1)
        let chart = ClassChart(points: [], regions: regions)
        let text = render(chart)
        #expect(text.contains("░") && text.contains("▒") && !text.contains("▓"))
        let ascii = render(ClassChart(points: [], regions: regions, glyphs: .ascii))
        #expect(ascii.contains(".") && ascii.contains(":"))
        #expect(regions.classAt(0.1, 0.5) == 0 && regions.classAt(0.9, 0.5) == 1)
    }

    /// Over regions the legend pairs each marker with its region's shade, the one the chart draws.
    @Test func theLegendOverRegionsNamesEachShade() {
        #expect(ClassChart.legend(classes: 3, shaded: true) == "*░ 0  +▒ 1  #▓ 2")
        #expect(ClassChart.legend(classes: 2, shaded: true, ascii: true) == "*. 0  +: 1")
        let regions = ClassChart.Regions(columns: 3, rows: 1, classes: [0, 1, 2], x: 0...3, y: 0...1)
        let text = render(ClassChart(points: [], regions: regions), 40, 8)
        for (k, shade) in ClassChart.shades(ascii: false).prefix(3).enumerated() {
            #expect(text.contains(shade), "class \(k)'s shade \(shade) is drawn\n\(text)")
        }
    }

    @Test func tinyAreasDoNotCrash() {
        let chart = ClassChart(points: [(x: .nan, y: 0, label: 7)], regions: nil, title: "t")
        for (w, h) in [(0, 0), (1, 1), (3, 2), (12, 4)] { _ = render(chart, w, h) }
    }
}
