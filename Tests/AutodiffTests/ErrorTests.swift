import Autodiff
import Testing

/// Bad shapes are thrown errors whose messages name the operation and shapes.
@Suite struct ErrorTests {
    @Test func matmulShapesDoNotAlign() throws {
        let a = Variable(Tensor.zeros([2, 3]))
        #expect(throws: AutodiffError.matmul(lhs: [2, 3], rhs: [2, 3])) { try matmul(a, a) }
        #expect(
            AutodiffError.matmul(lhs: [2, 3], rhs: [2, 3]).description
                == "matmul: shapes (2, 3) and (2, 3) do not align (3 ≠ 2)")
    }

    @Test func broadcastFailureNamesBothShapes() throws {
        let a = Variable(Tensor.zeros([2, 3]))
        let b = Variable(Tensor.zeros([2]))
        do {
            _ = try a + b
            Issue.record("expected an error")
        } catch let error as AutodiffError {
            #expect(error.description == "add: shapes (2, 3) and (2,) cannot be broadcast together")
        }
        #expect(throws: AutodiffError.broadcast(op: "mul", lhs: [3], rhs: [4])) {
            try Variable(Tensor.zeros([3])) * Variable(Tensor.zeros([4]))
        }
    }

    @Test func badAxis() throws {
        let x = Variable(Tensor.zeros([2, 3]))
        #expect(throws: AutodiffError.axis(op: "sum", axis: 2, rank: 2)) { try sum(x, axes: [2]) }
        #expect(
            AutodiffError.axis(op: "sum", axis: 2, rank: 2).description
                == "sum: axis 2 is out of bounds for a tensor of rank 2")
        #expect(throws: AutodiffError.self) { try max(x, axis: -3) }
        #expect(throws: AutodiffError.self) { try transpose(x, axes: [0, 0]) }
    }

    @Test func reshapeToWrongSize() throws {
        let x = Variable(Tensor.zeros([2, 3]))
        #expect(throws: AutodiffError.reshape(from: [2, 3], to: [4])) { try reshape(x, [4]) }
        #expect(
            AutodiffError.reshape(from: [2, 3], to: [4]).description
                == "reshape: cannot reshape a tensor of shape (2, 3) (6 elements) into (4,)")
        #expect(throws: AutodiffError.self) { try reshape(x, [-1, -1]) }
        #expect(try reshape(x, [3, -1]).shape == [3, 2])
    }

    @Test func otherMisuseIsThrownNotTrapped() throws {
        #expect(throws: AutodiffError.self) { try Tensor(shape: [2, 2], scalars: [1, 2, 3]) }
        #expect(throws: AutodiffError.self) { try Tensor(rows: [[1, 2], [3]]) }
        #expect(throws: AutodiffError.self) { try sumTo(Variable(Tensor.zeros([2, 3])), [4]) }
        #expect(throws: AutodiffError.self) { try broadcastTo(Variable(Tensor.zeros([2])), [3]) }
        #expect(throws: AutodiffError.self) { try getItem(Variable(Tensor.zeros([2, 2])), rows: [5]) }
        #expect(throws: AutodiffError.self) { try max(Variable(Tensor.zeros([0]))) }
        #expect(throws: AutodiffError.self) {
            try softmaxCrossEntropy(Variable(Tensor.zeros([2, 3])), Variable(Tensor([0, 7])))
        }
        #expect(throws: AutodiffError.self) { try linear(Variable(Tensor.zeros([3])), Variable(Tensor.zeros([3, 2]))) }
        #expect(throws: AutodiffError.self) {
            try matmul(Variable(Tensor.zeros([2, 2, 2])), Variable(Tensor.zeros([2])))
        }
    }
}
