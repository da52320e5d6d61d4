/// An expression of the graph language, with the location of its key token.
indirect enum Expr: Equatable, Sendable {
    case number(Double, text: String, SourceLocation)
    case name(String, SourceLocation)
    /// `[a, b, …]`, a tensor literal.
    case list([Expr], SourceLocation)
    /// `(a, b)` or `(a,)` or `()`: only a shape or axes.
    case tuple([Expr], SourceLocation)
    case negate(Expr, SourceLocation)
    case binary(BinaryOperator, Expr, Expr, SourceLocation)
    /// `f(args)`.
    case call(String, [Argument], SourceLocation)
    /// `x.name` (args nil) or `x.name(args)`; the location is the name's.
    case member(Expr, String, [Argument]?, SourceLocation)
    /// `x[items]`; the location is the `[`'s.
    case index(Expr, [Subscript], SourceLocation)

    /// Where the expression's key token is: the operator of a binary expression,
    /// the name of a call.
    var location: SourceLocation {
        switch self {
        case .number(_, _, let l), .name(_, let l), .list(_, let l), .tuple(_, let l), .negate(_, let l),
            .binary(_, _, _, let l), .call(_, _, let l), .member(_, _, _, let l), .index(_, _, let l):
            return l
        }
    }

    /// Where the expression's text starts (for carets under a whole operand).
    var start: SourceLocation {
        switch self {
        case .binary(_, let lhs, _, _): return lhs.start
        case .member(let receiver, _, _, _), .index(let receiver, _, _): return receiver.start
        default: return location
        }
    }

    /// The expression written back as source text, for labels and messages.
    var text: String {
        switch self {
        case .number(_, let text, _): return text
        case .name(let n, _): return n
        case .list(let items, _): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .tuple(let items, _):
            return items.count == 1 ? "(\(items[0].text),)" : "(" + items.map(\.text).joined(separator: ", ") + ")"
        case .negate(let e, _): return "-" + e.wrappedText(above: 3)
        case .binary(let op, let l, let r, _):
            let p = op.precedence
            let right = op == .power ? r.wrappedText(above: 3) : r.wrappedText(above: p)
            let left = op == .power ? l.wrappedText(above: p) : l.wrappedText(above: p - 1)
            return left + " \(op.rawValue) " + right
        case .call(let f, let args, _): return f + "(" + args.map(\.text).joined(separator: ", ") + ")"
        case .member(let r, let n, let args, _):
            let head = r.wrappedText(above: 4) + "." + n
            guard let args else { return head }
            return head + "(" + args.map(\.text).joined(separator: ", ") + ")"
        case .index(let r, let items, _):
            return r.wrappedText(above: 4) + "[" + items.map(\.text).joined(separator: ", ") + "]"
        }
    }

    private var precedence: Int {
        switch self {
        case .binary(let op, _, _, _): return op.precedence
        case .negate: return 3
        default: return 5
        }
    }

    private func wrappedText(above level: Int) -> String {
        precedence > level ? text : "(" + text + ")"
    }
}

/// One item between the brackets of `x[…]`: an expression, or a slice `start:stop:step`.
enum Subscript: Equatable, Sendable {
    case item(Expr)
    case slice(start: Expr?, stop: Expr?, step: Expr?, SourceLocation)

    var text: String {
        switch self {
        case .item(let e): return e.text
        case .slice(let start, let stop, let step, _):
            let head = (start?.text ?? "") + ":" + (stop?.text ?? "")
            return step.map { head + ":" + $0.text } ?? head
        }
    }
}

/// A binary operator, with Python's precedence.
enum BinaryOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case matmul = "@"
    case power = "**"

    var precedence: Int {
        switch self {
        case .add, .subtract: return 1
        case .multiply, .divide, .matmul: return 2
        case .power: return 4
        }
    }

    /// The verb for messages: `cannot add shapes …`.
    var verb: String {
        switch self {
        case .add: return "add"
        case .subtract: return "subtract"
        case .multiply: return "multiply"
        case .divide: return "divide"
        case .matmul: return "matmul"
        case .power: return "raise"
        }
    }
}

/// One argument of a call: positional, or `name=value`.
struct Argument: Equatable, Sendable {
    var label: String?
    var labelLocation: SourceLocation?
    var value: Expr

    var text: String { label.map { "\($0)=\(value.text)" } ?? value.text }
}

/// One statement of a graph program.
struct Statement: Equatable, Sendable {
    enum Kind: String, Equatable, Sendable {
        /// `NAME = EXPR`: an input leaf or a named intermediate.
        case plain
        /// `data NAME = EXPR`: a constant.
        case data
        /// `param NAME = EXPR`: a parameter.
        case param
        /// `layer NAME = Linear(…)`: a layer, whose parameters are named NAME.W, NAME.b.
        case layer
        /// `model NAME = MLP(…)`: a model of layers NAME.l0, NAME.l1, …
        case model
    }

    enum Body: Equatable, Sendable {
        case assign(kind: Kind, name: String, nameLocation: SourceLocation, value: Expr)
        /// `data A, B = EXPR`: the two results of a data set.
        case assignPair(names: [String], nameLocations: [SourceLocation], value: Expr)
        /// `seed(N)`.
        case seed(Expr, SourceLocation)
    }

    var body: Body
    /// The first line of the statement.
    var line: Int
}

/// A parsed graph program: its statements and where it sits in the file.
struct Program: Equatable, Sendable {
    var statements: [Statement]
    /// Names of statements that did not parse, so their uses are not errors twice.
    var brokenNames: Set<String>
    /// Whether any line failed to parse.
    var hasErrors = false
    /// The line of the block's first line of code (after the fence).
    var firstLine: Int
}
