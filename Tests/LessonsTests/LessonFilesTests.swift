import Autodiff
import Testing

@testable import Lessons

/// The shipped lessons, English and Korean: every one passes `check`, and
/// `eval` reproduces the numbers of reference-numbers.md.
@Suite struct LessonFilesTests {
    static let languages = ["lessons", "lessons/ko"]

    static func lessonFiles(_ directory: String) -> [String] {
        let names = [
            "01-chain-rule", "02-sigmoid-neuron", "03-broadcasting", "05-linear-regression", "06-two-layer-net",
            "04-matmul-backward", "07-manual-vs-automatic", "08-generations", "09-higher-order",
        ]
        return names.map { repositoryPath("\(directory)/\($0).md") }
    }

    static func evaluate(_ directory: String, _ name: String) throws -> Evaluation {
        try Evaluation(lesson: try LessonLoader.load(path: repositoryPath("\(directory)/\(name).md")))
    }

    /// The first graph that names every one of `names`.
    static func graph(_ e: Evaluation, with names: [String], where test: (GraphEvaluation) -> Bool = { _ in true })
        throws -> GraphEvaluation
    {
        try #require(e.graphs.first { g in names.allSatisfy { g[$0] != nil } && test(g) })
    }

    @Test(arguments: languages)
    func everyLessonPassesCheck(_ directory: String) {
        for path in Self.lessonFiles(directory) {
            let errors = LessonChecker.check(path: path)
            #expect(errors.isEmpty, "\(path): \(errors.map(\.description))")
        }
    }

    @Test(arguments: languages)
    func chainRule(_ directory: String) throws {
        let e = try Self.evaluate(directory, "01-chain-rule")
        let simple = try Self.graph(e, with: ["x", "y", "z", "q", "f"])
        #expect(scalar(simple["f"]) == -12)
        #expect([gradScalar(simple["x"]), gradScalar(simple["y"]), gradScalar(simple["z"])] == [-4, -4, 3])
        let shared = try Self.graph(e, with: ["x", "y", "f"]) { g in g["x"]?.value == Tensor(3) }
        #expect(close(scalar(shared["f"]), 1.5456448841066441))
        #expect(close(gradScalar(shared["x"]), 2.0595697955721652))
        #expect(close(gradScalar(shared["y"]), 1.5922327514838093))
    }

    @Test(arguments: languages)
    func sigmoidNeuron(_ directory: String) throws {
        let e = try Self.evaluate(directory, "02-sigmoid-neuron")
        let g = try Self.graph(e, with: ["w0", "w1", "w2", "x0", "x1", "f"])
        #expect(close(scalar(g["f"]), 0.7310585786300049))
        #expect(close(gradScalar(g["x0"]), 0.3932238664829637))
        #expect(close(gradScalar(g["x1"]), -0.5898357997244456))
        #expect(close(gradScalar(g["w0"]), -0.19661193324148185))
        #expect(close(gradScalar(g["w1"]), -0.3932238664829637))
        #expect(close(gradScalar(g["w2"]), 0.19661193324148185))
    }

