import Autodiff

extension Interpreter {
    /// Evaluates `expr`, adding function nodes for operations on variables.
    mutating func evaluate(_ expr: Expr, _ context: Context) throws -> Value {
        switch expr {
        case .number(let value, let text, _):
            return .constant(Tensor(value), label: text, data: nil)
        case .name(let name, let location):
            return try lookUp(name, at: location, context)
        case .list(let items, let location):
            return .constant(try tensorLiteral(items, at: location, context), label: expr.text, data: nil)
        case .tuple(let items, let location):
            var numbers: [Double] = []
            for item in items {
                numbers.append(try scalar(try evaluate(item, context), at: item.start, what: "a tuple item"))
            }
            return .tuple(numbers, location)
        case .negate(let operand, let location):
            let value = try evaluate(operand, context)
            return try apply(.negate, [value], [operand], at: location, text: expr.text, context)
        case .binary(let op, let lhs, let rhs, let location):
            let both = try evaluateAll([lhs, rhs], context)
            let left = both[0]
            if op == .power {
                let exponent = both[1]
                guard case .constant(let c, _, _) = exponent, let power = c.scalar, c.rank == 0 || c.count == 1 else {
                    if case .node(let id) = exponent {
                        throw InterpretError(
                            rhs.start,
                            "the exponent of ** must be a constant number; '\(graph.records[id].name ?? rhs.text)' is a variable"
                        )
                    }
                    throw InterpretError(rhs.start, "the exponent of ** must be one constant number, got '\(rhs.text)'")
                }
                return try apply(.power(power), [left], [lhs], at: location, text: expr.text, context)
            }
            let right = both[1]
            let operation: Operation
            switch op {
            case .add: operation = .add
            case .subtract: operation = .subtract
            case .multiply: operation = .multiply
            case .divide: operation = .divide
            case .matmul: operation = .matmul
            case .power: operation = .power(1)
            }
            return try apply(operation, [left, right], [lhs, rhs], at: location, text: expr.text, context)
        case .call(let name, let args, let location):
            return try call(name, args, at: location, text: expr.text, context)
        case .member(let receiver, let name, let args, let location):
            // `M.l0.W.grad` is the gradient of the parameter `M.l0.W`: `.grad` reads it (below).
            if args == nil, name != "grad", let parameter = try layerPath(expr) {
                if context.eager, case .node(let id) = parameter {
                    return .constant(
                        context.value?(id) ?? graph.variables[id]?.data ?? Tensor(0), label: expr.text, data: nil)
                }
                return parameter
            }
            return try member(receiver, name, args, at: location, text: expr.text, context)
        case .index(let receiver, let items, let location):
            let value = try evaluate(receiver, context)
            let index = try indexItems(items, context)
            return try apply(.getItem(index), [value], [receiver], at: location, text: expr.text, context)
        }
    }

    /// Evaluates every expression, so an error in a later one is reported even
    /// when an earlier one uses a broken name.
    mutating func evaluateAll(_ exprs: [Expr], _ context: Context) throws -> [Value] {
        var values: [Value] = []
        var silent: InterpretError?
        for expr in exprs {
            do {
                values.append(try evaluate(expr, context))
            } catch let error as InterpretError where error.silent {
                silent = silent ?? error
                values.append(.none)
            }
        }
        if let silent { throw silent }
        return values
    }

    private mutating func lookUp(_ name: String, at location: SourceLocation, _ context: Context) throws -> Value {
        switch name {
        case "pi": return .constant(Tensor(Double.pi), label: "pi", data: nil)
        case "True": return .flag(true)
        case "False": return .flag(false)
        case "None": return .none
        default: break
        }
        if let id = scope[name] {
            let record = graph.records[id]
            let current = context.value?(id) ?? graph.variables[id]?.data ?? Tensor(0)
            if context.eager { return .constant(current, label: name, data: nil) }
            if record.kind == .data { return .constant(current, label: name, data: id) }
            return .node(id)
        }
        if broken.contains(name) { throw InterpretError.silent(location) }
        if layers[name] != nil {
            throw InterpretError(location, "'\(name)' is a layer or model: call it on the data, like \(name)(x)")
        }
        if Builtin.named(name) != nil || name == "seed" {
            throw InterpretError(location, "'\(name)' is a function: call it, like \(name)(x)")
        }
        if let later = laterNames[name] {
            throw InterpretError(location, "'\(name)' is used before it is assigned (on line \(later))")
        }
        var message = "unknown name '\(name)'"
        switch name {
        case "e": message += " (for Euler's number write exp(1))"
        case "π": message += " — write pi"
        case "true", "false", "none", "null", "nil":
            message += " — did you mean '\(name.prefix(1).uppercased() + name.dropFirst())'?"
        default:
            message += didYouMean(name, Array(scope.keys).sorted() + ["pi"])
        }
        throw InterpretError(location, message)
    }

    private mutating func tensorLiteral(_ items: [Expr], at location: SourceLocation, _ context: Context) throws
        -> Tensor
    {
        var parts: [Tensor] = []
        var elements = 0
        for item in items {
            let part: Tensor
            switch try evaluate(item, context) {
            case .constant(let t, _, _): part = t
            case .node(let id):
                throw InterpretError(
                    item.start,
                    "a tensor literal holds numbers only; '\(graph.records[id].name ?? item.text)' is a variable")
            default:
                throw InterpretError(item.start, "a tensor literal holds numbers only, not '\(item.text)'")
            }
            if let first = parts.first, first.shape != part.shape {
                throw InterpretError(
                    item.start,
                    "this item has shape \(formatShape(part.shape)) but the first has \(formatShape(first.shape)); tensor literals must be rectangular"
                )
            }
            elements += part.count
            try checkElements(elements, at: location, "this tensor literal")
            parts.append(part)
        }
        do {
            return try Tensor(stacking: parts)
        } catch {
            throw InterpretError(location, "\(error)")
        }
    }

