import Autodiff
import Testing

/// Deep graphs: no recursion in backward or in freeing, and finished graphs are released.
@Suite struct GraphMemoryTests {
    @Test func hundredThousandNodeChainBackward() throws {
        let x = Variable(1.0)
        var y = x
        for _ in 0..<100_000 { y = y * 1.0001 + 0.0001 }
        try y.backward()
        let expected = Foundation_pow(1.0001, 100_000)
        #expect(close(x.grad?.data.scalar ?? .nan, expected, rel: 1e-9))
    }

    @Test func numbersInExpressionsAreKeptInTheirFunction() throws {
        // `x * 2 + 1`: the 2 and the 1 live in their functions, not in variables,
        // so each step is one node; a constant made as a Variable is an input with a gradient, as in DeZero.
        let x = Variable(3.0)
        let two = Variable(2.0)
        let y = try (x * 2 + 1) * two
        try y.backward(retainGrad: true)
        #expect(x.grad?.data == Tensor(4))
        #expect(two.grad?.data == Tensor(7))
        let plus = try #require(y.creator?.inputs.first?.creator)
        #expect(plus.inputs.count == 1)
        #expect(plus.label == "+")
        #expect(try #require(plus.inputs.first).grad?.data == Tensor(2), "an intermediate keeps its retained gradient")
        let times = try #require(plus.inputs.first?.creator)
        #expect(times.inputs.count == 1 && times.inputs.first === x)
        #expect(times.derivativeTexts == ["∂y/∂x = 2"])
        // On either side of the operator, and through a recorded backward too.
        let z = Variable(2.0)
        let w = 3 / z - 1
        try w.backward(createGraph: true)
        #expect(z.grad?.data == Tensor(-0.75))
        #expect(w.creator?.inputs.count == 1)
    }

    @Test func numbersOnEitherSideGiveDeZerosValuesAndGradients() throws {
        // Each folded form against the same expression with the number as a variable (DeZero's way).
        let cases: [(String, (Variable, Double) throws -> Variable, (Variable, Variable) throws -> Variable)] = [
            ("x + c", { $0 + $1 }, { try $0 + $1 }), ("c + x", { $1 + $0 }, { try $1 + $0 }),
            ("x - c", { $0 - $1 }, { try $0 - $1 }), ("c - x", { $1 - $0 }, { try $1 - $0 }),
            ("x * c", { $0 * $1 }, { try $0 * $1 }), ("c * x", { $1 * $0 }, { try $1 * $0 }),
            ("x / c", { $0 / $1 }, { try $0 / $1 }), ("c / x", { $1 / $0 }, { try $1 / $0 }),
        ]
        let start = try Tensor(rows: [[0.3, -1.7, 2.9], [4.1, -0.6, 1.3]])
        for (name, folded, asVariable) in cases {
            for c in [0.7, -3.0, 1.0001] {
                let a = Variable(start)
                let b = Variable(start)
                let y1 = try sum(try square(try folded(a, c)))
                let y2 = try sum(try square(try asVariable(b, Variable(c))))
                try y1.backward()
                try y2.backward()
                #expect(y1.data == y2.data, "\(name), c = \(c)")
                #expect(a.grad?.data == b.grad?.data, "\(name), c = \(c)")
                // Second derivative through a recorded backward.
                let p = Variable(1.9)
                let q = Variable(1.9)
                let f1 = try square(try folded(p, c))
                let f2 = try square(try asVariable(q, Variable(c)))
                try f1.backward(createGraph: true)
                try f2.backward(createGraph: true)
                let g1 = try #require(p.grad)
                let g2 = try #require(q.grad)
                p.cleargrad()
                q.cleargrad()
                try g1.backward()
                try g2.backward()
                #expect(p.grad?.data == q.grad?.data, "\(name) second derivative, c = \(c)")
            }
        }
    }

    @Test func chainIsReleasedWhenOutOfScope() throws {
        let x = Variable(1.0)
        weak var middle: Variable?
        weak var lastFunction: Function?
        do {
            var y = x
            for i in 0..<100_000 {
                y = y * 1.0001
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

    @Test func chainThroughAThirdInputIsReleased() throws {
        // The chain runs through linear's bias, the input past the two held inline.
        let x = Variable(Tensor.ones([1, 1]))
        let W = Variable(Tensor.ones([1, 1]))
        weak var middle: Variable?
        do {
            var y = Variable(Tensor.zeros([1, 1]))
            for i in 0..<100_000 {
                y = try linear(x, W, y)
                if i == 50_000 { middle = y }
            }
            #expect(y.data == Tensor.full([1, 1], 100_000))
            #expect(middle != nil)
        }
        #expect(middle == nil)
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
