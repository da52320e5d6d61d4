import Autodiff
import Testing

@testable import Lessons

/// A training that replays its first iteration's graph (``TrainingPasses``) gives
/// the numbers of the plain path, which builds the graph every iteration: every
/// loss, every value a frame shows and every final parameter, bit for bit.
@Suite struct TrainingReplayTests {
    /// Plays `lesson` with and without the replay.
    static func playBothWays(_ lesson: Lesson) -> (replayed: LessonRunner, plain: LessonRunner) {
        func play(_ replays: Bool) -> LessonRunner {
            let runner = LessonRunner(lesson: lesson, source: lesson.sourceFile, limits: .standard, mode: .play)
            runner.replaysFixedGraphs = replays
            runner.run()
            return runner
        }
        return (play(true), play(false))
    }

    /// The bit patterns of every number a training left: each graph's losses (the
    /// history, the updates', the epochs'), its values at the end, and what every
    /// training frame shows.
    static func numbers(_ runner: LessonRunner) -> [UInt64] {
        var bits: [UInt64] = []
        func add(_ t: Tensor?) {
            guard let t else { return bits.append(0xdead) }
            bits += t.shape.map(UInt64.init)
            bits += t.scalars.map(\.bitPattern)
        }
        for session in runner.sessions {
            if let history = session.history { bits += history.prefix(history.written).map(\.bitPattern) }
            bits += session.losses.map(\.bitPattern)
            bits += session.epochLosses.map(\.bitPattern)
            for v in session.current { add(v?.data) }
        }
        for step in runner.played {
            for case .training(let f) in step.frames {
                bits += [UInt64(f.iteration), f.loss.bitPattern, UInt64(f.end), f.tracked?.value.bitPattern ?? 0]
                for p in f.parameters { add(p.value) }
                add(f.prediction?.value)
                f.snapshot.values.forEach(add)
            }
        }
        return bits
    }

    /// Holds the two ways equal on `text`; returns the iterations replayed.
    @discardableResult
    static func expectSameNumbers(_ text: String, file: String = "t.md") throws -> Int {
        try expectSameNumbers(LessonLoader.parse(text: text, file: file), file: file)
    }

