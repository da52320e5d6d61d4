import Autodiff
import Testing

/// Optimizers and layers report misuse instead of skipping it or building broken tensors.
@Suite struct OptimizerErrorTests {
    @Test(arguments: ["sgd", "momentum", "adam"])
    func aGradientOfAnotherShapeIsAnErrorAndNothingMoves(_ name: String) throws {
        let optimizer: Optimizer = name == "sgd" ? SGD(lr: 0.1) : name == "momentum" ? MomentumSGD() : Adam()
        let good = Parameter(Tensor.ones([2]), name: "good")
        good.grad = Variable(Tensor.ones([2]))
        let bad = Parameter(Tensor.ones([2, 2]), name: "W")
        bad.grad = Variable(Tensor.ones([3]))
        #expect(throws: AutodiffError.self) { try optimizer.update([good, bad]) }
        #expect(good.data == Tensor.ones([2]) && bad.data == Tensor.ones([2, 2]))
    }

    @Test func aLayerOfNegativeSizeThrowsAtItsFirstCall() throws {
        let layer = Linear(-3, inSize: 2)
        #expect(layer.inSize == nil)
        #expect(throws: AutodiffError.self) { try layer(Variable(Tensor.ones([4, 2]))) }
        #expect(layer.W.data.count == layer.W.data.shape.reduce(1, *))
        #expect(layer.b?.data.shape == [0])
    }
}
