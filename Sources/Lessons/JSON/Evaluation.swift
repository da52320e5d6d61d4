import Autodiff

/// What `backstep eval` reports: for every graph program, each named variable's
/// value and gradient after the first forward and backward, and the training.
public struct Evaluation: Equatable, Sendable {
    public let graphs: [GraphEvaluation]

    /// Evaluates every graph of `lesson`: forward, backward from the output, and
    /// the lesson's training (which runs on through a NaN loss, as DeZero would).
    /// - Throws: ``LessonError`` with every error found.
    public init(lesson: Lesson, limits: Limits = .standard, shouldStop: @escaping () -> Bool = { false })
        throws(LessonError)
    {
        let runner = LessonRunner(
            lesson: lesson, source: lesson.sourceFile, limits: limits, mode: .play,
            stopOnDivergence: false, shouldStop: shouldStop)
        runner.run()
        guard runner.diagnostics.isEmpty else { throw LessonError(runner.diagnostics.sortedForPrinting()) }
        graphs = runner.sessions.map { session in
            let training = session.trainedLoss.map { _ in
                TrainingEvaluation(
                    losses: session.losses,
                    parameters: session.built.names
                        .filter { $0.kind == .param }
                        .map { ($0.name, session.value($0.node) ?? Tensor(0)) },
                    epochLosses: session.epochLosses.isEmpty ? nil : session.epochLosses)
            }
            return GraphEvaluation(
                step: session.stepTitle, output: session.output,
                variables: session.evaluation.map {
                    VariableEvaluation(name: $0.name.name, kind: $0.name.kind, value: $0.value, grad: $0.grad)
                },
                training: training)
        }
    }

    /// The document graph-language.md specifies.
    public var json: JSONValue {
        .members([("graphs", .array(graphs.map(\.json)))])
    }
}

/// One graph program's evaluation.
public struct GraphEvaluation: Equatable, Sendable {
    /// The title of the step the program is in; nil for a `.graph` file.
    public let step: String?
    public let output: String?
    public let variables: [VariableEvaluation]
    public let training: TrainingEvaluation?

    public var json: JSONValue {
        .members([
            ("step", step.map { .string($0) } ?? .null),
            ("output", output.map { .string($0) } ?? .null),
            ("variables", .object(variables.map { JSONMember(key: $0.name, value: $0.json) })),
            ("train", training?.json ?? .null),
        ])
    }
}

/// A named variable's value and gradient.
public struct VariableEvaluation: Equatable, Sendable {
    public let name: String
    /// input, data, param or intermediate.
    public let kind: NodeKind
    public let value: Tensor
    /// nil where no path leads to the output, and always for data.
    public let grad: Tensor?

    public var json: JSONValue {
        .members([
            ("kind", .string(kind.rawValue)),
            ("shape", .array(value.shape.map { .integer($0) })),
            ("value", JSONValue(value)),
            ("grad", grad.map { JSONValue($0) } ?? .null),
        ])
    }
}

/// The training of one graph.
public struct TrainingEvaluation: Equatable, Sendable {
    /// The loss at every iteration, before its update.
    public let losses: [Double]
    /// Each param's final value, in statement order.
    public let parameters: [(String, Tensor)]
    /// With `@train epochs=`: each epoch's loss, the batch losses averaged by batch size.
    public var epochLosses: [Double]? = nil

    public static func == (a: TrainingEvaluation, b: TrainingEvaluation) -> Bool {
        a.losses.elementsEqual(b.losses) { $0 == $1 || ($0.isNaN && $1.isNaN) }
            && a.parameters.map(\.0) == b.parameters.map(\.0) && a.parameters.map(\.1) == b.parameters.map(\.1)
            && (a.epochLosses == nil) == (b.epochLosses == nil)
            && (a.epochLosses ?? []).elementsEqual(b.epochLosses ?? []) { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    public var json: JSONValue {
        .members(
            [
                ("losses", .array(losses.map { .number($0) })),
                ("params", .object(parameters.map { JSONMember(key: $0.0, value: JSONValue($0.1)) })),
            ] + (epochLosses.map { [("epoch_losses", .array($0.map { .number($0) }))] } ?? []))
    }
}
