import Autodiff
import Testing

/// A graph replayed on new leaf values (``GraphReplay``) gives, bit for bit, the
/// values and gradients of the same graph built again on them.
@Suite struct GraphReplayTests {
    /// A graph with broadcasting, a node used twice, a number kept in its function,
    /// a three-input `linear` and a reduction.
    static func build(_ w: Variable, _ b: Variable, _ x: Variable) throws -> (h: Variable, loss: Variable) {
        let h = try tanh(try linear(x, w, b)) * 0.5
        let u = try sigmoid(try h * h + b) - exp(-h)
        let loss = try sum(try u * h) + sum(try square(w))
        return (h, loss)
    }

    static func bits(_ t: Tensor?) -> [UInt64] {
        (t?.shape.map(UInt64.init) ?? [9]) + (t?.scalars.map(\.bitPattern) ?? [])
    }

    @Test func replayGivesTheNumbersOfARebuiltGraph() throws {
        let rng = NumPyRandom(seed: 3)
        let w = Parameter(try Tensor.randn([3, 4], using: rng))
        let b = Parameter(try Tensor.randn([4], using: rng))
        let x = Variable(try Tensor.randn([5, 3], using: rng))
        let (h, loss) = try Self.build(w, b, x)
        let replay = try #require(GraphReplay(outputs: [h], loss: loss, leaves: [w, b]))
        for _ in 0..<3 {
            // New params (as an update gives) and new data rows of the same shape.
            w.data = try w.data - 0.1 * Tensor.randn([3, 4], using: rng)
            b.data = try b.data * 0.5
            x.data = try Tensor.randn([5, 3], using: rng)
            try replay.forward()
            let grads = try replay.backward()
            let (w2, b2, x2) = (Parameter(w.data), Parameter(b.data), Variable(x.data))
            let (h2, loss2) = try Self.build(w2, b2, x2)
            try loss2.backward()
            #expect(Self.bits(loss.data) == Self.bits(loss2.data))
            #expect(Self.bits(h.data) == Self.bits(h2.data))
            #expect(Self.bits(grads[0]) == Self.bits(w2.grad?.data))
            #expect(Self.bits(grads[1]) == Self.bits(b2.grad?.data))
            // The replay sets no gradient on the graph's own variables.
            #expect(w.grad == nil && x.grad == nil && h.grad == nil)
        }
    }

    /// A leaf the loss does not reach gets no gradient, as a built graph gives it none.
    @Test func aLeafTheLossDoesNotReachHasNoGradient() throws {
        let w = Parameter(Tensor([1, 2]))
        let unused = Parameter(Tensor(3))
        let loss = try sum(w * w)
        let replay = try #require(GraphReplay(outputs: [loss], loss: loss, leaves: [w, unused]))
        try replay.forward()
        let grads = try replay.backward()
        #expect(grads[0] == Tensor([2, 4]))
        #expect(grads[1] == nil)
    }

    /// A loss no function made has nothing to replay.
    @Test func aLeafLossHasNothingToReplay() {
        let w = Parameter(Tensor(2))
        #expect(GraphReplay(outputs: [w], loss: w, leaves: [w]) == nil)
    }
}
