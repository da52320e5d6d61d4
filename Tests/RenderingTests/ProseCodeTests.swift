import Testing

@testable import Rendering

/// Code blocks and tables in the prose keep their lines: a line too wide is
/// clipped with a marker and scrolls sideways, never wrapped mid-number.
@Suite struct ProseCodeTests {
    static let table = [
        "share from num:   0.5121 × 1      = 0.5121   x.grad ≈ 0.5121",
        "share from xpy:   1.5832 × 1      = 1.5832   x.grad ≈ 2.0953",
    ]

    @Test func aWideLineIsClippedNotSplit() {
        let prose = Prose(blocks: [.paragraph([MarkupRun("Shares:")]), .codeBlock(Self.table)])
        let lines = prose.lines(width: 30).map(\.plainText)
        #expect(lines.count == 4, "one row per code line: \(lines)")
        #expect(lines[2] == "share from num:   0.5121 × 1 ›")
        #expect(lines.allSatisfy { displayWidth($0) <= 30 })
        #expect(prose.widestCode == 60)
    }

    @Test func scrollingSidewaysShowsTheRest() {
        var prose = Prose(blocks: [.codeBlock(Self.table)])
        let line = Array(Self.table[0])
        prose.codeScroll = 8
        #expect(prose.lines(width: 30)[0].plainText == "‹" + String(line[8..<36]) + "›")
        prose.codeScroll = 1000
        #expect(prose.lines(width: 30)[0].plainText == "‹" + String(Self.table[0].suffix(29)))
    }

    @Test func aLineThatFitsIsUntouched() {
        let prose = Prose(blocks: [.codeBlock(Self.table)], glyphs: .ascii)
        #expect(prose.lines(width: 60).map(\.plainText) == Self.table)
        #expect(prose.lines(width: 59)[0].plainText.hasSuffix(">"))
    }
}
