import Autodiff
import Lessons

/// How a function is written in equations, in the lesson's own names: `x + y`,
/// `σ(x)`, `xpy**2`, `sum(x, axis=0)`, and its derivative texts with the
/// graph's variables in place of the engine's generic ones.
enum Formula {
    /// The function `node` applied to `args` (names or numbers, as they are) the
    /// way the lesson would write it. Operands of arithmetic get parentheses when
    /// they are expressions or negative numbers; a call's arguments never do.
    static func apply(_ node: GraphNode, _ args: [String]) -> String {
        switch (node.operation, args.count) {
        case (.add, 2), (.subtract, 2), (.multiply, 2), (.divide, 2):
            return "\(operand(args[0])) \(node.label) \(operand(args[1], negative: true))"
        case (.square, 1): return operand(args[0], negative: true) + "²"
        case (.negate, 1):
            // `−(1)`, not `−1`: the sign applied to a number, not a negative number.
            let a = operand(args[0], negative: true)
            return a.first?.isNumber == true ? "−(" + a + ")" : "−" + a
        case (.power, 1): return operand(args[0], negative: true) + node.label
        default: return node.label + "(" + (args + node.options).joined(separator: ", ") + ")"
        }
    }

    /// As `apply(_:_:)`, or a plain call of `label` where the graph has no node for the function.
    static func apply(_ node: GraphNode?, label: String, _ args: [String]) -> String {
        node.map { apply($0, args) } ?? label + "(" + args.joined(separator: ", ") + ")"
    }

    /// A name or number as an operand: in parentheses when it is itself an
    /// expression, or (with `negative`) a negative number that follows an operator.
    static func operand(_ name: String, negative: Bool = false) -> String {
        let wrapped = name.hasPrefix("(") && name.hasSuffix(")")
        let expression = name.contains(" " as Character)
        let signed = negative && (name.hasPrefix("−") || name.hasPrefix("-"))
        return !wrapped && (expression || signed) ? "(" + name + ")" : name
    }

    /// A derivative text of the engine (`∂y/∂a = b`, `gW = xᵀ · gy`) with its
    /// generic names replaced by the graph's: `y` the output, the function's
    /// input names (`x`, `a`, `b`, `W`…) its inputs, and `gy` the upstream
    /// gradient, written `upstream` (or left out where it is 1, at the top).
    /// - Parameter seed: at the top (`upstream` nil), what an upstream left as an argument
    ///   (`sum_to(gy, x.shape)`) is called: `1`, or for a tensor the seed's own name.
    static func derivative(
        _ text: String, of node: GraphNode, output: String, inputs: [String], upstream: String?, seed: String = "1"
    ) -> String {
        var map = ["y": output]
        for (name, input) in zip(node.inputNames, inputs) { map[name] = input }
        var text = text
        if upstream == nil {
            // ∂L/∂L = 1: a product with it is the other factor.
            for one in ["·gy", " · gy", "gy·", "gy · "] { text = text.replacingOccurrences(of: one, with: "") }
        }
        map["gy"] = upstream ?? seed
        var result = ""
        var word = ""
        var afterPartial = false
        func flush() {
            guard !word.isEmpty else { return }
            if let name = map[word] {
                // After ∂ the derivative notation wraps it; elsewhere an expression needs parentheses
                // (the upstream gradient is a derivative, which reads as one term).
                result += word == "gy" || (afterPartial && !name.contains(" " as Character)) ? name : operand(name)
            } else {
                result += word
            }
            word = ""
        }
        for c in text {
            // Names are ASCII identifiers; ᵀ and ² end them (`xᵀ`, `b²`).
            if c.isASCII && (c.isLetter || c.isNumber || c == "_") && !(word.isEmpty && c.isNumber) {
                if word.isEmpty { afterPartial = result.last == "∂" }
                word.append(c)
            } else {
                flush()
                result.append(c)
            }
        }
        flush()
        return result
    }
}
