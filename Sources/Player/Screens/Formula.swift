import Autodiff

/// How a function is written in equations: `x + y`, `σ(x)`, `xpy**2`.
enum Formula {
    /// `label` applied to `args` as the lesson would write it.
    static func apply(_ label: String, _ args: [String]) -> String {
        switch (label, args.count) {
        case ("+", 2), ("−", 2), ("×", 2), ("÷", 2): return "\(args[0]) \(label) \(args[1])"
        case ("x²", 1): return args[0] + "²"
        case ("−x", 1): return "−" + args[0]
        case (let l, 1) where l.hasPrefix("**"): return args[0] + l
        default: return label + "(" + args.joined(separator: ", ") + ")"
        }
    }

    /// A name as an operand: in parentheses when it is itself an expression.
    static func operand(_ name: String) -> String { name.contains(" " as Character) ? "(" + name + ")" : name }

    /// A local derivative as the engine writes it (`∂y/∂a = b`) with the
    /// generic names replaced by the graph's: `y` the output, `x` or `a`, `b` the inputs.
    static func localDerivative(_ text: String, output: String, inputs: [String]) -> String {
        var map = ["y": output]
        if inputs.count == 1 { map["x"] = inputs[0] }
        if inputs.count >= 2 {
            map["a"] = inputs[0]
            map["b"] = inputs[1]
        }
        var result = ""
        var word = ""
        var afterPartial = false
        func flush() {
            guard !word.isEmpty else { return }
            if let name = map[word] {
                // After ∂ the derivative notation wraps it; elsewhere an expression needs parentheses.
                result += afterPartial && !name.contains(" " as Character) ? name : operand(name)
            } else {
                result += word
            }
            word = ""
        }
        for c in text {
            if c.isLetter && c != "∂" {
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
