/// The parts every chart shares: where the plot goes inside the area, the two
/// axis scales, and drawing the axes, ticks, labels, title and badge.
///
/// Layout: an optional title row; y labels right-aligned left of a vertical
/// axis; the plot; an x axis row and a row of x labels. Too small an area
/// drops the axes and gives every cell to the plot.
struct ChartFrame {
    let area: Rect
    let plot: Rect
    let x: AxisScale
    let y: AxisScale
    let marker: ChartMarker
    let showsAxes: Bool

    init(
        area: Rect, hasTitle: Bool, marker: ChartMarker,
        yScale: (_ maxTicks: Int) -> AxisScale, xScale: (_ maxTicks: Int) -> AxisScale
    ) {
        self.area = area
        self.marker = marker
        let top = area.y + (hasTitle && area.height > 1 ? 1 : 0)
        let rowsLeft = area.bottom - top
        showsAxes = rowsLeft >= 4 && area.width >= 12
        guard showsAxes else {
            y = yScale(2)
            x = xScale(2)
            plot = Rect(x: area.x, y: top, width: area.width, height: rowsLeft)
            return
        }
        let plotRows = rowsLeft - 2
        // About three rows per tick, so labels never crowd into neighbouring rows.
        y = yScale(max(2, min(8, plotRows / 3)))
        let labelWidth = min(y.labels.map(displayWidth).max() ?? 1, area.width / 3)
        let plotColumns = area.width - labelWidth - 1
        x = xScale(max(2, min(12, plotColumns / 10)))
        plot = Rect(x: area.x + labelWidth + 1, y: top, width: plotColumns, height: plotRows)
    }

    var dotsWide: Int { plot.width * marker.dotsPerCell.x }
    var dotsHigh: Int { plot.height * marker.dotsPerCell.y }

    /// Dot position of a point given in axis space (log10 already applied).
    func dot(_ px: Double, _ py: Double) -> (x: Double, y: Double) {
        (x.fraction(px) * Double(max(0, dotsWide - 1)), (1 - y.fraction(py)) * Double(max(0, dotsHigh - 1)))
    }

    func row(ofTick t: Double) -> Int {
        plot.y + Int(dot(x.low, t).y.rounded()) / marker.dotsPerCell.y
    }

    func column(ofTick t: Double) -> Int {
        plot.x + Int(dot(t, y.low).x.rounded()) / marker.dotsPerCell.x
    }

    /// Axis lines, tick marks and tick labels.
    func drawAxes(into buffer: inout Buffer, glyphs: GlyphSet, styles: ChartStyles) {
        guard showsAxes else { return }
        let axisColumn = plot.x - 1
        let axisRow = plot.bottom
        let tickRows = Set(y.ticks.map(row(ofTick:)))
        for r in plot.y..<plot.bottom {
            buffer.setString(
                tickRows.contains(r) ? glyphs.teeLeft : glyphs.vertical, x: axisColumn, y: r, style: styles.axis)
        }
        buffer.setString(glyphs.bottomLeft, x: axisColumn, y: axisRow, style: styles.axis)
        let tickColumns = Set(x.ticks.map(column(ofTick:)))
        for c in plot.x..<plot.right {
            buffer.setString(
                tickColumns.contains(c) ? glyphs.teeDown : glyphs.horizontal, x: c, y: axisRow, style: styles.axis)
        }
        var usedRows = Set<Int>()
        for (t, label) in zip(y.ticks, y.labels) {
            let r = row(ofTick: t)
            guard r >= plot.y, r < plot.bottom, usedRows.insert(r).inserted else { continue }
            let text = truncate(label, toWidth: axisColumn - area.x, ellipsis: "")
            buffer.setString(text, x: axisColumn - displayWidth(text), y: r, style: styles.labels)
        }
        // The last tick label (the run's length, 10000) is always placed; the others where they fit before it.
        var placed: [(start: Int, label: String)] = []
        for (t, label) in zip(x.ticks, x.labels) {
            let c = column(ofTick: t)
            guard c >= plot.x, c < plot.right else { continue }
            let w = displayWidth(label)
            placed.append((min(max(c - w / 2, area.x), area.right - w), label))
        }
        let last = placed.popLast()
        var nextFree = area.x
        let end = last?.start ?? area.right
        for (start, label) in placed where start >= nextFree && start + displayWidth(label) < end {
            buffer.setString(label, x: start, y: axisRow + 1, style: styles.labels, maxWidth: area.right - start)
            nextFree = start + displayWidth(label) + 1
        }
        if let (start, label) = last {
            buffer.setString(
                label, x: max(start, area.x), y: axisRow + 1, style: styles.labels, maxWidth: area.right - start)
        }
    }

    /// Title at the top left, `badge` at the top right (over the plot when there is no title row).
    func drawHeader(title: String?, badge: String?, into buffer: inout Buffer, glyphs: GlyphSet, styles: ChartStyles) {
        let badgeWidth = badge.map(displayWidth) ?? 0
        if let title, !title.isEmpty, plot.y > area.y {
            let room = area.width - (badgeWidth > 0 ? badgeWidth + 1 : 0)
            buffer.setString(
                truncate(title, toWidth: room, ellipsis: glyphs.ellipsis), x: area.x, y: area.y,
                style: styles.title, maxWidth: max(0, room))
        }
        if let badge, !badge.isEmpty {
            let text = truncate(badge, toWidth: area.width, ellipsis: "")
            buffer.setString(text, x: area.right - displayWidth(text), y: area.y, style: styles.badge)
        }
    }

    /// `message` centred in the plot (for charts with nothing to draw).
    func drawMessage(_ message: String, into buffer: inout Buffer, glyphs: GlyphSet, styles: ChartStyles) {
        let room = plot.isEmpty ? area : plot
        let text = truncate(message, toWidth: room.width, ellipsis: glyphs.ellipsis)
        let w = displayWidth(text)
        buffer.setString(
            text, x: room.x + (room.width - w) / 2, y: room.y + (room.height - 1) / 2, style: styles.message)
    }
}
