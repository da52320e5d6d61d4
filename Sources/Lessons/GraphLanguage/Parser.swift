/// Parses graph-language tokens into statements, recovering after an error at
/// the next line so that every syntax error in a block is reported.
struct Parser {
    let tokens: [Token]
    var index = 0
    let maxDepth: Int
    private(set) var statements: [Statement] = []
    private(set) var brokenNames: Set<String> = []
    private(set) var diagnostics: [(SourceLocation, String)] = []

    /// A syntax error; parsing resumes at the next line.
    struct SyntaxError: Error {
        var location: SourceLocation
        var message: String
    }

    /// Parses a whole block of `lines` (numbered as in the file).
    static func parse(lines: [(number: Int, text: String)], maxDepth: Int) -> (Program, [(SourceLocation, String)]) {
        let lexer = Lexer(lines: lines)
        var parser = Parser(tokens: lexer.tokens, maxDepth: maxDepth)
        parser.parseProgram()
        var program = Program(
            statements: parser.statements, brokenNames: parser.brokenNames,
            firstLine: lines.first?.number ?? 1)
        program.hasErrors = !lexer.diagnostics.isEmpty || !parser.diagnostics.isEmpty
        // A line with a lexer error gets no parser error too: the first explains the second.
        let lexed = Set(lexer.diagnostics.map(\.0.line))
        return (program, lexer.diagnostics + parser.diagnostics.filter { !lexed.contains($0.0.line) })
    }

    /// Parses `text`, which starts at `start` in the file, as one expression (an @ask answer).
    static func parseExpression(_ text: String, at start: SourceLocation, maxDepth: Int) -> Result<Expr, ParseFailure> {
        let padded = String(repeating: " ", count: max(0, start.column - 1)) + text
        let lexer = Lexer(lines: [(start.line, padded)])
        if let (location, message) = lexer.diagnostics.first {
            return .failure(ParseFailure(location: location, message: message))
        }
        var parser = Parser(tokens: lexer.tokens, maxDepth: maxDepth)
        do {
            if parser.current.kind == .newline || parser.current.kind == .end {
                return .failure(ParseFailure(location: start, message: "expected a number or an expression"))
            }
            let (expr, _) = try parser.parseExpression(depth: 1)
            guard parser.current.kind == .newline || parser.current.kind == .end else {
                return .failure(
                    ParseFailure(
                        location: parser.current.location,
                        message: "unexpected \(parser.current.quoted)"))
            }
            return .success(expr)
        } catch let error as SyntaxError {
            return .failure(ParseFailure(location: error.location, message: error.message))
        } catch {
            return .failure(ParseFailure(location: start, message: "cannot read this expression"))
        }
    }

    private init(tokens: [Token], maxDepth: Int) {
        self.tokens = tokens
        self.maxDepth = maxDepth
    }

    var current: Token { tokens[min(index, tokens.count - 1)] }
    func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }
    mutating func advance() -> Token {
        let t = current
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    private mutating func parseProgram() {
        while current.kind != .end {
            if current.kind == .newline {
                _ = advance()
                continue
            }
            let start = index
            do {
                try parseStatement()
            } catch let error as SyntaxError {
                diagnostics.append((error.location, error.message))
                if let name = assignedName(from: start) { brokenNames.insert(name) }
                while current.kind != .newline && current.kind != .end { _ = advance() }
            } catch {}
        }
    }

    /// The name a statement starting at token `start` assigns, if it got that far.
    private func assignedName(from start: Int) -> String? {
        var i = start
        if case .name(let w) = tokens[i].kind, Parser.declarationWords.contains(w),
            case .name = tokens[min(i + 1, tokens.count - 1)].kind
        {
            i += 1
        }
        guard case .name(let n) = tokens[i].kind, tokens[min(i + 1, tokens.count - 1)].kind == .equals else {
            return nil
        }
        return n
    }

    /// The words that can start a declaration: `data x = …`, `model M = …`.
    static let declarationWords: Set<String> = ["data", "param", "layer", "model"]

    private mutating func parseStatement() throws {
        let first = current
        var kind = Statement.Kind.plain
        if case .name(let word) = first.kind, Parser.declarationWords.contains(word), case .name = peek(1).kind {
            kind = Statement.Kind(rawValue: word) ?? .plain
            _ = advance()
        }
        if kind == .data, case .name(let a) = current.kind, peek(1).kind == .comma {
            try parsePair(first: first, a, at: current.location)
            return
        }
        let nameToken = current
        if case .name(let name) = nameToken.kind, peek(1).kind == .equals {
            _ = advance()
            let equals = advance()
            if current.kind == .newline || current.kind == .end {
                throw SyntaxError(
                    location: equals.location.advanced(by: 1), message: "expected an expression after '='")
            }
            let (value, _) = try parseExpression(depth: 1)
            try expectEndOfLine()
            statements.append(
                Statement(
                    body: .assign(kind: kind, name: name, nameLocation: nameToken.location, value: value),
                    line: first.location.line))
            return
        }
        if kind != .plain {
            throw SyntaxError(
                location: peek(1).location, message: "expected '=' after '\(kind.rawValue) \(nameToken.kind.symbol)'")
        }
        // Anything else must be seed(N); parse it as an expression to say what it is.
        let (expr, _) = try parseExpression(depth: 1)
        if current.kind == .equals {
            throw SyntaxError(
                location: expr.start, message: "cannot assign to '\(expr.text)': the left of '=' must be one name")
        }
        try expectEndOfLine()
        if case .call("seed", let args, let location) = expr {
            guard args.count == 1, args[0].label == nil else {
                throw SyntaxError(location: location, message: "seed() takes one whole number, like seed(0)")
            }
            statements.append(Statement(body: .seed(args[0].value, location), line: first.location.line))
            return
        }
        throw SyntaxError(
            location: expr.start,
            message: "a statement must name its result, like 'y = \(expr.text)'")
    }

    /// `data A, B = EXPR`, after `data`.
    private mutating func parsePair(first: Token, _ a: String, at location: SourceLocation) throws {
        _ = advance()
        _ = advance()
        guard case .name(let b) = current.kind else {
            throw SyntaxError(location: current.location, message: "expected a second name after 'data \(a),'")
        }
        let second = advance()
        guard current.kind == .equals else {
            throw SyntaxError(
                location: current.location,
                message: "expected '=' after 'data \(a), \(b)': a data set gives two names, like data x, t = spiral()")
        }
        let equals = advance()
        if current.kind == .newline || current.kind == .end {
            throw SyntaxError(location: equals.location.advanced(by: 1), message: "expected an expression after '='")
        }
        let (value, _) = try parseExpression(depth: 1)
        try expectEndOfLine()
        statements.append(
            Statement(
                body: .assignPair(names: [a, b], nameLocations: [location, second.location], value: value),
                line: first.location.line))
    }

    private mutating func expectEndOfLine() throws {
        guard current.kind == .newline || current.kind == .end else {
            let t = current
            if t.kind == .equals {
                throw SyntaxError(location: t.location, message: "unexpected '=': one assignment per line")
            }
            if t.kind == .rightParen || t.kind == .rightBracket {
                throw SyntaxError(location: t.location, message: "unexpected \(t.quoted): no bracket is open here")
            }
            throw SyntaxError(location: t.location, message: "unexpected \(t.quoted): expected the end of the line")
        }
        _ = advance()
    }

}

/// A syntax error outside a program (in an @ask answer).
struct ParseFailure: Error {
    var location: SourceLocation
    var message: String
}
