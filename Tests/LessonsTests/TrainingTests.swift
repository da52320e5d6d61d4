import Autodiff
import Testing

@testable import Lessons

/// DeZero steps 42 and 43 as lessons, and how training ends.
@Suite struct TrainingTests {
    static let regression = """
        # Regression

        ## Data

        ```graph
        seed(0)
        data x = rand(100, 1)
        data y = 5 + 2 * x + rand(100, 1)
        param W = zeros(1, 1)
        param b = zeros(1)
        y_pred = matmul(x, W) + b
        loss = mean_squared_error(y, y_pred)
        ```

        ## Train

        @train loss lr=0.1 iters=100 every=10

        ## Fit

        @plot loss
        @plot data x y fit=y_pred
        """

    @Test func step42LinearRegression() throws {
        let evaluation = try evaluateLesson(Self.regression)
        let graph = try #require(evaluation.graphs.first)
        let training = try #require(graph.training)
        #expect(training.losses.count == 100)
        #expect(close(training.losses.last, 0.07908606512411756, rel: 1e-9))
        let params = Dictionary(uniqueKeysWithValues: training.parameters)
        #expect(abs((params["W"]?.scalars.first ?? 0) - 2.11807369) < 5e-9)
        #expect(abs((params["b"]?.scalars.first ?? 0) - 5.46608905) < 5e-9)
        // The variables are those of the first forward and backward.
        #expect(graph["W"]?.value == Tensor.zeros([1, 1]))
        #expect(close(scalar(graph["loss"]), training.losses[0]))
    }

    @Test func step42Frames() throws {
        let trace = try LessonTrace(lesson: try LessonLoader.parse(text: Self.regression, file: "r.md"))
        let frames = trace.steps[2].frames
        let training = frames.compactMap { if case .training(let f) = $0 { return f } else { return nil } }
        #expect(training.map(\.iteration) == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        #expect(training[1].losses.count == 11)
        #expect(training.last?.status == .finished)
        #expect(training.first?.prediction?.label == "y_pred")
        let w = try #require(training.last?.parameters.first { $0.label == "W" })
        #expect(abs((w.value.scalars.first ?? 0) - 2.11807369) < 5e-9)
        guard case .lossPlot(let plot) = trace.steps[3].frames[0], case .dataPlot(let data) = trace.steps[3].frames[1]
        else {
            Issue.record("expected a loss plot and a data plot")
            return
        }
        #expect(plot.losses.count == 100)
        #expect(data.fit?.value.shape == [100, 1])
        #expect(data.x.value.shape == [100, 1])
    }

    @Test func step43TwoLayerNet() throws {
        let evaluation = try evaluateLesson(
            """
            # Net

            ```graph
            seed(0)
            data x = rand(100, 1)
            data y = sin(2 * pi * x) + rand(100, 1)
            param W1 = 0.01 * randn(1, 10)
            param b1 = zeros(10)
            param W2 = 0.01 * randn(10, 1)
            param b2 = zeros(1)
            y_pred = linear(sigmoid(linear(x, W1, b1)), W2, b2)
            loss = mean_squared_error(y, y_pred)
            ```

            @train loss lr=0.2 iters=10000 every=1000
            """)
        let losses = try #require(evaluation.graphs.first?.training?.losses)
        let expected = [
            0.8473695850105871, 0.25142862851836056, 0.24759485466749875, 0.23786120447054818,
            0.21222231333102937, 0.1674218111783417, 0.09681932619992668, 0.07849528290602335,
            0.07749729552991155, 0.07722132399559321,
        ]
        for (k, value) in expected.enumerated() {
            #expect(close(losses[k * 1000], value, rel: 1e-9), "iteration \(k * 1000)")
        }
    }

    static let diverging = """
        # Too fast

        ```graph
        param w = 1.0
        loss = w ** 4
        ```

        @train loss lr=10 iters=50 every=5
        """

    @Test func divergenceIsAStateNotACrash() throws {
        let trace = try LessonTrace(lesson: try LessonLoader.parse(text: Self.diverging, file: "d.md"))
        let frames = trace.steps[0].frames.compactMap { if case .training(let f) = $0 { return f } else { return nil } }
        guard case .diverged(let at)? = frames.last?.status else {
            Issue.record("expected divergence, got \(String(describing: frames.last?.status))")
            return
        }
        #expect(at < 50)
        #expect(frames.last?.losses.count == at + 1)
        // eval runs on through NaN, as DeZero would.
        let evaluation = try evaluateLesson(Self.diverging)
        #expect(evaluation.graphs.first?.training?.losses.count == 50)
    }

    @Test func stoppingEndsTrainingEarly() throws {
        let lesson = try LessonLoader.parse(
            text: Self.regression.replacingOccurrences("iters=100 every=10", "iters=1000000 every=1000"), file: "s.md")
        var calls = 0
        let trace = try LessonTrace(lesson: lesson) {
            calls += 1
            return calls > 25
        }
        let last = trace.steps[2].frames.compactMap { if case .training(let f) = $0 { return f } else { return nil } }
            .last
        #expect(last?.status == .stopped(iteration: 25))
        #expect(last?.iteration == 25)
    }

    @Test func optimizers() throws {
        for optimizer in ["sgd", "momentum", "adam"] {
            let lesson = Self.regression.replacingOccurrences("every=10", "every=10 optimizer=\(optimizer)")
            let evaluation = try evaluateLesson(lesson)
            let losses = try #require(evaluation.graphs.first?.training?.losses)
            #expect(losses.count == 100)
            #expect((losses.last ?? .infinity) < losses[0], "\(optimizer)")
        }
    }
}

extension String {
    /// Test helper: every `target` replaced (keeps tests free of Foundation).
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        replacing(target, with: replacement)
    }
}
