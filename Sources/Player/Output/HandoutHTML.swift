import Lessons
import Rendering

/// A ``Handout`` as one self-contained HTML page: no scripts, fonts, images or
/// links outside it. Each screen is what a terminal shows (``HTMLBackend``:
/// monospace, the cells' colours, wide characters two columns wide); every
/// text from the lesson is escaped.
public enum HandoutHTML {
    /// - Parameter colors: `.none` for a theme without colour (modifiers only).
    public static func document(_ handout: Handout, colors: ColorMode = .ansi256) -> String {
        let words = handout.words
        let backend = HTMLBackend(width: handout.width, height: handout.height, colors: colors)
        let lang = words.language == .ko ? "ko" : "en"
        // A theme without colour prints black on white; a coloured one keeps the terminal's dark background.
        let (fg, bg) = colors == .none ? ("#000000", "#ffffff") : ("#e4e4e4", "#121212")
        var out = [
            "<!DOCTYPE html>",
            "<html lang=\"\(lang)\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<title>" + escaped(handout.title) + "</title>",
            "<style>",
            pageStyle,
            HTMLBackend.stylesheet(fg: fg, bg: bg),
            "</style>",
            "</head>",
            "<body>",
            "<h1>" + escaped(handout.title) + "</h1>",
        ]
        if let summary = handout.summary { out.append("<p class=\"summary\"><em>" + escaped(summary) + "</em></p>") }
        out.append(
            "<p class=\"meta\">"
                + escaped(
                    words.handoutSummary(
                        steps: handout.sections.count, questions: handout.answers.count, minutes: handout.minutes,
                        size: "\(handout.width)×\(handout.height)")) + "</p>")
        for section in handout.sections {
            out.append("<section id=\"step-\(section.number)\">")
            out.append("<h2>" + escaped(words.handoutStep(section.number, section.title)) + "</h2>")
            out += prose(section.prose)
            for page in section.pages {
                var caption = words.handoutFrame(page.frame, of: section.pages.count)
                if let title = page.caption { caption += " · " + title }
                out.append("<figure>")
                if let number = page.question, let text = page.questionText {
                    out.append(
                        "<p class=\"question\" id=\"question-\(number)\"><strong>"
                            + escaped(words.handoutQuestion(number)) + ".</strong> " + escaped(text) + "</p>")
                }
                out.append("<figcaption>" + escaped(caption) + "</figcaption>")
                backend.draw(page.screen)
                out.append(backend.lastFrame)
                out.append("</figure>")
                out += prose(page.prose)
            }
            out.append("</section>")
        }
        if !handout.answers.isEmpty {
            out.append("<section id=\"answers\">")
            out.append("<h2>" + escaped(words.answerKey) + "</h2>")
            out.append("<ol>")
            for a in handout.answers {
                var item = escaped(a.text) + " — <strong>" + escaped(a.answer) + "</strong>"
                if let reason = a.reason { item += " · " + escaped(reason) }
                item +=
                    " <span class=\"place\">(" + escaped(words.handoutPlace(step: a.step, frame: a.frame)) + ")</span>"
                out.append("<li id=\"answer-\(a.question)\">" + item + "</li>")
            }
            out.append("</ol>")
            out.append("</section>")
        }
        out += ["</body>", "</html>", ""]
        return out.joined(separator: "\n")
    }

    /// The page around the screens: readable prose, and no screen split across printed pages.
    static let pageStyle = """
        body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; font-family: system-ui, sans-serif; \
        line-height: 1.5; color: #111; background: #fff; }
        figure { margin: 1.5rem 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-size: 0.9rem; color: #444; margin-bottom: 0.25rem; }
        p.meta, span.place { color: #444; }
        p.question { font-size: 1.05rem; }
        pre.code, code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        pre.code { background: #f4f4f4; padding: 0.5rem; overflow-x: auto; }
        h2 { break-after: avoid; page-break-after: avoid; }
        """

    // MARK: - Text

    static func prose(_ blocks: [ProseBlock]) -> [String] {
        var out: [String] = []
        var openLists: [String] = []
        func closeLists(to depth: Int) {
            while openLists.count > depth { out.append("</" + openLists.removeLast() + ">") }
        }
        for block in blocks {
            if case .listItem(let marker, let depth, let runs) = block {
                let tag = marker.first?.isNumber == true ? "ol" : "ul"
                closeLists(to: depth + 1)
                // A numbered list after a bulleted one at the same depth starts a list of its own.
                if openLists.count == depth + 1, openLists.last != tag { closeLists(to: depth) }
                while openLists.count < depth + 1 {
                    out.append("<" + tag + ">")
                    openLists.append(tag)
                }
                out.append("<li>" + runs.map(markup).joined() + "</li>")
                continue
            }
            closeLists(to: 0)
            switch block {
            case .paragraph(let runs): out.append("<p>" + runs.map(markup).joined() + "</p>")
            case .heading(let level, let runs):
                let h = Swift.min(level + 1, 6)
                out.append("<h\(h)>" + runs.map(markup).joined() + "</h\(h)>")
            case .code(let lines):
                out.append("<pre class=\"code\">" + lines.map(escaped).joined(separator: "\n") + "</pre>")
            case .listItem: break
            }
        }
        closeLists(to: 0)
        return out
    }

    private static func markup(_ run: Inline) -> String {
        switch run {
        case .text(let s): return escaped(s)
        case .strong(let s): return "<strong>" + escaped(s) + "</strong>"
        case .emphasis(let s): return "<em>" + escaped(s) + "</em>"
        case .code(let s): return "<code>" + escaped(s) + "</code>"
        }
    }

    static func escaped(_ s: String) -> String { Buffer.htmlEscaped(s) }
}
