import Autodiff

/// One function of the graph language, with its constant options resolved:
/// what a node of the graph applies, and what training replays.
enum Operation: Equatable, Sendable {
    case add, subtract, multiply, divide, negate, matmul
    case power(Double)
    case exp, log, sin, cos, tanh, sigmoid, relu, square
    case sum(axes: [Int]?, keepdims: Bool)
    case max(axis: Int?, keepdims: Bool)
    case min(axis: Int?, keepdims: Bool)
    case reshape([Int])
    case transpose([Int]?)
    case broadcastTo([Int])
    case sumTo([Int])
    case linear
    case clip(Double, Double)
    case softmax(axis: Int)
    case softmaxCrossEntropy
    case meanSquaredError
    case logSoftmax(axis: Int)
    case getItem([IndexItem])
    /// Data only (no gradient), like DeZero's accuracy.
    case accuracy
    /// Data only (no gradient).
    case argmax(axis: Int?)

    /// Applies the engine function to `xs`.
    func apply(_ xs: [Variable]) throws -> Variable {
        func x(_ i: Int) throws -> Variable {
            guard i < xs.count else { throw AutodiffError.invalid(op: name, message: "missing input \(i + 1)") }
            return xs[i]
        }
        switch self {
        case .add: return try Autodiff.add(x(0), x(1))
        case .subtract: return try Autodiff.sub(x(0), x(1))
        case .multiply: return try Autodiff.mul(x(0), x(1))
        case .divide: return try Autodiff.div(x(0), x(1))
        case .negate: return try Autodiff.neg(x(0))
        case .matmul: return try Autodiff.matmul(x(0), x(1))
        case .power(let c): return try Autodiff.pow(x(0), c)
        case .exp: return try Autodiff.exp(x(0))
        case .log: return try Autodiff.log(x(0))
        case .sin: return try Autodiff.sin(x(0))
        case .cos: return try Autodiff.cos(x(0))
        case .tanh: return try Autodiff.tanh(x(0))
        case .sigmoid: return try Autodiff.sigmoid(x(0))
        case .relu: return try Autodiff.relu(x(0))
        case .square: return try Autodiff.square(x(0))
        case .sum(let axes, let keepdims): return try Autodiff.sum(x(0), axes: axes, keepdims: keepdims)
        case .max(let axis, let keepdims): return try Autodiff.max(x(0), axis: axis, keepdims: keepdims)
        case .min(let axis, let keepdims): return try Autodiff.min(x(0), axis: axis, keepdims: keepdims)
        case .reshape(let shape): return try Autodiff.reshape(x(0), shape)
        case .transpose(let axes): return try Autodiff.transpose(x(0), axes: axes)
        case .broadcastTo(let shape): return try Autodiff.broadcastTo(x(0), shape)
        case .sumTo(let shape): return try Autodiff.sumTo(x(0), shape)
        case .linear: return try Autodiff.linear(x(0), x(1), xs.count > 2 ? x(2) : nil)
        case .clip(let lo, let hi): return try Autodiff.clip(x(0), lo, hi)
        case .softmax(let axis): return try Autodiff.softmax(x(0), axis: axis)
        case .softmaxCrossEntropy: return try Autodiff.softmaxCrossEntropy(x(0), x(1))
        case .meanSquaredError: return try Autodiff.meanSquaredError(x(0), x(1))
        case .logSoftmax(let axis): return try Autodiff.logSoftmax(x(0), axis: axis)
        case .getItem(let items): return try Autodiff.getItem(x(0), items)
        case .accuracy: return try Autodiff.accuracy(x(0), x(1))
        case .argmax(let axis): return try Autodiff.argmax(x(0), axis: axis)
        }
    }

    /// The graph-language name, for messages.
    var name: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .negate: return "-"
        case .matmul: return "matmul"
        case .power: return "**"
        case .exp: return "exp"
        case .log: return "log"
        case .sin: return "sin"
        case .cos: return "cos"
        case .tanh: return "tanh"
        case .sigmoid: return "sigmoid"
        case .relu: return "relu"
        case .square: return "square"
        case .sum: return "sum"
        case .max: return "max"
        case .min: return "min"
        case .reshape: return "reshape"
        case .transpose: return "transpose"
        case .broadcastTo: return "broadcast_to"
        case .sumTo: return "sum_to"
        case .linear: return "linear"
        case .clip: return "clip"
        case .softmax: return "softmax"
        case .softmaxCrossEntropy: return "softmax_cross_entropy"
        case .meanSquaredError: return "mean_squared_error"
        case .logSoftmax: return "log_softmax"
        case .getItem: return "get_item"
        case .accuracy: return "accuracy"
        case .argmax: return "argmax"
        }
    }

    /// The number of elements the output will have, when it can grow past the
    /// inputs' (broadcasting, matmul), so the size can be checked before the
    /// engine allocates it; nil when the output is no larger than an input.
    func outputElements(_ shapes: [[Int]]) -> Int? {
        switch self {
        case .add, .subtract, .multiply, .divide:
            guard shapes.count == 2, let shape = try? Tensor.broadcastShape(shapes[0], shapes[1], op: name) else {
                return nil
            }
            return elementCount(shape)
        case .matmul, .linear:
            guard shapes.count >= 2 else { return nil }
            let rows = shapes[0].count == 2 ? shapes[0][0] : 1
            let cols = shapes[1].count == 2 ? shapes[1][1] : 1
            return elementCount([rows, cols])
        case .broadcastTo(let shape), .reshape(let shape), .sumTo(let shape):
            return elementCount(shape.map { Swift.max($0, 1) })
        case .getItem(let items):
            guard let first = shapes.first, let shape = try? indexedShape(items, of: first) else { return nil }
            return elementCount(shape)
        default:
            return nil
        }
    }

    /// A rough count of element operations for one forward and backward, to
    /// bound the cost of a graph and of training before they start.
    func work(_ shapes: [[Int]]) -> Int {
        let largestInput = shapes.map(elementCount).max() ?? 1
        let out = Swift.max(1, outputElements(shapes) ?? largestInput)
        var base = Swift.max(out, largestInput)
        if self == .matmul || self == .linear, let first = shapes.first {
            let inner = Swift.max(1, first.last ?? 1)
            let (product, overflow) = out.multipliedReportingOverflow(by: inner)
            base = overflow ? Int.max : product
        }
        let (total, overflow) = base.multipliedReportingOverflow(by: 3)
        return overflow ? Int.max : total
    }
}

/// The number of elements of `shape`, saturating at `Int.max`; negative sizes count as 0.
func elementCount(_ shape: [Int]) -> Int {
    var n = 1
    for d in shape {
        let (p, o) = n.multipliedReportingOverflow(by: Swift.max(d, 0))
        if o { return Int.max }
        n = p
    }
    return n
}
