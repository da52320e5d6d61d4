import Autodiff
import Testing

@testable import Lessons

/// `predict`, `worked=`, `mistake=`, `why=`, `{frame=N}` and nudging: parsed, checked, played.
@Suite struct PracticeTests {
    static let lesson = """
        # Practice

        ## Graph

        ```graph
        x = 2
        a = square(x)
        y = square(a) + square(a)
        ```

        @forward predict worked=a

        - a = 4 {frame=1}
        - the rest

        @backward y predict mistake=order

        @ask "What is x.grad?" answer=x.grad why="Two shares of 32."
        """

    @Test func directivesCarryTheirPractice() throws {
        let parsed = try LessonLoader.parse(text: Self.lesson, file: "p.md")
        let directives = parsed.steps[1].directives
        #expect(directives[0].practice == Practice(predict: true, worked: ["a"]))
        #expect(directives[1].practice == Practice(predict: true, mistake: .order))
        guard case .ask(let question) = directives[2].kind else {
            Issue.record("the third directive is the question")
            return
        }
        #expect(question.why == "Two shares of 32.")
    }

    @Test func proseTiedToAFrameLosesItsTag() throws {
        let step = try LessonLoader.parse(text: Self.lesson, file: "p.md").steps[1]
        #expect(step.proseFrames == [0: 1])
        #expect(step.prose[0].plainText == "a = 4")
        #expect(step.prose[1].plainText == "the rest")
        #expect(FrameTag.split("no tag {frame=x}").frame == nil)
        #expect(FrameTag.split("q = 3 {frame=12}") == ("q = 3", 12))
    }

    @Test func framesKnowWhetherTheyAreWorkedAndTheWrongWay() throws {
        let trace = try LessonTrace(lesson: try LessonLoader.parse(text: Self.lesson, file: "p.md"))
        let frames = trace.steps[1].frames
        let forward = frames.compactMap { if case .forward(let f) = $0 { return f } else { return nil } }
        #expect(forward.map { $0.practice.worked } == [true, false, false, false])
        #expect(forward.allSatisfy { $0.practice.lessonPredicts })
        let backward = frames.compactMap { if case .backward(let b) = $0 { return b } else { return nil } }
        let wrong = try #require(backward.first?.wrongWay)
        // Without generations, square(x) runs twice: 2x · 8, then 2x · 16 on top of it.
        let x = try #require(trace.graphs[0].names.first { $0.name == "x" }?.node)
        #expect(wrong.grads[x]?.scalar == 96)
        #expect(wrong.right[x]?.scalar == 64)
    }

    @Test func overwritingKeepsTheLastShare() throws {
        let text = "# O\n\n## G\n\n```graph\nx = 3\ny = x * 2 + x * 5\n```\n\n@backward y mistake=overwrite\n"
        let trace = try LessonTrace(lesson: try LessonLoader.parse(text: text, file: "o.md"))
        guard case .backward(let b)? = trace.steps[1].frames.last, let wrong = b.wrongWay else {
            Issue.record("a backward frame with the wrong way")
            return
        }
        let x = try #require(trace.graphs[0].names.first { $0.name == "x" }?.node)
        #expect(wrong.right[x]?.scalar == 7)
        #expect([2.0, 5.0].contains(wrong.grads[x]?.scalar ?? 0))
    }

    @Test func badPracticeOptionsAreErrorsAtTheirColumn() {
        let base = "# B\n\n## G\n\n```graph\nx = 1\ny = x * 2\n```\n\n"
        let mistake = checkErrors(base + "@backward y mistake=overwrit\n")
        #expect(mistake.first?.message.contains("mistake must be overwrite or order") == true)
        #expect(mistake.first?.message.contains("did you mean 'overwrite'") == true)
        let worked = checkErrors(base + "@backward y worked=q\n")
        #expect(worked.first?.message.contains("'q' is not a name in the current graph") == true)
        let badName = checkErrors(base + "@forward worked=1x\n")
        #expect(badName.first?.message.contains("worked= takes names") == true)
        let tensors = checkErrors(
            base.replacingOccurrences(of: "x = 1", with: "x = [1, 2]") + "@backward y mistake=order\n")
        #expect(tensors.first?.message.contains("mistake= needs a graph of scalars") == true)
    }

    @Test func nudgingGivesTheCentralDifference() throws {
        let trace = try LessonTrace(lesson: try LessonLoader.parse(text: Self.lesson, file: "p.md"))
        let x = try #require(trace.graphs[0].names.first { $0.name == "x" }?.node)
        #expect(trace.nudgeable(graph: 0) == [x])
        let nudge = try #require(trace.nudge(graph: 0, input: x))
        #expect(nudge.backprop == 64)
        #expect(abs(nudge.numerical - 64) < 1e-5)
        #expect(nudge.fPlus > nudge.fMinus)
        #expect(trace.nudge(graph: 0, input: 999) == nil)
    }
}
