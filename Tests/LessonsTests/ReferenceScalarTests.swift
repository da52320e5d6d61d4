import Autodiff
import Testing

@testable import Lessons

/// The scalar numbers of reference-numbers.md, through graph programs.
@Suite struct ReferenceScalarTests {
    @Test func chainRule() throws {
        let g = try evaluateProgram("x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n")
        #expect(g.output == "f")
        #expect(scalar(g["f"]) == -12)
        #expect(gradScalar(g["x"]) == -4)
        #expect(gradScalar(g["y"]) == -4)
        #expect(gradScalar(g["z"]) == 3)
        #expect(gradScalar(g["q"]) == -4)
        #expect(gradScalar(g["f"]) == 1)
        #expect(g["q"]?.kind == .intermediate)
        #expect(g["x"]?.kind == .input)
    }

    @Test func sigmoidNeuron() throws {
        let g = try evaluateProgram(
            """
            w0 = 2
            w1 = -3
            w2 = -3
            x0 = -1
            x1 = -2
            f = sigmoid(w0 * x0 + w1 * x1 + w2)
            """)
        #expect(close(scalar(g["f"]), 0.7310585786300049))
        #expect(close(gradScalar(g["x0"]), 0.3932238664829637))
        #expect(close(gradScalar(g["x1"]), -0.5898357997244456))
        #expect(close(gradScalar(g["w0"]), -0.19661193324148185))
        #expect(close(gradScalar(g["w1"]), -0.3932238664829637))
        #expect(close(gradScalar(g["w2"]), 0.19661193324148185))
    }

    @Test func sigmoidNeuronWithTensors() throws {
        let g = try evaluateProgram(
            """
            w = [2, -3]
            b = -3
            x = [-1, -2]
            f = sigmoid(sum(w * x) + b)
            """)
        #expect(close(scalar(g["f"]), 0.7310585786300049))
        #expect(close(g["x"]?.grad, [0.3932238664829637, -0.5898357997244456]))
        #expect(close(g["w"]?.grad, [-0.19661193324148185, -0.3932238664829637]))
        #expect(close(gradScalar(g["b"]), 0.19661193324148185))
    }

    @Test func sharedInputsAccumulate() throws {
        let g = try evaluateProgram("x = 3\ny = -4\nf = (x + sigmoid(y)) / (sigmoid(x) + (x + y) ** 2)\n")
        #expect(close(scalar(g["f"]), 1.5456448841066441))
        #expect(close(gradScalar(g["x"]), 2.0595697955721652))
        #expect(close(gradScalar(g["y"]), 1.5922327514838093))
    }

    @Test func step7ThreeFunctions() throws {
        let g = try evaluateProgram("x = 0.5\na = square(x)\nb = exp(a)\ny = square(b)\n")
        #expect(close(scalar(g["y"]), 1.648721270700128))
        #expect(close(gradScalar(g["x"]), 3.297442541400256))
    }

    @Test func step13SumOfSquares() throws {
        let g = try evaluateProgram("x = 2\ny = 3\nz = square(x) + square(y)\n")
        #expect(scalar(g["z"]) == 13)
        #expect(gradScalar(g["x"]) == 4)
        #expect(gradScalar(g["y"]) == 6)
    }

    @Test func step14SameVariableTwice() throws {
        let g = try evaluateProgram("x = 3\ny = x + x\n")
        #expect(gradScalar(g["x"]) == 2)
    }

    @Test func higherOrderAsTwoGraphs() throws {
        let first = try evaluateProgram("x = 2\ny = x ** 4 - 2 * x ** 2\n")
        #expect(scalar(first["y"]) == 8)
        #expect(gradScalar(first["x"]) == 24)
        let second = try evaluateProgram("x = 2\ngx = 4 * x ** 3 - 4 * x\n")
        #expect(scalar(second["gx"]) == 24)
        #expect(gradScalar(second["x"]) == 44)
    }

    @Test func constantsFoldLikeNumPy() throws {
        // 2 * pi * x folds 2π first (one multiplication node), as Python evaluates it.
        let lesson = try LessonLoader.parse(text: "x = 0.25\ny = sin(2 * pi * x)\n", file: "t.graph")
        let trace = try LessonTrace(lesson: lesson)
        let graph = try #require(trace.graphs.first)
        #expect(graph.functions.map(\.label) == ["×", "sin"])
        let constant = try #require(graph.nodes.first { $0.kind == .constant })
        #expect(constant.label == "2 * pi")
        let y = try #require(graph.node(named: "y"))
        #expect(y.kind == .intermediate)
    }

    @Test func outputIsTheLastAssignedName() throws {
        let g = try evaluateProgram("a = 1\nb = a * 3\nc = a * 2\n")
        #expect(g.output == "c")
        #expect(gradScalar(g["a"]) == 2)
        // b does not lead to c: no gradient, as in DeZero.
        #expect(g["b"]?.grad == nil)
    }
}
