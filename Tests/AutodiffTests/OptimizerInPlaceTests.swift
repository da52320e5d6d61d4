import Autodiff
import Testing

/// The optimizers change a parameter's numbers in place: each step gives, bit for
/// bit, what the rule written with whole-tensor operations gives (DeZero's lines),
/// and a copy of a parameter's value taken before a step keeps its numbers.
@Suite struct OptimizerInPlaceTests {
    static let shapes: [[Int]] = [[], [1], [3, 4], [1, 1]]

    static func bits(_ t: Tensor) -> [UInt64] { t.shape.map(UInt64.init) + t.scalars.map(\.bitPattern) }

    /// Runs `rounds` steps of `optimizer` and of `reference` (the rule on whole tensors) side by side.
    static func expectSame(
        _ optimizer: Optimizer, rounds: Int = 6,
        reference: (_ round: Int, _ index: Int, _ p: Tensor, _ g: Tensor) throws -> Tensor
    ) throws {
        var random = SplitMix64(state: 42)
        let params = shapes.map { Parameter(random.tensor($0)) }
        var expected = params.map(\.data)
        for round in 1...rounds {
            let grads = params.map { random.tensor($0.shape) }
            let before = params.map(\.data)
            let beforeBits = expected.map(bits)
            try optimizer.update(params, grads: grads)
            for k in params.indices {
                expected[k] = try reference(round, k, expected[k], grads[k])
                #expect(bits(params[k].data) == bits(expected[k]), "round \(round), param \(k)")
            }
            // The copies taken before the step still hold the numbers before it.
            #expect(before.map(bits) == beforeBits)
            #expect(before.map(bits) != params.map { bits($0.data) })
        }
    }

    @Test func sgd() throws {
        try Self.expectSame(SGD(lr: 0.1)) { _, _, p, g in try p - 0.1 * g }
    }

    @Test func momentum() throws {
        var velocities: [Int: Tensor] = [:]
        try Self.expectSame(MomentumSGD(lr: 0.05, momentum: 0.8)) { _, k, p, g in
            let v = try 0.8 * (velocities[k] ?? Tensor.full(like: p, 0)) - 0.05 * g
            velocities[k] = v
            return try p + v
        }
    }

    @Test func adam() throws {
        let (alpha, b1, b2, eps) = (0.1, 0.8, 0.99, 1e-6)
        var moments: [Int: (m: [Double], v: [Double])] = [:]
        let adam = Adam(alpha: alpha, beta1: b1, beta2: b2, eps: eps)
        try Self.expectSame(adam) { _, k, p, g in
            // The step's size as Adam says it (its count of steps already moved on).
            let lr = adam.lr
            var (m, v) = moments[k] ?? ([Double](repeating: 0, count: p.count), [Double](repeating: 0, count: p.count))
            var out = p.scalars
            for (i, gi) in g.scalars.enumerated() {
                m[i] += (1 - b1) * (gi - m[i])
                v[i] += (1 - b2) * (gi * gi - v[i])
                out[i] -= lr * m[i] / (v[i].squareRoot() + eps)
            }
            moments[k] = (m, v)
            return try Tensor(shape: p.shape, scalars: out)
        }
    }

    /// A gradient of another shape updates nothing, before or after the in-place change.
    @Test func aGradientOfAnotherShapeUpdatesNothing() {
        let p = Parameter(Tensor([1, 2]))
        let q = Parameter(Tensor([3, 4]))
        #expect(throws: AutodiffError.self) { try SGD(lr: 1).update([q, p], grads: [Tensor([1, 1]), Tensor(1)]) }
        #expect(p.data == Tensor([1, 2]) && q.data == Tensor([3, 4]))
    }
}
