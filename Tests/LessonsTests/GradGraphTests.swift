import Autodiff
import Testing

@testable import Lessons

/// `gx = grad(y, x)`: the gradient graph the engine records with a create-graph
/// backward (DeZero's `y.backward(create_graph=True); gx = x.grad`), as nodes.
@Suite struct GradGraphTests {
    static let quartic = "x = 2\ny = x ** 4 - 2 * x ** 2\ngx = grad(y, x)\n"

    private func build(_ source: String) throws -> BuiltGraph {
        let lesson = try LessonLoader.parse(text: source, file: "g.graph")
        let trace = try LessonTrace(lesson: lesson)
        #expect(trace.isComplete)
        var interpreter = Interpreter(
            file: lesson.sourceFile, limits: .standard, random: NumPyRandom())
        let block = try #require(lesson.graphBlocks.first)
        interpreter.run(block.program)
        #expect(interpreter.diagnostics.isEmpty)
        return interpreter.graph
    }

    @Test func theSecondDerivativeOfTheQuarticIs44() throws {
        let g = try evaluateProgram(Self.quartic)
        #expect(g.output == "gx")
        #expect(scalar(g["y"]) == 8)
        #expect(scalar(g["gx"]) == 24)
        #expect(g["gx"]?.kind == .intermediate)
        // Backward from gx: x.grad is y'' (the first gradient was cleared), y is not on gx's path.
        #expect(gradScalar(g["x"]) == 44)
        #expect(gradScalar(g["gx"]) == 1)
        #expect(g["y"]?.grad == nil)
    }

