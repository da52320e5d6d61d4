import Autodiff
import Testing

@testable import Lessons

/// Training by epochs (frames, the tracked value), points by class and the
/// decision regions, and the new forms' errors.
@Suite struct ClassificationFramesTests {
    static let spiral = """
        # Spiral

        ## Data

        ```graph
        data x, t = spiral(train=True)
        model M = MLP((10, 3))
        y = M(x)
        loss = softmax_cross_entropy(y, t)
        acc = accuracy(y, t)
        ```

        @plot data x t

        ## Train

        @train loss lr=1 epochs=20 batch=30 every=5 track=acc

        ## Regions

        @plot regions M

        ## Loss

        @plot loss
        """

    private func trace(_ text: String) throws -> LessonTrace {
        try LessonTrace(lesson: try LessonLoader.parse(text: text, file: "t.md"))
    }

    @Test func epochFramesCarryTheEpochLossTheTrackedValueAndTheRegions() throws {
        let t = try trace(Self.spiral)
        let frames = t.steps[2].frames.compactMap { if case .training(let f) = $0 { f } else { nil } }
        // Epochs 0, 5, 10, 15, then the end.
        #expect(frames.map(\.iteration) == [0, 5, 10, 15, 20])
        #expect(frames.allSatisfy { $0.byEpoch && $0.iterations == 20 })
        let last = try #require(frames.last)
        #expect(last.losses.count == 20)
        #expect(frames[1].losses.count == 6 && frames[1].loss == last.losses[5])
        let tracked = try #require(frames[0].tracked)
        #expect(tracked.name == "acc" && tracked.value > 0 && tracked.value < 1)
        // The regions move as the model learns.
        let first = try #require(frames.first?.regions)
        let end = try #require(last.regions)
        #expect(first.classes.count == first.columns * first.rows)
        #expect(first.classes != end.classes)
        #expect(Set(end.classes).isSubset(of: [0, 1, 2]))
    }

    @Test func classPlotsAndRegions() throws {
        let t = try trace(Self.spiral)
        guard case .dataPlot(let data)? = t.steps[1].frames.last else {
            Issue.record("no data plot")
            return
        }
        #expect(data.x.value.shape == [300, 2] && data.y.value.shape == [300] && data.regions == nil)
        guard case .dataPlot(let regions)? = t.steps[3].frames.last else {
            Issue.record("no regions plot")
            return
        }
        let grid = try #require(regions.regions)
        // The regions after training are those of the last training frame.
        guard case .training(let last)? = t.steps[2].frames.last else { return }
        #expect(grid == last.regions)
        guard case .lossPlot(let loss)? = t.steps[4].frames.last else {
            Issue.record("no loss plot")
            return
        }
        #expect(loss.byEpoch && loss.losses.count == 20)
    }

    @Test func fullBatchEpochsMakeOneUpdateEach() throws {
        let e = try evaluateLesson(Self.spiral.replacingOccurrences(of: " batch=30", with: ""))
        let training = try #require(e.graphs.first?.training)
        #expect(training.losses.count == 20)
        #expect(training.epochLosses == training.losses)
    }

    @Test(arguments: [
        ("x = [1, 2]\ny = x[0:1:0]\n", "slice step cannot be zero"),
        ("x = [1, 2]\ny = x[2]\n", "index 2 is out of bounds for axis 0 with size 2"),
        ("x = [1, 2]\ny = x[0, 0]\n", "too many indices"),
        ("x = [1, 2]\nw = 1.0\ny = x[w]\n", "'w' is a variable"),
        ("x = [[1, 2]]\ny = x[[[0]]]\n", "an index list must be 1-d"),
        ("x = [[1, 2]]\ny = x[]\n", "expected an index between '[' and ']'"),
        ("model M = Linear(3)\n", "Linear is a layer"),
        ("layer L = MLP((3, 1))\n", "MLP is a model"),
        ("layer L = Linear(3)\ny = L(2.0)\n", "L needs a 2-d input"),
        ("layer L = Linear(3)\nw = L.W\n", "does not exist yet"),
        ("layer L = Linear(3, in_size=2)\nx = [[1, 2, 3]]\ny = L(x)\n", "L takes 2 features"),
        ("layer L = Linear(3, in_size=2)\nw = L.V\n", "'L.V' is not a parameter of L — did you mean 'L.W'?"),
        ("x = spiral()\n", "spiral(…) is a declaration of its own"),
        ("data x, x = spiral()\n", "the two names must differ"),
        ("data x, t = rand(3)\n", "two names take the two results of a data set"),
        ("model M = MLP((10, 3), activation=foo)\n", "activation must name a one-input function"),
        ("layer L = Linear(3)\ny = L\n", "'L' is a layer or model: call it"),
    ])
    func errorsNameTheProblem(_ program: String, _ message: String) throws {
        #expect(throws: LessonError.self) { try evaluateProgram(program) }
        do {
            _ = try evaluateProgram(program)
        } catch let error as LessonError {
            let text = "\(error)"
            #expect(text.contains(message), "\(text)")
        }
    }

    @Test func trainingOptionsAreChecked() {
        let base = "# T\n\n## S\n\n```graph\nparam w = 1.0\nloss = w * w\n```\n\n"
        for (directive, message) in [
            ("@train loss epochs=3 iters=3", "give iters= or epochs=, not both"),
            ("@train loss batch=3", "batch= needs epochs="),
            ("@train loss epochs=3 track=nothing", "'nothing' is not a name"),
            ("@train loss epochs=3 track=accuracy", "track=accuracy follows a softmax_cross_entropy loss"),
        ] {
            let errors = checkErrors(base + directive + "\n")
            #expect(errors.contains { $0.message.contains(message) }, "\(directive): \(errors.map(\.message))")
        }
    }
}
