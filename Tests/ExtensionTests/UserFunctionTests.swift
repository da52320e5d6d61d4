import Autodiff
import Testing

// What a user of the library writes in their own package: new functions with
// `forward` and `backward` only, called like functions, and a new optimizer.

/// y = x³, as DeZero's book would write it.
final class Cube: UnaryFunction {
    override func forward(_ x: Tensor) throws -> Tensor { x.map { $0 * $0 * $0 } }
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        try gy * x.power(2).scaled(by: 3)
    }
}

/// y = a·eᵇ, two inputs, written with the backward's `exp`.
final class TimesExp: BinaryFunction {
    override func forward(_ a: Tensor, _ b: Tensor) throws -> Tensor { try a * b.exp() }
    override func backward<V: GradientValue>(_ gy: V, _ a: V, _ b: V, _ y: V) throws -> (V, V) {
        (try gy * b.exp(), try gy * y)
    }
}

/// y = a + b + c, any number of inputs.
final class Sum3: Function {
    override func forward(_ xs: ForwardInputs) throws -> Tensor { try xs[0] + xs[1] + xs[2] }
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] { [gy, gy, gy] }
}

/// Gradient descent that halves its step every update.
final class HalvingSGD: Optimizer {
    var lr = 1.0
    override func willUpdate() { lr /= 2 }
    override func updateOne(_ p: Parameter, grad: Tensor) throws { p.data = try p.data - lr * grad }
}

@Suite struct UserFunctionTests {
    @Test func aUserFunctionIsCalledLikeOneAndDifferentiated() throws {
        let x = Variable(2.0)
        let y = try Cube()(x)
        #expect(y.data == Tensor(8))
        try y.backward(createGraph: true)
        #expect(x.grad?.data == Tensor(12))
        // Its backward is recorded too: the second derivative 6x.
        let gx = try #require(x.grad)
        x.cleargrad()
        try gx.backward()
        #expect(x.grad?.data == Tensor(12))
    }

    @Test func twoInputsMatchCentralDifferences() throws {
        let a = Tensor([0.5, -1.5])
        let b = Tensor([0.25, 0.75])
        let results = try gradientCheck([a, b]) { vs in try sum(try TimesExp()(vs[0], vs[1])) }
        #expect(results.allSatisfy { $0.passed })
        let x = Variable(1.0)
        #expect(try Sum3()(x, x, x).data == Tensor(3))
    }

    @Test func aUserOptimizerSteps() throws {
        let p = Parameter(Tensor(1.0))
        let optimizer = HalvingSGD()
        for _ in 0..<2 {
            p.cleargrad()
            try (p * p).backward()
            try optimizer.update([p])
        }
        // 1 − 0.5·2 = 0, then 0 − 0.25·0 = 0.
        #expect(p.data == Tensor(0))
    }

    @Test func aFunctionGivenTheWrongNumberOfInputsSaysSo() {
        #expect(throws: AutodiffError.self) { try Cube().apply([Variable(1.0), Variable(2.0)]) }
        #expect(throws: AutodiffError.self) { try TimesExp().apply([Variable(1.0)]) }
    }
}