    // MARK: - Applying operations

    /// Applies `operation` to `values`: folded into a constant when no value is a
    /// variable, otherwise a function node. `operands` give locations and names.
    mutating func apply(
        _ operation: Operation, _ values: [Value], _ operands: [Expr],
        at location: SourceLocation, text: String, _ context: Context
    ) throws -> Value {
        var tensors: [Tensor] = []
        var allConstant = true
        for (value, operand) in zip(values, operands) {
            switch value {
            case .constant(let t, _, _): tensors.append(t)
            case .node(let id):
                tensors.append(graph.variables[id]?.data ?? Tensor(0))
                allConstant = false
            case .tuple:
                throw InterpretError(operand.start, "a tuple like '\(operand.text)' can only be a shape or axes")
            case .flag, .none:
                throw InterpretError(operand.start, "'\(operand.text)' can only be an option value, like keepdims=True")
            }
        }
        if let count = operation.outputElements(tensors.map(\.shape)) {
            try checkElements(count, at: location, "the result of '\(shortened(text))'")
        }
        let cost = operation.work(tensors.map(\.shape))
        let total = graph.work.addingReportingOverflow(cost)
        if cost > limits.graphWork {
            throw InterpretError(
                location,
                "'\(shortened(text))' would cost about \(cost) element operations, more than \(limits.graphWork) for the whole graph (the graph work limit)"
            )
        }
        if total.overflow || total.partialValue > limits.graphWork {
            let sum = total.overflow ? "more than \(Int.max)" : "about \(total.partialValue)"
            throw InterpretError(
                location,
                "'\(shortened(text))' (about \(cost) element operations) would take the graph to \(sum), more than \(limits.graphWork) (the graph work limit); split the work over several graphs"
            )
        }
        if allConstant {
            graph.work = total.partialValue
            do {
                let result = try Config.withNoGrad { try operation.apply(tensors.map { Variable($0) }).data }
                return .constant(result, label: text, data: nil)
            } catch let error as AutodiffError {
                throw InterpretError(location, message(for: error, operation, text))
            }
        }
        var inputs: [Int] = []
        for (value, operand) in zip(values, operands) {
            switch value {
            case .node(let id): inputs.append(id)
            case .constant(_, _, .some(let dataNode)): inputs.append(dataNode)
            case .constant(let t, _, _):
                inputs.append(try addVariable(.constant, name: nil, label: operand.text, Variable(t)))
            default: break
            }
        }
        let variables = inputs.compactMap { graph.variables[$0] }
        let output: Variable
        do {
            output = try operation.apply(variables)
        } catch let error as AutodiffError {
            throw InterpretError(location, message(for: error, operation, text))
        }
        if let same = inputs.first(where: { graph.variables[$0] === output }) { return .node(same) }
        return .node(try addFunction(operation, inputs: inputs, output: output))
    }

    /// The engine's error in the words of the program: names and shapes.
    private func message(for error: AutodiffError, _ operation: Operation, _ text: String) -> String {
        let site = " in \(shortened(text))"
        switch error {
        case .broadcast(_, let lhs, let rhs) where operation == .linear:
            let columns = lhs.last.map { "(\($0),)" } ?? "()"
            return
                "b has shape \(formatShape(rhs)) but x · W has shape \(formatShape(lhs)): b needs shape \(columns), one number per output,\(site)"
        case .axis(_, let axis, let rank)
        where rank == 1 && [.softmax(axis: axis), .logSoftmax(axis: axis)].contains(operation):
            return
                "axis \(axis) is out of bounds for a tensor of rank 1\(site); a 1-d tensor has only axis 0 (write axis=0)"
        case .broadcast(_, let lhs, let rhs):
            let verb: String
            switch operation {
            case .add: verb = "add"
            case .subtract: verb = "subtract"
            case .multiply: verb = "multiply"
            case .divide: verb = "divide"
            default: verb = "combine"
            }
            return "cannot \(verb) shapes \(formatShape(lhs)) and \(formatShape(rhs))\(site)"
        case .matmul(let lhs, let rhs):
            let inner = lhs.last ?? 1
            let other = rhs.count >= 2 ? rhs[rhs.count - 2] : (rhs.first ?? 1)
            return
                "cannot matmul shapes \(formatShape(lhs)) and \(formatShape(rhs))\(site): \(inner) columns ≠ \(other) rows"
        default:
            return error.description
        }
    }

    func shortened(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "…"
    }

    // MARK: - Constant arguments

    /// The single number in `value`.
    func scalar(_ value: Value, at location: SourceLocation, what: String) throws -> Double {
        switch value {
        case .constant(let t, _, _):
            guard t.count == 1, let v = t.scalar else {
                throw InterpretError(
                    location, "\(what) must be one number, got a tensor of shape \(formatShape(t.shape))")
            }
            return v
        case .node(let id):
            throw InterpretError(
                location, "\(what) must be a constant number; '\(graph.records[id].name ?? "this")' is a variable")
        default:
            throw InterpretError(location, "\(what) must be a number")
        }
    }

    /// The single whole number in `value`.
    func wholeNumber(_ value: Value, at location: SourceLocation, what: String) throws -> Int {
        let v = try scalar(value, at: location, what: what)
        guard v.isFinite, v == v.rounded(), abs(v) < 1e15 else {
            throw InterpretError(location, "\(what) must be a whole number, got \(Tensor.format(v))")
        }
        return Int(v)
    }
}
