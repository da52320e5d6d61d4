import Lessons
import Rendering

/// A ``Handout`` as Markdown: the text as Markdown, each screen as plain text
/// in a fenced block (a wide character is one character there, as a
/// terminal draws it in two columns), the answer key as a numbered list.
public enum HandoutMarkdown {
    public static func document(_ handout: Handout) -> String {
        let words = handout.words
        var out: [String] = ["# " + inline(handout.title), ""]
        if let summary = handout.summary { out += ["*" + inline(summary) + "*", ""] }
        out += [
            inline(
                words.handoutSummary(
                    steps: handout.sections.count, questions: handout.answers.count, minutes: handout.minutes,
                    size: "\(handout.width)×\(handout.height)")), "",
        ]
        for section in handout.sections {
            out += ["## " + inline(words.handoutStep(section.number, section.title)), ""]
            out += prose(section.prose)
            for page in section.pages {
                var heading = words.handoutFrame(page.frame, of: section.pages.count)
                if let caption = page.caption { heading += " · " + caption }
                if let number = page.question { heading = words.handoutQuestion(number) + " · " + heading }
                out += ["### " + inline(heading), ""]
                if let text = page.questionText { out += ["**" + inline(text) + "**", ""] }
                out += fenced(page.screen.lines().map(trimmed), info: "text")
                out += prose(page.prose)
            }
        }
        if !handout.answers.isEmpty {
            out += ["## " + inline(words.answerKey), ""]
            for a in handout.answers {
                var line = "\(a.question). " + inline(a.text) + " — **" + inline(a.answer) + "**"
                if let reason = a.reason { line += " · " + inline(reason) }
                line += " (" + inline(words.handoutPlace(step: a.step, frame: a.frame)) + ")"
                out.append(line)
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    // MARK: - Text

    /// Prose blocks as Markdown, each followed by a blank line (list items kept together).
    static func prose(_ blocks: [ProseBlock]) -> [String] {
        var out: [String] = []
        for (i, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let runs): out += [paragraph(runs.map(markup).joined()), ""]
            case .heading(let level, let runs):
                // Under a step's `##` and a frame's `###`: the lesson's own headings go one level down.
                out += [String(repeating: "#", count: Swift.min(level + 1, 6)) + " " + runs.map(markup).joined(), ""]
            case .listItem(let marker, let depth, let runs):
                let bullet = marker.first?.isNumber == true ? marker : "-"
                out.append(String(repeating: "  ", count: depth) + bullet + " " + runs.map(markup).joined())
                let next = i + 1 < blocks.count ? blocks[i + 1] : nil
                if case .listItem? = next {} else { out.append("") }
            case .code(let lines): out += fenced(lines, info: "")
            }
        }
        return out
    }

    private static func markup(_ run: Inline) -> String {
        switch run {
        case .text(let s): return inline(s)
        case .strong(let s): return "**" + inline(s) + "**"
        case .emphasis(let s): return "*" + inline(s) + "*"
        case .code(let s):
            // A code span's fence is longer than any run of backticks inside it.
            let fence = String(repeating: "`", count: longestRun(of: "`", in: s) + 1)
            let pad = s.hasPrefix("`") || s.hasSuffix("`") ? " " : ""
            return fence + pad + s + pad + fence
        }
    }

    /// `lines` in a fence no line inside can close.
    static func fenced(_ lines: [String], info: String) -> [String] {
        let longest = lines.map { longestRun(of: "`", in: $0) }.max() ?? 0
        let fence = String(repeating: "`", count: Swift.max(3, longest + 1))
        return [fence + info] + lines + [fence, ""]
    }

    /// Text with the characters Markdown would read as markup escaped, and no
    /// others, so the file stays readable as text: `\`, `` ` ``, `*`; `_` at the
    /// edge of a word (inside one, as in `x_1`, it is plain in CommonMark); a `]`
    /// that could close a link and a `<` that could open a tag.
    static func inline(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "`", "*":
                out += "\\" + String(c)
            case "]" where i + 1 < chars.count && "([:".contains(chars[i + 1]):
                // Only a `]` right before `(`, `[` or `:` could close a link.
                out += "\\]"
            case "<" where i + 1 < chars.count && (chars[i + 1].isLetter || "/!?".contains(chars[i + 1])):
                // Only a `<` that could open a tag or an autolink.
                out += "\\<"
            case "_":
                let before = i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
                let after = i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber)
                out += before && after ? "_" : "\\_"
            default:
                out.append(c)
            }
        }
        return out
    }

    /// A paragraph's first characters escaped where Markdown would start a block
    /// with them: `#`, `>`, `+`, `-`, `=`, or a number and `.` or `)`.
    static func paragraph(_ line: String) -> String {
        var out = line
        if let first = out.first, "#>+-=".contains(first) { return "\\" + out }
        if let end = out.firstIndex(where: { !$0.isNumber }), end != out.startIndex, out[end] == "." || out[end] == ")"
        {
            out.insert("\\", at: end)
        }
        return out
    }

    private static func longestRun(of c: Character, in s: String) -> Int {
        var best = 0
        var run = 0
        for x in s {
            run = x == c ? run + 1 : 0
            best = Swift.max(best, run)
        }
        return best
    }

    /// A screen row without its trailing blanks (they carry nothing on paper).
    private static func trimmed(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
