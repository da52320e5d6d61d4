import Autodiff

/// W1: f(x, y) = (x + σ(y)) / (σ(x) + (x + y)²) at (3, −4), built and backpropagated 20,000 times.
func benchmarkW1() throws {
    let n = 20_000
    var gx = 0.0
    let seconds = try best {
        for _ in 0..<n {
            let x = Variable(3.0), y = Variable(-4.0)
            let f = try (x + sigmoid(y)) / (try sigmoid(x) + square(try x + y))
            try f.backward()
            gx = x.grad?.data.scalar ?? .nan
        }
    }
    report("W1", seconds: seconds, iterations: n, extra: ["dfdx": "\(gx)"])
}

/// W4: the chain y = y·1.0001 + 0.0001 forward and backward, 10,000 and 1,000,000 steps.
func benchmarkW4() throws {
    for steps in [10_000, 1_000_000] {
        var grad = 0.0
        let seconds = try best(repeats: steps > 100_000 ? 1 : 5) {
            let x = Variable(1.0)
            var y = x
            for _ in 0..<steps { y = try y * 1.0001 + 0.0001 }
            try y.backward()
            grad = x.grad?.data.scalar ?? .nan
        }
        report(steps == 10_000 ? "W4" : "W4-1M", seconds: seconds, iterations: steps, extra: ["grad": "\(grad)"])
    }
}

/// W5: a 256×256 matmul forward and backward, 50 times.
func benchmarkW5() throws {
    var state: UInt64 = 42
    func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
    let a = try Tensor(shape: [256, 256], scalars: (0..<65536).map { _ in next() })
    let b = try Tensor(shape: [256, 256], scalars: (0..<65536).map { _ in next() })
    let n = 50
    let seconds = try best {
        for _ in 0..<n {
            let x = Variable(a), w = Variable(b)
            let y = try matmul(x, w)
            try y.backward()
        }
    }
    report("W5", seconds: seconds, iterations: n)
}
