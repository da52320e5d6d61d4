/// A run of inline text in prose.
public enum Inline: Equatable, Hashable, Sendable {
    case text(String)
    /// `` `code` ``
    case code(String)
    /// `**bold**`
    case strong(String)
    /// `*emphasis*`
    case emphasis(String)

    /// The text without markup.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s), .strong(let s), .emphasis(let s): return s
        }
    }
}

/// A block of prose in a step: a small Markdown subset.
public enum ProseBlock: Equatable, Sendable {
    /// Lines of one paragraph, joined with spaces.
    case paragraph([Inline])
    /// `- item`, `* item` or `1. item`; `depth` counts levels of indentation.
    case listItem(marker: String, depth: Int, [Inline])
    /// Lines indented four spaces, or fenced with ``` (not `graph`), kept as written.
    case code([String])
    /// `### Heading` inside a step.
    case heading(level: Int, [Inline])

    /// The block's text without markup (code lines joined by newlines).
    public var plainText: String {
        switch self {
        case .paragraph(let runs), .listItem(_, _, let runs), .heading(_, let runs):
            return runs.map(\.plainText).joined()
        case .code(let lines): return lines.joined(separator: "\n")
        }
    }
}

/// Splits a line of prose into runs: `` `code` ``, `**bold**`, `*emphasis*`;
/// a backslash escapes the next character; an unclosed marker is plain text.
func parseInline(_ text: String) -> [Inline] {
    let chars = Array(text)
    var runs: [Inline] = []
    var plain = ""
    func flush() {
        if !plain.isEmpty { runs.append(.text(plain)) }
        plain = ""
    }
    func find(_ marker: [Character], from start: Int) -> Int? {
        var j = start
        while j + marker.count <= chars.count {
            if chars[j] == "\\" && marker != ["`"] {
                j += 2
                continue
            }
            if Array(chars[j..<(j + marker.count)]) == marker { return j }
            j += 1
        }
        return nil
    }
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if c == "\\", i + 1 < chars.count, "`*_\\".contains(chars[i + 1]) {
            plain.append(chars[i + 1])
            i += 2
            continue
        }
        if c == "`", let end = find(["`"], from: i + 1) {
            flush()
            runs.append(.code(String(chars[(i + 1)..<end])))
            i = end + 1
            continue
        }
        if c == "*", i + 1 < chars.count, chars[i + 1] == "*", let end = find(["*", "*"], from: i + 2), end > i + 2 {
            flush()
            runs.append(.strong(unescaped(chars[(i + 2)..<end])))
            i = end + 2
            continue
        }
        if c == "*", i + 1 < chars.count, chars[i + 1] != " ", chars[i + 1] != "*",
            let end = find(["*"], from: i + 1), end > i + 1
        {
            flush()
            runs.append(.emphasis(unescaped(chars[(i + 1)..<end])))
            i = end + 1
            continue
        }
        plain.append(c)
        i += 1
    }
    flush()
    return runs
}

private func unescaped(_ chars: ArraySlice<Character>) -> String {
    var out = ""
    var escape = false
    for c in chars {
        if escape {
            out.append(c)
            escape = false
            continue
        }
        if c == "\\" {
            escape = true
            continue
        }
        out.append(c)
    }
    return out
}
