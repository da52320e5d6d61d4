import Testing

@testable import Rendering

@Suite struct WidgetTests {
    @Test func blockStylesSnapshot() {
        var buffer = Buffer(width: 44, height: 10)
        let styles: [BorderStyle] = [.square, .rounded, .double, .heavy]
        for (i, style) in styles.enumerated() {
            buffer.render(Block(title: style.rawValue, border: style), in: Rect(x: i * 11, y: 0, width: 11, height: 4))
        }
        buffer.render(
            Block(title: "ascii", border: .rounded, glyphs: .ascii), in: Rect(x: 0, y: 4, width: 11, height: 3))
        buffer.render(
            Block(title: "a title far too long", footer: "1/3", border: .square),
            in: Rect(x: 11, y: 4, width: 16, height: 4))
        buffer.render(Block(border: .square), in: Rect(x: 28, y: 4, width: 2, height: 2))
        buffer.render(Block(title: "off screen", border: .square), in: Rect(x: 36, y: 7, width: 20, height: 10))
        assertSnapshot(screenText(buffer), named: "blocks")
    }

    @Test func blockInnerAndHugeAreas() {
        let block = Block(title: "t")
        #expect(block.inner(Rect(x: 0, y: 0, width: 10, height: 5)) == Rect(x: 1, y: 1, width: 8, height: 3))
        var buffer = Buffer(width: 6, height: 3)
        block.render(in: Rect(x: -5, y: 0, width: Int.max, height: Int.max), buffer: &buffer)
        block.render(in: Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max), buffer: &buffer)
        #expect(buffer.lines() == ["──────", "      ", "      "])
    }

    @Test func labelAlignsAndTruncates() {
        var buffer = Buffer(width: 10, height: 3)
        buffer.render(Label("left"), in: buffer.area.row(0))
        buffer.render(Label("가운데", alignment: .center), in: buffer.area.row(1))
        buffer.render(Label("much too long text", alignment: .right), in: buffer.area.row(2))
        #expect(buffer.lines() == ["left      ", "  가운데  ", "much too …"])
        var ascii = Buffer(width: 8, height: 1)
        ascii.render(Label("much too long", glyphs: .ascii), in: ascii.area)
        #expect(ascii.lines() == ["much ..."])
    }

    @Test func statusLineFillsTheRowAndCutsTheRightSideFirst() {
        let status = StatusLine(left: "lesson 1 · step 2/7", right: "n next  q quit", style: Theme.monochrome.statusBar)
        let wide = rendered(status, width: 40, height: 1)
        #expect(wide.lines() == [" lesson 1 · step 2/7     n next  q quit "])
        #expect(wide[0, 0].style == Theme.monochrome.statusBar && wide[39, 0].style == Theme.monochrome.statusBar)
        #expect(rendered(status, width: 28, height: 1).lines() == [" lesson 1 · step 2/7  n ne… "])
        #expect(rendered(status, width: 12, height: 1).lines() == [" lesson 1 … "])
    }

    @Test func layoutSplitsByConstraints() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        let rows = Layout.vertical([("title", .fixed(1)), ("body", .fill()), ("status", .fixed(1))]).split(area)
        #expect(rows["title"] == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(rows["body"] == Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(rows["status"] == Rect(x: 0, y: 23, width: 80, height: 1))
        #expect(rows["missing"] == .zero)
        let cols = Layout.horizontal([("graph", .fill(weight: 2)), ("side", .fill(weight: 1, min: 30))], spacing: 1)
            .split(rows["body"])
        #expect(cols["graph"].width + cols["side"].width + 1 == 80)
        #expect(cols["side"].width >= 30)
        #expect(cols["side"].x == cols["graph"].right + 1)
        let tight = Layout.vertical([("a", .fixed(10)), ("b", .percent(50)), ("c", .fill(min: 3))]).split(
            Rect(x: 0, y: 0, width: 5, height: 8))
        #expect(tight["a"].height == 8 && tight["b"].height == 0 && tight["c"].height == 0)
        let thirds = Layout.horizontal([("a", .fill()), ("b", .fill()), ("c", .fill())]).split(
            Rect(x: 0, y: 0, width: 10, height: 1))
        #expect(thirds.rects.map(\.rect.width) == [4, 3, 3])
    }

    @Test func overlayCentresOverContent() {
        var buffer = Buffer(width: 30, height: 9, fill: Cell(symbol: "."))
        let overlay = Overlay(
            prose: Prose("**Keys**\n\n- `n` next\n- `p` back", theme: .monochrome),
            title: "Help", maxWidth: 18, in: buffer.area)
        buffer.render(overlay, in: buffer.area)
        assertSnapshot(screenText(buffer), named: "overlay")
        #expect(overlay.box(in: buffer.area).width == 18)
    }

    @Test func bigDigitsSnapshot() {
        var text: [String] = []
        for (value, size, glyphs) in [
            ("0123456789", BigDigits.Size.small, GlyphSet.unicode),
            ("-1.5e+3 nan inf", .small, .unicode),
            ("0.0421", .large, .unicode),
            ("0.0421", .small, .ascii),
        ] {
            let digits = BigDigits(value, size: size, glyphs: glyphs)
            let lines = digits.lines()
            #expect(lines.count == size.rows)
            for line in lines { #expect(displayWidth(line) == BigDigits.width(of: value, size: size)) }
            text += lines.map { $0.trimmedTrailingSpaces() } + [""]
        }
        assertSnapshot(text.joined(separator: "\n"), named: "big-digits")
        let ascii = BigDigits("nan", glyphs: .ascii).lines().joined()
        let onlyASCII = ascii.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(onlyASCII)
        var buffer = Buffer(width: 5, height: 2)
        buffer.render(BigDigits("888", size: .large), in: buffer.area)  // clipped, no trap
        #expect(buffer.lines() == ["█████", "██  █"])
    }
}

@Suite struct LayoutEdgeTests {
    @Test func hugeAreasAndWeightsNeverTrap() {
        let huge = Rect(x: Int.max - 5, y: Int.min, width: Int.max, height: Int.max)
        let parts = Layout.horizontal(
            [("a", .percent(100)), ("b", .fill(weight: Int.max, min: Int.max)), ("c", .fixed(Int.max))],
            spacing: Int.max
        ).split(huge)
        #expect(parts.rects.count == 3)
        let split = Layout.vertical([("a", .fill(weight: Int.max)), ("b", .fill(weight: Int.max))]).split(huge)
        #expect(split["a"].height >= split["b"].height)
    }
}
