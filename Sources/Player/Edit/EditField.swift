import Lessons

/// One value that `e` can change: an input leaf of the graph on screen, or
/// the learning rate or iteration count of a training step.
public struct EditField: Equatable, Hashable, Sendable {
    /// Where the value is written in the lesson's text.
    public enum Target: Equatable, Hashable, Sendable {
        /// The right-hand side of the leaf statement `name = …` on `line`.
        case leaf(name: String, line: Int)
        /// `lr=` of the `@train` directive on `line`.
        case learningRate(line: Int)
        /// `iters=` of the `@train` directive on `line`.
        case iterations(line: Int)
    }

    public let target: Target
    /// The field's name on screen: `x`, `lr`, `iters`.
    public let label: String
    /// The value as the lesson has it now, as text.
    public let current: String

    public init(target: Target, label: String, current: String) {
        self.target = target
        self.label = label
        self.current = current
    }
}

extension EditField {
    /// The fields a step offers: its `@train` options first, then the input
    /// leaves of the graph on screen, in statement order.
    static func fields(step: Int, trace: LessonTrace, text: LessonText, graph: Int?) -> [EditField] {
        guard trace.steps.indices.contains(step) else { return [] }
        var fields: [EditField] = []
        for directive in trace.steps[step].step.directives {
            guard case .train(let options) = directive.kind else { continue }
            let line = directive.location.line
            fields.append(
                EditField(
                    target: .learningRate(line: line), label: "lr",
                    current: TensorText.number(options.learningRate, digits: 6, ascii: true)))
            fields.append(
                EditField(target: .iterations(line: line), label: "iters", current: String(options.iterations)))
        }
        if let graph, trace.graphs.indices.contains(graph) {
            for node in trace.graphs[graph].nodes where node.kind == .input {
                guard let name = node.name, let rhs = text.rightHandSide(of: name, line: node.line) else { continue }
                fields.append(EditField(target: .leaf(name: name, line: node.line), label: name, current: rhs))
            }
        }
        return fields
    }
}
