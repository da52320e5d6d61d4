import Autodiff

/// Runs a graph program against the engine, building its graph: input leaves,
/// `data` constants, `param` leaves, and one function node per operation, with
/// intermediates named after their assignment.
///
/// Constants combine without making nodes, as NumPy values do in DeZero code
/// (`2 * pi * x` makes one multiplication node); a constant meets the graph as
/// an unnamed constant leaf. Every error is reported with its location and the
/// statement's name is marked broken, so later uses of it are not errors twice.
struct Interpreter {
    let file: SourceFile
    let limits: Limits
    let random: NumPyRandom
    let graph = BuiltGraph()
    private(set) var diagnostics: [Diagnostic] = []

    /// Name → node, for names assigned so far.
    var scope: [String: Int] = [:]
    /// Line where each name was first assigned.
    var assignedOn: [String: Int] = [:]
    /// Names whose statement failed.
    var broken: Set<String> = []
    /// Every name the program assigns anywhere, with its line (for "used before assigned").
    var laterNames: [String: Int] = [:]
    /// Declared layers and models by name, carried on to the lesson's later graphs.
    var layers: [String: DeclaredLayer] = [:]
    /// Whether a later `@train … batch=` trains this graph, so the first layer call draws the first epoch's order.
    var drawsFirstEpochOrder = false
    /// The node count when the current statement began.
    var statementStart = 0
    var line = 0

    /// A failure that ends interpretation of the whole program (a limit).
    struct Abort: Error {}

    init(file: SourceFile, limits: Limits, random: NumPyRandom) {
        self.file = file
        self.limits = limits
        self.random = random
    }

    /// Interprets every statement of `program`.
    mutating func run(_ program: Program) {
        broken = program.brokenNames
        for s in program.statements {
            if case .assign(_, let name, _, _) = s.body, laterNames[name] == nil { laterNames[name] = s.line }
            if case .assignPair(let names, _, _) = s.body {
                for name in names where laterNames[name] == nil { laterNames[name] = s.line }
            }
        }
        if program.hasErrors { graph.isComplete = false }
        for statement in program.statements {
            do {
                try execute(statement)
            } catch is Abort {
                graph.isComplete = false
                return
            } catch {
                graph.isComplete = false
            }
        }
    }

    mutating func report(_ error: InterpretError) {
        guard !error.silent else { return }
        diagnostics.append(file.diagnostic(error.location, error.message))
    }

    private mutating func execute(_ statement: Statement) throws {
        line = statement.line
        statementStart = graph.records.count
        switch statement.body {
        case .seed(let expr, let location):
            do {
                let n = try wholeNumber(try evaluate(expr, Context()), at: expr.start, what: "seed")
                guard let seed = UInt32(exactly: n) else {
                    throw InterpretError(expr.start, "seed must be between 0 and 4294967295, got \(n)")
                }
                random.seed(seed)
            } catch let error as InterpretError {
                report(error)
                _ = location
                throw error
            }
        case .assignPair(let names, let locations, let value):
            do {
                try assignDataSet(names, at: locations, value)
            } catch let error as InterpretError {
                report(error)
                for name in names where assignedOn[name] == nil { broken.insert(name) }
                throw error
            }
        case .assign(let kind, let name, let nameLocation, let value):
            do {
                try assign(kind: kind, name: name, at: nameLocation, value)
            } catch let error as InterpretError {
                report(error)
                if assignedOn[name] == nil { broken.insert(name) }
                throw error
            }
        }
    }

