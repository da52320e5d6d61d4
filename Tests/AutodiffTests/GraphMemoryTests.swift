import Autodiff
import Testing

/// Deep graphs: no recursion in backward or in freeing, and finished graphs are released.
@Suite struct GraphMemoryTests {
    @Test func hundredThousandNodeChainBackward() throws {
        let x = Variable(1.0)
        var y = x
        for _ in 0..<100_000 { y = try y * 1.0001 + 0.0001 }
        try y.backward()
        let expected = Foundation_pow(1.0001, 100_000)
        #expect(close(x.grad?.data.scalar ?? .nan, expected, rel: 1e-9))
    }

    @Test func numbersInExpressionsGetNoGradient() throws {
        // `x * 2 + 1`: the 2 and the 1 are constants no one holds, so backward keeps
        // no gradient for them; a constant made as a Variable keeps its gradient as in DeZero.
        let x = Variable(3.0)
        let two = Variable(2.0)
        let y = try (x * 2 + 1) * two
        try y.backward(retainGrad: true)
        #expect(x.grad?.data == Tensor(4))
        #expect(two.grad?.data == Tensor(7))
        let plus = try #require(y.creator?.inputs.first?.creator)
        let literalOne = try #require(plus.inputs.last)
        #expect(literalOne.data == Tensor(1))
        #expect(literalOne.grad == nil)
        #expect(try #require(plus.inputs.first).grad?.data == Tensor(2), "an intermediate keeps its retained gradient")
        // On either side of the operator, and through a recorded backward too.
        let z = Variable(2.0)
        let w = try 3 / z - 1
        try w.backward(createGraph: true)
        #expect(z.grad?.data == Tensor(-0.75))
        #expect(w.creator?.inputs.last?.grad == nil)
    }

    @Test func chainIsReleasedWhenOutOfScope() throws {
        let x = Variable(1.0)
        weak var middle: Variable?
        weak var lastFunction: Function?
        do {
            var y = x
            for i in 0..<100_000 {
                y = try y * 1.0001
                if i == 50_000 { middle = y }
            }
            lastFunction = y.creator
            try y.backward()
            #expect(middle != nil)
        }
        #expect(middle == nil)
        #expect(lastFunction == nil)
        #expect(x.grad != nil)
    }

    @Test func noGradBuildsNoGraph() throws {
        let x = Variable(2.0)
        let y = try Config.withNoGrad { try square(x) }
        #expect(y.creator == nil)
        #expect(Config.enableBackprop)
    }
}

private func Foundation_pow(_ a: Double, _ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<n { r = r * a }
    return r
}
