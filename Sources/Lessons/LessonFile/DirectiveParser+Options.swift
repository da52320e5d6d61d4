// The arguments and options of each directive, checked as far as they can be
// without the graph (names are checked against the graph when the lesson runs).

extension DirectiveParser {
    private static let options: [String: [String]] = [
        "forward": ["worked"], "backward": ["worked", "mistake", "cleargrads"], "output": [],
        "train": [
            "lr", "iters", "every", "optimizer", "momentum", "beta1", "beta2", "eps", "epochs", "batch", "track",
        ],
        "plot": ["fit"],
        "ask": ["answer", "tolerance", "hint", "why"],
        "check": ["tolerance"],
    ]

    private struct Fail: Error {
        var location: SourceLocation
        var message: String
    }

    func build(_ name: String, _ words: [Word], at: SourceLocation) throws -> Directive {
        do {
            return try buildOrFail(name, words, at: at)
        } catch let fail as Fail {
            throw DirectiveFailure(location: fail.location, message: fail.message)
        }
    }

    private func buildOrFail(_ name: String, _ words: [Word], at: SourceLocation) throws -> Directive {
        let allowed = DirectiveParser.options[name] ?? []
        var options: [String: Word] = [:]
        var positional: [Word] = []
        var practice = Practice()
        for word in words {
            guard let key = word.key else {
                // `predict` is a word of @forward and @backward, not a name: it comes last.
                if name == "forward" || name == "backward", word.value == "predict", !word.quoted {
                    practice.predict = true
                } else {
                    positional.append(word)
                }
                continue
            }
            guard allowed.contains(key) else {
                let suggestion = closestMatch(to: key, in: allowed).map { " — did you mean '\($0)'?" }
                let list =
                    allowed.isEmpty
                    ? "; @\(name) takes no options" : "; its options are " + allowed.joined(separator: ", ")
                throw Fail(
                    location: word.location, message: "unknown option '\(key)' for @\(name)\(suggestion ?? list)")
            }
            guard options[key] == nil else {
                throw Fail(location: word.location, message: "option '\(key)' is given twice")
            }
            options[key] = word
        }
        var locations: [String: SourceLocation] = [:]
        for (key, word) in options { locations[key] = word.valueLocation }

        func names(_ role: String, min: Int, max: Int, usage: String) throws -> [String] {
            guard positional.count >= min else { throw Fail(location: at, message: "@\(name) needs \(usage)") }
            guard positional.count <= max else {
                throw Fail(
                    location: positional[max].location,
                    message: "unexpected '\(positional[max].value)': @\(name) takes \(usage)")
            }
            for (i, word) in positional.enumerated() {
                try checkName(word)
                locations[positional.count == 1 ? role : "\(role)\(i)"] = word.location
            }
            return positional.map(\.value)
        }

        let kind: Directive.Kind
        var answer: Expr?
        var clearsGrads = true
        switch name {
        case "forward":
            _ = try names("", min: 0, max: 0, usage: "nothing but 'predict' and worked=NAMES")
            kind = .forward
            practice.worked = try nameList(options["worked"])
        case "backward":
            kind = .backward(
                target: try names("target", min: 0, max: 1, usage: "at most one name, like @backward f").first)
            practice.worked = try nameList(options["worked"])
            if let word = options["mistake"] {
                guard let mistake = Mistake(rawValue: word.value) else {
                    let suggestion =
                        closestMatch(to: word.value, in: Mistake.allCases.map(\.rawValue)).map {
                            " — did you mean '\($0)'?"
                        } ?? ""
                    throw Fail(
                        location: word.valueLocation,
                        message: "mistake must be overwrite or order, not '\(word.value)'\(suggestion)")
                }
                practice.mistake = mistake
            }
            if let word = options["cleargrads"] {
                guard word.value == "yes" || word.value == "no" else {
                    throw Fail(
                        location: word.valueLocation,
                        message: "cleargrads must be yes or no, not '\(word.value)'")
                }
                clearsGrads = word.value == "yes"
                if !clearsGrads, let mistake = options["mistake"] {
                    throw Fail(
                        location: mistake.location,
                        message: "mistake= compares with a backward from cleared gradients; leave out cleargrads=no")
                }
            }
        case "output":
            kind = .output(try names("target", min: 1, max: 1, usage: "one name, like @output f")[0])
        case "check":
            let checked = try names("name", min: 0, max: 1000, usage: "names")
            for (i, _) in checked.enumerated() { locations["name\(i)"] = positional[i].location }
            kind = .check(names: checked, tolerance: try number(options["tolerance"], default: 1e-6, minimum: 0))
        case "plot":
            guard let what = positional.first else {
                throw Fail(location: at, message: "@plot needs what to plot: @plot loss, or @plot data X Y fit=Y_PRED")
            }
            switch what.value {
            case "loss":
                if let extra = positional.dropFirst().first {
                    throw Fail(
                        location: extra.location, message: "unexpected '\(extra.value)': @plot loss takes nothing more")
                }
                if let fit = options["fit"] {
                    throw Fail(location: fit.location, message: "fit= belongs to @plot data")
                }
                kind = .plotLoss
            case "data":
                let rest = Array(positional.dropFirst())
                guard rest.count == 2 else {
                    let where_ = rest.count > 2 ? rest[2].location : at
                    throw Fail(
                        location: where_, message: "@plot data needs two names, X and Y: @plot data x y fit=y_pred")
                }
                try checkName(rest[0])
                try checkName(rest[1])
                locations["x"] = rest[0].location
                locations["y"] = rest[1].location
                if let fit = options["fit"] { try checkName(fit, isValue: true) }
                kind = .plotData(x: rest[0].value, y: rest[1].value, fit: options["fit"]?.value)
            case "regions":
                let rest = Array(positional.dropFirst())
                guard rest.count == 1 else {
                    throw Fail(
                        location: rest.count > 1 ? rest[1].location : at,
                        message: "@plot regions needs one layer or model: @plot regions M")
                }
                if let fit = options["fit"] {
                    throw Fail(location: fit.location, message: "fit= belongs to @plot data")
                }
                try checkName(rest[0])
                locations["model"] = rest[0].location
                kind = .plotRegions(model: rest[0].value)
            default:
                let suggestion =
                    closestMatch(to: what.value, in: ["loss", "data", "regions"]).map { " — did you mean '\($0)'?" }
                    ?? ""
                throw Fail(
                    location: what.location,
                    message: "@plot shows 'loss', 'data' or 'regions', not '\(what.value)'\(suggestion)")
            }
        case "ask":
            guard let question = positional.first, question.quoted else {
                throw Fail(
                    location: positional.first?.location ?? at,
                    message: "@ask needs its question in quotes first: @ask \"What is ∂f/∂x?\" answer=-4")
            }
            if let extra = positional.dropFirst().first {
                throw Fail(
                    location: extra.location,
                    message: "unexpected '\(extra.value)' after the question (options look like answer=…)")
            }
            guard let answerWord = options["answer"] else {
                throw Fail(location: at, message: "@ask needs answer=VALUE, a number or an expression like x.grad")
            }
            answer = try parseAnswer(answerWord)
            let tolerance = try number(options["tolerance"], default: 1e-9, minimum: 0)
            kind = .ask(
                Question(
                    text: question.value, answerText: answerWord.value, tolerance: tolerance,
                    hint: options["hint"]?.value, why: options["why"]?.value))
        default:
            let loss = try names(
                "loss", min: 1, max: 1, usage: "the name of the loss, like @train loss lr=0.1 iters=100")[0]
            kind = .train(try training(loss: loss, options))
        }
        var directive = Directive(
            kind: kind, location: at, argumentLocations: locations, answer: answer, practice: practice)
        directive.clearsGrads = clearsGrads
        return directive
    }

    /// `worked=q,z`: names separated by commas (checked against the graph when the lesson runs).
    private func nameList(_ word: Word?) throws -> [String]? {
        guard let word else { return nil }
        let names = word.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for name in names {
            guard let first = name.first, isNameStart(first), name.allSatisfy(isNameContinue) else {
                throw Fail(
                    location: word.valueLocation,
                    message: "worked= takes names separated by commas, like worked=q,z; '\(name)' is not a name")
            }
        }
        return names
    }

    private func training(loss: String, _ options: [String: Word]) throws -> TrainingOptions {
        var optimizer = TrainingOptions.Optimizer.sgd
        if let word = options["optimizer"] {
            guard let chosen = TrainingOptions.Optimizer(rawValue: word.value) else {
                let names = TrainingOptions.Optimizer.allCases.map(\.rawValue)
                let suggestion = closestMatch(to: word.value, in: names).map { " — did you mean '\($0)'?" } ?? ""
                throw Fail(
                    location: word.valueLocation,
                    message: "optimizer must be sgd, momentum or adam, not '\(word.value)'\(suggestion)")
            }
            optimizer = chosen
        }
        for key in ["momentum"] where options[key] != nil && optimizer != .momentum {
            throw Fail(
                location: options[key]?.location ?? SourceLocation(line: 1, column: 1),
                message: "momentum= applies only with optimizer=momentum")
        }
        for key in ["beta1", "beta2", "eps"] where options[key] != nil && optimizer != .adam {
            throw Fail(
                location: options[key]?.location ?? SourceLocation(line: 1, column: 1),
                message: "\(key)= applies only with optimizer=adam")
        }
        let defaultRate = optimizer == .adam ? 0.001 : 0.01
        let lr = try number(options["lr"], default: defaultRate, minimum: 0)
        if lr == 0, let word = options["lr"] {
            throw Fail(location: word.valueLocation, message: "lr must be greater than 0")
        }
        if let epochs = options["epochs"], options["iters"] != nil {
            throw Fail(location: epochs.location, message: "give iters= or epochs=, not both")
        }
        if let batch = options["batch"], options["epochs"] == nil {
            throw Fail(location: batch.location, message: "batch= needs epochs=, like epochs=300 batch=30")
        }
        let epochs = try options["epochs"].map { try whole($0, default: 1, minimum: 1) }
        let iterations = try epochs ?? whole(options["iters"], default: 100, minimum: 1)
        if iterations > limits.iterations, let word = options["iters"] ?? options["epochs"] {
            throw Fail(
                location: word.valueLocation,
                message: "iters=\(iterations) is more than \(limits.iterations) (the iteration limit)")
        }
        let every = try whole(options["every"], default: max(1, (iterations + 9) / 10), minimum: 1)
        let frames = (iterations + every - 1) / every + 1
        if frames > limits.trainingFrames {
            let word = options["every"] ?? options["iters"]
            throw Fail(
                location: word?.valueLocation ?? SourceLocation(line: 1, column: 1),
                message:
                    "iters=\(iterations) every=\(every) makes \(frames) training frames, more than \(limits.trainingFrames) (the training frame limit); raise every"
            )
        }
        var result = TrainingOptions(
            loss: loss, optimizer: optimizer, learningRate: lr, iterations: iterations, every: every)
        result.momentum = try number(options["momentum"], default: 0.9, minimum: 0)
        result.beta1 = try number(options["beta1"], default: 0.9, minimum: 0)
        result.beta2 = try number(options["beta2"], default: 0.999, minimum: 0)
        result.eps = try number(options["eps"], default: 1e-8, minimum: 0)
        result.epochs = epochs
        result.batch = try options["batch"].map { try whole($0, default: 1, minimum: 1) }
        if let word = options["track"] {
            try checkName(word, isValue: true)
            result.track = word.value
        }
        for key in ["momentum", "beta1", "beta2"] {
            if let word = options[key], let v = Double(word.value), v >= 1 {
                throw Fail(location: word.valueLocation, message: "\(key) must be less than 1, got \(word.value)")
            }
        }
        return result
    }

    private func number(_ word: Word?, default value: Double, minimum: Double) throws -> Double {
        guard let word else { return value }
        guard let v = Double(word.value), v.isFinite else {
            throw Fail(
                location: word.valueLocation,
                message: "\(word.key ?? "this value") must be a number, not '\(word.value)'")
        }
        guard v >= minimum else {
            throw Fail(
                location: word.valueLocation,
                message: "\(word.key ?? "this value") cannot be negative, got \(word.value)")
        }
        return v
    }

    private func whole(_ word: Word?, default value: Int, minimum: Int) throws -> Int {
        guard let word else { return value }
        let text = word.value.filter { $0 != "_" }
        guard let v = Int(text) ?? Double(text).flatMap({ $0 == $0.rounded() && abs($0) < 1e15 ? Int($0) : nil }) else {
            throw Fail(
                location: word.valueLocation,
                message: "\(word.key ?? "this value") must be a whole number, not '\(word.value)'")
        }
        guard v >= minimum else {
            throw Fail(
                location: word.valueLocation,
                message: "\(word.key ?? "this value") must be at least \(minimum), got \(word.value)")
        }
        return v
    }

    private func checkName(_ word: Word, isValue: Bool = false) throws {
        let text = word.value
        let location = isValue ? word.valueLocation : word.location
        guard let first = text.first, isNameStart(first), text.allSatisfy(isNameContinue) else {
            throw Fail(location: location, message: "'\(text)' is not a name")
        }
    }

    private func parseAnswer(_ word: Word) throws -> Expr {
        let start = word.valueLocation
        switch Parser.parseExpression(word.value, at: start, maxDepth: limits.nestingDepth) {
        case .success(let expr): return expr
        case .failure(let failure):
            throw Fail(location: failure.location, message: "in the answer: \(failure.message)")
        }
    }
}

/// An error in a directive line, reported at a location.
struct DirectiveFailure: Error {
    var location: SourceLocation
    var message: String
}
