import Autodiff

extension Interpreter {
    /// The items of `x[…]`: whole numbers, integer lists (or 1-d constants such as
    /// `data` labels) and slices, all constant, as NumPy takes them.
    mutating func indexItems(_ items: [Subscript], _ context: Context) throws -> [IndexItem] {
        try items.map { item in
            switch item {
            case .item(let expr):
                return try indexItem(expr, try evaluate(expr, Context(eager: false, value: context.value)))
            case .slice(let start, let stop, let step, _):
                func part(_ e: Expr?) throws -> Int? {
                    guard let e else { return nil }
                    let v = try evaluate(e, Context(eager: true, value: context.value))
                    if case .none = v { return nil }
                    return try wholeNumber(v, at: e.start, what: "a slice bound")
                }
                return .range(start: try part(start), stop: try part(stop), step: try part(step))
            }
        }
    }

    /// The `slices` of `get_item(x, slices)`: a number, an integer list, or a tuple of numbers.
    mutating func indexArgument(_ arg: Argument?, _ context: Context) throws -> [IndexItem] {
        guard let arg else { throw InterpretError(SourceLocation(line: line, column: 1), "get_item needs 'slices'") }
        let value = try evaluate(arg.value, Context(eager: false, value: context.value))
        if case .tuple(let numbers, _) = value {
            return try numbers.map {
                .at(try wholeNumber(.constant(Tensor($0), label: "", data: nil), at: arg.value.start, what: "an index"))
            }
        }
        return [try indexItem(arg.value, value)]
    }

    private func indexItem(_ expr: Expr, _ value: Value) throws -> IndexItem {
        switch value {
        case .constant(let t, _, _) where t.rank == 0:
            return .at(try wholeNumber(value, at: expr.start, what: "an index"))
        case .constant(let t, _, _) where t.rank == 1:
            return .list(
                try t.scalars.map { v in
                    guard v.isFinite, v == v.rounded(), abs(v) < 1e15 else {
                        throw InterpretError(expr.start, "an index list holds whole numbers, got \(Tensor.format(v))")
                    }
                    return Int(v)
                })
        case .constant(let t, _, _):
            throw InterpretError(
                expr.start, "an index list must be 1-d; '\(shortened(expr.text))' has shape \(formatShape(t.shape))")
        case .node(let id):
            throw InterpretError(
                expr.start,
                "an index must be constant (numbers, a list, or data); '\(graph.records[id].name ?? expr.text)' is a variable"
            )
        case .tuple:
            throw InterpretError(expr.start, "write the indices without parentheses, like x[0, 1]")
        case .flag, .none:
            throw InterpretError(
                expr.start, "'\(expr.text)' is not an index; indices are whole numbers, lists or slices")
        }
    }
}
