import Autodiff

extension Interpreter {
    /// `f(args)`: a function of `dezero.functions` or a constructor.
    mutating func call(
        _ name: String, _ args: [Argument], at location: SourceLocation, text: String,
        _ context: Context
    ) throws -> Value {
        if scope[name] == nil, let declared = layers[name] {
            return try callLayer(name, declared, args, at: location, context)
        }
        if Declarations.names.contains(name) {
            let example =
                name == "spiral"
                ? "data x, t = spiral(train=True)" : name == "MLP" ? "model M = MLP((10, 3))" : "layer L = Linear(10)"
            throw InterpretError(location, "\(name)(…) is a declaration of its own, on its own line, like '\(example)'")
        }
        guard let builtin = Builtin.named(name) else {
            if name == "seed" {
                throw InterpretError(location, "seed(N) is a statement of its own, on its own line")
            }
            if scope[name] != nil {
                throw InterpretError(location, "'\(name)' is a variable, not a function")
            }
            throw InterpretError(
                location, "unknown function '\(name)'\(didYouMean(name, Builtin.names + aliases(name)))")
        }
        let bound = try builtin.bind(args, at: location)
        if builtin.isConstructor { return try construct(builtin, bound, at: location, text: text) }
        if builtin.name == "grad" { return try gradient(bound, at: location, text: text, context) }

        // Tensor arguments first, in parameter order, then the options.
        let tensorArgs = builtin.parameters.filter { $0.kind == .tensor || $0.kind == .optionalTensor }
            .compactMap { bound[$0.name]?.value }
        var values: [Value] = []
        var operands: [Expr] = []
        for (value, operand) in zip(try evaluateAll(tensorArgs, context), tensorArgs) {
            // Only linear's b may be None.
            if case .none = value { continue }
            values.append(value)
            operands.append(operand)
        }
        let operation = try operationFor(builtin, bound, inputs: values, context)
        return try apply(operation, values, operands, at: location, text: text, context)
    }

    /// DeZero spellings that are not ours, so the suggestion can point to ours.
    private func aliases(_ name: String) -> [String] {
        let known: [String: String] = [
            "mse": "mean_squared_error", "dot": "matmul", "mm": "matmul",
            "broadcast": "broadcast_to", "exponential": "exp",
        ]
        return known[name].map { [$0] } ?? []
    }

    private mutating func operationFor(
        _ builtin: Builtin, _ bound: BoundArguments, inputs: [Value],
        _ context: Context
    ) throws -> Operation {
        switch builtin.name {
        case "exp": return .exp
        case "log": return .log
        case "sin": return .sin
        case "cos": return .cos
        case "tanh": return .tanh
        case "sigmoid": return .sigmoid
        case "relu": return .relu
        case "square": return .square
        case "sum":
            return .sum(axes: try axes(bound["axis"], context), keepdims: try flag(bound["keepdims"], context))
        case "max", "min":
            let axis = try singleAxis(bound["axis"], context)
            let keepdims = try flag(bound["keepdims"], context)
            return builtin.name == "max" ? .max(axis: axis, keepdims: keepdims) : .min(axis: axis, keepdims: keepdims)
        case "reshape": return .reshape(try shape(bound["shape"], context, allowUnknown: true))
        case "transpose": return .transpose(try axes(bound["axes"], context))
        case "broadcast_to": return .broadcastTo(try shape(bound["shape"], context))
        case "sum_to": return .sumTo(try shape(bound["shape"], context))
        case "matmul": return .matmul
        case "linear": return .linear
        case "clip":
            return .clip(try number(bound["x_min"], context, "x_min"), try number(bound["x_max"], context, "x_max"))
        case "softmax": return .softmax(axis: try singleAxis(bound["axis"], context) ?? 1)
        case "softmax_cross_entropy": return .softmaxCrossEntropy
        case "log_softmax": return .logSoftmax(axis: try singleAxis(bound["axis"], context) ?? 1)
        case "accuracy": return .accuracy
        case "argmax": return .argmax(axis: try singleAxis(bound["axis"], context))
        case "get_item": return .getItem(try indexArgument(bound["slices"], context))
        default: return .meanSquaredError
        }
    }

