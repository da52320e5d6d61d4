import Testing

@testable import Rendering

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("", 0), ("한국어", 6), ("안녕 hi", 7), ("中文", 4), ("ｱｲ", 2), ("ＡＢ", 4),
        ("e\u{301}", 1), ("\u{1100}\u{1161}\u{11A8}", 2), ("ㄱㅏ", 4), ("😀", 2), ("👍🏽", 2),
        ("👨‍👩‍👧", 2), ("❤️", 2), ("1️⃣", 2), ("🇰🇷", 2), ("∂f/∂x = −4 × 1", 14), ("▶◀", 2),
        ("x\u{200B}y", 2), ("\t\n", 0), ("café", 4), ("Ω", 1), ("、。", 4),
    ])
    func widths(text: String, expected: Int) {
        #expect(displayWidth(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func scalarWidths() {
        #expect(displayWidth(Unicode.Scalar(0x0301)!) == 0)  // combining acute
        #expect(displayWidth(Unicode.Scalar(0x1161)!) == 0)  // Jamo medial vowel
        #expect(displayWidth(Unicode.Scalar(0x11A8)!) == 0)  // Jamo final consonant
        #expect(displayWidth(Unicode.Scalar(0x1100)!) == 2)  // Jamo leading consonant
        #expect(displayWidth(Unicode.Scalar(0xAC00)!) == 2)  // 가
        #expect(displayWidth(Unicode.Scalar(0xD7A3)!) == 2)  // 힣
        #expect(displayWidth(Unicode.Scalar(0x3000)!) == 2)  // ideographic space
        #expect(displayWidth(Unicode.Scalar(0x1F600)!) == 2)
        #expect(displayWidth(Unicode.Scalar(0x2764)!) == 1)  // heart without VS16
        #expect(displayWidth(Unicode.Scalar(0x00AD)!) == 1)
        #expect(displayWidth(Unicode.Scalar(0x0007)!) == 0)
    }

    /// The scalar-counting fast path gives what grapheme-by-grapheme measuring gives.
    @Test func fastPathAgreesWithGraphemes() {
        for v in UInt32(0x20)..<0x2600 {
            guard let scalar = Unicode.Scalar(v), scalar.properties.generalCategory != .unassigned else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let slow = text.reduce(0) { $0 + displayWidth($1) }
            #expect(displayWidth(text) == slow, "U+\(String(v, radix: 16))")
        }
    }

    @Test func ambiguousCharactersCountTwoOnlyWhenWide() {
        let text = "σ(x) · 2 × ∂ ≈ • ─│"
        #expect(displayWidth(text) == 19)
        #expect(displayWidth(text, ambiguous: .wide) == 19 + 8)
        #expect(displayWidth("기울기 − x", ambiguous: .wide) == 10)  // U+2212 is not ambiguous
        #expect(displayWidth("가", ambiguous: .wide) == 2)
    }

    /// Every ambiguous character becomes one narrow, unambiguous column.
    @Test func standInsAreNarrowAndUnambiguous() {
        for v in UInt32(0xA0)..<0x2800 {
            guard let scalar = Unicode.Scalar(v), isAmbiguousWidth(scalar) else { continue }
            let form = AmbiguousStandIn.narrow(String(scalar))
            #expect(
                form.unicodeScalars.count == 1 && form.unicodeScalars.allSatisfy(\.isASCII), "U+\(String(v, radix: 16))"
            )
        }
        #expect(AmbiguousStandIn.narrowText("┌─σ·×─┐ 기울기") == "+-s.x-+ 기울기")
        #expect(AmbiguousStandIn.narrowText("plain") == "plain")
    }
}
