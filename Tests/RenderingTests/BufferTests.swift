import Testing

@testable import Rendering

@Suite struct BufferTests {
    @Test func writesAreClippedAndNeverTrap() {
        var buffer = Buffer(width: 5, height: 2)
        buffer.setString("hello world", x: 2, y: 0, style: .plain)
        buffer.setString("abc", x: -2, y: 1, style: .plain)
        for (x, y) in [(-1, 0), (5, 0), (0, -1), (0, 2), (Int.min, Int.max), (Int.max, Int.min)] {
            buffer[x, y] = Cell(symbol: "X")
            buffer.setString("zz", x: x, y: y, style: .plain)
            #expect(buffer[x, y] == .blank)
        }
        buffer.setString("q", x: Int.max, y: 0, style: .plain, maxWidth: Int.max)
        buffer.setStyle(Style(modifiers: .bold), in: Rect(x: -10, y: -10, width: 100, height: 100))
        buffer.fill(Rect(x: 4, y: 1, width: Int.max / 4, height: 3), with: Cell(symbol: "#"))
        #expect(buffer.lines() == ["z hel", "c   #"])  // "zz" at x = -1 shows its second z
        #expect(Buffer(width: -3, height: -1).lines() == [])
    }

    @Test func returnsColumnsUsed() {
        var buffer = Buffer(width: 10, height: 1)
        #expect(buffer.setString("한국", x: 0, y: 0, style: .plain) == 4)
        #expect(buffer.setString("abcdef", x: 4, y: 0, style: .plain, maxWidth: 3) == 3)
        #expect(buffer.setString("가나다", x: 7, y: 0, style: .plain) == 2)  // 다 would be cut: not drawn
        #expect(buffer.lines() == ["한국abc가 "])
    }

    @Test func wideCharactersTakeTwoCells() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.setString("가나다", x: 0, y: 0, style: .plain)
        #expect(buffer[0, 0].symbol == "가")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer.lines() == ["가나다"])
        #expect(displayWidth(buffer.lines()[0]) == 6)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.setString("가나다", x: 0, y: 0, style: .plain)
        buffer.setString("x", x: 1, y: 0, style: .plain)  // right half of 가
        buffer.setString("y", x: 2, y: 0, style: .plain)  // left half of 나
        #expect(buffer.lines() == [" xy 다"])
        buffer.setString("라", x: 3, y: 0, style: .plain)  // straddles the space and 다
        #expect(buffer.lines() == [" xy라 "])
        buffer[5, 0] = Cell(symbol: "마")  // no room at the edge: a space
        #expect(buffer.lines() == [" xy라 "])
        for line in buffer.lines() { #expect(displayWidth(line) == 6) }
    }

    @Test func wideCharacterPartlyLeftOfTheBuffer() {
        var buffer = Buffer(width: 4, height: 1)
        #expect(buffer.setString("가나", x: -1, y: 0, style: .plain) == 4)
        #expect(buffer.lines() == [" 나 "])
    }

    @Test func combiningMarksJoinThePreviousCell() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.setString("e\u{301}x", x: 0, y: 0, style: .plain)
        #expect(buffer[0, 0].symbol == "e\u{301}")
        buffer.setString("\u{308}", x: 2, y: 0, style: .plain)  // a lone mark joins the x before it
        #expect(buffer[1, 0].symbol == "x\u{308}")
        #expect(buffer.lines() == ["e\u{301}x\u{308}  "])
    }

    @Test func ansiLinesCarryStyles() {
        var buffer = Buffer(width: 4, height: 2)
        buffer.setString("ab", x: 0, y: 0, style: Style(fg: .orange, modifiers: .bold))
        let c256 = buffer.ansiLines(colors: .ansi256)
        #expect(
            c256[0] == "\u{1B}[0;1;38;5;178mab\u{1B}[0;0m  \u{1B}[0m" || c256[0].hasPrefix("\u{1B}[0;1;38;5;178mab"))
        #expect(c256[1] == "    ")
        let c16 = buffer.ansiLines(colors: .ansi16)
        #expect(c16[0].hasPrefix("\u{1B}[0;1;33mab"))
        let none = buffer.ansiLines(colors: .none)
        #expect(none[0].hasPrefix("\u{1B}[0;1mab"))
        #expect(!none[0].contains("38;5"))
    }

    @Test func rectGeometry() {
        let r = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(r.inner(1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(r.inner(2).isEmpty)
        #expect(r.intersection(Rect(x: 10, y: 0, width: 10, height: 5)) == Rect(x: 10, y: 3, width: 2, height: 2))
        #expect(r.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
        #expect(r.right == 12 && r.bottom == 7)
        #expect(Rect(x: 0, y: 0, width: -5, height: 2).isEmpty)
        #expect(r.centered(width: 4, height: 2) == Rect(x: 5, y: 4, width: 4, height: 2))
    }
}
