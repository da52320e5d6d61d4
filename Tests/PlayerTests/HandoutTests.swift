import Foundation
import Lessons
import Rendering
import Testing

@testable import Player

/// `backstep handout`: the document a teacher prints. Golden files of a small
/// lesson (Markdown and HTML) and of lesson 01; no key prompt on any page of
/// any shipped lesson; every question's answer in the key; HTML escaped and
/// self-contained; Korean screens as wide as the terminal's.
@Suite struct HandoutTests {
    static let small = """
        ---
        title: A small <lesson> & "its" handout
        language: en
        summary: Two numbers, one product, one question.
        minutes: 5
        ---

        # A small lesson

        Multiply two numbers, then push the gradient back.

        ## Product

        ```graph
        x = 3
        y = -2
        f = x * y
        ```

        @forward
        @backward f

        The gradient of *x* is y: **swap** the inputs. Code: `f = x * y`.

        - 1 < 2 and a_b [not a link]
        - second item

        ```
        dx = y
        ```

        @ask "What is x.grad?" answer=x.grad why="Multiply swaps: x gets y = −2."

        After the question the text goes on. {frame=3}

        @note Ask the class before revealing.
        """

    static func handout(_ text: String, file: String = "small.md", width: Int = 60, height: Int = 20) throws -> Handout
    {
        let state = try PlayerState(text: LessonText(file: file, text: text))
        return Handout(state, width: width, height: height)
    }

    // MARK: - Golden files

    @Test func smallLessonAsMarkdownMatchesItsGolden() throws {
        assertSnapshot(HandoutMarkdown.document(try Self.handout(Self.small)), named: "Handout-small-markdown")
    }

    @Test func smallLessonAsHTMLMatchesItsGolden() throws {
        assertSnapshot(HandoutHTML.document(try Self.handout(Self.small)), named: "Handout-small-html")
    }

    @Test func chainRuleLessonAsMarkdownMatchesItsGolden() throws {
        let state = try PlayerState(path: Repo.lesson("01-chain-rule.md"))
        assertSnapshot(
            HandoutMarkdown.document(Handout(state, width: 80, height: 24)), named: "Handout-01-chain-rule-80x24")
    }

    // MARK: - What paper must not show

    /// What the player's screens say about keys, in both languages.
    static func prompts(_ words: Words) -> [String] {
        [
            words.moreText + "↓ j", words.moreText + "↑ k", words.codeKeys, words.showKey, words.typingKeys,
            words.runningNote, words.readyNote, words.readyAfterFirstEpoch, words.pausedNote, words.runsOnNote,
            " · Tab · ",
            words.keys(arrows: "← →", width: 80), words.keys(arrows: "← →", width: 64), "? help", "? 도움말",
        ]
    }

    /// The prompts are really on the player's screens, so their absence from the handout means something.
    @Test func theInteractiveScreensShowThePromptsTheHandoutLeavesOut() throws {
        var state = try PlayerState(path: Repo.lesson("02-sigmoid-neuron.md"))
        state.showsRevision = true
        let ask = try #require(Self.places(state).first { state.trace.steps[$0.0].frames[$0.1].isAsk })
        try state.go(step: ask.0, frame: ask.1)
        let player = screenText(Screen.render(state, width: 80, height: 24))
        let paper = screenText(Screen.render(state, width: 80, height: 24, handout: true))
        #expect(player.contains(state.words.showKey) && player.contains("#") && player.contains("? help"))
        #expect(!paper.contains(state.words.showKey) && !paper.contains("? help"))
        #expect(paper.contains(state.words.answerLabel + "________"), "\(paper)")
    }

