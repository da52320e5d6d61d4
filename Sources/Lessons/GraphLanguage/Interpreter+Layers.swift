import Autodiff

/// A layer or model a program declared (`layer L = Linear(10)`, `model M =
/// MLP((10, 3))`): the engine layers that hold its parameters, which a later
/// graph block of the lesson keeps using, trained or not.
enum DeclaredLayer {
    case linear(Linear)
    case mlp([Linear], activation: Operation)

    /// Each Linear with its path under the declared name: `L`, or `M.l0`, `M.l1`, …
    func linears(under name: String) -> [(path: String, layer: Linear)] {
        switch self {
        case .linear(let l): return [(name, l)]
        case .mlp(let ls, _): return ls.enumerated().map { ("\(name).l\($0.offset)", $0.element) }
        }
    }
}

/// The declarations and the data set, bound like calls so that messages read the same.
enum Declarations {
    static let linear = Builtin(
        name: "Linear",
        parameters: [
            Builtin.Parameter(name: "out_size", kind: .count, optional: false),
            Builtin.Parameter(name: "nobias", kind: .flag, optional: true),
            Builtin.Parameter(name: "in_size", kind: .count, optional: true),
        ])
    static let mlp = Builtin(
        name: "MLP",
        parameters: [
            Builtin.Parameter(name: "fc_output_sizes", kind: .shape, optional: false),
            Builtin.Parameter(name: "activation", kind: .function, optional: true),
        ])
    static let spiral = Builtin(
        name: "spiral", parameters: [Builtin.Parameter(name: "train", kind: .flag, optional: true)])
    /// Functions an MLP can put between its layers.
    static let activations: [String: Operation] = [
        "sigmoid": .sigmoid, "relu": .relu, "tanh": .tanh, "exp": .exp, "sin": .sin, "cos": .cos,
        "square": .square, "log": .log,
    ]
    static let names = ["Linear", "MLP", "spiral"]
}

extension Interpreter {
    /// `layer NAME = Linear(…)` or `model NAME = MLP(…)`.
    mutating func declare(_ kind: Statement.Kind, _ name: String, _ expr: Expr) throws {
        guard case .call(let function, let args, let location) = expr, function == "Linear" || function == "MLP" else {
            let example = kind == .model ? "model \(name) = MLP((10, 3))" : "layer \(name) = Linear(10)"
            throw InterpretError(expr.start, "a \(kind.rawValue) is made by calling its class, like '\(example)'")
        }
        let context = Context(eager: true)
        if function == "Linear" {
            guard kind == .layer else {
                throw InterpretError(location, "Linear is a layer: declare it with 'layer \(name) = Linear(…)'")
            }
            let bound = try Declarations.linear.bind(args, at: location)
            let outSize = try count(bound["out_size"], "out_size")
            let nobias = try flag(bound["nobias"], context)
            var inSize: Int?
            if let arg = bound["in_size"], case .constant = try evaluate(arg.value, context) {
                inSize = try count(arg, "in_size")
            }
            if let inSize { try checkElements(elementCount([inSize, outSize]), at: location, "Linear's W") }
            layers[name] = .linear(Linear(outSize, nobias: nobias, inSize: inSize, generator: random))
            return
        }
        guard kind == .model else {
            throw InterpretError(location, "MLP is a model: declare it with 'model \(name) = MLP(…)'")
        }
        let bound = try Declarations.mlp.bind(args, at: location)
        let sizes = try shape(bound["fc_output_sizes"], context)
        guard !sizes.isEmpty, !sizes.contains(0) else {
            throw InterpretError(
                bound["fc_output_sizes"]?.value.start ?? location,
                "MLP needs the size of each layer, each at least 1, like MLP((10, 3))")
        }
        var activation = Operation.sigmoid
        if let arg = bound["activation"] {
            guard case .name(let f, let at) = arg.value, let op = Declarations.activations[f] else {
                throw InterpretError(
                    arg.value.start,
                    "activation must name a one-input function, like activation=relu; got '\(arg.value.text)'")
            }
            _ = at
            activation = op
        }
        layers[name] = .mlp(sizes.map { Linear($0, generator: random) }, activation: activation)
    }

