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
