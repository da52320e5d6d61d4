/// The functions a graph program can call, named as in `dezero.functions`,
/// with their parameters in order so calls bind as Python binds them.
struct Builtin: Sendable {
    /// What a parameter accepts.
    enum Kind: Sendable {
        /// A variable or constant tensor.
        case tensor
        /// A tensor or None (linear's b).
        case optionalTensor
        /// A shape: a whole number or a tuple.
        case shape
        /// Axes: a whole number, a tuple, or None.
        case axes
        /// One axis: a whole number or None.
        case axis
        /// True or False.
        case flag
        /// A constant number.
        case number
        /// A constant whole number.
        case count
        /// The name of a one-input function (an MLP's activation).
        case function
        /// Indices: a number, an integer list or a tuple (get_item's slices).
        case index
    }

    struct Parameter: Sendable {
        var name: String
        var kind: Kind
        /// Whether the call may leave it out.
        var optional: Bool
    }

    var name: String
    var parameters: [Parameter]
    /// Constructors make constant leaves; they take a shape as several numbers or one tuple.
    var isConstructor: Bool = false
    /// Constructors whose dimensions come as separate numbers: rand(100, 1).
    var variadicShape: Bool = false

    /// `sum(x, axis=None, keepdims=False)`, for messages.
    var signature: String {
        if variadicShape { return "\(name)(d0, d1, …)" }
        return name + "(" + parameters.map(\.name).joined(separator: ", ") + ")"
    }

    static func named(_ name: String) -> Builtin? { table[name] }
    static var names: [String] { table.keys.sorted() }

    private static func p(_ name: String, _ kind: Kind, optional: Bool = false) -> Parameter {
        Parameter(name: name, kind: kind, optional: optional)
    }

    private static let table: [String: Builtin] = {
        var t: [String: Builtin] = [:]
        func add(_ b: Builtin) { t[b.name] = b }
        for unary in ["exp", "log", "sin", "cos", "tanh", "sigmoid", "relu", "square"] {
            add(Builtin(name: unary, parameters: [p("x", .tensor)]))
        }
        add(
            Builtin(
                name: "sum",
                parameters: [p("x", .tensor), p("axis", .axes, optional: true), p("keepdims", .flag, optional: true)]))
        add(
            Builtin(
                name: "max",
                parameters: [p("x", .tensor), p("axis", .axis, optional: true), p("keepdims", .flag, optional: true)]))
        add(
            Builtin(
                name: "min",
                parameters: [p("x", .tensor), p("axis", .axis, optional: true), p("keepdims", .flag, optional: true)]))
        add(Builtin(name: "reshape", parameters: [p("x", .tensor), p("shape", .shape)]))
        add(Builtin(name: "transpose", parameters: [p("x", .tensor), p("axes", .axes, optional: true)]))
        add(Builtin(name: "broadcast_to", parameters: [p("x", .tensor), p("shape", .shape)]))
        add(Builtin(name: "sum_to", parameters: [p("x", .tensor), p("shape", .shape)]))
        add(Builtin(name: "matmul", parameters: [p("x", .tensor), p("W", .tensor)]))
        add(
            Builtin(
                name: "linear", parameters: [p("x", .tensor), p("W", .tensor), p("b", .optionalTensor, optional: true)])
        )
        add(Builtin(name: "clip", parameters: [p("x", .tensor), p("x_min", .number), p("x_max", .number)]))
        add(Builtin(name: "softmax", parameters: [p("x", .tensor), p("axis", .axis, optional: true)]))
        add(Builtin(name: "softmax_cross_entropy", parameters: [p("x", .tensor), p("t", .tensor)]))
        add(Builtin(name: "mean_squared_error", parameters: [p("x0", .tensor), p("x1", .tensor)]))
        add(Builtin(name: "log_softmax", parameters: [p("x", .tensor), p("axis", .axis, optional: true)]))
        add(Builtin(name: "accuracy", parameters: [p("y", .tensor), p("t", .tensor)]))
        add(Builtin(name: "argmax", parameters: [p("x", .tensor), p("axis", .axis, optional: true)]))
        add(Builtin(name: "get_item", parameters: [p("x", .tensor), p("slices", .index)]))
        add(Builtin(name: "grad", parameters: [p("y", .tensor), p("x", .tensor)]))
        for ctor in ["zeros", "ones", "rand", "randn"] {
            add(Builtin(name: ctor, parameters: [p("shape", .shape)], isConstructor: true, variadicShape: true))
        }
        add(Builtin(name: "full", parameters: [p("shape", .shape), p("fill_value", .number)], isConstructor: true))
        add(Builtin(name: "arange", parameters: [p("stop", .count)], isConstructor: true))
        return t
    }()
}

