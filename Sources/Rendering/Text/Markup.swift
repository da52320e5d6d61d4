/// The kind of an inline run in lesson markup.
public enum SpanKind: Equatable, Hashable, Sendable {
    case plain
    /// `**bold**`
    case strong
    /// `` `code` ``
    case code
    /// `*emphasis*`
    case emphasis
}

/// A run of markup text of one kind.
public struct MarkupRun: Equatable, Hashable, Sendable {
    public var text: String
    public var kind: SpanKind

    public init(_ text: String, kind: SpanKind = .plain) {
        self.text = text
        self.kind = kind
    }
}

/// A block of lesson markup: what the prose widget lays out.
public enum MarkupBlock: Equatable, Sendable {
    /// `# Title` (level 1–6).
    case heading(level: Int, runs: [MarkupRun])
    case paragraph([MarkupRun])
    /// `- item`, `* item` or `1. item`; `depth` counts two-space indents.
    case listItem(marker: String, depth: Int, runs: [MarkupRun])
    /// Lines between ``` fences, kept as written.
    case codeBlock([String])
}

/// Lesson markup: a small Markdown subset.
///
/// Blank lines separate paragraphs; lines of one paragraph are joined with a
/// space. `- `, `* ` and `1. ` start list items (continuation lines are
/// indented). `#` starts a heading, ``` fences a code block. Inline,
/// `` `code` `` and `**bold**`; a backslash escapes `` ` `` and `*`.
public enum Markup {
    /// The blocks of `markup`, in order.
    public static func parse(_ markup: String) -> [MarkupBlock] {
        var blocks: [MarkupBlock] = []
        var pending: (kind: Pending, text: String)? = nil
        var fence: [String]? = nil

        func flush() {
            guard let p = pending else { return }
            let runs = parseInline(p.text)
            switch p.kind {
            case .paragraph: blocks.append(.paragraph(runs))
            case .item(let marker, let depth): blocks.append(.listItem(marker: marker, depth: depth, runs: runs))
            }
            pending = nil
        }

        for rawLine in markup.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(rawLine).trimmingTrailingWhitespace()
            let content = line.drop(while: { $0 == " " || $0 == "\t" })
            let indent = line.count - content.count
            if var code = fence {
                if content.hasPrefix("```") {
                    blocks.append(.codeBlock(code))
                    fence = nil
                } else {
                    code.append(line)
                    fence = code
                }
                continue
            }
            if content.isEmpty {
                flush()
                continue
            }
            if content.hasPrefix("```") {
                flush()
                fence = []
                continue
            }
            if let (marker, rest) = listMarker(content) {
                flush()
                pending = (.item(marker: marker, depth: indent / 2), String(rest))
                continue
            }
            if indent == 0, let (level, rest) = headingMarker(content) {
                flush()
                blocks.append(.heading(level: level, runs: parseInline(String(rest))))
                continue
            }
            if let p = pending {
                pending = (p.kind, p.text + " " + content)
            } else {
                pending = (.paragraph, String(content))
            }
        }
        flush()
        if let code = fence { blocks.append(.codeBlock(code)) }
        return blocks
    }

    enum Pending {
        case paragraph
        case item(marker: String, depth: Int)
    }

    /// `- `, `* `, `+ ` or `12. ` at the start of a line.
    static func listMarker(_ s: Substring) -> (String, Substring)? {
        if let first = s.first, "-*+".contains(first), s.dropFirst().first == " " {
            return ("-", s.dropFirst(2).drop(while: { $0 == " " }))
        }
        let digits = s.prefix(while: { $0.isASCII && $0.isNumber })
        let after = s.dropFirst(digits.count)
        if !digits.isEmpty, digits.count <= 3, after.hasPrefix(". ") {
            return (digits + ".", after.dropFirst(2).drop(while: { $0 == " " }))
        }
        return nil
    }

    /// `#`…`######` followed by a space.
    static func headingMarker(_ s: Substring) -> (Int, Substring)? {
        let hashes = s.prefix(while: { $0 == "#" })
        guard (1...6).contains(hashes.count), s.dropFirst(hashes.count).first == " " else { return nil }
        return (hashes.count, s.dropFirst(hashes.count + 1).drop(while: { $0 == " " }))
    }

    /// Splits one line of text into plain, `**strong**` and `` `code` `` runs.
    /// An unclosed marker is kept as literal text.
    public static func parseInline(_ s: String) -> [MarkupRun] {
        let chars = Array(s)
        var runs: [MarkupRun] = []
        var current = ""
        var strong = false
        var i = 0

        func emit(_ kind: SpanKind) {
            guard !current.isEmpty else { return }
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1].text += current
            } else {
                runs.append(MarkupRun(current, kind: kind))
            }
            current = ""
        }

        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "`" || chars[i + 1] == "*" {
                current.append(chars[i + 1])
                i += 2
            } else if c == "`", let close = chars[(i + 1)...].firstIndex(of: "`") {
                emit(strong ? .strong : .plain)
                current = String(chars[(i + 1)..<close])
                emit(.code)
                i = close + 1
            } else if c == "*", i + 1 < chars.count, chars[i + 1] == "*",
                strong || hasClosingStrong(chars, from: i + 2)
            {
                emit(strong ? .strong : .plain)
                strong.toggle()
                i += 2
            } else {
                current.append(c)
                i += 1
            }
        }
        emit(strong ? .strong : .plain)
        return runs
    }

    static func hasClosingStrong(_ chars: [Character], from start: Int) -> Bool {
        var i = start
        while i + 1 < chars.count {
            if chars[i] == "*", chars[i + 1] == "*" { return true }
            i += 1
        }
        return false
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
