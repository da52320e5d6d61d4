import Rendering
import Testing

@testable import Terminal

/// Which cells a frame writes: only changes, never the second column of a wide character, never off screen.
@Suite struct FramePlanTests {
    func writes(_ buffer: Buffer, since previous: Buffer? = nil, screen: (Int, Int)? = nil) -> [CellWrite] {
        FramePlan.writes(
            for: buffer, since: previous, screenWidth: screen?.0 ?? buffer.width,
            screenHeight: screen?.1 ?? buffer.height, width: CellTextTests.utf8Width)
    }

    func text(_ w: CellWrite) -> String { String(String.UnicodeScalarView(w.scalars)) }

    @Test func firstFrameWritesEveryNonBlankCell() {
        var buffer = Buffer(width: 6, height: 2)
        buffer.setString("ab", x: 0, y: 0, style: .plain)
        buffer.setString("한", x: 2, y: 1, style: Style(fg: .orange))
        let all = writes(buffer)
        #expect(all.map { "\($0.x),\($0.y)=\(text($0))" } == ["0,0=a", "1,0=b", "2,1=한"])
        #expect(all.last?.style.fg == .orange)
    }

    @Test func laterFramesWriteOnlyWhatChanged() {
        var first = Buffer(width: 10, height: 3)
        first.setString("loss 0.50", x: 0, y: 1, style: .plain)
        var second = first
        second.setString("0.25", x: 5, y: 1, style: .plain)
        #expect(writes(second, since: first).map(text) == ["2", "5"])
        #expect(writes(second, since: second).isEmpty)
    }

    @Test func styleChangeAloneIsWritten() {
        var first = Buffer(width: 4, height: 1)
        first.setString("x", x: 1, y: 0, style: .plain)
        var second = first
        second.setStyle(Style(modifiers: .bold), in: Rect(x: 1, y: 0, width: 1, height: 1))
        let changed = writes(second, since: first)
        #expect(changed.count == 1)
        #expect(changed.first?.style.modifiers == .bold)
    }

    @Test func wideCharacterReplacingNarrowOnesAndBack() {
        var narrow = Buffer(width: 4, height: 1)
        narrow.setString("abcd", x: 0, y: 0, style: .plain)
        var wide = narrow
        wide.setString("가", x: 1, y: 0, style: .plain)
        // Column 2 is the continuation: not written, ncurses covers it.
        #expect(writes(wide, since: narrow).map { "\($0.x)=\(text($0))" } == ["1=가"])
        #expect(writes(narrow, since: wide).map { "\($0.x)=\(text($0))" } == ["1=b", "2=c"])
    }

    @Test func clippedToASmallerScreen() {
        var buffer = Buffer(width: 6, height: 3)
        buffer.setString("abc한", x: 0, y: 0, style: .plain)
        buffer.setString("zz", x: 0, y: 2, style: .plain)
        let clipped = writes(buffer, screen: (4, 2))
        // The wide character starting in the last visible column would wrap: a space stands in.
        #expect(clipped.map { "\($0.x),\($0.y)=\(text($0))" } == ["0,0=a", "1,0=b", "2,0=c", "3,0= "])
    }

    @Test func sizeChangeRedrawsEverything() {
        var small = Buffer(width: 3, height: 1)
        small.setString("abc", x: 0, y: 0, style: .plain)
        var big = Buffer(width: 4, height: 1)
        big.setString("abc", x: 0, y: 0, style: .plain)
        #expect(writes(big, since: small).count == 3)
    }
}
