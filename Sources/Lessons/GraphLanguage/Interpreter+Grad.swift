import Autodiff

// `gx = grad(y, x)`: the gradient as the engine computes it with a recorded
// backward (DeZero's `y.backward(create_graph=True); gx = x.grad`), its every
// function turned into graph nodes, so it can be stepped through and
// differentiated again like a typed graph.

extension Interpreter {
    /// `grad(y, x)`: x's gradient of y, a variable made by the recorded backward.
    mutating func gradient(
        _ bound: BoundArguments, at location: SourceLocation, text: String, _ context: Context
    ) throws -> Value {
        guard let yArg = bound["y"], let xArg = bound["x"] else {
            throw InterpretError(location, "grad() needs 'y' and 'x': it takes grad(y, x)")
        }
        if context.eager {
            throw InterpretError(
                location, "grad(y, x) builds graph nodes: it cannot be used in data, param or an @ask answer")
        }
        let values = try evaluateAll([yArg.value, xArg.value], context)
        let yId = try gradientOutput(values[0], yArg.value)
        let xId = try gradientInput(values[1], xArg.value)
        guard let y = graph.variables[yId], let x = graph.variables[xId] else {
            throw InterpretError(location, "grad(y, x): '\(shortened(text))' has no value")
        }
        let yName = graph.records[yId].name ?? yArg.value.text
        let xName = graph.records[xId].name ?? xArg.value.text
        guard y.count == 1 else {
            throw InterpretError(
                yArg.value.start,
                "grad(y, x) needs y to be one number, but '\(yName)' has shape \(formatShape(y.shape)); differentiate sum(\(yName)) instead"
            )
        }
        // Each grad() starts from no gradients and leaves none behind (DeZero's cleargrads around the backward).
        for v in graph.variables { v?.cleargrad() }
        defer { for v in graph.variables { v?.cleargrad() } }
        // The seed backward starts from, kept to label it as the backward formulas name it: gy = dy/dy = 1.
        let seed = Variable(Tensor.full(like: y.data, 1))
        y.grad = seed
        do {
            try y.backward(createGraph: true)
        } catch let error as AutodiffError {
            throw InterpretError(location, "grad(\(yName), \(xName)): the backward failed: \(error)")
        }
        guard let gx = x.grad else {
            throw InterpretError(
                xArg.value.start,
                "'\(yName)' does not depend on '\(xName)': DeZero's \(xName).grad stays None after \(yName).backward()")
        }
        return .node(try addRecorded(gx, seed: seed, at: location, text: text))
    }

    /// The node for y: a variable the graph computes.
    private func gradientOutput(_ value: Value, _ expr: Expr) throws -> Int {
        switch value {
        case .node(let id) where graph.records[id].kind == .intermediate:
            return id
        case .node(let id):
            let name = graph.records[id].name ?? expr.text
            throw InterpretError(
                expr.start,
                "'\(name)' is \(kindText(graph.records[id].kind)), not computed by the graph: grad(y, x) differentiates a y computed from x"
            )
        case .constant(_, _, .some):
            throw InterpretError(expr.start, "'\(expr.text)' is data: it has no gradient")
        default:
            throw InterpretError(
                expr.start, "grad(y, x) differentiates a variable the graph computes; '\(expr.text)' is a constant")
        }
    }

    /// The node for x: an input or param, a leaf that keeps its gradient.
    private func gradientInput(_ value: Value, _ expr: Expr) throws -> Int {
        switch value {
        case .node(let id) where graph.records[id].kind == .input || graph.records[id].kind == .param:
            return id
        case .node(let id):
            let name = graph.records[id].name ?? expr.text
            throw InterpretError(
                expr.start,
                "'\(name)' is computed by the graph: grad(y, x) takes the gradient of an input or param (DeZero keeps no gradient of an intermediate)"
            )
        case .constant(_, _, .some):
            throw InterpretError(expr.start, "'\(expr.text)' is data: it gets no gradient")
        default:
            throw InterpretError(
                expr.start, "grad(y, x) takes the gradient of an input or param; '\(expr.text)' is a constant")
        }
    }

    private func kindText(_ kind: NodeKind) -> String {
        switch kind {
        case .param: return "a param"
        case .data: return "data"
        case .constant: return "a constant"
        default: return "an input"
        }
    }

    /// Adds every function the recorded backward made on the way to `gx`, inputs
    /// first, with the numbers it made (the seed, a formula's constants) as constant
    /// leaves (the seed labelled `gy`); variables already in the graph (x, y's intermediates) are the same nodes.
    /// - Returns: gx's node.
    private mutating func addRecorded(
        _ gx: Variable, seed: Variable, at location: SourceLocation, text: String
    ) throws -> Int {
        var node: [ObjectIdentifier: Int] = [:]
        for (id, v) in graph.variables.enumerated() {
            if let v, node[ObjectIdentifier(v)] == nil { node[ObjectIdentifier(v)] = id }
        }
        // Depth first, each variable after the inputs of its creator.
        var order: [Variable] = []
        var seen: Set<ObjectIdentifier> = []
        var stack: [(variable: Variable, expanded: Bool)] = [(gx, false)]
        while let (v, expanded) = stack.popLast() {
            if expanded {
                order.append(v)
                continue
            }
            let key = ObjectIdentifier(v)
            guard node[key] == nil, !seen.contains(key) else { continue }
            seen.insert(key)
            stack.append((v, true))
            for input in (v.creator?.inputs ?? []).reversed() { stack.append((input, false)) }
        }
        for v in order {
            guard let f = v.creator else {
                let label = v === seed ? "gy" : constantLabel(v.data)
                node[ObjectIdentifier(v)] = try addVariable(.constant, name: nil, label: label, v)
                continue
            }
            guard let operation = Operation(engine: f, output: v) else {
                throw InterpretError(
                    location,
                    "the backward behind '\(shortened(text))' records '\(f.label)', a function no graph program can write, so this gradient cannot be shown as a graph"
                )
            }
            var inputs: [Int] = []
            for input in f.inputs {
                guard let id = node[ObjectIdentifier(input)] else {
                    throw InterpretError(location, "grad(): an input of '\(f.label)' was not recorded")
                }
                inputs.append(id)
            }
            node[ObjectIdentifier(v)] = try addFunction(operation, inputs: inputs, output: v)
        }
        if graph.work > limits.graphWork {
            throw InterpretError(
                location,
                "'\(shortened(text))' takes the graph to about \(graph.work) element operations, more than \(limits.graphWork) (the graph work limit)"
            )
        }
        guard let id = node[ObjectIdentifier(gx)] else {
            throw InterpretError(location, "grad(): the gradient was not recorded")
        }
        return id
    }

    /// A number the backward made, written as a program writes a constant: `1`, `4`, `[1, 0]`.
    private func constantLabel(_ t: Tensor) -> String {
        func number(_ v: Double) -> String {
            let s = Tensor.format(v)
            return s.hasSuffix(".") ? String(s.dropLast()) : s
        }
        if t.count == 1, let v = t.scalars.first { return number(v) }
        if t.count <= 3 { return "[" + t.scalars.map(number).joined(separator: ", ") + "]" }
        return "[…]"
    }
}
