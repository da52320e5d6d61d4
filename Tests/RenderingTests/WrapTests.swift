import Testing

@testable import Rendering

@Suite struct WrapTests {
    func plain(_ lines: [StyledLine]) -> [String] { lines.map(\.plainText) }

    @Test func englishBreaksAtSpaces() {
        let lines = Wrap.lines([Span("the quick brown fox jumps over the lazy dog")], width: 12)
        #expect(plain(lines) == ["the quick", "brown fox", "jumps over", "the lazy dog"])
    }

    @Test func onlyWordsLongerThanTheLineAreCut() {
        let lines = Wrap.lines([Span("a backpropagation b")], width: 8)
        #expect(plain(lines) == ["a", "backprop", "agation", "b"])
    }

    @Test func koreanBreaksBetweenWords() {
        let lines = Wrap.lines([Span("역전파는 출력에서 입력 방향으로 미분을 전달합니다")], width: 16)
        #expect(plain(lines) == ["역전파는", "출력에서 입력", "방향으로 미분을", "전달합니다"])
        let narrow = Wrap.lines([Span("가나다라마바사아")], width: 5)
        #expect(plain(narrow) == ["가나", "다라", "마바", "사아"])
    }

    @Test func noLineStartsWithClosingPunctuation() {
        #expect(plain(Wrap.lines([Span("backpropagation).")], width: 15)) == ["backpropagatio", "n)."])
        #expect(plain(Wrap.lines([Span("값입니다합니다.")], width: 14)) == ["값입니다합니", "다."])
        #expect(plain(Wrap.lines([Span("...")], width: 2)) == ["..", "."])
    }

    /// Korean, English and both mixed, as the lessons write them.
    static let paragraphs = [
        "x가 아주 조금, ε만큼 움직인다고 합시다. 그러면 q는 ∂q/∂x · ε만큼 움직이고, f는 다시 거기에 ∂f/∂q를 곱한 만큼 움직입니다.",
        "덧셈 노드는 받은 기울기를 두 입력에 그대로 전달합니다. 시그모이드의 국소 기울기는 σ(a) · (1 − σ(a))입니다.",
        "Variable의 grad는 backward() 호출 후에 채워집니다. 값이 None이면 아직 역전파하지 않은 것입니다 (y.grad = None).",
        "The chain rule multiplies local derivatives: y.backward() walks the graph back from the output to every input.",
        "브로드캐스트(broadcast)된 입력의 기울기는 sum_to로 원래 형상 (3,)에 맞춰 더해집니다: 「행 방향」으로.",
    ]

    /// Short maths is not broken at its spaces: an operator keeps its operand, a bracket its inside.
    @Test func shortMathsStaysOnOneLine() {
        let text = "so the gradient of z = −4 and the shape (2, 3)이고 v는 [2, 0]을 받습니다"
        for width in 12...40 {
            let lines = Wrap.lines([Span(text)], width: width).map(\.plainText)
            for line in lines {
                #expect(!line.hasSuffix(" ="), "width \(width): \(lines)")
                #expect(!line.hasSuffix("(2,") && !line.hasSuffix("[2,"), "width \(width): \(lines)")
            }
            #expect(lines.joined(separator: " ") == text, "width \(width): \(lines)")
        }
        // Maths longer than the group limit breaks as words do.
        let long = Wrap.lines([Span("x = (aaaa, bbbb, cccc, dddd, eeee)")], width: 14).map(\.plainText)
        #expect(long.allSatisfy { displayWidth($0) <= 14 }, "\(long)")
    }

