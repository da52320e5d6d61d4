/// Parses graph-language tokens into statements, recovering after an error at
/// the next line so that every syntax error in a block is reported.
struct Parser {
    private let tokens: [Token]
    private var index = 0
    private let maxDepth: Int
    private(set) var statements: [Statement] = []
    private(set) var brokenNames: Set<String> = []
    private(set) var diagnostics: [(SourceLocation, String)] = []

    /// A syntax error; parsing resumes at the next line.
    private struct SyntaxError: Error {
        var location: SourceLocation
        var message: String
    }

    /// Parses a whole block of `lines` (numbered as in the file).
    static func parse(lines: [(number: Int, text: String)], maxDepth: Int) -> (Program, [(SourceLocation, String)]) {
        let lexer = Lexer(lines: lines)
        var parser = Parser(tokens: lexer.tokens, maxDepth: maxDepth)
        parser.parseProgram()
        var program = Program(statements: parser.statements, brokenNames: parser.brokenNames,
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
                return .failure(ParseFailure(location: parser.current.location,
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

    private var current: Token { tokens[min(index, tokens.count - 1)] }
    private func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }
    private mutating func advance() -> Token {
        let t = current
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    private mutating func parseProgram() {
        while current.kind != .end {
            if current.kind == .newline { _ = advance(); continue }
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
        if case .name(let w) = tokens[i].kind, w == "data" || w == "param",
           case .name = tokens[min(i + 1, tokens.count - 1)].kind { i += 1 }
        guard case .name(let n) = tokens[i].kind, tokens[min(i + 1, tokens.count - 1)].kind == .equals else { return nil }
        return n
    }

    private mutating func parseStatement() throws {
        let first = current
        var kind = Statement.Kind.plain
        if case .name(let word) = first.kind, word == "data" || word == "param", case .name = peek(1).kind {
            kind = word == "data" ? .data : .param
            _ = advance()
        }
        let nameToken = current
        if case .name(let name) = nameToken.kind, peek(1).kind == .equals {
            _ = advance()
            let equals = advance()
            if current.kind == .newline || current.kind == .end {
                throw SyntaxError(location: equals.location.advanced(by: 1), message: "expected an expression after '='")
            }
            let (value, _) = try parseExpression(depth: 1)
            try expectEndOfLine()
            statements.append(Statement(body: .assign(kind: kind, name: name, nameLocation: nameToken.location, value: value),
                                        line: first.location.line))
            return
        }
        if kind != .plain {
            throw SyntaxError(location: peek(1).location, message: "expected '=' after '\(kind.rawValue) \(nameToken.kind.symbol)'")
        }
        // Anything else must be seed(N); parse it as an expression to say what it is.
        let (expr, _) = try parseExpression(depth: 1)
        if current.kind == .equals {
            throw SyntaxError(location: expr.start, message: "cannot assign to '\(expr.text)': the left of '=' must be one name")
        }
        try expectEndOfLine()
        if case .call("seed", let args, let location) = expr {
            guard args.count == 1, args[0].label == nil else {
                throw SyntaxError(location: location, message: "seed() takes one whole number, like seed(0)")
            }
            statements.append(Statement(body: .seed(args[0].value, location), line: first.location.line))
            return
        }
        throw SyntaxError(location: expr.start,
                          message: "a statement must name its result, like 'y = \(expr.text)'")
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

    // MARK: - Expressions, by precedence climbing

    private func tooDeep(_ location: SourceLocation) -> SyntaxError {
        SyntaxError(location: location,
                    message: "expression is nested too deeply (more than \(maxDepth) levels, the nesting depth limit); split it into several statements")
    }

    private mutating func parseExpression(depth: Int, minimum: Int = 1) throws -> (Expr, Int) {
        if depth > maxDepth { throw tooDeep(current.location) }
        var (lhs, lhsDepth) = try parseUnary(depth: depth)
        while let op = binaryOperator(current.kind), op.precedence >= minimum, op != .power {
            let opToken = advance()
            if current.kind == .newline || current.kind == .end {
                throw SyntaxError(location: opToken.location, message: "expected an expression after '\(op.rawValue)'")
            }
            let (rhs, rhsDepth) = try parseExpression(depth: depth + 1, minimum: op.precedence + 1)
            let combined = max(lhsDepth, rhsDepth) + 1
            if combined > maxDepth { throw tooDeep(opToken.location) }
            lhs = .binary(op, lhs, rhs, opToken.location)
            lhsDepth = combined
        }
        return (lhs, lhsDepth)
    }

    private func binaryOperator(_ kind: Token.Kind) -> BinaryOperator? {
        switch kind {
        case .plus: return .add
        case .minus: return .subtract
        case .star: return .multiply
        case .slash: return .divide
        case .at: return .matmul
        case .power: return .power
        default: return nil
        }
    }

    private mutating func parseUnary(depth: Int) throws -> (Expr, Int) {
        if depth > maxDepth { throw tooDeep(current.location) }
        if current.kind == .minus {
            let minus = advance()
            let (operand, d) = try parseUnary(depth: depth + 1)
            return (.negate(operand, minus.location), d + 1)
        }
        if current.kind == .plus {
            throw SyntaxError(location: current.location, message: "unary '+' is not part of the graph language; leave it out")
        }
        return try parsePower(depth: depth)
    }

    private mutating func parsePower(depth: Int) throws -> (Expr, Int) {
        let (base, baseDepth) = try parsePostfix(depth: depth)
        guard current.kind == .power else { return (base, baseDepth) }
        let op = advance()
        if current.kind == .newline || current.kind == .end {
            throw SyntaxError(location: op.location, message: "expected an exponent after '**'")
        }
        let (exponent, d) = try parseUnary(depth: depth + 1)
        return (.binary(.power, base, exponent, op.location), max(baseDepth, d) + 1)
    }

    private mutating func parsePostfix(depth: Int) throws -> (Expr, Int) {
        var (expr, d) = try parseAtom(depth: depth)
        while true {
            if current.kind == .dot {
                let dot = advance()
                guard case .name(let member) = current.kind else {
                    throw SyntaxError(location: current.location, message: "expected a name after '.', like x.T")
                }
                let nameToken = advance()
                _ = dot
                var args: [Argument]?
                if current.kind == .leftParen {
                    let (parsed, argDepth) = try parseArguments(depth: depth + 1)
                    args = parsed
                    d = max(d, argDepth)
                }
                d += 1
                if d > maxDepth { throw tooDeep(nameToken.location) }
                expr = .member(expr, member, args, nameToken.location)
            } else if current.kind == .leftParen {
                throw SyntaxError(location: current.location, message: "only a function name can be called, like sin(x)")
            } else if current.kind == .leftBracket {
                throw SyntaxError(location: current.location, message: "indexing with [...] is not part of the graph language")
            } else {
                return (expr, d)
            }
        }
    }

    private mutating func parseArguments(depth: Int) throws -> ([Argument], Int) {
        let open = advance()
        var args: [Argument] = []
        var deepest = 0
        while current.kind != .rightParen {
            if current.kind == .newline || current.kind == .end {
                throw SyntaxError(location: open.location, message: "'(' is never closed")
            }
            var label: String?
            var labelLocation: SourceLocation?
            if case .name(let n) = current.kind, peek(1).kind == .equals {
                label = n
                labelLocation = current.location
                _ = advance()
                _ = advance()
            } else if args.contains(where: { $0.label != nil }) {
                throw SyntaxError(location: current.location,
                                  message: "a positional argument cannot follow a keyword argument")
            }
            let (value, d) = try parseExpression(depth: depth + 1)
            deepest = max(deepest, d)
            args.append(Argument(label: label, labelLocation: labelLocation, value: value))
            if current.kind == .comma { _ = advance(); continue }
            if current.kind != .rightParen { throw expected("',' or ')'", opened: open) }
        }
        _ = advance()
        return (args, deepest + 1)
    }

    private func expected(_ what: String, opened: Token) -> SyntaxError {
        let t = current
        if t.kind == .newline || t.kind == .end {
            return SyntaxError(location: opened.location, message: "\(opened.quoted) is never closed")
        }
        return SyntaxError(location: t.location, message: "expected \(what), found \(t.quoted)")
    }

    private mutating func parseAtom(depth: Int) throws -> (Expr, Int) {
        if depth > maxDepth { throw tooDeep(current.location) }
        let t = current
        switch t.kind {
        case .number(let value, let text):
            _ = advance()
            return (.number(value, text: text, t.location), 1)
        case .name(let name):
            _ = advance()
            if current.kind == .leftParen {
                let (args, d) = try parseArguments(depth: depth + 1)
                return (.call(name, args, t.location), d + 1)
            }
            return (.name(name, t.location), 1)
        case .leftBracket:
            _ = advance()
            if current.kind == .newline || current.kind == .end {
                throw SyntaxError(location: t.location, message: "'[' is never closed")
            }
            var items: [Expr] = []
            var deepest = 0
            while current.kind != .rightBracket {
                if current.kind == .newline || current.kind == .end {
                    throw SyntaxError(location: t.location, message: "'[' is never closed")
                }
                let (item, d) = try parseExpression(depth: depth + 1)
                items.append(item)
                deepest = max(deepest, d)
                if current.kind == .comma { _ = advance(); continue }
                if current.kind != .rightBracket { throw expected("',' or ']'", opened: t) }
            }
            _ = advance()
            return (.list(items, t.location), deepest + 1)
        case .leftParen:
            _ = advance()
            if current.kind == .newline || current.kind == .end {
                throw SyntaxError(location: t.location, message: "'(' is never closed")
            }
            if current.kind == .rightParen {
                _ = advance()
                return (.tuple([], t.location), 1)
            }
            let (first, d) = try parseExpression(depth: depth + 1)
            if current.kind == .rightParen {
                _ = advance()
                return (first, d)
            }
            guard current.kind == .comma else { throw expected("',' or ')'", opened: t) }
            var items = [first]
            var deepest = d
            _ = advance()
            while current.kind != .rightParen {
                if current.kind == .newline || current.kind == .end {
                    throw SyntaxError(location: t.location, message: "'(' is never closed")
                }
                let (item, d) = try parseExpression(depth: depth + 1)
                items.append(item)
                deepest = max(deepest, d)
                if current.kind == .comma { _ = advance(); continue }
                if current.kind != .rightParen { throw expected("',' or ')'", opened: t) }
            }
            _ = advance()
            return (.tuple(items, t.location), deepest + 1)
        case .newline, .end:
            throw SyntaxError(location: t.location, message: "expected an expression")
        default:
            throw SyntaxError(location: t.location, message: "expected an expression, found \(t.quoted)")
        }
    }
}

/// A syntax error outside a program (in an @ask answer).
struct ParseFailure: Error {
    var location: SourceLocation
    var message: String
}
