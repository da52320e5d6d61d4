import Autodiff
import Testing

/// The training numbers of reference-numbers.md (DeZero steps 42 and 43), and
/// the layers and optimizers on the same problems.
@Suite struct TrainingTests {
    @Test func step42LinearRegression() throws {
        let rng = NumPyRandom(seed: 0)
        let data = ToyData.linear(seed: 0, using: rng)
        let x = Variable(data.x)
        let y = Variable(data.y)
        let W = Parameter(Tensor.zeros([1, 1]))
        let b = Parameter(Tensor.zeros([1]))
        var lastLoss = 0.0
        for _ in 0..<100 {
            let yPred = try matmul(x, W) + b
            let loss = try meanSquaredError(y, yPred)
            W.cleargrad()
            b.cleargrad()
            try loss.backward()
            lastLoss = loss.data.scalar ?? .nan
            try SGD(lr: 0.1).update([W, b])
        }
        #expect(abs((W.data.scalar ?? .nan) - 2.11807369) < 5e-9)
        #expect(abs((b.data.scalar ?? .nan) - 5.46608905) < 5e-9)
        #expect(close(lastLoss, 0.07908606512411756, rel: 1e-9))
    }

    static let step43Losses = [
        0.8473695850105871, 0.25142862851836056, 0.24759485466749875,
        0.23786120447054818, 0.21222231333102937, 0.1674218111783417,
        0.09681932619992668, 0.07849528290602335, 0.07749729552991155,
        0.07722132399559321,
    ]

    @Test func step43TwoLayerNet() throws {
        let rng = NumPyRandom(seed: 0)
        let data = ToyData.sine(seed: 0, using: rng)
        let x = Variable(data.x)
        let y = Variable(data.y)
        let W1 = Parameter(0.01 * (try Tensor.randn([1, 10], using: rng)))
        let b1 = Parameter(Tensor.zeros([10]))
        let W2 = Parameter(0.01 * (try Tensor.randn([10, 1], using: rng)))
        let b2 = Parameter(Tensor.zeros([1]))
        let params = [W1, b1, W2, b2]
        let sgd = SGD(lr: 0.2)
        var losses: [Double] = []
        for i in 0..<10_000 {
            let h = try sigmoid(try linear(x, W1, b1))
            let loss = try meanSquaredError(y, try linear(h, W2, b2))
            for p in params { p.cleargrad() }
            try loss.backward()
            try sgd.update(params)
            if i % 1000 == 0 { losses.append(loss.data.scalar ?? .nan) }
        }
        #expect(losses.count == 10)
        for (got, want) in zip(losses, Self.step43Losses) {
            #expect(close(got, want, rel: 1e-9), "got \(got), want \(want)")
        }
    }

    @Test func layersCollectParametersInOrder() throws {
        let model = MLP([10, 1], generator: NumPyRandom(seed: 0))
        _ = try model(Variable(Tensor.zeros([4, 1])))
        let shapes = model.params().map(\.shape)
        #expect(shapes == [[1, 10], [10], [10, 1], [1]])
        model.cleargrads()
        #expect(model.params().allSatisfy { $0.grad == nil })
    }

    final class TwoLayer: Model {
        let first = Linear(4, generator: NumPyRandom(seed: 1))
        let scale = Parameter(Tensor(2.0))
        let rest: [Layer] = [Linear(2, generator: NumPyRandom(seed: 2))]
        let unused: Parameter? = nil
    }

    @Test func reflectionFindsParametersOfCustomLayers() throws {
        let model = TwoLayer()
        _ = try model.rest[0](try model.first(Variable(Tensor.zeros([1, 3]))))
        #expect(model.params().map(\.shape) == [[3, 4], [4], [], [4, 2], [2]])
    }

    @Test func linearDrawsWeightsAsDeZeroDoes() throws {
        // DeZero: randn(I, O).astype(float32) * sqrt(1 / I), drawn at the first call.
        let layer = Linear(3, generator: NumPyRandom(seed: 0))
        _ = try layer(Variable(Tensor.zeros([2, 4])))
        let draws = try NumPyRandom(seed: 0).randn([4, 3])
        #expect(layer.W.data.scalars == draws.map { Double(Float($0)) * (1.0 / 4).squareRoot() })
        #expect(layer.W.shape == [4, 3])
    }

    @Test(arguments: ["sgd", "momentum", "adam"])
    func optimizersReduceTheLoss(_ name: String) throws {
        let rng = NumPyRandom(seed: 0)
        let data = ToyData.linear(seed: 0, using: rng)
        let model = MLP([1], generator: rng)
        let optimizer: Optimizer =
            name == "sgd" ? SGD(lr: 0.1) : name == "momentum" ? MomentumSGD(lr: 0.05) : Adam(alpha: 0.1)
        var first = 0.0
        var last = 0.0
        for i in 0..<200 {
            let loss = try meanSquaredError(Variable(data.y), try model(Variable(data.x)))
            model.cleargrads()
            try loss.backward()
            try optimizer.update(model)
            if i == 0 { first = loss.data.scalar ?? .nan }
            last = loss.data.scalar ?? .nan
        }
        #expect(last < first / 10)
    }

    @Test func adamFirstStepMovesByAlpha() throws {
        // With bias correction the first Adam step is alpha · g / (|g| + eps·…) ≈ alpha · sign(g).
        let p = Parameter(Tensor([1.0, -1.0]))
        p.grad = Variable(Tensor([0.5, -2.0]))
        try Adam(alpha: 0.1).update([p])
        #expect(close(p.data.scalars[0], 0.9, rel: 1e-6))
        #expect(close(p.data.scalars[1], -0.9, rel: 1e-6))
    }

    @Test func spiralClassifierLearns() throws {
        let rng = NumPyRandom(seed: 0)
        let train = getSpiral(train: true, using: NumPyRandom(seed: 0))
        let model = MLP([10, 3], generator: rng)
        let optimizer = SGD(lr: 1.0)
        var losses: [Double] = []
        for _ in 0..<30 {
            let loss = try softmaxCrossEntropy(try model(Variable(train.x)), Variable(train.t))
            model.cleargrads()
            try loss.backward()
            try optimizer.update(model)
            losses.append(loss.data.scalar ?? .nan)
        }
        #expect(losses.last ?? .nan < losses[0])
        let acc = try accuracy(try model(Variable(train.x)), Variable(train.t))
        #expect((acc.data.scalar ?? 0) > 0.4)
    }
}
