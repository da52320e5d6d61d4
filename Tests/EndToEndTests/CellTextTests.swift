import Testing

@testable import Terminal

/// Each buffer cell covers exactly its columns, whatever the C library thinks of its width.
@Suite struct CellTextTests {
    /// A stand-in for wcwidth in a UTF-8 locale.
    static func utf8Width(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x300...0x36F, 0x200D, 0xFE0F: return 0
        case 0x1100...0x115F, 0xAC00...0xD7A3, 0x1F300...0x1FAFF: return 2
        case 0x20..<0x7F, 0xA0...0x10FFFF: return 1
        default: return -1
        }
    }

    /// A stand-in for wcwidth under LANG=C: only ASCII is printable.
    static func asciiWidth(_ s: Unicode.Scalar) -> Int { s.value >= 0x20 && s.value < 0x7F ? 1 : -1 }

    func pieces(_ symbol: String, columns: Int = 1, room: Int = 10, width: (Unicode.Scalar) -> Int = utf8Width)
        -> [String]
    {
        CellText.pieces(symbol: symbol, columns: columns, room: room, width: width).map {
            String(String.UnicodeScalarView($0))
        }
    }

    @Test func asciiAndKoreanPassThrough() {
        #expect(pieces("a") == ["a"])
        #expect(pieces("한", columns: 2) == ["한"])
        #expect(pieces("─") == ["─"])
    }

    @Test func combiningMarksShareTheCell() {
        #expect(pieces("e\u{301}") == ["e\u{301}"])
    }

    @Test func restOfAnEmojiSequenceIsDropped() {
        #expect(pieces("👩\u{200D}💻", columns: 2) == ["👩\u{200D}"])
    }

    @Test func wideGraphemeAtTheRightEdgeBecomesASpace() {
        #expect(pieces("한", columns: 2, room: 1) == [" "])
    }

    @Test func widthDisagreementsKeepTheColumns() {
        // The buffer says two columns, the C library one (a regional indicator): pad.
        #expect(pieces("🇰🇷", columns: 2, width: { $0.value >= 0x1F1E6 && $0.value <= 0x1F1FF ? 1 : 2 }) == ["🇰", " "])
        // The C library says two, the buffer one: a narrow stand-in.
        #expect(pieces("Ω", columns: 1, width: { _ in 2 }) == ["?"])
    }

    @Test func unprintableUnderACLocaleBecomesQuestionMarks() {
        #expect(pieces("한", columns: 2, width: Self.asciiWidth) == ["?", "?"])
        #expect(pieces("─", width: Self.asciiWidth) == ["?"])
        #expect(pieces("a", width: Self.asciiWidth) == ["a"])
    }

    @Test func emptySymbolIsASpace() {
        #expect(pieces("") == [" "])
    }
}
