import Autodiff
import Testing

/// The README's library example, kept compiling and correct.
@Suite struct ReadmeExampleTests {
    @Test func step42AsInTheReadme() throws {
        let data = ToyData.linear(seed: 0, using: NumPyRandom(seed: 0))
        let x = Variable(data.x)
        let y = Variable(data.y)
        let W = Parameter(Tensor.zeros([1, 1]))
        let b = Parameter(Tensor.zeros([1]))
        let sgd = SGD(lr: 0.1)
        for _ in 0..<100 {
            let loss = try meanSquaredError(y, try matmul(x, W) + b)
            W.cleargrad()
            b.cleargrad()
            try loss.backward()
            try sgd.update([W, b])
        }
        #expect(W.description == "variable([[2.118073690511974]])")
        #expect(b.description == "variable([5.466089050922982])")
    }
}
