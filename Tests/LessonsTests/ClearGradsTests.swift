import Autodiff
import Testing

@testable import Lessons

/// `@backward … cleargrads=no`: a second backward adds to the gradients the first left,
/// as DeZero does without `cleargrads()`; the default clears them first.
@Suite struct ClearGradsTests {
    private func trace(_ text: String) throws -> LessonTrace {
        try LessonTrace(lesson: try LessonLoader.parse(text: text, file: "t.md"))
    }

    private func backward(_ step: PlayedStep) -> [BackwardFrame] {
        step.frames.compactMap { if case .backward(let f) = $0 { return f } else { return nil } }
    }

    private func asked(_ step: PlayedStep) -> [Double] {
        step.frames.compactMap { if case .ask(let a) = $0 { return a.answer } else { return nil } }
    }

    static let scalar = """
        # T

        ## First

        ```graph
        param w = 3
        x = 2
        loss = w * x
        ```

        @backward loss
        @ask "w.grad?" answer=w.grad

        ## Not cleared

        @backward loss cleargrads=no
        @ask "w.grad?" answer=w.grad

        ## Cleared

        @backward loss
        @ask "w.grad?" answer=w.grad
        """

    @Test func aSecondBackwardWithoutClearingAddsToTheFirst() throws {
        let t = try trace(Self.scalar)
        let first = try #require(backward(t.steps[1]).first)
        let kept = try #require(backward(t.steps[2]).first)
        let cleared = try #require(backward(t.steps[3]).first)
        let w = try #require(first.inputs.first { $0.label == "w" })
        #expect(w.previous == nil && w.total == Tensor(2) && !w.accumulated)
        // The share is the same; it lands on the 2 the first backward left.
        let again = try #require(kept.inputs.first { $0.label == "w" })
        #expect(again.gradient == Tensor(2))
        #expect(again.previous == Tensor(2) && again.total == Tensor(4) && again.accumulated)
        let x = try #require(kept.inputs.first { $0.label == "x" })
        #expect(x.previous == Tensor(3) && x.total == Tensor(6))
        let fresh = try #require(cleared.inputs.first { $0.label == "w" })
        #expect(fresh.previous == nil && fresh.total == Tensor(2))
        // The graph shows the kept gradient, and the answers read the gradients as they are.
        #expect(kept.snapshot.grads[again.node] == Tensor(4))
        #expect(asked(t.steps[1]) == [2])
        #expect(asked(t.steps[2]) == [4])
        #expect(asked(t.steps[3]) == [2])
    }

    /// A layer's parameter is read by its path: `L.b.grad` in an answer.
    @Test func aLayersParameterGradientIsAnAnswer() throws {
        let t = try trace(
            """
            # T

            ## S

            ```graph
            data x = [[2.0]]
            layer L = Linear(1, in_size=1)
            loss = sum(L(x))
            ```

            @backward loss
            @ask "L.W.grad?" answer=L.W.grad
            @backward loss cleargrads=no
            @ask "L.b.grad?" answer=L.b.grad
            """)
        #expect(asked(t.steps[1]) == [2, 2])
    }

    @Test(arguments: [
        ("@backward loss cleargrads=maybe", 12, 27, "cleargrads must be yes or no, not 'maybe'"),
        (
            "@backward loss mistake=overwrite cleargrads=no", 12, 16,
            "mistake= compares with a backward from cleared gradients; leave out cleargrads=no"
        ),
        (
            "@backward loss\n@ask \"?\" answer=L.c.grad", 13, 19,
            "'L.c' is not a parameter of L — did you mean 'L.W'?"
        ),
    ])
    func mistakesAreSaid(_ directive: String, _ line: Int, _ column: Int, _ message: String) {
        let source = """
            # T

            ## S

            ```graph
            data x = [[2.0]]
            layer L = Linear(1, in_size=1)
            loss = sum(L(x))
            ```


            \(directive)
            """
        let found = checkErrors(source, file: "l.md").map { "\($0.line):\($0.column): \($0.message)" }
        #expect(found == ["\(line):\(column): \(message)"])
    }
}
