import Autodiff

/// W2, W3, W6: the training workloads of DeZero steps 42, 43 and 48.
func benchmarkTraining(_ wanted: (String) -> Bool) throws {
    if wanted("W2") { try benchmarkW2() }
    if wanted("W3") { try benchmarkW3() }
    if wanted("W6") { try benchmarkW6() }
}

/// W2: step 42's linear regression, 10,000 iterations.
func benchmarkW2() throws {
    let n = 10_000
    var loss = 0.0
    let seconds = try best {
        let data = ToyData.linear(seed: 0, using: NumPyRandom(seed: 0))
        let x = Variable(data.x)
        let y = Variable(data.y)
        let W = Parameter(Tensor.zeros([1, 1]))
        let b = Parameter(Tensor.zeros([1]))
        let sgd = SGD(lr: 0.1)
        for _ in 0..<n {
            let l = try meanSquaredError(y, try matmul(x, W) + b)
            W.cleargrad()
            b.cleargrad()
            try l.backward()
            try sgd.update([W, b])
            loss = l.data.scalar ?? .nan
        }
    }
    report("W2", seconds: seconds, iterations: n, extra: ["final_loss": "\(loss)"])
}

/// W3: step 43's two-layer net, 10,000 iterations.
func benchmarkW3() throws {
    let n = 10_000
    var loss = 0.0
    let seconds = try best(repeats: 2) {
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
        for _ in 0..<n {
            let h = try sigmoid(try linear(x, W1, b1))
            let l = try meanSquaredError(y, try linear(h, W2, b2))
            for p in params { p.cleargrad() }
            try l.backward()
            try sgd.update(params)
            loss = l.data.scalar ?? .nan
        }
    }
    report("W3", seconds: seconds, iterations: n, extra: ["final_loss": "\(loss)"])
}

/// W6: step 48, the spiral with MLP((10, 3)), SGD lr 1, batch 30, 300 epochs.
func benchmarkW6() throws {
    let epochs = 300
    let batch = 30
    var average = 0.0
    let seconds = try best(repeats: 2) {
        let rng = NumPyRandom(seed: 0)
        let train = getSpiral(train: true, using: rng)
        let model = MLP([10, 3], generator: rng)
        let sgd = SGD(lr: 1.0)
        let size = train.labels.count
        let iterations = (size + batch - 1) / batch
        for _ in 0..<epochs {
            let index = rng.permutation(size)
            var total = 0.0
            for i in 0..<iterations {
                let rows = Array(index[(i * batch)..<Swift.min((i + 1) * batch, size)])
                let bx = Variable(try train.x.rows(rows))
                let bt = Variable(Tensor(rows.map { Double(train.labels[$0]) }))
                let loss = try softmaxCrossEntropy(try model(bx), bt)
                model.cleargrads()
                try loss.backward()
                try sgd.update(model)
                total += (loss.data.scalar ?? .nan) * Double(rows.count)
            }
            average = total / Double(size)
        }
    }
    report("W6", seconds: seconds, iterations: epochs, extra: ["final_loss": "\(average)"])
}
