import Autodiff

extension Operation {
    /// The graph-language operation an engine function applies, so a graph the
    /// engine recorded itself (the backward behind `grad(y, x)`) becomes nodes
    /// that replay like typed ones; nil for a function no graph program can write
    /// (`get_item_grad`, arithmetic with its number folded in).
    ///
    /// This is the one mapping from engine functions to operations. It reads only
    /// what a function shows every screen (its kind, label and options) and the
    /// output's shape, which is what reshape, broadcast_to and sum_to were asked for.
    init?(engine function: Function, output: Variable) {
        let arity = function.inputs.count
        switch function.kind {
        case .add where arity == 2: self = .add
        case .subtract where arity == 2: self = .subtract
        case .multiply where arity == 2: self = .multiply
        case .divide where arity == 2: self = .divide
        case .negate where arity == 1: self = .negate
        case .square where arity == 1: self = .square
        case .power(let c) where arity == 1: self = .power(c)
        case .elementwise where arity == 1:
            // `+`, `−`, `×`, `÷` of this kind keep a number inside; no program writes them.
            let unary: [String: Operation] = [
                "exp": .exp, "log": .log, "sin": .sin, "cos": .cos, "tanh": .tanh, "σ": .sigmoid, "relu": .relu,
            ]
            guard let operation = unary[function.label] else { return nil }
            self = operation
        case .other:
            switch (function.label, arity) {
            case ("matmul", 2): self = .matmul
            case ("reshape", 1): self = .reshape(output.shape)
            case ("broadcast_to", 1): self = .broadcastTo(output.shape)
            case ("sum_to", 1): self = .sumTo(output.shape)
            case ("softmax", 1):
                // log_softmax's and softmax_cross_entropy's backwards apply softmax.
                guard let option = function.options.first, option.hasPrefix("axis="),
                    let axis = Int(option.dropFirst(5))
                else { return nil }
                self = .softmax(axis: axis)
            case ("transpose", 1):
                guard let axes = Self.wholeNumbers(function.options.first ?? "") else { return nil }
                self = .transpose(axes.isEmpty ? nil : axes)
            case ("sum", 1):
                var axes: [Int]?
                var keepdims = false
                for option in function.options {
                    if option == "keepdims=True" {
                        keepdims = true
                    } else if option.hasPrefix("axis="), let numbers = Self.wholeNumbers(String(option.dropFirst(5))) {
                        axes = numbers
                    } else {
                        return nil
                    }
                }
                self = .sum(axes: axes, keepdims: keepdims)
            default: return nil
            }
        default: return nil
        }
    }

    /// The whole numbers of an option as the engine writes it: `0`, `(1, 0)`, `(2,)`; nil if it holds anything else.
    private static func wholeNumbers(_ text: String) -> [Int]? {
        let parts = text.split(whereSeparator: { "(), ".contains($0) })
        var numbers: [Int] = []
        for part in parts {
            guard let n = Int(part) else { return nil }
            numbers.append(n)
        }
        return numbers
    }
}