    /// A hanging indent without a first prefix: the first line starts at the margin and
    /// no line is wider than asked (an indented first line used to be cut with `…`).
    @Test(arguments: paragraphs)
    func aHangingIndentLeavesTheFirstLineWhole(_ text: String) {
        for width in 16...60 {
            let lines = Wrap.lines([Span(text)], width: width, indent: 2)
            #expect(lines.first?.plainText.hasPrefix(" ") == false, "width \(width)")
            for line in lines { #expect(line.width <= width, "width \(width): \(line.plainText)") }
            for line in lines.dropFirst() { #expect(line.plainText.hasPrefix("  "), "width \(width)") }
        }
        let exact = "wrong way (= instead of +=): x.grad ends −0.0357615, not 2.05957"
        #expect(
            Wrap.lines([Span(exact)], width: 52, indent: 2).map(\.plainText) == [
                "wrong way (= instead of +=): x.grad ends −0.0357615,", "  not 2.05957",
            ])
    }

    @Test(arguments: paragraphs)
    func wordsShorterThanTheLineAreNeverSplit(_ text: String) {
        let words = text.split(separator: " ").map(String.init)
        for width in 16...60 {
            for indent in [0, 2] {
                let lines = Wrap.lines(
                    [Span(text)], width: width, firstPrefix: indent > 0 ? Span("- ") : nil,
                    indent: indent)
                var pieces: [(text: String, lineStart: Bool)] = []
                for (index, line) in lines.enumerated() {
                    #expect(line.width <= width, "width \(width): \(line.plainText)")
                    let body = String(line.plainText.dropFirst(indent))
                    #expect(!body.hasPrefix(" "), "width \(width): leading space")
                    let parts = body.split(separator: " ").map(String.init)
                    for (i, part) in parts.enumerated() { pieces.append((part, i == 0 && index > 0)) }
                }
                // Every word is one piece, or consecutive pieces of a word longer than a line.
                var at = 0
                for word in words {
                    var joined = ""
                    var count = 0
                    while joined.count < word.count, at + count < pieces.count {
                        joined += pieces[at + count].text
                        count += 1
                    }
                    #expect(joined == word, "width \(width): \(word) became \(joined)")
                    if count > 1 {
                        #expect(displayWidth(word) > width - indent, "width \(width): split \(word)")
                        for piece in pieces[(at + 1)..<(at + count)] {
                            #expect(!Wrap.closing.contains(piece.text.first ?? " "), "width \(width): \(piece.text)")
                        }
                    }
                    at += count
                }
                #expect(at == pieces.count)
            }
        }
    }

    @Test func mixedKoreanAndLatinStaysWithinWidth() {
        let text = "Variable의 grad는 backward() 호출 후에 채워집니다. 값이 None이면 아직 역전파하지 않은 것입니다."
        for width in 1...40 {
            let lines = Wrap.lines([Span(text)], width: width)
            for line in lines { #expect(line.width <= max(width, 2), "width \(width): \(line.plainText)") }
            let joined = lines.map(\.plainText).joined().filter { $0 != " " }
            #expect(joined == text.filter { $0 != " " }, "width \(width) lost text")
        }
    }

    @Test func inlineMarkupKeepsStyles() {
        let runs = Markup.parseInline("use **chain rule** and `x.grad` here, not **unclosed")
        #expect(
            runs == [
                MarkupRun("use "), MarkupRun("chain rule", kind: .strong), MarkupRun(" and "),
                MarkupRun("x.grad", kind: .code), MarkupRun(" here, not **unclosed"),
            ])
        #expect(Markup.parseInline(#"a \`b\` c"#) == [MarkupRun("a `b` c")])
    }

    @Test func bulletsHangTheirIndent() {
        let prose = Prose("- first item wraps onto a second line\n- second", theme: .monochrome, glyphs: .ascii)
        #expect(plain(prose.lines(width: 16)) == ["- first item", "  wraps onto a", "  second line", "- second"])
    }

    @Test func blocksAndHeights() {
        let markup = "# Title\nintro text\n\npara **two**\n\n1. one\n2. two\n```\ncode  stays\n```"
        let prose = Prose(markup, theme: .monochrome)
        let lines = prose.lines(width: 20)
        #expect(plain(lines) == ["Title", "intro text", "", "para two", "", "1. one", "2. two", "", "code  stays"])
        #expect(prose.height(forWidth: 20) == lines.count)
        #expect(lines[0].spans[0].style == Theme.monochrome.heading)
        #expect(lines[3].spans.last == Span("two", style: Theme.monochrome.strong))
        #expect(lines[8].spans[0].style == Theme.monochrome.code)
        #expect(prose.lines(width: 0).isEmpty)
    }

    @Test func proseSnapshotEnglishAndKorean() {
        let markup = """
            # 역전파 Backpropagation

            The **chain rule** multiplies local derivatives: `y.backward()` walks the graph back from the output.

            - a bullet with enough words to wrap onto a second line
            - 한국어 글머리표 항목은 낱말 사이에서만 줄을 바꿉니다

            역전파는 출력에서 입력 방향으로 미분을 전달하는 알고리즘입니다. **연쇄 법칙**을 사용합니다.
            """
        let prose = Prose(markup)
        let buffer = rendered(prose, width: 32, height: prose.height(forWidth: 32))
        assertSnapshot(screenText(buffer), named: "prose-32")
        var scrolled = prose
        scrolled.scroll = 3
        let top = rendered(scrolled, width: 32, height: 2)
        #expect(top.lines().map { $0.trimmedTrailingSpaces() } == Array(prose.lines(width: 32)[3..<5].map(\.plainText)))
    }

    @Test func truncateAndPad() {
        #expect(truncate("hello world", toWidth: 8) == "hello w…")
        #expect(truncate("한국어입니다", toWidth: 7) == "한국어…")
        #expect(truncate("abc", toWidth: 1, ellipsis: "...") == "a")
        #expect(pad("가", toWidth: 4, alignment: .center) == " 가 ")
        #expect(pad("abc", toWidth: 5, alignment: .right) == "  abc")
    }
}
