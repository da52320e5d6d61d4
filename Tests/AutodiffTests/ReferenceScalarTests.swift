import Autodiff
import Testing

/// The scalar numbers of reference-numbers.md (CS231n lecture 5, DeZero steps 7–34).
@Suite struct ReferenceScalarTests {
    @Test func chainRuleProductOfSum() throws {
        let x = Variable(-2.0)
        let y = Variable(5.0)
        let z = Variable(-4.0)
        let f = try (x + y) * z
        try f.backward()
        #expect(f.data.scalar == -12)
        #expect(x.grad?.data.scalar == -4)
        #expect(y.grad?.data.scalar == -4)
        #expect(z.grad?.data.scalar == 3)
    }

    @Test func sigmoidNeuron() throws {
        let w = [Variable(2.0), Variable(-3.0), Variable(-3.0)]
        let x = [Variable(-1.0), Variable(-2.0)]
        let f = try sigmoid(try (try w[0] * x[0]) + (try w[1] * x[1]) + w[2])
        try f.backward()
        #expect(close(f.data.scalar ?? .nan, 0.7310585786300049))
        #expect(close(x[0].grad?.data.scalar ?? .nan, 0.3932238664829637))
        #expect(close(x[1].grad?.data.scalar ?? .nan, -0.5898357997244456))
        #expect(close(w[0].grad?.data.scalar ?? .nan, -0.19661193324148185))
        #expect(close(w[1].grad?.data.scalar ?? .nan, -0.3932238664829637))
        #expect(close(w[2].grad?.data.scalar ?? .nan, 0.19661193324148185))
    }

    @Test func sigmoidNeuronAsVectors() throws {
        let w = Variable(Tensor([2, -3]))
        let b = Variable(-3.0)
        let x = Variable(Tensor([-1, -2]))
        let f = try sigmoid(try sum(try w * x) + b)
        try f.backward()
        #expect(close(x.grad?.data, Tensor([0.3932238664829637, -0.5898357997244456])))
        #expect(close(w.grad?.data, Tensor([-0.19661193324148185, -0.3932238664829637])))
        #expect(close(b.grad?.data.scalar ?? .nan, 0.19661193324148185))
    }

    @Test func variablesUsedTwiceAccumulate() throws {
        let x = Variable(3.0)
        let y = Variable(-4.0)
        let num = try x + sigmoid(y)
        let den = try sigmoid(x) + square(try x + y)
        let f = try num / den
        try f.backward()
        #expect(close(f.data.scalar ?? .nan, 1.5456448841066441))
        #expect(close(x.grad?.data.scalar ?? .nan, 2.0595697955721652))
        #expect(close(y.grad?.data.scalar ?? .nan, 1.5922327514838093))
    }

    @Test func step7SquareExpSquare() throws {
        let x = Variable(0.5)
        let y = try square(try exp(try square(x)))
        try y.backward()
        #expect(close(y.data.scalar ?? .nan, 1.648721270700128))
        #expect(close(x.grad?.data.scalar ?? .nan, 3.297442541400256))
    }

    @Test func step13SumOfSquares() throws {
        let x = Variable(2.0)
        let y = Variable(3.0)
        let z = try square(x) + square(y)
        try z.backward()
        #expect(z.data.scalar == 13)
        #expect(x.grad?.data.scalar == 4)
        #expect(y.grad?.data.scalar == 6)
    }

    @Test func step14SameVariableTwice() throws {
        let x = Variable(3.0)
        let y = try x + x
        try y.backward()
        #expect(x.grad?.data.scalar == 2)
        // A second backward after cleargrad starts over rather than adding.
        x.cleargrad()
        let y2 = try (try x + x) + x
        try y2.backward()
        #expect(x.grad?.data.scalar == 3)
    }

    @Test func intermediateGradsAreFreedUnlessRetained() throws {
        let x = Variable(2.0)
        let a = try square(x)
        let y = a * 3.0
        try y.backward()
        #expect(a.grad == nil)
        x.cleargrad()
        let b = try square(x)
        let y2 = b * 3.0
        try y2.backward(retainGrad: true)
        #expect(b.grad?.data.scalar == 3)
    }

    @Test func printsLikeDeZero() throws {
        #expect(Variable(try Tensor(rows: [[1, 2], [3, 4]])).description == "variable([[1. 2.]\n          [3. 4.]])")
        #expect(Variable(0.5).description == "variable(0.5)")
        #expect(Variable(Tensor([1, 2.5])).description == "variable([1.  2.5])")
    }
}
