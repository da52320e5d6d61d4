/// Splits graph-language lines into tokens, one logical line at a time.
///
/// As in Python, a line ends a statement unless a bracket is still open or the
/// line ends with a backslash. An unindented `NAME =` line while a bracket is
/// open also ends the statement, so that one missing `)` costs one error, not
/// every line after it. Comments start with `#`.
struct Lexer {
    private(set) var tokens: [Token] = []
    private(set) var diagnostics: [(SourceLocation, String)] = []

    /// Tokenizes `lines`, each with its line number in the file.
    init(lines: [(number: Int, text: String)]) {
        var depth = 0
        var lastLocation = SourceLocation(line: lines.last?.number ?? 1, column: 1)
        for (number, text) in lines {
            let chars = Array(text)
            if depth > 0, startsNewStatement(chars) {
                tokens.append(Token(kind: .newline, location: SourceLocation(line: number, column: 1), length: 0))
                depth = 0
            }
            var i = 0
            var continued = false
            while i < chars.count {
                let c = chars[i]
                let here = SourceLocation(line: number, column: i + 1)
                if c == " " || c == "\t" || c == "\u{FEFF}" {
                    i += 1
                    continue
                }
                if c == "#" { break }
                if c == "\\" && chars[(i + 1)...].allSatisfy({ $0 == " " || $0 == "\t" }) {
                    continued = true
                    break
                }
                if c.isNumber && c.isASCII
                    || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber)
                {
                    i = lexNumber(chars, from: i, line: number)
                    continue
                }
                if isNameStart(c) {
                    var j = i
                    while j < chars.count && isNameContinue(chars[j]) { j += 1 }
                    tokens.append(Token(kind: .name(String(chars[i..<j])), location: here, length: j - i))
                    i = j
                    continue
                }
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                var kind: Token.Kind?
                var length = 1
                switch c {
                case "+": kind = .plus
                case "-": kind = .minus
                case "*":
                    if next == "*" {
                        kind = .power
                        length = 2
                    } else {
                        kind = .star
                    }
                case "/": kind = .slash
                case "@": kind = .at
                case "(":
                    kind = .leftParen
                    depth += 1
                case ")":
                    kind = .rightParen
                    depth = max(0, depth - 1)
                case "[":
                    kind = .leftBracket
                    depth += 1
                case "]":
                    kind = .rightBracket
                    depth = max(0, depth - 1)
                case ",": kind = .comma
                case "=":
                    if next == "=" {
                        diagnostics.append((here, "'==' is not part of the graph language (use '=' to assign a name)"))
                        length = 2
                    } else {
                        kind = .equals
                    }
                case ".": kind = .dot
                case ":": kind = .colon
                case "\"", "'", "“", "‘":
                    diagnostics.append((here, "strings are not part of the graph language"))
                    let closing: Character = c == "“" ? "”" : (c == "‘" ? "’" : c)
                    var j = i + 1
                    while j < chars.count && chars[j] != closing { j += 1 }
                    length = min(j + 1, chars.count) - i
                default:
                    diagnostics.append((here, Lexer.unexpected(c)))
                }
                if let kind { tokens.append(Token(kind: kind, location: here, length: length)) }
                i += length
            }
            lastLocation = SourceLocation(line: number, column: chars.count + 1)
            if depth == 0 && !continued {
                if let last = tokens.last, last.kind != .newline {
                    tokens.append(Token(kind: .newline, location: lastLocation, length: 0))
                }
            }
        }
        if let last = tokens.last, last.kind != .newline {
            tokens.append(Token(kind: .newline, location: lastLocation, length: 0))
        }
        tokens.append(Token(kind: .end, location: lastLocation, length: 0))
    }

    private mutating func lexNumber(_ chars: [Character], from start: Int, line: Int) -> Int {
        var j = start
        func digits() { while j < chars.count && chars[j].isASCII && chars[j].isNumber { j += 1 } }
        digits()
        if j < chars.count && chars[j] == "." {
            j += 1
            digits()
        }
        if j < chars.count && (chars[j] == "e" || chars[j] == "E") {
            var k = j + 1
            if k < chars.count && (chars[k] == "+" || chars[k] == "-") { k += 1 }
            if k < chars.count && chars[k].isASCII && chars[k].isNumber {
                j = k
                digits()
            }
        }
        let text = String(chars[start..<j])
        let here = SourceLocation(line: line, column: start + 1)
        if j < chars.count && isNameStart(chars[j]) {
            var k = j
            while k < chars.count && isNameContinue(chars[k]) { k += 1 }
            diagnostics.append((here, "'\(String(chars[start..<k]))' is not a number or a name"))
            return k
        }
        if let value = Double(text) {
            tokens.append(Token(kind: .number(value, text), location: here, length: j - start))
        } else {
            diagnostics.append((here, "'\(text)' is not a number"))
        }
        return j
    }

    private func startsNewStatement(_ chars: [Character]) -> Bool {
        guard let first = chars.first, isNameStart(first) else { return false }
        var j = 0
        while j < chars.count && isNameContinue(chars[j]) { j += 1 }
        let word = String(chars[0..<j])
        while j < chars.count && chars[j] == " " { j += 1 }
        if word == "data" || word == "param" { return j < chars.count && isNameStart(chars[j]) }
        return j < chars.count && chars[j] == "=" && (j + 1 == chars.count || chars[j + 1] != "=")
    }

    static func unexpected(_ c: Character) -> String {
        let hints: [Character: String] = [
            "−": "-", "–": "-", "×": "*", "·": "*", "÷": "/", "²": "** 2", "³": "** 3",
            "{": "[", "}": "]", "π": "pi", "^": "**",
        ]
        let code = c.unicodeScalars.first.map { "U+" + String($0.value, radix: 16, uppercase: true) } ?? ""
        let shown = c.isASCII ? "'\(c)'" : "'\(c)' (\(code))"
        if let hint = hints[c] { return "unexpected \(shown) — use '\(hint)'" }
        return "unexpected character \(shown)"
    }
}

func isNameStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
func isNameContinue(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber }
