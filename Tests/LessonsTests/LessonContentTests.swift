import Autodiff
import Foundation
import Testing

@testable import Lessons

/// The lessons we ship, in `lessons/` (English) and `lessons/ko/` (Korean):
/// each one checks clean, asks at least one question, and its graphs give
/// the numbers in reference-numbers.md, in both languages alike.
@Suite struct LessonContentTests {
    // MARK: - The files

    /// `lessons/` in this repository, found from this file's own path.
    static let lessonsDirectory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/LessonsTests/LessonContentTests.swift
        return parts.joined(separator: "/") + "/lessons"
    }()

    /// The two language folders, as prefixes under `lessons/`.
    static let languages = ["", "ko/"]

    /// The `.md` files of one language folder, sorted.
    static func lessonNames(_ language: String) -> [String] {
        let folder = lessonsDirectory + "/" + language
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    /// Every lesson file, relative to `lessons/`: `01-chain-rule.md`, `ko/01-chain-rule.md`, …
    static let allLessons: [String] = languages.flatMap { language in lessonNames(language).map { language + $0 } }

    static func path(_ relative: String) -> String { lessonsDirectory + "/" + relative }

    @Test func bothLanguagesShipTheSameLessons() {
        let english = Self.lessonNames("")
        #expect(english.count >= 9, "expected the nine lessons in \(Self.lessonsDirectory)")
        #expect(Self.lessonNames("ko/") == english)
    }

    @Test(arguments: LessonContentTests.allLessons) func checksWithoutDiagnostics(_ lesson: String) {
        let diagnostics = LessonChecker.check(path: Self.path(lesson))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered).joined(separator: "\n"))")
    }

    @Test(arguments: LessonContentTests.allLessons) func frontMatterIsComplete(_ lesson: String) throws {
        let parsed = try LessonLoader.load(path: Self.path(lesson))
        let metadata = parsed.metadata
        #expect(metadata.language == (lesson.hasPrefix("ko/") ? "ko" : "en"))
        #expect(!(metadata.title ?? "").isEmpty)
        #expect(!(metadata.summary ?? "").isEmpty)
        #expect((metadata.minutes ?? 0) > 0)
    }

    @Test(arguments: LessonContentTests.allLessons) func asksAtLeastOneQuestion(_ lesson: String) throws {
        let parsed = try LessonLoader.load(path: Self.path(lesson))
        let questions = parsed.steps.flatMap(\.directives).filter { if case .ask = $0.kind { true } else { false } }
        #expect(!questions.isEmpty)
    }

    @Test(arguments: LessonContentTests.allLessons) func stepsAreShortAndTitled(_ lesson: String) throws {
        let parsed = try LessonLoader.load(path: Self.path(lesson))
        #expect(parsed.steps.count >= 4)
        for step in parsed.steps { #expect(!step.title.isEmpty) }
    }

    /// A translation teaches the same numbers: the same graph programs and the
    /// same directives, in the same order (only the words differ).
    @Test(arguments: LessonContentTests.lessonNames("")) func translationRunsTheSamePrograms(_ name: String) throws {
        let english = try LessonLoader.load(path: Self.path(name))
        let korean = try LessonLoader.load(path: Self.path("ko/" + name))
        #expect(english.graphBlocks.map(\.source) == korean.graphBlocks.map(\.source))
        #expect(english.steps.count == korean.steps.count)
        let shape = { (lesson: Lesson) in lesson.steps.flatMap(\.directives).map(Self.directiveShape) }
        #expect(shape(english) == shape(korean))
    }

    /// A directive without its words: what it does and with which numbers.
    static func directiveShape(_ directive: Directive) -> String {
        switch directive.kind {
        case .ask(let q): return "ask \(q.answerText) \(q.tolerance)"
        case .note: return "note"
        default: return "\(directive.kind)"
        }
    }

    // MARK: - What the player shows

    /// After each step's backward pass, the gradient the graph shows for a node
    /// is the sum of every share sent to it in that pass (the `+=` the lesson
    /// teaches; with `cleargrads=no`, added to what it held), and each frame's
    /// running total agrees.
    @Test(arguments: LessonContentTests.allLessons) func shownGradientsAddUp(_ lesson: String) throws {
        let trace = try LessonTrace(lesson: try LessonLoader.load(path: Self.path(lesson)))
        let verify = {
            for played in trace.steps {
                let frames = played.frames.compactMap { if case .backward(let f) = $0 { f } else { nil } }
                guard let last = frames.last else { continue }
                // `cleargrads=no`: the pass starts from the gradients the last one left.
                let keeps = played.step.directives.contains {
                    if case .backward = $0.kind { !$0.clearsGrads } else { false }
                }
                var sent: [Int: Tensor] = [:]
                for frame in frames {
                    for input in frame.inputs where input.receivesGradient {
                        let before = sent[input.node] ?? (keeps ? input.previous : nil)
                        let total = try before.map { try $0 + input.gradient } ?? input.gradient
                        sent[input.node] = total
                        #expect(
                            Self.holds(input.total, total.scalars, shape: total.shape),
                            "\(lesson), '\(played.step.title)': running total of \(input.label)")
                    }
                }
                for (node, total) in sent {
                    let shown = node < last.snapshot.grads.count ? last.snapshot.grads[node] : nil
                    #expect(
                        Self.holds(shown, total.scalars, shape: total.shape),
                        "\(lesson), '\(played.step.title)': gradient shown for node \(node)")
                }
            }
        }
        try verify()
    }

    /// Every `@check` in the lessons agrees with backprop.
    @Test(arguments: LessonContentTests.allLessons) func numericalChecksPass(_ lesson: String) throws {
        let trace = try LessonTrace(lesson: try LessonLoader.load(path: Self.path(lesson)))
        for (_, frame) in trace.allFrames {
            if case .check(let check) = frame {
                #expect(check.passed, "\(lesson): \(check.results.filter { !$0.passed }.map(\.name))")
            }
        }
    }

    // MARK: - Evaluating

    static func evaluate(_ relative: String) throws -> Evaluation {
        try Evaluation(lesson: try LessonLoader.load(path: path(relative)))
    }

    /// The first graph whose output is `output` and which names all of `names`.
    static func graph(
        _ evaluation: Evaluation, output: String, with names: [String] = [],
        without absent: [String] = []
    ) throws -> GraphEvaluation {
        let found = evaluation.graphs.first { g in
            g.output == output && names.allSatisfy { n in g.variables.contains { $0.name == n } }
                && absent.allSatisfy { n in !g.variables.contains { $0.name == n } }
        }
        return try #require(found, "no graph with output \(output) and names \(names)")
    }

    static func value(_ g: GraphEvaluation, _ name: String) -> Tensor? { g.variables.first { $0.name == name }?.value }
    static func grad(_ g: GraphEvaluation, _ name: String) -> Tensor? { g.variables.first { $0.name == name }?.grad }

    /// Whether `t` holds `expected` (row-major), within `rel` of each element
    /// (of 1 near zero), with `shape` when given.
    static func holds(_ t: Tensor?, _ expected: [Double], shape: [Int]? = nil, rel: Double = 1e-12) -> Bool {
        guard let t, t.count == expected.count else { return false }
        if let shape, t.shape != shape { return false }
        return zip(t.scalars, expected).allSatisfy { abs($0 - $1) <= rel * Swift.max(1, abs($1)) }
    }

    static func ones(_ shape: [Int]) -> [Double] { Array(repeating: 1, count: shape.reduce(1, *)) }

    // MARK: - Reference numbers, per lesson and language

    @Test(arguments: LessonContentTests.languages) func chainRule(_ language: String) throws {
        let e = try Self.evaluate(language + "01-chain-rule.md")
        let simple = try Self.graph(e, output: "f", with: ["x", "y", "z", "q"])
        #expect(Self.holds(Self.value(simple, "f"), [-12]))
        #expect(Self.holds(Self.grad(simple, "x"), [-4]))
        #expect(Self.holds(Self.grad(simple, "y"), [-4]))
        #expect(Self.holds(Self.grad(simple, "z"), [3]))

        let shared = try Self.graph(e, output: "f", with: ["x", "y", "sy", "sx"])
        #expect(Self.holds(Self.value(shared, "f"), [1.5456448841066441]))
        #expect(Self.holds(Self.grad(shared, "x"), [2.0595697955721652]))
        #expect(Self.holds(Self.grad(shared, "y"), [1.5922327514838093]))
    }

    @Test(arguments: LessonContentTests.languages) func sigmoidNeuron(_ language: String) throws {
        let e = try Self.evaluate(language + "02-sigmoid-neuron.md")
        let neuron = try Self.graph(e, output: "f", with: ["w0", "x0", "w1", "x1", "w2"])
        #expect(Self.holds(Self.value(neuron, "f"), [0.7310585786300049]))
        #expect(Self.holds(Self.grad(neuron, "x0"), [0.3932238664829637]))
        #expect(Self.holds(Self.grad(neuron, "x1"), [-0.5898357997244456]))
        #expect(Self.holds(Self.grad(neuron, "w0"), [-0.19661193324148185]))
        #expect(Self.holds(Self.grad(neuron, "w1"), [-0.3932238664829637]))
        #expect(Self.holds(Self.grad(neuron, "w2"), [0.19661193324148185]))

        // The max gate routes: the winner gets the whole gradient, the loser 0.
        let gates = try Self.graph(e, output: "f", with: ["v", "m"])
        #expect(Self.holds(Self.grad(gates, "v"), [2, 0], shape: [2]))
        #expect(Self.holds(Self.grad(gates, "x"), [-8]))
        #expect(Self.holds(Self.grad(gates, "y"), [6]))

        // A ReLU with a negative input: r gets 3, and nothing passes it back.
        let relu = try Self.graph(e, output: "f", with: ["r", "b"])
        #expect(Self.holds(Self.value(relu, "a"), [-1.5]))
        #expect(Self.holds(Self.value(relu, "r"), [0]))
        #expect(Self.holds(Self.grad(relu, "r"), [3]))
        for name in ["a", "w", "x", "b"] { #expect(Self.holds(Self.grad(relu, name), [0])) }

        // σ in four small gates gives σ(1)(1 − σ(1)), to the last few bits.
        let pieces = try Self.graph(e, output: "f", with: ["a", "n", "e", "d"])
        #expect(Self.holds(Self.grad(pieces, "a"), [0.19661193324148185]))
    }

    @Test(arguments: LessonContentTests.languages) func broadcasting(_ language: String) throws {
        let e = try Self.evaluate(language + "03-broadcasting.md")

        let sum = try Self.graph(e, output: "y", with: ["x", "c", "t"])
        #expect(Self.holds(Self.value(sum, "y"), [231]))
        #expect(Self.holds(Self.grad(sum, "y"), [1], shape: []))
        for name in ["t", "x", "c"] { #expect(Self.holds(Self.grad(sum, name), Self.ones([2, 3]), shape: [2, 3])) }

        let sine = try Self.graph(e, output: "y", with: ["x"], without: ["c", "s", "w"])
        #expect(
            Self.holds(
                Self.value(sine, "y"),
                [
                    0.8414709848078965, 0.9092974268256817, 0.1411200080598672,
                    -0.7568024953079282, -0.9589242746631385, -0.27941549819892586,
                ], shape: [2, 3]))

        let axis = try Self.graph(e, output: "y", with: ["s", "w"])
        #expect(Self.holds(Self.value(axis, "s"), [5, 7, 9], shape: [3]))
        #expect(Self.holds(Self.grad(axis, "x"), [1, 10, 100, 1, 10, 100], shape: [2, 3]))

        // Along axis 1 without keepdims: the (2,) gradient goes back as (2, 1), copied along each row.
        let rows = try Self.graph(e, output: "z", with: ["rs", "v"])
        #expect(Self.holds(Self.value(rows, "rs"), [6, 15], shape: [2]))
        #expect(Self.holds(Self.value(rows, "z"), [156]))
        #expect(Self.holds(Self.grad(rows, "x"), [1, 1, 1, 10, 10, 10], shape: [2, 3]))

        let keep = try Self.graph(e, output: "k")
        #expect(Self.holds(Self.value(keep, "k"), [21], shape: [1, 1]))
        #expect(Self.holds(Self.grad(keep, "x"), Self.ones([2, 3]), shape: [2, 3]))

        let reshape = try Self.graph(e, output: "r")
        #expect(Self.holds(Self.value(reshape, "r"), [1, 2, 3, 4, 5, 6], shape: [6]))
        #expect(Self.holds(Self.grad(reshape, "x"), Self.ones([2, 3]), shape: [2, 3]))

        let transpose = try Self.graph(e, output: "t", without: ["c"])
        #expect(Self.holds(Self.value(transpose, "t"), [1, 4, 2, 5, 3, 6], shape: [3, 2]))
        #expect(Self.holds(Self.grad(transpose, "x"), Self.ones([2, 3]), shape: [2, 3]))

        // Transpose with an axes order: the backward transposes with the inverse order.
        let permuted = try Self.graph(e, output: "L", with: ["x", "p", "w"])
        #expect(Self.holds(Self.value(permuted, "p"), [1, 4, 2, 5, 3, 6], shape: [3, 1, 2]))
        #expect(Self.holds(Self.value(permuted, "L"), [86]))
        #expect(Self.holds(Self.grad(permuted, "x"), [1, 3, 5, 2, 4, 6], shape: [1, 2, 3]))

        let broadcastTo = try Self.graph(e, output: "b")
        #expect(Self.holds(Self.value(broadcastTo, "b"), [1, 2, 3, 1, 2, 3], shape: [2, 3]))
        #expect(Self.holds(Self.grad(broadcastTo, "x"), [2, 2, 2], shape: [3]))

        let sumTo = try Self.graph(e, output: "cols", with: ["rows"])
        #expect(Self.holds(Self.value(sumTo, "cols"), [5, 7, 9], shape: [1, 3]))
        #expect(Self.holds(Self.value(sumTo, "rows"), [6, 15], shape: [2, 1]))
        #expect(Self.holds(Self.grad(sumTo, "x"), Self.ones([2, 3]), shape: [2, 3]))

        let add = try Self.graph(e, output: "y", with: ["x0", "x1"])
        #expect(Self.holds(Self.value(add, "y"), [11, 12, 13], shape: [3]))
        #expect(Self.holds(Self.grad(add, "x1"), [3], shape: [1]))
        #expect(Self.holds(Self.grad(add, "x0"), [1, 1, 1], shape: [3]))
    }

    @Test(arguments: LessonContentTests.languages) func linearRegression(_ language: String) throws {
        let e = try Self.evaluate(language + "05-linear-regression.md")
        let g = try Self.graph(e, output: "loss", with: ["W", "b"])
        let training = try #require(g.training)
        #expect(training.losses.count == 100)
        #expect(Self.holds(training.losses.last.map { Tensor($0) }, [0.07908606512411756], rel: 1e-9))
        let params = Dictionary(uniqueKeysWithValues: training.parameters)
        let W = try #require(params["W"])
        let b = try #require(params["b"])
        // To 8 decimals, as the book prints them.
        #expect(W.shape == [1, 1] && abs(W.scalars[0] - 2.11807369) < 5e-9)
        #expect(b.shape == [1] && abs(b.scalars[0] - 5.46608905) < 5e-9)

        // "b after one step" is asked as a number (the question states b.grad, so the graph
        // keeps showing it): −0.1 × the first backward's b.grad, within the tolerance.
        let trace = try LessonTrace(
            lesson: try LessonLoader.load(path: Self.path(language + "05-linear-regression.md")))
        let bNode = try #require(trace.graphs.first?.nodes.first { $0.name == "b" }?.id)
        let backward = trace.allFrames.compactMap { _, frame -> BackwardFrame? in
            if case .backward(let b) = frame { b } else { nil }
        }
        let bGrad = try #require(backward.last?.snapshot.grads[bNode]?.scalars.first)
        let asked = try #require(try Self.questionAnswers(language + "05-linear-regression.md").first)
        #expect(abs(asked.answer - -0.1 * bGrad) < 0.001 && asked.tolerance == 0.006)
    }

    @Test(arguments: LessonContentTests.languages) func twoLayerNet(_ language: String) throws {
        let e = try Self.evaluate(language + "06-two-layer-net.md")
        let g = try Self.graph(e, output: "loss", with: ["W1", "b1", "W2", "b2"])
        let losses = try #require(g.training).losses
        try #require(losses.count == 10_000)
        let expected = [
            0.8473695850105871, 0.25142862851836056, 0.24759485466749875,
            0.23786120447054818, 0.21222231333102937, 0.1674218111783417,
            0.09681932619992668, 0.07849528290602335, 0.07749729552991155,
            0.07722132399559321,
        ]
        let sampled = stride(from: 0, to: 10_000, by: 1000).map { losses[$0] }
        #expect(Self.holds(try Tensor(shape: [10], scalars: sampled), expected, rel: 1e-9))

        // The b2.grad the student predicts before the first backward (a number, so that
        // y and y_pred stay on screen) is the one the backward gives, within its tolerance.
        let trace = try LessonTrace(lesson: try LessonLoader.load(path: Self.path(language + "06-two-layer-net.md")))
        let b2 = try #require(trace.graphs.first?.nodes.first { $0.name == "b2" }?.id)
        let backward = trace.allFrames.compactMap { _, frame -> BackwardFrame? in
            if case .backward(let b) = frame { b } else { nil }
        }
        let b2Grad = try #require(backward.last?.snapshot.grads[b2]?.scalars.first)
        let answers = try Self.questionAnswers(language + "06-two-layer-net.md")
        let asked = try #require(answers.first)
        #expect(abs(asked.answer - b2Grad) < 0.001 && asked.tolerance == 0.1)
        // The parameter count asked at the end: W1 (1, 10), b1 (10,), W2 (10, 1), b2 (1,).
        let count = ["W1", "b1", "W2", "b2"].compactMap { Self.value(g, $0)?.count }.reduce(0, +)
        #expect(count == 31 && answers.dropLast().last?.answer == Double(count))
    }

    /// Every question of a lesson, in order: the answer it expects and its tolerance.
    static func questionAnswers(_ relative: String) throws -> [(answer: Double, tolerance: Double)] {
        let trace = try LessonTrace(lesson: try LessonLoader.load(path: Self.path(relative)))
        return trace.allFrames.compactMap { _, frame in
            if case .ask(let a) = frame { (a.answer, a.question.tolerance) } else { nil }
        }
    }

    @Test(arguments: LessonContentTests.languages) func matmulBackward(_ language: String) throws {
        let e = try Self.evaluate(language + "04-matmul-backward.md")
        let g = try Self.graph(e, output: "L", with: ["x", "W"], without: ["b"])
        #expect(Self.grad(g, "x")?.shape == [2, 3])
        #expect(Self.grad(g, "W")?.shape == [3, 4])
        // gx = gy · Wᵀ and gW = xᵀ · gy with gy all ones.
        #expect(Self.holds(Self.grad(g, "x"), [6, 22, 38, 6, 22, 38], shape: [2, 3]))
        #expect(Self.holds(Self.grad(g, "W"), [5, 5, 5, 5, 7, 7, 7, 7, 9, 9, 9, 9], shape: [3, 4]))

        let layer = try Self.graph(e, output: "L", with: ["b"])
        #expect(Self.holds(Self.grad(layer, "b"), [2, 2, 2, 2], shape: [4]))

        // Weights first (Y = W · X): dW = dY · Xᵀ, dX = Wᵀ · dY.
        let weightsFirst = try Self.graph(e, output: "L", with: ["W", "X", "Y"])
        #expect(Self.holds(Self.value(weightsFirst, "Y"), [4, 5, 10, 11], shape: [2, 2]))
        #expect(Self.holds(Self.grad(weightsFirst, "W"), [1, 1, 2, 1, 1, 2], shape: [2, 3]))
        #expect(Self.holds(Self.grad(weightsFirst, "X"), [5, 5, 7, 7, 9, 9], shape: [3, 2]))

        // One column: dW = dy · vᵀ, an outer product.
        let outer = try Self.graph(e, output: "E", with: ["W", "v", "c"])
        #expect(Self.holds(Self.value(outer, "E"), [-18]))
        #expect(Self.holds(Self.grad(outer, "W"), [1, 2, 3, -1, -2, -3], shape: [2, 3]))
    }

    @Test(arguments: LessonContentTests.languages) func manualAndAutomatic(_ language: String) throws {
        let e = try Self.evaluate(language + "07-manual-vs-automatic.md")
        let g = try Self.graph(e, output: "y", with: ["x", "a", "b"])
        #expect(Self.holds(Self.value(g, "y"), [1.648721270700128]))
        #expect(Self.holds(Self.grad(g, "x"), [3.297442541400256]))

        // One backward pass gives every input its gradient.
        let every = try Self.graph(e, output: "f", with: ["x", "y", "z"])
        #expect(Self.holds(Self.value(every, "f"), [-1]))
        #expect(Self.holds(Self.grad(every, "x"), [2]))
        #expect(Self.holds(Self.grad(every, "y"), [-0.5]))
        #expect(Self.holds(Self.grad(every, "z"), [2]))

        // The last question asks the lesson's dy/dx, not a gradient of the graph before it.
        let answers = try Self.questionAnswers(language + "07-manual-vs-automatic.md")
        #expect(answers.count == 4)
        let last = try #require(answers.dropLast().last)
        #expect(abs(last.answer - 3.297442541400256) <= 1e-12 && last.tolerance == 0.0005)
    }

    @Test(arguments: LessonContentTests.languages) func generations(_ language: String) throws {
        let e = try Self.evaluate(language + "08-generations.md")
        let squares = try Self.graph(e, output: "z", with: ["x", "y"])
        #expect(Self.holds(Self.value(squares, "z"), [13]))
        #expect(Self.holds(Self.grad(squares, "x"), [4]))
        #expect(Self.holds(Self.grad(squares, "y"), [6]))

        let twice = try Self.graph(e, output: "y", with: ["x"], without: ["a"])
        #expect(Self.holds(Self.grad(twice, "x"), [2]))

        // DeZero step 16: y = a² + a² with a = x², x = 2; the two squares named b and c.
        let ordered = try Self.graph(e, output: "y", with: ["x", "a", "b", "c"])
        #expect(Self.holds(Self.value(ordered, "b"), [16]) && Self.holds(Self.value(ordered, "c"), [16]))
        #expect(Self.holds(Self.grad(ordered, "b"), [1]) && Self.holds(Self.grad(ordered, "c"), [1]))
        #expect(Self.holds(Self.value(ordered, "y"), [32]))
        #expect(Self.holds(Self.grad(ordered, "a"), [16]))
        #expect(Self.holds(Self.grad(ordered, "x"), [64]))
    }

    @Test(arguments: LessonContentTests.languages) func higherOrder(_ language: String) throws {
        let e = try Self.evaluate(language + "09-higher-order.md")
        let first = try Self.graph(e, output: "y", with: ["x"])
        #expect(Self.holds(Self.value(first, "y"), [8]))
        #expect(Self.holds(Self.grad(first, "x"), [24]))
        let second = try Self.graph(e, output: "gx", with: ["x", "y"])
        #expect(Self.holds(Self.value(second, "gx"), [24]))
        #expect(Self.holds(Self.grad(second, "x"), [44]))
        // y is not on gx's path: backward from gx leaves it no gradient, as in DeZero.
        #expect(second.variables.first { $0.name == "y" }?.grad == nil)

        // gx is grad(y, x): the nodes the engine's create-graph backward made, not a typed formula.
        let trace = try LessonTrace(lesson: try LessonLoader.load(path: Self.path(language + "09-higher-order.md")))
        let index = try #require(trace.graphs.firstIndex { $0.names.contains { $0.name == "gx" } })
        let graph = trace.graphs[index]
        let gxLine = try #require(graph.names.first { $0.name == "gx" }?.line)
        let made = graph.nodes.filter { $0.line == gxLine }
        #expect(
            made.filter { $0.kind == .function }.map(\.label).sorted() == [
                "**1", "**3", "+", "neg", "×", "×", "×", "×", "×",
            ])
        #expect(made.filter { $0.kind == .constant }.map(\.label).sorted() == ["2", "4", "gy"])
        // @backward gx steps through those nine functions and ends at y'' = 44 on x.
        let x = try #require(graph.nodes.first { $0.name == "x" }?.id)
        let backward = trace.allFrames.compactMap { step, frame -> BackwardFrame? in
            guard case .backward(let b) = frame, b.snapshot.graph == index else { return nil }
            return b
        }
        #expect(backward.count == 9)
        #expect(Self.holds(backward.last?.snapshot.grads[x], [44]))
        let answers = trace.allFrames.compactMap { _, frame -> Double? in
            if case .ask(let a) = frame { a.answer } else { nil }
        }
        #expect(answers.count == 4)
        #expect(Array(answers.prefix(2)) == [24, 44])
        #expect(answers.dropFirst(2).allSatisfy { abs($0 - 16 / 11) < 1e-12 || abs($0 - 24 / 44) < 1e-12 })
    }
}