    private mutating func count(_ arg: Argument?, _ what: String) throws -> Int {
        guard let arg else { throw InterpretError(SourceLocation(line: line, column: 1), "missing \(what)") }
        let n = try wholeNumber(try evaluate(arg.value, Context(eager: true)), at: arg.value.start, what: what)
        guard n >= 1 else { throw InterpretError(arg.value.start, "\(what) must be at least 1, got \(n)") }
        return n
    }

    /// `data x, t = spiral(train=True)`: DeZero's `get_spiral`, from the lesson's generator.
    mutating func assignDataSet(_ names: [String], at locations: [SourceLocation], _ expr: Expr) throws {
        guard case .call("spiral", let args, let location) = expr else {
            throw InterpretError(expr.start, "two names take the two results of a data set, like spiral(train=True)")
        }
        for (name, location) in zip(names, locations) {
            if reservedNames.contains(name) {
                throw InterpretError(location, "'\(name)' is a name of the graph language; choose another name")
            }
            if let earlier = assignedOn[name] {
                throw InterpretError(
                    location, "'\(name)' is already assigned on line \(earlier); a graph program assigns each name once"
                )
            }
        }
        if names[0] == names[1] { throw InterpretError(locations[1], "the two names must differ") }
        let bound = try Declarations.spiral.bind(args, at: location)
        let train = bound["train"] == nil ? true : try flag(bound["train"], Context(eager: true))
        let set = getSpiral(train: train, using: random)
        for (name, value) in zip(names, [set.x, set.t]) {
            let id = try addVariable(.data, name: name, label: name, Variable(value, name: name))
            scope[name] = id
            assignedOn[name] = line
            graph.names.append(NamedNode(name: name, node: id, kind: .data, line: line))
        }
    }

    /// `M(x)`: each Linear of the layer or model as a `linear` node with its
    /// parameters as leaves named by path, and the activation between layers.
    mutating func callLayer(
        _ name: String, _ declared: DeclaredLayer, _ args: [Argument], at location: SourceLocation,
        _ context: Context
    ) throws -> Value {
        guard args.count == 1, args[0].label == nil else {
            throw InterpretError(location, "\(name)(x) takes one input, the data, like \(name)(x)")
        }
        var operand = args[0].value
        var value = try evaluate(operand, context)
        let parts = declared.linears(under: name)
        let start = graph.records.count
        var layerGroups: [NodeGroup] = []
        for (i, part) in parts.enumerated() {
            let partStart = graph.records.count
            value = try callLinear(part.path, part.layer, value, operand, at: location, context)
            if case .mlp = declared, case .node(let out) = value {
                layerGroups.append(group(part.path, parent: name, from: partStart, output: out, isModel: false))
            }
            operand = .name(part.path, location)
            if case .mlp(_, let activation) = declared, i < parts.count - 1 {
                value = try apply(activation, [value], [operand], at: location, text: "\(activation.name)(…)", context)
            }
        }
        // The call is a group of the graph: drawn as one box when closed (see NodeGroup).
        if case .node(let out) = value {
            var isModel = false
            if case .mlp = declared { isModel = true }
            graph.groups.append(group(name, parent: nil, from: start, output: out, isModel: isModel))
            graph.groups += layerGroups
        }
        return value
    }

