import Autodiff
import Testing

@testable import Lessons

/// The lesson file format: front matter, steps, prose, graph blocks, directives.
@Suite struct LessonParsingTests {
    static let sample = """
        ---
        title: The chain rule
        language: en
        summary: f = (x + y) · z
        minutes: 15
        order: 1
        tags: [calculus, graphs]
        ---

        # Ignored when the front matter has a title

        A **big** function is a chain of `small` ones,
        written *twice*.

        ## Build the graph

        ```graph
        x = -2   # an input
        y = 5
        z = -4
        q = x + y
        f = q * z
        ```

        - first item
          continued
        - second
           1. nested

            code line
            second code line

        @note Ask the class first.

        ## Backward

        @backward f
        @ask "What is ∂f/∂x?" answer=x.grad tolerance=0.01 hint="upstream times local"
        @train f lr=0.5 iters=20 every=5 optimizer=adam
        @check x y tolerance=1e-5
        @plot data x y fit=f
        """

    @Test func frontMatterAndSteps() throws {
        let lesson = try LessonLoader.parse(text: Self.sample, file: "a.md")
        #expect(lesson.title == "The chain rule")
        #expect(lesson.metadata.language == "en")
        #expect(lesson.metadata.minutes == 15)
        #expect(lesson.metadata.order == 1)
        #expect(lesson.metadata.tags == ["calculus", "graphs"])
        #expect(lesson.steps.map(\.title) == ["The chain rule", "Build the graph", "Backward"])
        #expect(lesson.steps[0].isIntroduction)
        #expect(lesson.steps[1].line == 15)
        #expect(lesson.graphBlocks.count == 1)
        #expect(lesson.graphBlocks[0].line == 18)
        #expect(lesson.steps[1].notes == ["Ask the class first."])
    }

    @Test func prose() throws {
        let lesson = try LessonLoader.parse(text: Self.sample, file: "a.md")
        #expect(
            lesson.steps[0].prose == [
                .paragraph([
                    .text("A "), .strong("big"), .text(" function is a chain of "), .code("small"),
                    .text(" ones, written "), .emphasis("twice"), .text("."),
                ])
            ])
        #expect(
            lesson.steps[1].prose == [
                .listItem(marker: "-", depth: 0, [.text("first item continued")]),
                .listItem(marker: "-", depth: 0, [.text("second")]),
                .listItem(marker: "1.", depth: 1, [.text("nested")]),
                .code(["code line", "second code line"]),
            ])
    }

    @Test func directives() throws {
        let lesson = try LessonLoader.parse(text: Self.sample, file: "a.md")
        let kinds = lesson.steps[2].directives.map(\.kind)
        #expect(kinds[0] == .backward(target: "f"))
        guard case .ask(let q) = kinds[1], case .train(let t) = kinds[2] else {
            Issue.record("expected @ask then @train")
            return
        }
        #expect(q.text == "What is ∂f/∂x?")
        #expect(q.answerText == "x.grad")
        #expect(q.tolerance == 0.01)
        #expect(q.hint == "upstream times local")
        #expect(t.loss == "f" && t.optimizer == .adam && t.learningRate == 0.5 && t.iterations == 20 && t.every == 5)
        #expect(kinds[3] == .check(names: ["x", "y"], tolerance: 1e-5))
        #expect(kinds[4] == .plotData(x: "x", y: "y", fit: "f"))
        #expect(lesson.steps[2].directives[1].location == SourceLocation(line: 38, column: 1))
    }

    @Test func trainingDefaults() throws {
        let lesson = try LessonLoader.parse(
            text: "# T\n\n@train loss\n@train loss optimizer=adam iters=35\n", file: "d.md")
        guard case .train(let sgd) = lesson.steps[0].directives[0].kind,
            case .train(let adam) = lesson.steps[0].directives[1].kind
        else {
            Issue.record("expected two @train")
            return
        }
        #expect(sgd.learningRate == 0.01 && sgd.iterations == 100 && sgd.every == 10 && sgd.optimizer == .sgd)
        #expect(adam.learningRate == 0.001 && adam.every == 4)
    }

    @Test func crlfBomTabsAndKorean() throws {
        let text =
            "\u{FEFF}---\r\ntitle: 연쇄 법칙\r\nlanguage: ko\r\n---\r\n\r\n# 연쇄 법칙\r\n\r\n## 그래프\r\n\r\n```graph\r\nx\t= -2\r\ny = 5\r\nf = x * y\r\n```\r\n\r\n@ask \"∂f/∂x는 얼마일까요?\" answer=5\r\n"
        let lesson = try LessonLoader.parse(text: text, file: "ko.md")
        #expect(lesson.title == "연쇄 법칙")
        #expect(lesson.steps[1].title == "그래프")
        guard case .ask(let q) = lesson.steps[1].directives[0].kind else {
            Issue.record("expected @ask")
            return
        }
        #expect(q.text == "∂f/∂x는 얼마일까요?")
        let evaluation = try Evaluation(lesson: lesson)
        #expect(gradScalar(evaluation.graphs[0]["x"]) == 5)
        #expect(evaluation.graphs[0].step == "그래프")
    }

    @Test func invalidUTF8IsAnErrorAtItsLine() {
        var bytes = Array("# T\n\nfine line\nbad \u{00E9}".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(" here\n".utf8)
        let errors = LessonChecker.check(bytes, file: "u.md")
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(line: 4, column: 6))
        #expect(errors.first?.message == "this line is not valid UTF-8 (save the file as UTF-8)")
    }

    @Test func graphFileIsOneStepWithForwardAndBackward() throws {
        let lesson = try LessonLoader.parse(text: "x = 2\ny = x * x\n", file: "sq.graph")
        #expect(lesson.isGraphFile)
        let trace = try LessonTrace(lesson: lesson)
        #expect(trace.steps.count == 1)
        #expect(trace.steps[0].frames.map(\.kind) == ["forward", "backward"])
        #expect(try Evaluation(lesson: lesson).graphs[0].step == nil)
    }

    @Test func diagnosticRendering() {
        let d = Diagnostic(
            file: "l.md", location: SourceLocation(line: 3, column: 9),
            message: "unknown name 'z'", sourceLine: "그래프\ty = z")
        #expect(d.description == "l.md:3:9: error: unknown name 'z'")
        // Three Hangul syllables take six columns; the tab is copied.
        #expect(d.rendered == "l.md:3:9: error: unknown name 'z'\n그래프\ty = z\n      \t    ^")
    }

    @Test func suggestions() {
        #expect(closestMatch(to: "sigmod", in: Builtin.names) == "sigmoid")
        #expect(closestMatch(to: "foward", in: DirectiveParser.names) == "forward")
        #expect(closestMatch(to: "Sin", in: Builtin.names) == "sin")
        #expect(closestMatch(to: "banana", in: Builtin.names) == nil)
        #expect(editDistance("sigmoid", "sigmodi", limit: 3) == 1)
    }
}
