import Autodiff
import Foundation
import Testing

/// Where a plain backward keeps gradients, and that it sums them in DeZero's order
/// however wide the graph is.
@Suite struct BackwardPassTests {
    @Test func gradientsAreKeptOrDroppedAsInDeZero() throws {
        let x = Variable(3.0)
        let a = try x * x
        let z = try a + a
        try z.backward()
        #expect(x.grad?.data == Tensor(12))
        #expect(a.grad == nil && z.grad == nil, "intermediate and output gradients are dropped")

        x.cleargrad()
        try z.backward(retainGrad: true)
        #expect(x.grad?.data == Tensor(12))
        #expect(a.grad?.data == Tensor(2) && z.grad?.data == Tensor(1))
    }

    @Test func aSecondBackwardAddsToGradientsKeptFromTheFirst() throws {
        // DeZero 0.0.13 prints 12, 2, 1 and then 36, None, None for these two calls.
        let x = Variable(3.0)
        let a = try x * x
        let z = try a + a
        try z.backward(retainGrad: true)
        try z.backward()
        #expect(x.grad?.data == Tensor(36))
        #expect(a.grad == nil && z.grad == nil)
    }

    @Test func aGivenOutputGradientIsUsedAndDropped() throws {
        let x = Variable(2.0)
        let y = try x * x * x
        y.grad = Variable(0.5)
        try y.backward()
        #expect(x.grad?.data == Tensor(6))
        #expect(y.grad == nil)
    }

    /// Nested sines u₁ = sin(x), u₂ = sin(u₁), … u₅ each feed many of `n` products
    /// that are summed as a balanced tree: hundreds of functions wait at once, of
    /// several generations, and each uₖ gathers its gradient from many products
    /// while its place in the queue moves up and down.
    static func wideGraph(_ x: Variable, n: Int) throws -> Variable {
        var u = [try sin(x)]
        for _ in 1..<5 { u.append(try sin(u[u.count - 1])) }
        var level = try (1...n).map { u[$0 % 5] * Double($0) }
        while level.count > 1 {
            var next: [Variable] = []
            for i in stride(from: 0, to: level.count, by: 2) {
                next.append(i + 1 < level.count ? try level[i] + level[i + 1] : level[i])
            }
            level = next
        }
        return level[0]
    }

    /// The same gradient by the chain rule written out in doubles.
    static func wideGraphGradient(_ x: Double, n: Int) -> Double {
        var value = x
        var slope = 1.0
        var slopes: [Double] = []
        for _ in 0..<5 {
            slope *= cos(value)
            value = sin(value)
            slopes.append(slope)
        }
        return (1...n).reduce(0) { $0 + Double($1) * slopes[$1 % 5] }
    }

    @Test(arguments: [3, 17, 300])
    func aWideGraphGivesTheSameBitsAsTheRecordedPass(n: Int) throws {
        let x1 = Variable(0.7)
        let x2 = Variable(0.7)
        let x3 = Variable(0.7)
        try Self.wideGraph(x1, n: n).backward()
        // The observed and the recorded passes keep every gradient in a variable.
        try Self.wideGraph(x2, n: n).backward(observe: { _ in })
        try Self.wideGraph(x3, n: n).backward(createGraph: true)
        let g = try #require(x1.grad?.data.scalar)
        #expect(x2.grad?.data.scalar == g)
        #expect(x3.grad?.data.scalar == g)
        #expect(close(g, Self.wideGraphGradient(0.7, n: n)))
    }

    @Test func aFunctionWithManyInputsIsDifferentiatedAndFreed() throws {
        // More inputs than the teardown keeps on the stack, each made by a function.
        let x = Variable(1.5)
        let terms = try (0..<100).map { x * Double($0) }
        let total = try SumOfInputs().apply(terms)
        let y = try total * total
        try y.backward()
        let s = 1.5 * 4950
        #expect(total.data == Tensor(s))
        #expect(x.grad?.data == Tensor(2 * s * 4950))
        #expect(total.creator?.inputs.count == 100)
    }

    @Test func aFailingBackwardLeavesTheGraphUsable() throws {
        let x = Variable(1.0)
        let terms = try (0..<40).map { x * Double($0) }
        let total = try SumOfInputs().apply(terms)
        // When the failing function is reached, `x * 2` waits in the queue with its gradient.
        let y = try FailingBackward().apply([total]) + x * 2
        #expect(throws: AutodiffError.self) { try y.backward() }
        #expect(x.grad == nil)
        // The pass was cut short; the graph below can still run one of its own.
        try total.backward()
        #expect(x.grad?.data == Tensor(780))
    }
}

/// The sum of any number of inputs of one shape.
final class SumOfInputs: Function {
    override func forward(_ xs: ForwardInputs) throws -> Tensor {
        try xs.dropFirst().reduce(xs[0]) { try $0 + $1 }
    }
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        xs.map { _ in gy }
    }
}

/// The identity, with a backward that always fails.
final class FailingBackward: Function {
    override func forward(_ xs: ForwardInputs) throws -> Tensor { xs[0] }
    override func backward<V: GradientValue>(_ gy: V, _ xs: [V], _ y: V) throws -> [V] {
        throw AutodiffError.invalid(op: "failing", message: "backward fails on purpose")
    }
}