    /// zeros, ones, full, arange, rand, randn: a constant tensor.
    private mutating func construct(
        _ builtin: Builtin, _ bound: BoundArguments, at location: SourceLocation,
        text: String
    ) throws -> Value {
        let context = Context(eager: true)
        var dims: [Int]
        if builtin.name == "arange" {
            guard let arg = bound["stop"] else { throw InterpretError(location, "arange() needs 'stop'") }
            let n = try wholeNumber(try evaluate(arg.value, context), at: arg.value.start, what: "arange's stop")
            dims = [max(0, n)]
        } else if !bound.dimensions.isEmpty {
            dims = []
            for d in bound.dimensions {
                dims.append(try wholeNumber(try evaluate(d, context), at: d.start, what: "a dimension"))
            }
        } else if bound["shape"] != nil {
            dims = try shape(bound["shape"], context)
        } else {
            dims = []
        }
        if let negative = dims.first(where: { $0 < 0 }) {
            throw InterpretError(location, "\(builtin.name)(): dimensions cannot be negative, got \(negative)")
        }
        try checkElements(elementCount(dims), at: location, "\(shortened(text))")
        let tensor: Tensor
        do {
            switch builtin.name {
            case "zeros": tensor = .zeros(dims)
            case "ones": tensor = .ones(dims)
            case "full": tensor = .full(dims, try number(bound["fill_value"], context, "fill_value"))
            case "arange": tensor = .arange(dims.first ?? 0)
            case "rand": tensor = try .rand(dims, using: random)
            default: tensor = try .randn(dims, using: random)
            }
        } catch let error as AutodiffError {
            throw InterpretError(location, error.description)
        }
        return .constant(tensor, label: text, data: nil)
    }

    /// `x.T`, `x.reshape(…)`, `x.transpose(…)`, `x.sum(…)`, `x.shape`, and `x.grad` in answers.
    mutating func member(
        _ receiver: Expr, _ name: String, _ args: [Argument]?, at location: SourceLocation,
        text: String, _ context: Context
    ) throws -> Value {
        if case .name(let module, _) = receiver,
            ["np", "F", "dezero", "math", "torch", "numpy", "functions"].contains(module),
            scope[module] == nil
        {
            throw InterpretError(
                receiver.start, "write \(name)(…) without '\(module).': functions are called by their names alone")
        }
        let methods = ["T", "reshape", "transpose", "sum", "shape"] + (context.allowsGrad ? ["grad"] : [])
        if name == "grad" || name == "data" {
            guard name == "grad", let grad = context.grad else {
                throw InterpretError(
                    location,
                    name == "grad"
                        ? "'.grad' can only be used in an @ask answer"
                        : "'.data' is not needed: a name already stands for its value")
            }
            if case .member = receiver, case .node(let id)? = try layerPath(receiver) {
                guard let g = grad(id) else {
                    throw InterpretError(
                        receiver.start,
                        "\(receiver.text).grad is not known here: no @backward has reached '\(receiver.text)' by this step"
                    )
                }
                return .constant(g, label: text, data: nil)
            }
            guard case .name(let n, let nameLocation) = receiver else {
                throw InterpretError(
                    receiver.start, "'.grad' follows a name or a layer's parameter, like x.grad or M.l0.W.grad")
            }
            guard let id = scope[n] else {
                if broken.contains(n) { throw InterpretError.silent(nameLocation) }
                throw InterpretError(
                    nameLocation,
                    "unknown name '\(n)' before '.grad'\(didYouMean(n, Array(scope.keys).sorted()))")
            }
            guard let g = grad(id) else {
                throw InterpretError(
                    nameLocation, "\(n).grad is not known here: no @backward has reached '\(n)' by this step")
            }
            return .constant(g, label: text, data: nil)
        }
        guard methods.contains(name) else {
            throw InterpretError(location, "'\(receiver.text)' has no method '\(name)'\(didYouMean(name, methods))")
        }
        let value = try evaluate(receiver, context)
        let shapeOfValue: [Int]
        switch value {
        case .constant(let t, _, _): shapeOfValue = t.shape
        case .node(let id): shapeOfValue = graph.variables[id]?.shape ?? []
        default: throw InterpretError(receiver.start, "'\(receiver.text)' has no method '\(name)': it is not a tensor")
        }
        if name == "T" || name == "shape" {
            if args != nil { throw InterpretError(location, "'.\(name)' is not a method: write x.\(name) without ()") }
            if name == "shape" { return .tuple(shapeOfValue.map(Double.init), location) }
            return try apply(.transpose(nil), [value], [receiver], at: location, text: text, context)
        }
        guard let args else {
            throw InterpretError(location, "'.\(name)' is a method: call it, like x.\(name)(…)")
        }
        let operation: Operation
        switch name {
        case "reshape":
            operation = .reshape(try variadicShape(args, method: name, at: location, context, allowUnknown: true))
        case "transpose":
            let axes: [Int]? =
                args.isEmpty ? nil : try variadicShape(args, method: name, at: location, context, allowUnknown: true)
            operation = .transpose(axes)
        default:
            let sum = Builtin(
                name: "sum",
                parameters: [
                    Builtin.Parameter(name: "axis", kind: .axes, optional: true),
                    Builtin.Parameter(name: "keepdims", kind: .flag, optional: true),
                ])
            let bound = try sum.bind(args, at: location)
            operation = .sum(axes: try axes(bound["axis"], context), keepdims: try flag(bound["keepdims"], context))
        }
        return try apply(operation, [value], [receiver], at: location, text: text, context)
    }