/// Names a program cannot assign: functions, `seed`, and the constants.
let reservedNames: Set<String> = Set(
    Builtin.names + Declarations.names + ["seed", "pi", "True", "False", "None"] + Parser.declarationWords)

/// What a call's arguments bound to: parameter name → argument.
struct BoundArguments {
    var values: [String: Argument] = [:]
    /// A constructor's separate dimensions: rand(100, 1).
    var dimensions: [Expr] = []

    subscript(_ name: String) -> Argument? { values[name] }
}

extension Builtin {
    /// Binds `args` to the parameters as Python does.
    /// - Throws: `(location, message)` for a missing, extra, repeated or unknown argument.
    func bind(_ args: [Argument], at location: SourceLocation) throws(InterpretError) -> BoundArguments {
        var bound = BoundArguments()
        if variadicShape {
            for arg in args {
                if let label = arg.label {
                    let loc = arg.labelLocation ?? location
                    guard label == "shape", args.count == 1 else {
                        throw InterpretError(
                            loc,
                            "\(name)() takes its sizes as numbers, like \(name)(2, 3)\(didYouMean(label, ["shape"]))")
                    }
                    bound.values["shape"] = arg
                    return bound
                }
                bound.dimensions.append(arg.value)
            }
            if args.count == 1, case .tuple = args[0].value {
                bound.values["shape"] = args[0]
                bound.dimensions = []
            }
            return bound
        }
        let names = parameters.map(\.name)
        var positional = 0
        for arg in args {
            if let label = arg.label {
                let loc = arg.labelLocation ?? location
                guard names.contains(label) else {
                    let hint =
                        closestMatch(to: label, in: names).map { " — did you mean '\($0)'?" }
                        ?? "; it takes \(signature)"
                    throw InterpretError(loc, "\(name)() has no option '\(label)'\(hint)")
                }
                guard bound.values[label] == nil else {
                    throw InterpretError(loc, "\(name)() got '\(label)' twice")
                }
                bound.values[label] = arg
            } else {
                guard positional < parameters.count else {
                    throw InterpretError(
                        arg.value.start, "\(name)() takes \(countText), got \(args.count): \(signature)")
                }
                bound.values[parameters[positional].name] = arg
                positional += 1
            }
        }
        for parameter in parameters where !parameter.optional && bound.values[parameter.name] == nil {
            throw InterpretError(location, "\(name)() needs '\(parameter.name)': it takes \(signature)")
        }
        return bound
    }

    private var countText: String {
        let required = parameters.filter { !$0.optional }.count
        let total = parameters.count
        let noun = total == 1 ? "argument" : "arguments"
        return required == total ? "\(total) \(noun)" : "\(required) to \(total) \(noun)"
    }
}

/// An error found while interpreting a program, at a location.
struct InterpretError: Error {
    var location: SourceLocation
    var message: String
    /// An error already reported (a use of a broken name): stop silently.
    var silent = false

    init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    static func silent(_ location: SourceLocation) -> InterpretError {
        var e = InterpretError(location, "")
        e.silent = true
        return e
    }
}
