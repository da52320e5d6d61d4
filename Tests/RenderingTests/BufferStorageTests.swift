import Testing

@testable import Rendering

@Suite struct BufferStorageTests {
    /// What `setString` must produce: one cell per grapheme, measured by `displayWidth(Character)`.
    func reference(_ s: String, width: Int) -> [String] {
        var cells: [String] = []
        for character in s {
            let w = displayWidth(character)
            if w == 0 {
                if character.asciiValue == nil, !cells.isEmpty {
                    var last = cells.removeLast()
                    if last.isEmpty, let head = cells.popLast() {
                        last = head + String(character)
                        cells.append(last)
                        cells.append("")
                    } else {
                        cells.append(last + String(character))
                    }
                }
                continue
            }
            if cells.count + w > width { break }
            cells.append(String(character))
            if w == 2 { cells.append("") }
        }
        return cells + Array(repeating: " ", count: width - cells.count)
    }

    @Test(arguments: [
        "plain ascii", "e\u{301}tude", "1\u{FE0F}\u{20E3} key", "👨‍👩‍👧 family", "가\u{11A8}", "\u{1100}\u{1161}\u{11A8}x",
        "a\u{200D}b", "🇰🇷🇯🇵", "↔\u{FE0F}↔", "∂f/∂x = −4 × 1", "σ(x)·Wᵀ", "⣿⠁▀▄█", "한국어 text 中文", "x\u{308}\u{301}",
    ])
    func fastPathMatchesGraphemes(text: String) {
        var buffer = Buffer(width: 24, height: 1)
        buffer.setString(text, x: 0, y: 0, style: .plain)
        let cells = (0..<24).map { buffer.symbol(x: $0, y: 0) }
        #expect(cells == reference(text, width: 24))
    }

    @Test func changesListOnlyDifferentCells() {
        var a = Buffer(width: 4, height: 2)
        a.setString("ab", x: 0, y: 0, style: .plain)
        var b = a
        #expect(b.changes(from: a).isEmpty)
        b.setString("x", x: 1, y: 1, style: Style(modifiers: .bold))
        b.setString("e\u{301}", x: 3, y: 0, style: .plain)
        let changed = b.changes(from: a)
        #expect(changed.map { [$0.x, $0.y] } == [[3, 0], [1, 1]])
        #expect(changed[0].cell.symbol == "e\u{301}")
        #expect(b.changes(from: nil).count == 8)
        #expect(b.changes(from: Buffer(width: 3, height: 2)).count == 8)
    }

    @Test func equalityComparesGraphemesNotStorage() {
        var a = Buffer(width: 3, height: 1)
        var b = Buffer(width: 3, height: 1)
        a.setString("👍🏽", x: 0, y: 0, style: .plain)
        a.setString("e\u{301}", x: 2, y: 0, style: .plain)
        b.setString("e\u{301}", x: 2, y: 0, style: .plain)
        b.setString("👍🏽", x: 0, y: 0, style: .plain)
        #expect(a == b)
        b.setString("x", x: 2, y: 0, style: .plain)
        #expect(a != b)
    }

    @Test func blitCopiesAndClips() {
        var small = Buffer(width: 3, height: 2)
        small.setString("가b", x: 0, y: 0, style: .plain)
        small.setString("e\u{301}", x: 0, y: 1, style: .plain)
        var big = Buffer(width: 5, height: 2, fill: Cell(symbol: "."))
        big.blit(small, x: 1, y: 0)
        big.blit(small, x: 4, y: 1)  // the wide 가 would be cut at the edge: not drawn
        #expect(big.lines() == [".가b.", ".e\u{301}  ."])
        #expect(big[1, 0].symbol == "가" && big[2, 0].isContinuation)
    }

    @Test func subscriptKeepsRowsWidthExact() {
        var buffer = Buffer(width: 4, height: 1)
        buffer[0, 0] = Cell(symbol: "가")
        buffer[1, 0] = Cell(symbol: "")
        buffer[2, 0] = Cell(symbol: "\u{7}")
        buffer[3, 0] = Cell(symbol: "😀")
        #expect(buffer.lines() == ["    "])
        #expect(displayWidth(buffer.lines()[0]) == 4)
    }
}