    /// `x.reshape(2, 3)` or `x.reshape((2, 3))`.
    private mutating func variadicShape(
        _ args: [Argument], method: String, at location: SourceLocation,
        _ context: Context, allowUnknown: Bool
    ) throws -> [Int] {
        if let labelled = args.first(where: { $0.label != nil }) {
            throw InterpretError(
                labelled.labelLocation ?? location, "x.\(method)() takes numbers or one tuple, not options")
        }
        if args.count == 1 {
            return try shape(args[0], context, allowUnknown: allowUnknown)
        }
        var dims: [Int] = []
        for arg in args {
            dims.append(try wholeNumber(try evaluate(arg.value, context), at: arg.value.start, what: "a dimension"))
        }
        return dims
    }

    // MARK: - Option values

    func describe(_ value: Value) -> String {
        switch value {
        case .constant(let t, let label, _):
            return t.count == 1 ? "'\(label)'" : "a tensor of shape \(formatShape(t.shape))"
        case .node(let id): return "the variable '\(graph.records[id].name ?? "")'"
        case .tuple: return "a tuple"
        case .flag(let b): return b ? "True" : "False"
        case .none: return "None"
        }
    }

    /// A shape: a whole number or a tuple of them.
    mutating func shape(_ arg: Argument?, _ context: Context, allowUnknown: Bool = false) throws -> [Int] {
        guard let arg else { return [] }
        let value = try evaluate(arg.value, Context(eager: true, value: context.value))
        let numbers: [Double]
        switch value {
        case .tuple(let items, _): numbers = items
        case .constant(let t, _, _) where t.count == 1: numbers = t.scalars
        default:
            throw InterpretError(
                arg.value.start, "a shape must be a number or a tuple like (2, 3), got \(describe(value))")
        }
        return try numbers.map { v in
            guard v.isFinite, v == v.rounded(), abs(v) < 1e15 else {
                throw InterpretError(arg.value.start, "a shape holds whole numbers, got \(Tensor.format(v))")
            }
            let n = Int(v)
            if n < 0 && !(allowUnknown && n == -1) {
                throw InterpretError(arg.value.start, "a shape cannot hold negative sizes, got \(n)")
            }
            return n
        }
    }

    /// Axes: None, a whole number, or a tuple of them.
    mutating func axes(_ arg: Argument?, _ context: Context) throws -> [Int]? {
        guard let arg else { return nil }
        let value = try evaluate(arg.value, Context(eager: true, value: context.value))
        switch value {
        case .none: return nil
        case .tuple(let items, _):
            return try items.map {
                try wholeNumber(.constant(Tensor($0), label: "", data: nil), at: arg.value.start, what: "an axis")
            }
        case .constant: return [try wholeNumber(value, at: arg.value.start, what: "an axis")]
        default: throw InterpretError(arg.value.start, "axes must be None, a number or a tuple, got \(describe(value))")
        }
    }

    /// One axis: None or a whole number.
    mutating func singleAxis(_ arg: Argument?, _ context: Context) throws -> Int? {
        guard let arg else { return nil }
        let value = try evaluate(arg.value, Context(eager: true, value: context.value))
        switch value {
        case .none: return nil
        case .constant: return try wholeNumber(value, at: arg.value.start, what: "an axis")
        default: throw InterpretError(arg.value.start, "axis must be None or one number, got \(describe(value))")
        }
    }

    /// True or False (default False).
    mutating func flag(_ arg: Argument?, _ context: Context) throws -> Bool {
        guard let arg else { return false }
        let value = try evaluate(arg.value, Context(eager: true, value: context.value))
        guard case .flag(let b) = value else {
            throw InterpretError(
                arg.value.start, "\(arg.label ?? "this option") must be True or False, got \(describe(value))")
        }
        return b
    }

    /// A constant number option.
    mutating func number(_ arg: Argument?, _ context: Context, _ name: String) throws -> Double {
        guard let arg else { throw InterpretError(SourceLocation(line: line, column: 1), "missing \(name)") }
        return try scalar(
            try evaluate(arg.value, Context(eager: true, value: context.value)), at: arg.value.start, what: name)
    }
}