    private mutating func assign(kind: Statement.Kind, name: String, at location: SourceLocation, _ expr: Expr) throws {
        if reservedNames.contains(name) {
            let what = Builtin.named(name) != nil || name == "seed" ? "a function" : "a constant"
            throw InterpretError(location, "'\(name)' is \(what) of the graph language; choose another name")
        }
        if let earlier = assignedOn[name] {
            throw InterpretError(
                location, "'\(name)' is already assigned on line \(earlier); a graph program assigns each name once")
        }
        let id: Int
        switch kind {
        case .layer, .model:
            try declare(kind, name, expr)
            assignedOn[name] = line
            return
        case .plain:
            switch try evaluate(expr, Context()) {
            case .constant(_, _, .some(let dataNode)):
                id = dataNode
            case .constant(let tensor, _, nil):
                id = try addVariable(.input, name: name, label: name, Variable(tensor, name: name))
            case .node(let node):
                if node >= statementStart && graph.records[node].kind == .intermediate
                    && graph.records[node].name == nil
                {
                    graph.records[node].name = name
                    graph.records[node].label = name
                    graph.variables[node]?.name = name
                }
                id = node
            case .tuple, .flag, .none:
                throw InterpretError(
                    expr.start,
                    "'\(expr.text)' is not a value: tuples, True, False and None are only shapes, axes or options")
            }
        case .data, .param:
            guard case .constant(let tensor, _, _) = try evaluate(expr, Context(eager: true)) else {
                throw InterpretError(
                    expr.start,
                    "'\(expr.text)' is not a value: tuples, True, False and None are only shapes, axes or options")
            }
            id =
                kind == .data
                ? try addVariable(.data, name: name, label: name, Variable(tensor, name: name))
                : try addVariable(.param, name: name, label: name, Parameter(tensor, name: name))
        }
        scope[name] = id
        assignedOn[name] = line
        let reported: NodeKind = graph.records[id].kind == .constant ? .input : graph.records[id].kind
        graph.names.append(NamedNode(name: name, node: id, kind: reported, line: line))
    }

    // MARK: - Nodes

    mutating func addVariable(_ kind: NodeKind, name: String?, label: String, _ variable: Variable) throws -> Int {
        try checkNodeLimit()
        graph.records.append(BuiltGraph.Record(kind: kind, name: name, label: label, shape: variable.shape, line: line))
        graph.variables.append(variable)
        return graph.records.count - 1
    }

    /// Records `operation` applied to `inputs` as a function node and its output variable.
    mutating func addFunction(_ operation: Operation, inputs: [Int], output: Variable) throws -> Int {
        try checkNodeLimit()
        let function = output.creator
        let functionId = graph.records.count
        graph.records.append(
            BuiltGraph.Record(
                kind: .function, name: nil, label: function?.label ?? operation.name, shape: output.shape,
                inputs: inputs, output: functionId + 1, line: line, derivativeTexts: function?.derivativeTexts ?? [],
                operation: function?.kind ?? .other, options: function?.options ?? [],
                inputNames: function?.inputNames ?? []))
        graph.variables.append(nil)
        try checkNodeLimit()
        graph.records.append(
            BuiltGraph.Record(
                kind: .intermediate, name: nil, label: "", shape: output.shape,
                creator: functionId, line: line))
        graph.variables.append(output)
        graph.tape.append(
            BuiltGraph.TapeEntry(operation: operation, inputs: inputs, output: functionId + 1, function: functionId))
        let shapes = inputs.map { graph.records[$0].shape }
        let (work, overflow) = graph.work.addingReportingOverflow(operation.work(shapes))
        graph.work = overflow ? Int.max : work
        return functionId + 1
    }

    private mutating func checkNodeLimit() throws {
        guard graph.records.count < limits.nodes else {
            diagnostics.append(
                file.diagnostic(
                    SourceLocation(line: line, column: 1),
                    "the graph has more than \(limits.nodes) nodes (the node limit)"))
            throw Abort()
        }
    }

    /// Checks that a tensor of `count` elements is within the limit.
    func checkElements(_ count: Int, at location: SourceLocation, _ what: String) throws {
        guard count <= limits.tensorElements else {
            let shown = count == Int.max ? "more than \(Int.max)" : "\(count)"
            throw InterpretError(
                location,
                "\(what) would have \(shown) elements; the limit is \(limits.tensorElements) (tensor elements)")
        }
    }
}