    @Test(arguments: languages)
    func broadcasting(_ directory: String) throws {
        let e = try Self.evaluate(directory, "03-broadcasting")
        let sum = try Self.graph(e, with: ["x", "c", "t", "y"])
        #expect(scalar(sum["y"]) == 231)
        #expect(sum["x"]?.grad == Tensor.ones([2, 3]) && sum["c"]?.grad == Tensor.ones([2, 3]))
        let sine = try Self.graph(e, with: ["x", "y"]) { $0["y"]?.value.shape == [2, 3] }
        #expect(
            close(
                sine["y"]?.value,
                [
                    0.8414709848078965, 0.9092974268256817, 0.1411200080598672,
                    -0.7568024953079282, -0.9589242746631385, -0.27941549819892586,
                ]))
        let axis = try Self.graph(e, with: ["s"]) { $0["s"]?.value.shape == [3] }
        #expect(axis["s"]?.value == Tensor([5, 7, 9]))
        let keep = try Self.graph(e, with: ["k"])
        #expect(keep["k"]?.value.shape == [1, 1] && keep["k"]?.value.scalars == [21])
        #expect(keep["x"]?.grad == Tensor.ones([2, 3]))
        let reshaped = try Self.graph(e, with: ["r"])
        #expect(reshaped["r"]?.value.shape == [6] && reshaped["x"]?.grad == Tensor.ones([2, 3]))
        let added = try Self.graph(e, with: ["x0", "x1", "y"])
        #expect(added["y"]?.value == Tensor([11, 12, 13]))
        #expect(added["x1"]?.grad == Tensor([3]))
    }

    @Test(arguments: languages)
    func linearRegression(_ directory: String) throws {
        let e = try Self.evaluate(directory, "05-linear-regression")
        let training = try #require(e.graphs.first { $0.training != nil }?.training)
        #expect(training.losses.count == 100)
        #expect(close(training.losses.last, 0.07908606512411756, rel: 1e-9))
        let params = Dictionary(uniqueKeysWithValues: training.parameters)
        #expect(abs((params["W"]?.scalars.first ?? 0) - 2.11807369) < 5e-9)
        #expect(abs((params["b"]?.scalars.first ?? 0) - 5.46608905) < 5e-9)
    }

    @Test(arguments: languages)
    func twoLayerNet(_ directory: String) throws {
        let e = try Self.evaluate(directory, "06-two-layer-net")
        let losses = try #require(e.graphs.first { $0.training != nil }?.training?.losses)
        #expect(losses.count == 10_000)
        let expected = [
            0.8473695850105871, 0.25142862851836056, 0.24759485466749875, 0.23786120447054818,
            0.21222231333102937, 0.1674218111783417, 0.09681932619992668, 0.07849528290602335,
            0.07749729552991155, 0.07722132399559321,
        ]
        for (k, value) in expected.enumerated() {
            #expect(close(losses[k * 1000], value, rel: 1e-9), "iteration \(k * 1000)")
        }
    }

    @Test(arguments: languages)
    func matmulBackward(_ directory: String) throws {
        let e = try Self.evaluate(directory, "04-matmul-backward")
        let g = try Self.graph(e, with: ["x", "W"]) { $0["W"]?.value.shape == [3, 4] }
        #expect(g["x"]?.grad?.shape == [2, 3])
        #expect(g["W"]?.grad?.shape == [3, 4])
    }

    @Test(arguments: languages)
    func manualVersusAutomatic(_ directory: String) throws {
        let e = try Self.evaluate(directory, "07-manual-vs-automatic")
        let g = try Self.graph(e, with: ["x", "y"])
        #expect(close(scalar(g["y"]), 1.648721270700128))
        #expect(close(gradScalar(g["x"]), 3.297442541400256))
    }

    @Test(arguments: languages)
    func generations(_ directory: String) throws {
        let e = try Self.evaluate(directory, "08-generations")
        let squares = try Self.graph(e, with: ["x", "y", "z"])
        #expect(scalar(squares["z"]) == 13 && gradScalar(squares["x"]) == 4 && gradScalar(squares["y"]) == 6)
        let twice = try Self.graph(e, with: ["x", "y"]) { $0["x"]?.value == Tensor(3) && $0.variables.count == 2 }
        #expect(gradScalar(twice["x"]) == 2)
    }

    @Test(arguments: languages)
    func higherOrder(_ directory: String) throws {
        let e = try Self.evaluate(directory, "09-higher-order")
        let first = try Self.graph(e, with: ["x", "y"])
        #expect(gradScalar(first["x"]) == 24)
        let second = try Self.graph(e, with: ["x", "gx"])
        #expect(scalar(second["gx"]) == 24 && gradScalar(second["x"]) == 44)
    }
}
