import Autodiff
import Testing

@testable import Lessons

/// What each frame carries, and what the graph snapshot says is known.
@Suite struct FramesTests {
    static let chain = """
        # Chain

        ## Graph

        ```graph
        x = 3
        y = -4
        f = (x + sigmoid(y)) / (sigmoid(x) + (x + y) ** 2)
        ```

        ## Forward

        @forward

        ## Backward

        @backward f
        @ask "∂f/∂x?" answer=x.grad tolerance=0.001

        ## Prose only

        Nothing happens here.
        """

    private func trace(_ text: String) throws -> LessonTrace {
        try LessonTrace(lesson: try LessonLoader.parse(text: text, file: "t.md"))
    }

    @Test func graphStructure() throws {
        let t = try trace(Self.chain)
        let graph = try #require(t.graphs.first)
        #expect(graph.output == "f")
        #expect(graph.functions.map(\.label) == ["σ", "+", "σ", "+", "**2", "+", "÷"])
        let x = try #require(graph.node(named: "x"))
        #expect(x.kind == .input)
        // x feeds three functions.
        #expect(graph.edges.filter { $0.from == x.id }.count == 3)
        for function in graph.functions {
            #expect(function.inputs.allSatisfy { $0 < function.id })
            #expect(function.output == function.id + 1)
            #expect(graph.nodes[function.id + 1].creator == function.id)
        }
    }

    @Test func firstStepsShowLeavesOnly() throws {
        let t = try trace(Self.chain)
        #expect(t.steps[0].frames == [.still(nil)])
        let snapshot = try #require(t.steps[1].frames.first?.snapshot)
        let graph = t.graphs[0]
        for node in graph.nodes {
            switch node.kind {
            case .input, .constant, .data, .param: #expect(snapshot.values[node.id] != nil)
            default: #expect(snapshot.values[node.id] == nil)
            }
        }
        #expect(snapshot.grads.allSatisfy { $0 == nil })
    }

    @Test func forwardFramesRevealOneFunctionAtATime() throws {
        let t = try trace(Self.chain)
        let frames = t.steps[2].frames.compactMap { if case .forward(let f) = $0 { return f } else { return nil } }
        #expect(frames.count == 7)
        #expect(frames.map(\.index) == Array(0..<7))
        let first = try #require(frames.first)
        #expect(first.label == "σ")
        #expect(first.inputs.map(\.label) == ["y"])
        #expect(first.inputs.first?.value == Tensor(-4))
        #expect(first.snapshot.values[first.output.node] != nil)
        // The last function's output is still unknown in the first frame.
        let last = try #require(frames.last)
        #expect(first.snapshot.values[last.output.node] == nil)
        #expect(last.output.label == "f")
        #expect(last.output.value.scalar.map { abs($0 - 1.5456448841066441) < 1e-12 } == true)
        #expect(first.snapshot.focus.contains(first.function))
    }

    @Test func backwardFramesAccumulate() throws {
        let t = try trace(Self.chain)
        let frames = t.steps[3].frames.compactMap { if case .backward(let f) = $0 { return f } else { return nil } }
        #expect(frames.count == 7)
        let graph = t.graphs[0]
        let x = try #require(graph.node(named: "x")).id
        let xInputs = frames.flatMap(\.inputs).filter { $0.node == x }
        #expect(xInputs.count == 3)
        #expect(xInputs.map(\.accumulated) == [false, true, true])
        #expect(xInputs[0].previous == nil)
        #expect(xInputs[1].previous == xInputs[0].total)
        let total = try #require(xInputs.last?.total.scalar)
        #expect(abs(total - 2.0595697955721652) < 1e-12)
        // The first function is the division: upstream 1, local derivatives 1/b and −a/b².
        let division = try #require(frames.first)
        #expect(division.label == "÷")
        #expect(division.upstream == Tensor(1))
        #expect(division.inputs.map(\.derivativeText) == ["∂y/∂a = 1/b", "∂y/∂b = −a/b²"])
        #expect(division.inputs[0].local == division.inputs[0].gradient)
        #expect(division.inputs[0].product == division.inputs[0].gradient)
        // In the last frame every variable on the path has its gradient.
        let snapshot = try #require(frames.last?.snapshot)
        for named in graph.names { #expect(snapshot.grads[named.node] != nil, "\(named.name)") }
        #expect(snapshot.grads[graph.outputNode ?? 0] == Tensor(1))
    }

    @Test func askFrameEvaluatesTheAnswer() throws {
        let t = try trace(Self.chain)
        guard case .ask(let ask)? = t.steps[3].frames.last else {
            Issue.record("expected an ask frame")
            return
        }
        #expect(abs(ask.answer - 2.0595697955721652) < 1e-12)
        #expect(ask.accepts(2.06))
        #expect(!ask.accepts(2.1))
        #expect(!ask.accepts(.nan))
    }

    @Test func stateCarriesIntoLaterSteps() throws {
        let t = try trace(Self.chain)
        guard case .still(let snapshot?) = t.steps[4].frames.first else {
            Issue.record("expected a still frame with the graph")
            return
        }
        #expect(snapshot.values.compactMap { $0 }.count == t.graphs[0].nodes.filter { $0.kind.isVariable }.count)
        #expect(snapshot.grads[t.graphs[0].node(named: "x")?.id ?? 0] != nil)
    }

    @Test func dataGetsNoGradientAndConstantsAreNodes() throws {
        let t = try trace(
            """
            # D

            ```graph
            data t = [1, 2]
            w = [3, 4]
            loss = sum((2 * w - t) ** 2)
            ```

            @backward
            """)
        let graph = t.graphs[0]
        let data = try #require(graph.node(named: "t"))
        let constant = try #require(graph.nodes.first { $0.kind == .constant })
        #expect(constant.label == "2")
        let frames = t.steps[0].frames.compactMap { if case .backward(let f) = $0 { return f } else { return nil } }
        let dataInput = try #require(frames.flatMap(\.inputs).first { $0.node == data.id })
        #expect(!dataInput.receivesGradient)
        #expect(frames.last?.snapshot.grads[data.id] == nil)
        #expect(frames.last?.snapshot.grads[constant.id] == nil)
        #expect(frames.last?.snapshot.grads[graph.node(named: "w")?.id ?? 0] == Tensor([20, 24]))
    }

    @Test func checkFrameComparesGradients() throws {
        let t = try trace(
            """
            # C

            ```graph
            x = [0.5, -1.0]
            W = [[1, 2], [3, 4]]
            y = sum(tanh(matmul(W, x)))
            ```

            @check
            """)
        guard case .check(let check)? = t.steps[0].frames.first else {
            Issue.record("expected a check frame")
            return
        }
        #expect(check.results.map(\.name) == ["x", "W"])
        #expect(check.passed)
        #expect(check.results.allSatisfy { $0.maxError < 1e-6 })
    }

    @Test func framesJSONHasEveryStep() throws {
        let t = try trace(Self.chain)
        let text = t.json.rendered()
        #expect(text.contains("\"kind\": \"forward\""))
        #expect(text.contains("\"kind\": \"backward\""))
        #expect(text.contains("\"accumulated\": true"))
        #expect(text.contains("\"derivatives\": [\"∂y/∂a = 1/b\", \"∂y/∂b = −a/b²\"]"))
    }
}