    /// The group of the nodes made since `start`, with the parameters they use (made earlier or now).
    private func group(_ name: String, parent: String?, from start: Int, output: Int, isModel: Bool) -> NodeGroup {
        let made = Array(start..<graph.records.count)
        let prefix = name + "."
        var parameters: [Int] = []
        for id in made where graph.records[id].kind == .function {
            for input in graph.records[id].inputs
            where graph.records[input].kind == .param && graph.records[input].label.hasPrefix(prefix)
                && !parameters.contains(input)
            {
                parameters.append(input)
            }
        }
        let members = Set(made).union(parameters).sorted()
        return NodeGroup(
            name: name, parent: parent, members: members, parameters: parameters, output: output, isModel: isModel)
    }

    private mutating func callLinear(
        _ path: String, _ layer: Linear, _ x: Value, _ operand: Expr, at location: SourceLocation,
        _ context: Context
    ) throws -> Value {
        let shape: [Int]
        switch x {
        case .constant(let t, _, _): shape = t.shape
        case .node(let id): shape = graph.records[id].shape
        default: throw InterpretError(operand.start, "\(path) takes a tensor, not '\(operand.text)'")
        }
        guard shape.count == 2 else {
            throw InterpretError(
                operand.start,
                "\(path) needs a 2-d input (rows, features); '\(shortened(operand.text))' has shape \(formatShape(shape))"
            )
        }
        if let inSize = layer.inSize, inSize != shape[1] {
            throw InterpretError(
                operand.start,
                "\(path) takes \(inSize) features (its W is \(formatShape([inSize, layer.outSize]))), but '\(shortened(operand.text))' has shape \(formatShape(shape))"
            )
        }
        if layer.inSize == nil {
            try checkElements(elementCount([shape[1], layer.outSize]), at: location, "\(path).W")
            // Step 48 draws an epoch's order before the first call draws the weights.
            if drawsFirstEpochOrder && graph.firstEpochOrder == nil {
                graph.firstEpochOrder = random.permutation(shape[0])
            }
            try layer.prepare(inputs: shape[1])
        }
        var values = [x]
        var operands = [operand]
        for (suffix, p) in [("W", layer.W), ("b", layer.b)] {
            guard let p else { continue }
            values.append(.node(try parameterNode("\(path).\(suffix)", p)))
            operands.append(.name("\(path).\(suffix)", location))
        }
        return try apply(.linear, values, operands, at: location, text: "\(path)(\(shortened(operand.text)))", context)
    }

    /// The leaf of a layer's parameter in this graph, made at its first use.
    mutating func parameterNode(_ path: String, _ p: Parameter) throws -> Int {
        if let id = scope[path] { return id }
        let id = try addVariable(.param, name: path, label: path, p)
        scope[path] = id
        graph.names.append(NamedNode(name: path, node: id, kind: .param, line: line))
        return id
    }

    /// `M.l0.W`, `L.b`: a declared layer's parameter, by its path; nil when `expr`
    /// does not start with a declared layer.
    mutating func layerPath(_ expr: Expr) throws -> Value? {
        var parts: [String] = []
        var e = expr
        while case .member(let receiver, let name, nil, _) = e {
            parts.insert(name, at: 0)
            e = receiver
        }
        guard case .name(let head, _) = e, scope[head] == nil, let declared = layers[head] else { return nil }
        let path = ([head] + parts).joined(separator: ".")
        for (prefix, layer) in declared.linears(under: head) {
            for (suffix, p) in [("W", layer.W), ("b", layer.b)] where "\(prefix).\(suffix)" == path {
                guard let p else {
                    throw InterpretError(expr.location, "\(prefix) has no b: it was made with nobias=True")
                }
                guard layer.inSize != nil else {
                    throw InterpretError(
                        expr.location,
                        "'\(path)' does not exist yet: a Linear draws W at its first call, so call \(head)(x) before"
                    )
                }
                return .node(try parameterNode(path, p))
            }
        }
        let known = declared.linears(under: head).flatMap { l in
            [l.path + ".W"] + (l.layer.b == nil ? [] : [l.path + ".b"])
        }
        throw InterpretError(
            expr.location, "'\(path)' is not a parameter of \(head)\(didYouMean(path, known))")
    }
}
