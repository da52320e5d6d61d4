import Foundation

/// Reads what a student types as an answer the way people write numbers:
/// `-0.3`, `−0.3`, `.3`, `0,3`, `3/10`, `-4*1`, `1/2`, `2 × (−3)`.
///
/// Anything else is refused with the reason, never misread: `1,000` is
/// ambiguous (a thousand, or one?), `3x` is not a number.
enum AnswerReader {
    enum Failure: Error, Equatable {
        /// Not a number or a short expression of numbers.
        case unreadable
        /// A comma that could be a decimal point or a thousands separator.
        case ambiguousComma
        case empty
    }

    static func read(_ typed: String) -> Result<Double, Failure> {
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .failure(.empty) }
        guard let normalized = normalize(text) else { return .failure(.ambiguousComma) }
        var parser = Parser(chars: Array(normalized))
        guard let value = parser.expression(), parser.atEnd, value.isFinite else { return .failure(.unreadable) }
        return .success(value)
    }

    /// One spelling for each sign: `−` `–` → `-`, `×` `·` → `*`, `÷` → `/`, a decimal comma → `.`.
    /// Nil when a comma could be either a decimal point or a thousands separator.
    private static func normalize(_ text: String) -> String? {
        var out: [Character] = []
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            switch c {
            case "−", "–": out.append("-")
            // `x` is a times sign only between two numbers (`3 x 2`, as ASCII screens write ×).
            case "x" where Self.between(chars, i): out.append("*")
            case "×", "·", "⋅": out.append("*")
            case "÷": out.append("/")
            case ",":
                // A decimal comma has digits on both sides, never exactly three after it (1,000), and no point nearby.
                let before = chars[..<i].reversed().prefix { $0.isASCII && $0.isNumber }.count
                let after = chars[(i + 1)...].prefix { $0.isASCII && $0.isNumber }.count
                let number = chars[(i - before)..<(i + 1 + after)]
                let rest = chars[(i + 1 + after)...]
                if before == 0 || after == 0 {
                    out.append(c)
                } else if after == 3 || rest.first == "." || rest.first == ","
                    || number.contains(".")
                {
                    return nil
                } else {
                    out.append(".")
                }
            case " ", "\t": continue
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// Whether the characters either side of `i` (past spaces) are a digit or `)` before and a digit or `(` after.
    private static func between(_ chars: [Character], _ i: Int) -> Bool {
        let before = chars[..<i].last { $0 != " " }
        let after = chars[(i + 1)...].first { $0 != " " }
        guard let before, let after else { return false }
        return (before.isNumber || before == ")") && (after.isNumber || after == "(" || after == "-" || after == "−")
            && !(before == "0" && i == 1)
    }

    /// expression := term (('+' | '-') term)*; term := factor (('*' | '/') factor)*;
    /// factor := '-' factor | '+' factor | '(' expression ')' | number. Depth is bounded.
    private struct Parser {
        let chars: [Character]
        var i = 0
        var depth = 0

        var atEnd: Bool { i == chars.count }

        mutating func expression() -> Double? {
            guard var value = term() else { return nil }
            while i < chars.count, chars[i] == "+" || chars[i] == "-" {
                let op = chars[i]
                i += 1
                guard let rhs = term() else { return nil }
                value = op == "+" ? value + rhs : value - rhs
            }
            return value
        }

        mutating func term() -> Double? {
            guard var value = factor() else { return nil }
            while i < chars.count, chars[i] == "*" || chars[i] == "/" {
                let op = chars[i]
                i += 1
                guard let rhs = factor() else { return nil }
                value = op == "*" ? value * rhs : value / rhs
            }
            return value
        }

        mutating func factor() -> Double? {
            guard i < chars.count, depth < 32 else { return nil }
            depth += 1
            defer { depth -= 1 }
            switch chars[i] {
            case "-":
                i += 1
                return factor().map { -$0 }
            case "+":
                i += 1
                return factor()
            case "(":
                i += 1
                guard let value = expression(), i < chars.count, chars[i] == ")" else { return nil }
                i += 1
                return value
            default:
                return number()
            }
        }

        /// Digits with at most one point (`.3`, `3.`, `3.25`), and an exponent (`1e-3`).
        mutating func number() -> Double? {
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." { i += 1 }
            if i < chars.count, chars[i] == "e" || chars[i] == "E", i > start {
                var j = i + 1
                if j < chars.count, chars[j] == "-" || chars[j] == "+" { j += 1 }
                if j < chars.count, chars[j].isASCII, chars[j].isNumber {
                    i = j
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                }
            }
            let text = String(chars[start..<i])
            guard text.contains(where: \.isNumber), text.filter({ $0 == "." }).count <= 1 else { return nil }
            return Double(text.hasPrefix(".") ? "0" + text : text)
        }
    }
}