    /// Every function the engine's backward made is a node: the seed, the `−x` of
    /// the subtraction, each power's `**3`/`**1` and its two `×`, and the `+` that
    /// sums the two shares arriving at x.
    @Test func theGradientGraphIsTheEnginesBackward() throws {
        let graph = try build(Self.quartic)
        let gx = try #require(graph.node(named: "gx"))
        let forward = graph.records.filter { $0.line == 2 && $0.kind == .function }.map(\.label)
        #expect(forward.sorted() == ["**2", "**4", "×", "−"])
        let backward = graph.records.filter { $0.line == 3 }
        #expect(
            backward.filter { $0.kind == .function }.map(\.label).sorted() == [
                "**1", "**3", "+", "neg", "×", "×", "×", "×", "×",
            ])
        #expect(backward.filter { $0.kind == .constant }.map(\.label).sorted() == ["2", "4", "gy"])
        // gx is the `+` at x, and both shares come from x's own nodes.
        let sum = try #require(graph.records[gx].creator)
        #expect(graph.records[sum].label == "+")
        let x = try #require(graph.node(named: "x"))
        let powers = graph.records.indices.filter {
            graph.records[$0].line == 3 && graph.records[$0].label.hasPrefix("**")
        }
        #expect(powers.allSatisfy { graph.records[$0].inputs == [x] })
        // Each function replays the operation the engine applied.
        #expect(graph.tape.count == 4 + 9)
        #expect(graph.tape.suffix(9).allSatisfy { graph.records[$0.function].line == 3 })
    }

    /// The replayed gradient graph, differentiated numerically, gives y'' = 44; and
    /// gx itself is the numerical first derivative.
    @Test func numericalSecondDerivative() throws {
        let graph = try build(Self.quartic)
        let x = try #require(graph.node(named: "x"))
        let gx = try #require(graph.node(named: "gx"))
        let y = try #require(graph.node(named: "y"))
        func at(_ v: Double, _ node: Int) throws -> Double {
            try #require(try graph.replay(replacing: [x: Variable(v)])[node]?.data.scalar)
        }
        let h = 1e-5
        let second = (try at(2 + h, gx) - (try at(2 - h, gx))) / (2 * h)
        #expect(abs(second - 44) < 1e-6)
        let first = (try at(2 + h, y) - (try at(2 - h, y))) / (2 * h)
        #expect(abs(first - 24) < 1e-6)
        // Elsewhere too: y'' = 12x² − 4.
        let x0 = -0.7
        let numeric = (try at(x0 + h, gx) - (try at(x0 - h, gx))) / (2 * h)
        #expect(abs(numeric - (12 * x0 * x0 - 4)) < 1e-6)
        // The engine's own backward through the replayed gradient graph agrees.
        let replayed = try graph.replay(replacing: [x: Variable(x0)])
        let v = try #require(replayed[gx])
        try v.backward()
        let analytic = try #require(replayed[x]?.grad?.data.scalar)
        #expect(abs(analytic - numeric) < 1e-6)
    }

    @Test func gradientsOfGradients() throws {
        let g = try evaluateProgram("x = 2\ny = x ** 4 - 2 * x ** 2\ngx = grad(y, x)\ngxx = grad(gx, x)\n")
        #expect(scalar(g["gxx"]) == 44)
        // Backward from y'' gives y''' = 24x = 48.
        #expect(gradScalar(g["x"]) == 48)
    }

    @Test func quarticAgreesWithDeZero() throws {
        try compareWithDeZero(Self.quartic, "higher_order")
    }

    @Test func tanhAndASecondInputAgreeWithDeZero() throws {
        try compareWithDeZero(
            "x = 0.5\nw = -1.5\ny = tanh(x * w) + x ** 3\ngx = grad(y, x)\ngxx = grad(gx, x)\n", "higher_order_tanh")
    }

    private func compareWithDeZero(_ program: String, _ name: String) throws {
        let graph = try evaluateProgram(program)
        let expected = try #require(DeZeroExtensionTests.reference[name] as? [String: Any], "no reference for \(name)")
        #expect(!expected.isEmpty)
        for (variable, entry) in expected {
            let entry = try #require(entry as? [String: Any])
            let ours = try #require(graph[variable], "\(name): no variable \(variable)")
            let value = try #require((entry["value"] as? Double).map { [$0] })
            #expect(close(ours.value, value), "\(name).\(variable) value")
            if let grad = entry["grad"] as? Double {
                #expect(close(ours.grad, [grad]), "\(name).\(variable) grad")
            } else {
                #expect(ours.grad == nil, "\(name).\(variable) has a gradient; DeZero has none")
            }
        }
    }

    /// In a lesson: `@forward` steps through every node, y's and then the
    /// backward's; `@backward gx` clears x's first gradient and ends at 44.
    @Test func aLessonStepsThroughTheGradientGraph() throws {
        let lesson = """
            # T

            ## Gradient graph

            ```graph
            x = 2
            y = x ** 4 - 2 * x ** 2
            gx = grad(y, x)
            ```

            @forward
            @ask "gx?" answer=gx

            ## Second

            @backward gx
            @ask "x.grad?" answer=x.grad
            """
        let t = try LessonTrace(lesson: try LessonLoader.parse(text: lesson, file: "t.md"))
        #expect(t.isComplete)
        let frames = t.steps.flatMap(\.frames)
        let forward = frames.compactMap { if case .forward(let f) = $0 { f } else { nil } }
        #expect(forward.count == 13)
        #expect(forward.last?.output.value == Tensor(24))
        let backward = frames.compactMap { if case .backward(let f) = $0 { f } else { nil } }
        #expect(backward.count == 9)
        let asked = frames.compactMap { if case .ask(let a) = $0 { a.answer } else { nil } }
        #expect(asked == [24, 44])
        // The last frame shows x's whole second derivative.
        let x = try #require(t.graphs[0].nodes.first { $0.name == "x" })
        #expect(backward.last?.snapshot.grads[x.id] == Tensor(44))
    }

    @Test(arguments: [
        ("x = 2\ny = x * x\ngx = grad(z, x)\n", 3, 11, "unknown name 'z'"),
        ("x = 2\ny = x * x\ngx = grad(y, w)\n", 3, 14, "unknown name 'w'"),
        (
            "x = [1, 2]\ny = x * x\ngx = grad(y, x)\n", 3, 11,
            "grad(y, x) needs y to be one number, but 'y' has shape (2,); differentiate sum(y) instead"
        ),
        (
            "x = 2\nw = 3\ny = x * x\ngx = grad(y, w)\n", 4, 14,
            "'y' does not depend on 'w': DeZero's w.grad stays None after y.backward()"
        ),
        (
            "x = 2\ny = x * x\nz = y * 3\ngx = grad(z, y)\n", 4, 14,
            "'y' is computed by the graph: grad(y, x) takes the gradient of an input or param (DeZero keeps no gradient of an intermediate)"
        ),
        (
            "x = 2\ny = x * x\ngx = grad(x, x)\n", 3, 11,
            "'x' is an input, not computed by the graph: grad(y, x) differentiates a y computed from x"
        ),
        (
            "x = 2\ndata t = 3\ny = x * t\ngx = grad(y, t)\n", 4, 14, "'t' is data: it gets no gradient"
        ),
        (
            "x = 2\ny = x * x\ngx = grad(y, 2)\n", 3, 14,
            "grad(y, x) takes the gradient of an input or param; '2' is a constant"
        ),
        (
            "x = 2\ny = x * x\ndata g = grad(y, x)\n", 3, 10,
            "grad(y, x) builds graph nodes: it cannot be used in data, param or an @ask answer"
        ),
        ("x = 2\ny = x * x\ngx = grad(y)\n", 3, 6, "grad() needs 'x': it takes grad(y, x)"),
        ("grad = 2\n", 1, 1, "'grad' is a function of the graph language; choose another name"),
        (
            "x = [1.0, 2.0]\ny = sum(x[[0, 0]] * x[1])\ng = grad(y, x)\n", 3, 5,
            "the backward behind 'grad(y, x)' records 'get_item_grad', a function no graph program can write, so this gradient cannot be shown as a graph"
        ),
    ])
    func errorsHaveALineAColumnAndACaret(_ source: String, _ line: Int, _ column: Int, _ message: String) throws {
        let found = checkErrors(source, file: "p.graph")
        #expect(found.map { "\($0.line):\($0.column): \($0.message)" } == ["\(line):\(column): \(message)"])
        let d = try #require(found.first)
        #expect(d.rendered.hasPrefix("p.graph:\(line):\(column): error: "))
        #expect(d.rendered.hasSuffix(String(repeating: " ", count: column - 1) + "^"))
    }

    /// A failed grad() leaves no gradient behind, and a later statement still works.
    @Test func aLaterGradIsNotDisturbedByAnEarlierOne() throws {
        let g = try evaluateProgram("x = 3\nw = 2\ny = x * x * w\ngw = grad(y, w)\ngx = grad(y, x)\nf = gw + gx\n")
        // gw = x² = 9, gx = 2xw = 12 (not 12 plus anything the first grad() left on x).
        #expect(scalar(g["gw"]) == 9)
        #expect(scalar(g["gx"]) == 12)
        // f = x² + 2xw: df/dx = 2x + 2w = 10, df/dw = 2x = 6.
        #expect(gradScalar(g["x"]) == 10)
        #expect(gradScalar(g["w"]) == 6)
    }

    /// Every function grad() can record, checked numerically twice: gx against y's
    /// central differences, and backward through gx (the second derivative, summed
    /// over gx's elements as a backward from ones does) against gx's.
    @Test(arguments: [
        "x = 0.7\ny = sin(x) * cos(x) + exp(x) / log(x + 2)\ngx = grad(y, x)\n",
        "x = 0.3\ny = tanh(x) * sigmoid(x) + square(x) - relu(x) * x\ngx = grad(y, x)\n",
        "x = 1.5\nw = 0.5\ny = x / (w + x ** 2) - 3 / x - x ** -0.5\ngx = grad(y, x)\n",
        """
        x = [[0.5, -1.0], [2.0, 0.25]]
        W = [[1.0, 2.0], [-0.5, 0.3]]
        y = sum(matmul(x, W) ** 2) + sum(reshape(x, (4,)) * [1, 2, 3, 4]) + sum(sum(x.T * x, axis=0) * [1, 3]) + sum(x * [2, -1] * x)
        gx = grad(y, x)
        """,
        "x = [0.2, -0.4, 0.9]\ny = sum(broadcast_to(x, (2, 3)) * [[1], [2]] * x) + sum(sin(x), keepdims=True)\ngx = grad(y, x)\n",
        """
        x = [[0.5, -1.0, 0.3], [2.0, 0.25, -0.7]]
        data t = [2, 0]
        a = softmax_cross_entropy(x, t) + sum(log_softmax(x * x) * [1, 2, 3]) + mean_squared_error(x, x * x)
        b = sum(softmax(x, axis=0) * [[1, 2, 3], [4, 5, 6]]) + sum(max(x, axis=1) * clip(x, -0.6, 0.6).sum(axis=1))
        y = a + b
        gx = grad(y, x)
        """,
    ])
    func recordedBackwardsAgreeWithNumericalGradients(_ source: String) throws {
        let graph = try build(source)
        let x = try #require(graph.node(named: "x"))
        let y = try #require(graph.node(named: "y"))
        let gx = try #require(graph.node(named: "gx"))
        let start = try #require(graph.variables[x]?.data)
        func value(_ node: Int, _ i: Int, _ delta: Double) throws -> Double {
            var scalars = start.scalars
            scalars[i] += delta
            let moved = try Tensor(shape: start.shape, scalars: scalars)
            let out = try #require(try graph.replay(replacing: [x: Variable(moved)])[node]?.data)
            return out.scalars.reduce(0, +)
        }
        let replayed = try graph.replay()
        let g = try #require(replayed[gx])
        try g.backward()
        let second = try #require(replayed[x]?.grad?.data)
        let first = try #require(replayed[gx]?.data)
        #expect(first.shape == start.shape)
        let h = 1e-6
        for i in 0..<start.count {
            let dy = (try value(y, i, h) - (try value(y, i, -h))) / (2 * h)
            #expect(abs(first.scalars[i] - dy) <= 1e-6 * max(1, abs(dy)), "gx[\(i)]")
            let dgx = (try value(gx, i, h) - (try value(gx, i, -h))) / (2 * h)
            #expect(abs(second.scalars[i] - dgx) <= 1e-5 * max(1, abs(dgx)), "x.grad[\(i)]")
        }
    }

    /// `@check x` on a graph whose output is gx compares the second derivative with
    /// gx's central differences; without clearing, a second backward adds 44 to the
    /// 24 the first left, as DeZero prints 68 without `x.cleargrad()`.
    @Test func checkAndKeptGradients() throws {
        let lesson = """
            # T

            ## G

            ```graph
            x = 2
            y = x ** 4 - 2 * x ** 2
            gx = grad(y, x)
            ```

            @backward y
            @ask "x.grad?" answer=x.grad

            ## Kept

            @backward gx cleargrads=no
            @ask "x.grad?" answer=x.grad
            """
        let t = try LessonTrace(lesson: try LessonLoader.parse(text: lesson, file: "t.md"))
        #expect(t.isComplete)
        let frames = t.steps.flatMap(\.frames)
        let asked = frames.compactMap { if case .ask(let a) = $0 { a.answer } else { nil } }
        #expect(asked == [24, 68])
        // The output is gx (the last name): @check x probes y'' numerically.
        let checked = try LessonTrace(
            lesson: try LessonLoader.parse(
                text: "# T\n\n## C\n\n```graph\n\(Self.quartic)```\n\n@check x\n", file: "c.md"))
        let checks = checked.allFrames.compactMap { if case .check(let c) = $0.frame { c } else { nil } }
        #expect(checks.count == 1)
        #expect(checks.first?.passed == true)
        #expect(checks.first.map { close($0.results[0].analytic.scalar, 44) } == true)
    }
}