    @Test(arguments: Repo.shippedLessons)
    func noPageOfAShippedLessonShowsAKeyPrompt(_ lesson: String) throws {
        let state = try PlayerState(path: Repo.lesson(lesson))
        for (width, height) in [(80, 24), (64, 20)] {
            let handout = Handout(state, width: width, height: height)
            for section in handout.sections {
                for page in section.pages {
                    let text = screenText(page.screen)
                    for prompt in Self.prompts(state.words) {
                        #expect(
                            !text.contains(prompt),
                            "\(lesson) \(width)x\(height) step \(section.number) frame \(page.frame): '\(prompt)'\n\(text)"
                        )
                    }
                    // The redraw counter `#N` in the status line.
                    let status = text.split(separator: "\n").last.map(String.init) ?? ""
                    #expect(
                        status.range(of: "#[0-9]", options: .regularExpression) == nil,
                        "\(lesson) step \(section.number) frame \(page.frame): \(status)")
                }
            }
        }
    }

    // MARK: - The answer key

    @Test(arguments: Repo.shippedLessons)
    func everyQuestionIsNumberedAndAnsweredInTheKey(_ lesson: String) throws {
        let state = try PlayerState(path: Repo.lesson(lesson))
        let asks = Self.places(state).compactMap { s, f -> AskFrame? in
            if case .ask(let a) = state.trace.steps[s].frames[f] { return a }
            return nil
        }
        let handout = Handout(state, width: 80, height: 24)
        let markdown = HandoutMarkdown.document(handout)
        let html = HandoutHTML.document(handout)
        #expect(handout.answers.count == asks.count)
        let numbered = handout.sections.flatMap(\.pages).compactMap(\.question)
        #expect(numbered == (0..<asks.count).map { $0 + 1 })
        let key = try #require(markdown.range(of: "## " + handout.words.answerKey)).upperBound
        let keyText = String(markdown[key...])
        for (i, ask) in asks.enumerated() {
            let answer = TensorText.number(ask.answer, digits: 6, ascii: false)
            let line = "\(i + 1). " + HandoutMarkdown.inline(ask.question.text) + " — **" + answer + "**"
            #expect(keyText.contains(line), "\(lesson): no '\(line)' in\n\(keyText)")
            // The question's page names it by its number, before the key.
            #expect(markdown.contains("### " + handout.words.handoutQuestion(i + 1) + " · "), "\(lesson)")
            #expect(html.contains("<li id=\"answer-\(i + 1)\">"), "\(lesson)")
            #expect(html.contains("<strong>" + HandoutHTML.escaped(answer) + "</strong>"), "\(lesson)")
        }
    }

    @Test func theKeyGivesTheReasonAndThePlace() throws {
        let handout = try Self.handout(Self.small)
        let answer = try #require(handout.answers.first)
        #expect(answer.answer == "−2" && answer.reason == "Multiply swaps: x gets y = −2.")
        #expect(answer.step == 2 && answer.frame == 3)
        // Text tied to the question's frame follows its page; speaker notes stay out.
        let markdown = HandoutMarkdown.document(handout)
        let question = try #require(markdown.range(of: "### Question 1"))
        let after = try #require(markdown.range(of: "After the question the text goes on."))
        #expect(question.upperBound < after.lowerBound)
        #expect(!markdown.contains("Ask the class"))
    }

    // MARK: - HTML

    @Test func htmlEscapesTheLessonsText() throws {
        let text = """
            ---
            title: <script>alert("x")</script> & more
            language: en
            ---

            # T

            A <b>tag</b> & an 'apostrophe' in "quotes".

            ```graph
            x = 2
            f = x * x
            ```

            @forward

            ```
            </pre><img src=x onerror=alert(1)>
            ```

            @ask "Is 1 < 2? (1 for yes) <i>" answer=1 why="</li><script>"
            """
        let html = HandoutHTML.document(try Self.handout(text, file: "escape.md"))
        #expect(!html.contains("<script"), "\(html)")
        #expect(!html.contains("<b>") && !html.contains("<img") && !html.contains("<i>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"))
        #expect(html.contains("A &lt;b&gt;tag&lt;/b&gt; &amp; an &#39;apostrophe&#39; in &quot;quotes&quot;."))
        #expect(html.contains("&lt;/li&gt;&lt;script&gt;"))
        // The screens escape what they show too (the title row, the question panel).
        let screens = html.components(separatedBy: "<pre class=\"screen\"").dropFirst()
        #expect(screens.contains { $0.contains("&lt;script&gt;") })
        #expect(Self.tags(in: html).subtracting(Self.allowedTags).isEmpty, "\(Self.tags(in: html))")
    }

    @Test(arguments: ["02-sigmoid-neuron.md", "ko/05-linear-regression.md"])
    func htmlIsSelfContained(_ lesson: String) throws {
        let html = HandoutHTML.document(Handout(try PlayerState(path: Repo.lesson(lesson)), width: 80, height: 24))
        for outside in ["src=", "href=", "url(", "@import", "<link", "<script", "http:", "https:"] {
            #expect(!html.contains(outside), "\(lesson): \(outside)")
        }
        #expect(Self.tags(in: html).subtracting(Self.allowedTags).isEmpty, "\(Self.tags(in: html))")
        // Colours from the cells' styles: the orange title, the reversed backward focus.
        #expect(html.contains("color:#d7af00;font-weight:bold"))
    }

    static let allowedTags: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "h5", "h6", "p", "em",
        "strong", "code", "section", "figure", "figcaption", "pre", "span", "ol", "ul", "li",
    ]

    /// Every tag name in `html`, lowercased.
    static func tags(in html: String) -> Set<String> {
        let regex = try? NSRegularExpression(pattern: "</?(!?[A-Za-z][A-Za-z0-9]*)")
        let range = NSRange(html.startIndex..., in: html)
        return Set(
            (regex?.matches(in: html, range: range) ?? []).compactMap {
                Range($0.range(at: 1), in: html).map { html[$0].lowercased() }
            })
    }

    // MARK: - Korean

    /// Every row of every screen is exactly the screen's width in terminal
    /// columns: in Markdown (a Hangul syllable counts two) and in HTML (the
    /// cell blocks' widths plus the ASCII between them).
    @Test(arguments: ["ko/01-chain-rule.md", "ko/02-sigmoid-neuron.md"])
    func koreanScreensKeepTheirColumns(_ lesson: String) throws {
        let handout = Handout(try PlayerState(path: Repo.lesson(lesson)), width: 80, height: 24)
        let markdown = HandoutMarkdown.document(handout)
        var hangul = 0
        for block in markdown.components(separatedBy: "```text\n").dropFirst() {
            let rows = block.components(separatedBy: "\n```")[0].split(
                separator: "\n", omittingEmptySubsequences: false)
            #expect(rows.count == 24)
            for row in rows {
                #expect(displayWidth(String(row)) <= 80, "\(row)")
                hangul += row.filter { ("가"..."힣").contains($0) }.count
            }
        }
        #expect(hangul > 100)
        let html = HandoutHTML.document(handout)
        var wide = 0
        for screen in html.components(separatedBy: "<pre class=\"screen\" style=\"width:80ch\">").dropFirst() {
            let rows = screen.components(separatedBy: "</pre>")[0].components(separatedBy: "\n")
            #expect(rows.count == 24)
            for row in rows {
                let (columns, wideBlocks) = Self.columns(ofHTMLRow: row)
                #expect(columns == 80, "\(row)")
                wide += wideBlocks
            }
        }
        #expect(wide > 100)
    }

    /// Columns a row of ``HTMLBackend`` output takes: text outside cell blocks
    /// must be ASCII (one column a character); a block takes the width it names.
    static func columns(ofHTMLRow row: String) -> (columns: Int, wideBlocks: Int) {
        var columns = 0
        var wide = 0
        var rest = Substring(row)
        while !rest.isEmpty {
            if rest.hasPrefix("<span class=\"u") {
                let open = rest.range(of: ">")!
                let tag = rest[..<open.upperBound]
                let close = rest.range(of: "</span>")!
                let inside = rest[open.upperBound..<close.lowerBound]
                let width: Int
                if tag.hasPrefix("<span class=\"u1\"") {
                    width = 1
                } else if tag.hasPrefix("<span class=\"u2\"") {
                    width = 2
                } else {
                    let digits = tag.split(separator: ":").last!.prefix { $0.isNumber }
                    width = Int(digits)!
                }
                // The block is as wide as the terminal draws what is inside it.
                #expect(displayWidth(unescaped(String(inside))) == width, "\(tag)\(inside)")
                if inside.contains(where: { ("가"..."힣").contains($0) }) { wide += 1 }
                columns += width
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("<") {
                rest = rest[(rest.range(of: ">")!.upperBound)...]
            } else if rest.hasPrefix("&") {
                rest = rest[(rest.range(of: ";")!.upperBound)...]
                columns += 1
            } else {
                #expect(rest.first!.isASCII, "\(row)")
                columns += 1
                rest = rest.dropFirst()
            }
        }
        return (columns, wide)
    }

    static func unescaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    // MARK: - Markdown

    @Test func markdownEscapesOnlyWhatWouldBeMarkup() {
        #expect(
            HandoutMarkdown.inline("a*b* `c` x_1 _y_ [z](w) <b> 1 < 2 [0, 1]")
                == #"a\*b\* \`c\` x_1 \_y\_ [z\](w) \<b> 1 < 2 [0, 1]"#)
        #expect(HandoutMarkdown.paragraph("1. not a list") == #"1\. not a list"#)
        #expect(HandoutMarkdown.paragraph("# not a heading") == ##"\# not a heading"##)
        // A screen holding backticks gets a longer fence.
        #expect(HandoutMarkdown.fenced(["a ``` b"], info: "text").first == "````text")
    }

    static func places(_ state: PlayerState) -> [(Int, Int)] {
        (0..<state.stepCount).flatMap { s in (0..<state.trace.steps[s].frames.count).map { (s, $0) } }
    }
}

extension Frame {
    fileprivate var isAsk: Bool { if case .ask = self { return true } else { return false } }
}
