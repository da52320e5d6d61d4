import Autodiff

// `backstep frames FILE --json`: the whole played lesson as one document.

extension LessonTrace {
    /// Every graph's structure and every step's frames.
    public var json: JSONValue {
        let meta = lesson.metadata
        return .members([
            (
                "lesson",
                .members([
                    ("file", .string(lesson.file)),
                    ("title", .string(lesson.title)),
                    ("language", meta.language.map { .string($0) } ?? .null),
                    ("summary", meta.summary.map { .string($0) } ?? .null),
                    ("minutes", meta.minutes.map { .integer($0) } ?? .null),
                ])
            ),
            ("graphs", .array(graphs.enumerated().map { $0.element.json(index: $0.offset) })),
            ("steps", .array(steps.map(\.json))),
        ])
    }
}

extension GraphStructure {
    func json(index: Int) -> JSONValue {
        .members([
            ("index", .integer(index)),
            ("step", stepTitle.map { .string($0) } ?? .null),
            ("line", .integer(line)),
            ("output", output.map { .string($0) } ?? .null),
            ("nodes", .array(nodes.map(\.json))),
        ])
    }
}

extension GraphNode {
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .integer(id)), ("kind", .string(kind.rawValue)), ("label", .string(label)),
            ("name", name.map { .string($0) } ?? .null), ("shape", ints(shape)), ("line", .integer(line)),
        ]
        if kind == .function {
            members += [
                ("inputs", ints(inputs)), ("output", output.map { .integer($0) } ?? .null),
                ("derivatives", .array(derivativeTexts.map { .string($0) })),
            ]
        } else {
            members.append(("creator", creator.map { .integer($0) } ?? .null))
        }
        return .members(members)
    }
}

extension PlayedStep {
    var json: JSONValue {
        .members([
            ("title", .string(step.title)),
            ("line", .integer(step.line)),
            ("graph", graph.map { .integer($0) } ?? .null),
            ("notes", .array(step.notes.map { .string($0) })),
            ("frames", .array(frames.map(\.json))),
        ])
    }
}

extension Frame {
    var json: JSONValue {
        var members: [(String, JSONValue)] = [("kind", .string(kind))]
        switch self {
        case .still: break
        case .forward(let f):
            members += [
                ("index", .integer(f.index)), ("count", .integer(f.count)), ("function", .integer(f.function)),
                ("label", .string(f.label)), ("inputs", .array(f.inputs.map(\.json))), ("output", f.output.json),
            ]
        case .backward(let f):
            members += [
                ("index", .integer(f.index)), ("count", .integer(f.count)), ("function", .integer(f.function)),
                ("label", .string(f.label)), ("output", .integer(f.output)), ("upstream", JSONValue(f.upstream)),
                ("inputs", .array(f.inputs.map(\.json))),
            ]
        case .training(let f):
            members += [
                ("iteration", .integer(f.iteration)), ("iterations", .integer(f.iterations)),
                ("loss", .number(f.loss)), ("losses", .array(f.losses.map { .number($0) })),
                ("params", .array(f.parameters.map(\.json))), ("prediction", f.prediction?.json ?? .null),
                ("status", f.status.json),
            ]
        case .lossPlot(let f):
            members += [
                ("loss", .string(f.lossName)), ("losses", .array(f.losses.map { .number($0) })),
                ("status", f.status.json),
            ]
        case .dataPlot(let f):
            members += [("x", f.x.json), ("y", f.y.json), ("fit", f.fit?.json ?? .null)]
        case .ask(let f):
            members += [
                ("question", .string(f.question.text)), ("answer", .number(f.answer)),
                ("answer_text", .string(f.question.answerText)), ("tolerance", .number(f.question.tolerance)),
                ("hint", f.question.hint.map { .string($0) } ?? .null),
            ]
        case .check(let f):
            members += [
                ("tolerance", .number(f.tolerance)), ("passed", .bool(f.passed)),
                ("results", .array(f.results.map(\.json))),
            ]
        }
        members.append(("snapshot", snapshot?.json ?? .null))
        return .members(members)
    }
}

extension GraphSnapshot {
    var json: JSONValue {
        func known(_ tensors: [Tensor?]) -> JSONValue {
            .object(
                tensors.enumerated().compactMap { id, t in t.map { JSONMember(key: String(id), value: JSONValue($0)) } }
            )
        }
        return .members([
            ("graph", .integer(graph)), ("focus", ints(focus)), ("values", known(values)), ("grads", known(grads)),
        ])
    }
}

extension NodeValue {
    var json: JSONValue {
        .members([("node", .integer(node)), ("label", .string(label)), ("value", JSONValue(value))])
    }
}

extension BackwardInput {
    var json: JSONValue {
        .members([
            ("node", .integer(node)), ("label", .string(label)), ("derivative", .string(derivativeText)),
            ("local", local.map { JSONValue($0) } ?? .null), ("product", product.map { JSONValue($0) } ?? .null),
            ("gradient", JSONValue(gradient)), ("previous", previous.map { JSONValue($0) } ?? .null),
            ("total", JSONValue(total)), ("accumulated", .bool(accumulated)),
            ("receives_gradient", .bool(receivesGradient)),
        ])
    }
}

extension GradientComparison {
    var json: JSONValue {
        .members([
            ("node", .integer(node)), ("name", .string(name)), ("analytic", JSONValue(analytic)),
            ("numerical", JSONValue(numerical)), ("max_error", .number(maxError)), ("passed", .bool(passed)),
        ])
    }
}

extension TrainingStatus {
    var json: JSONValue {
        switch self {
        case .running: return .string("running")
        case .finished: return .string("finished")
        case .diverged(let i): return .members([("diverged", .integer(i))])
        case .stopped(let i): return .members([("stopped", .integer(i))])
        }
    }
}

private func ints(_ values: [Int]) -> JSONValue { .array(values.map { .integer($0) }) }
