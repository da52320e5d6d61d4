import Autodiff

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// W1: f(x, y) = (x + σ(y)) / (σ(x) + (x + y)²) at (3, −4), built and backpropagated 20,000 times.
func benchmarkW1() throws {
    let n = 20_000
    var gx = 0.0
    let seconds = try best {
        for _ in 0..<n {
            let x = Variable(3.0)
            let y = Variable(-4.0)
            let f = try (x + sigmoid(y)) / (try sigmoid(x) + square(try x + y))
            try f.backward()
            gx = x.grad?.data.scalar ?? .nan
        }
    }
    report("W1", seconds: seconds, iterations: n, extra: ["dfdx": "\(gx)"])
}

/// W4: the chain y = y·1.0001 + 0.0001 forward and backward, 10,000 and 1,000,000 steps.
///
/// The 10k figure compared with DeZero and PyTorch is the fastest single chain,
/// as theirs is. The 1M chain's growth over the 10k one is measured in rounds
/// that each time 100 chains of 10k steps back to back and then one of 1M (the
/// same number of steps, over the same stretch of time): this machine's speed
/// drifts over seconds, and a lone 4 ms run can catch a quiet moment that a
/// half-second run cannot.
func benchmarkW4() throws {
    var grad = 0.0
    let short = try best(repeats: 5) { grad = try chain(10_000) }
    report("W4", seconds: short, iterations: 10_000, extra: ["grad": "\(grad)"])

    _ = try chain(1_000_000)  // maps the memory the long chain needs
    var long = Double.infinity
    var batched = Double.infinity
    for _ in 0..<3 {
        batched = Swift.min(batched, try timed { for _ in 0..<100 { _ = try chain(10_000) } } / 100)
        long = Swift.min(long, try timed { grad = try chain(1_000_000) })
    }
    report(
        "W4-1M", seconds: long, iterations: 1_000_000,
        extra: ["grad": "\(grad)", "chain_10k_in_rounds": "\(batched)"])
}

/// Builds the chain of `steps` steps, backpropagates, frees it, and returns dy/dx.
func chain(_ steps: Int) throws -> Double {
    let x = Variable(1.0)
    var y = x
    for _ in 0..<steps { y = y * 1.0001 + 0.0001 }
    try y.backward()
    return x.grad?.data.scalar ?? .nan
}

/// W5: a 256×256 matmul forward and backward, 50 times.
func benchmarkW5() throws {
    var state: UInt64 = 42
    func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
    let a = try Tensor(shape: [256, 256], scalars: (0..<65536).map { _ in next() })
    let b = try Tensor(shape: [256, 256], scalars: (0..<65536).map { _ in next() })
    let n = 50
    let faultsBefore = pageFaults()
    let seconds = try best {
        for _ in 0..<n {
            let x = Variable(a)
            let w = Variable(b)
            let y = try matmul(x, w)
            try y.backward()
        }
    }
    // best() runs the loop four times (a warm-up and three timed runs).
    let faultsPerIteration = Double(pageFaults() - faultsBefore) / Double(4 * n)
    report(
        "W5", seconds: seconds, iterations: n,
        extra: [
            "blas": Tensor.blasLibrary.map { "\"\($0)\"" } ?? "null",
            "page_faults_per_iter": "\(faultsPerIteration)",
        ])
}

/// Minor page faults of the process so far: memory the kernel had to hand out and zero.
func pageFaults() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return usage.ru_minflt
}
