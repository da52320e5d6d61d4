// Expressions, by precedence climbing: `**` (right) > unary `-` > `* / @` > `+ -`.
// Depth counts brackets and operators, so no input can recurse without bound.

extension Parser {
    private func tooDeep(_ location: SourceLocation) -> SyntaxError {
        SyntaxError(
            location: location,
            message:
                "expression is nested too deeply (more than \(maxDepth) levels, the nesting depth limit); split it into several statements"
        )
    }

    mutating func parseExpression(depth: Int, minimum: Int = 1) throws -> (Expr, Int) {
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
            throw SyntaxError(
                location: current.location, message: "unary '+' is not part of the graph language; leave it out")
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
                throw SyntaxError(
                    location: current.location, message: "only a function name can be called, like sin(x)")
            } else if current.kind == .leftBracket {
                let open = current
                let (items, itemDepth) = try parseSubscripts(depth: depth + 1)
                d = max(d, itemDepth) + 1
                if d > maxDepth { throw tooDeep(open.location) }
                expr = .index(expr, items, open.location)
            } else {
                return (expr, d)
            }
        }
    }

    /// `[i, a:b:c, [0, 1]]` after an expression: integers, slices, integer lists.
    private mutating func parseSubscripts(depth: Int) throws -> ([Subscript], Int) {
        let open = advance()
        var items: [Subscript] = []
        var deepest = 0
        while current.kind != .rightBracket {
            if current.kind == .newline || current.kind == .end {
                throw SyntaxError(location: open.location, message: "'[' is never closed")
            }
            let itemStart = current.location
            var parts: [Expr?] = []
            var colons = 0
            while true {
                if current.kind == .colon || current.kind == .comma || current.kind == .rightBracket {
                    parts.append(nil)
                } else {
                    let (e, d) = try parseExpression(depth: depth + 1)
                    deepest = max(deepest, d)
                    parts.append(e)
                }
                guard current.kind == .colon else { break }
                colons += 1
                if colons > 2 {
                    throw SyntaxError(location: current.location, message: "a slice has at most two ':', like 0:10:2")
                }
                _ = advance()
            }
            if colons == 0, let e = parts[0] {
                items.append(.item(e))
            } else if colons == 0 {
                throw SyntaxError(location: current.location, message: "expected an index, like x[0] or x[1:3]")
            } else {
                items.append(
                    .slice(start: parts[0], stop: parts[1], step: parts.count > 2 ? parts[2] : nil, itemStart))
            }
            if current.kind == .comma {
                _ = advance()
                continue
            }
            if current.kind != .rightBracket { throw expected("',' or ']'", opened: open) }
        }
        _ = advance()
        if items.isEmpty {
            throw SyntaxError(location: open.location, message: "expected an index between '[' and ']'")
        }
        return (items, deepest + 1)
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
                throw SyntaxError(
                    location: current.location,
                    message: "a positional argument cannot follow a keyword argument")
            }
            let (value, d) = try parseExpression(depth: depth + 1)
            deepest = max(deepest, d)
            args.append(Argument(label: label, labelLocation: labelLocation, value: value))
            if current.kind == .comma {
                _ = advance()
                continue
            }
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
                if current.kind == .comma {
                    _ = advance()
                    continue
                }
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
                if current.kind == .comma {
                    _ = advance()
                    continue
                }
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