    @discardableResult
    static func expectSameNumbers(_ lesson: Lesson, file: String) throws -> Int {
        let (replayed, plain) = playBothWays(lesson)
        #expect(replayed.diagnostics.isEmpty && plain.diagnostics.isEmpty, "\(replayed.diagnostics)")
        #expect(plain.replayedIterations == 0)
        let (a, b) = (numbers(replayed), numbers(plain))
        #expect(a.count == b.count)
        if let i = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("\(file): number \(i) of \(a.count) differs: \(a[i]) against \(b[i])")
        }
        #expect(replayed.played == plain.played)
        return replayed.replayedIterations
    }

    static func lesson(_ graph: String, _ train: String) -> String {
        "# T\n\n## Graph\n\n```graph\n\(graph)\n```\n\n## Train\n\n\(train)\n\n## Loss\n\n@plot loss\n"
    }

    /// Every training of the lessons we ship, in both languages.
    @Test(arguments: LessonContentTests.allLessons)
    func shippedLessons(_ name: String) throws {
        let lesson = try LessonLoader.load(path: LessonContentTests.path(name))
        let trains = lesson.steps.flatMap(\.blocks).contains {
            if case .directive(let d) = $0, case .train = d.kind { return true } else { return false }
        }
        let replayed = try Self.expectSameNumbers(lesson, file: name)
        #expect(!trains || replayed > 0, "\(name) trains, but no iteration was replayed")
    }

    static let regression = """
        seed(0)
        data x = rand(10, 1)
        data y = 5 + 2 * x + rand(10, 1)
        param W = zeros(1, 1)
        param b = zeros(1)
        y_pred = matmul(x, W) + b
        loss = mean_squared_error(y, y_pred)
        """

    /// Each optimizer, with its options.
    @Test(arguments: [
        "optimizer=sgd lr=0.1", "optimizer=momentum lr=0.05 momentum=0.8",
        "optimizer=adam lr=0.1 beta1=0.8 beta2=0.99 eps=1e-6",
    ])
    func optimizers(_ optimizer: String) throws {
        let text = Self.lesson(Self.regression, "@train loss iters=300 every=7 \(optimizer)")
        #expect(try Self.expectSameNumbers(text) == 299)
    }

    /// Broadcasting (a row of biases over a batch, a number over a matrix), one param used
    /// twice, and the element-wise functions with their own backward formulas.
    @Test func broadcastingAndElementwiseFunctions() throws {
        let graph = """
            seed(1)
            data x = rand(6, 3)
            param b = zeros(1, 3)
            param s = 0.5
            param W = 0.1 * randn(3, 3)
            h = tanh(matmul(x, W) + b) * s + sigmoid(x * W[0] - b)
            e = exp(-square(h)) + log(1 + h * h) + sin(h) * cos(b)
            loss = sum(e * e) / 6 + sum(W * W) * 0.01 + s ** 2
            """
        #expect(try Self.expectSameNumbers(Self.lesson(graph, "@train loss lr=0.05 iters=200 every=10")) == 199)
        #expect(
            try Self.expectSameNumbers(Self.lesson(graph, "@train loss iters=100 every=9 optimizer=adam lr=0.02"))
                == 99)
    }

    /// The functions the replay computes in place (``GraphReplay`` writes into last
    /// iteration's tensors) beside ones it does not: `linear` with and without a bias,
    /// `relu`, numbers folded into arithmetic on either side, a division by a param,
    /// `mean_squared_error` of equal and of broadcast shapes, `sum_to`, a param used
    /// twice; each optimizer, with a vector-kernel sigmoid (64 elements or more).
    @Test(arguments: ["optimizer=sgd lr=0.05", "optimizer=momentum lr=0.02", "optimizer=adam lr=0.01"])
    func inPlaceFunctions(_ optimizer: String) throws {
        let graph = """
            seed(4)
            data x = randn(12, 3)
            data t = rand(12, 1)
            param W1 = 0.5 * randn(3, 8)
            param b1 = zeros(8)
            param W2 = 0.5 * randn(8, 1)
            param s = 2
            h = sigmoid(linear(x, W1, b1))
            r = relu(linear(h, W2)) / (s * s + 1)
            u = (1 - r) * 3 + 2 / (exp(r) + 1) - r ** 3
            loss = mean_squared_error(r, t) + mean_squared_error(u, 0.5) + sum(sum_to(h, (1, 8))) * 0.001 - s / 100
            """
        #expect(try Self.expectSameNumbers(Self.lesson(graph, "@train loss iters=150 every=7 \(optimizer)")) == 149)
    }

    /// Softmax cross-entropy through a two-layer net with `linear`, trained by mini-batches whose
    /// last one is smaller (a second graph shape), tracking the accuracy.
    @Test func softmaxCrossEntropyByMiniBatches() throws {
        let graph = """
            seed(0)
            data x = randn(25, 2)
            data t = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0]
            param W1 = 0.5 * randn(2, 8)
            param b1 = zeros(8)
            param W2 = 0.5 * randn(8, 3)
            param b2 = zeros(3)
            y = linear(relu(linear(x, W1, b1)), W2, b2)
            p = softmax(y)
            loss = softmax_cross_entropy(y, t) + sum(clip(p, 0.01, 0.99)) * 0
            acc = accuracy(y, t)
            """
        let replayed = try Self.expectSameNumbers(
            Self.lesson(graph, "@train loss lr=0.5 epochs=40 batch=10 every=4 track=acc optimizer=momentum"))
        // 40 epochs of three batches (10, 10, 5 rows): the first of each size was built.
        #expect(replayed == 40 * 3 - 2)
        #expect(try Self.expectSameNumbers(Self.lesson(graph, "@train loss lr=0.5 epochs=30 every=3")) == 29)
    }

    /// Shapes changed on the way (`reshape`, `transpose`, `sum` over an axis, `broadcast_to`),
    /// `max`, `log_softmax` and indexing.
    @Test func shapeFunctions() throws {
        let graph = """
            seed(2)
            data x = rand(4, 6)
            param W = 0.2 * randn(6, 4)
            h = reshape(transpose(matmul(x, W)), (2, 8))
            lo = min(h, axis=0)
            m = max(h, axis=1, keepdims=True) + lo[1]
            l = log_softmax(broadcast_to(sum(h, axis=0), (3, 8)), axis=1)
            st = sum_to(h, (1, 8))
            loss = sum(m * m) - sum(l) / 24 + st[0, 3] + sum(h[:, ::2])
            """
        #expect(try Self.expectSameNumbers(Self.lesson(graph, "@train loss lr=0.01 iters=120 every=11")) == 119)
    }

    /// A data-only node read by another node cannot be replayed in place: that graph
    /// stays on the plain path, and still trains.
    @Test func aGraphThatCannotBeReplayedTakesThePlainPath() throws {
        let graph = """
            seed(0)
            data x = randn(6, 3)
            data t = [0, 1, 2, 0, 1, 2]
            param W = 0.1 * randn(3, 3)
            y = matmul(x, W)
            k = argmax(y, axis=1)
            loss = softmax_cross_entropy(y, t) + sum(k * W[0, 0])
            """
        #expect(try Self.expectSameNumbers(Self.lesson(graph, "@train loss lr=0.1 iters=30 every=3")) == 0)
    }

    /// A loss that diverges stops the run at the same iteration either way, and a
    /// second training of the graph goes on from the first one's parameters.
    @Test func divergenceAndASecondTraining() throws {
        let text = Self.lesson(Self.regression, "@train loss lr=2.5 iters=400 every=10")
            .replacingOccurrences("## Loss", "## Again\n\n@train loss lr=0.01 iters=50 every=5\n\n## Loss")
        let (replayed, plain) = Self.playBothWays(try LessonLoader.parse(text: text, file: "d.md"))
        #expect(replayed.sessions.first?.trainingStatus == plain.sessions.first?.trainingStatus)
        #expect(Self.numbers(replayed) == Self.numbers(plain))
        #expect(replayed.played == plain.played)
        #expect(replayed.replayedIterations > 0)
    }
}
