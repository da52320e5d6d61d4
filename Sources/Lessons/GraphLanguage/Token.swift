/// One token of the graph language, with where it starts.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case name(String)
        /// A number literal and the text it was written as.
        case number(Double, String)
        case plus, minus, star, slash, power, at
        case leftParen, rightParen, leftBracket, rightBracket
        case comma, equals, dot, colon
        /// The end of a logical line (brackets closed).
        case newline
        case end
    }

    var kind: Kind
    var location: SourceLocation
    /// How many characters the token covers.
    var length: Int

    /// How the token reads in a message: `'+'`, `'sin'`, `the end of the line`.
    var quoted: String {
        switch kind {
        case .name(let n): return "'\(n)'"
        case .number(_, let text): return "'\(text)'"
        case .newline: return "the end of the line"
        case .end: return "the end of the program"
        default: return "'\(kind.symbol)'"
        }
    }
}

extension Token.Kind {
    /// The operator or punctuation as written.
    var symbol: String {
        switch self {
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .power: return "**"
        case .at: return "@"
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .comma: return ","
        case .equals: return "="
        case .dot: return "."
        case .colon: return ":"
        case .name(let n): return n
        case .number(_, let t): return t
        case .newline: return "\n"
        case .end: return ""
        }
    }
}
