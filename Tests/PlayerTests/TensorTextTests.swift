import Autodiff
import Testing

@testable import Player

/// One tensor formatter for nodes, panels, export and text: the true nesting
/// of the shape, small tensors whole, larger ones cut with their shape and `…`.
@Suite struct TensorTextTests {
    func tensor(_ shape: [Int], _ scalars: [Double]) throws -> Tensor { try Tensor(shape: shape, scalars: scalars) }

    @Test func everyShapeKeepsItsNesting() throws {
        #expect(TensorText.inline(Tensor(2.5)) == "2.5")
        #expect(TensorText.inline(try tensor([3], [1, 2, 3])) == "[1 2 3]")
        #expect(TensorText.inline(try tensor([1, 2], [1, 1])) == "[[1 1]]")
        #expect(TensorText.inline(try tensor([2, 1], [1, 1])) == "[[1] [1]]", "a column prints as a column")
        #expect(TensorText.inline(try tensor([3, 1], [0.5211, -0.1054, 0.04355])) == "[[0.5211] [−0.1054] [0.04355]]")
        #expect(TensorText.inline(try tensor([2, 3], [1, 2, 3, 4, 5, 6])) == "[[1 2 3] [4 5 6]]")
        #expect(TensorText.inline(try tensor([2, 2, 2], (1...8).map(Double.init))) == "[[[1 2] [3 4]] [[5 6] [7 8]]]")
        #expect(TensorText.inline(try tensor([2], [.nan, -.infinity])) == "[nan −inf]")
        #expect(TensorText.inline(try tensor([2], [.nan, -.infinity]), ascii: true) == "[nan -inf]")
    }

    @Test func aLargeTensorSaysItsShapeAndWhereItIsCut() throws {
        let row = try tensor([1, 10], (0..<10).map { Double($0) / 10 })
        #expect(TensorText.inline(row) == "(1, 10) [[0 0.1 0.2 0.3 …]]")
        let column = try tensor([10, 1], (0..<10).map { Double($0) / 10 })
        #expect(TensorText.inline(column) == "(10, 1) [[0] [0.1] [0.2] [0.3] …]")
        #expect(TensorText.inline(column, shape: false) == "[[0] [0.1] [0.2] [0.3] …]")
        let cube = try tensor([4, 2, 5], (0..<40).map(Double.init))
        #expect(TensorText.inline(cube, limit: 2) == "(4, 2, 5) [[[0 1 …] [5 6 …]] [[10 11 …] [15 16 …]] …]")
        #expect(TensorText.inline(try tensor([2, 5], Array(repeating: 1, count: 10))) == "ones(2, 5)")
        // A repeated value names its shape as NumPy writes it: (4,) is a shape, (4) would be the number 4.
        #expect(TensorText.inline(try tensor([5], Array(repeating: 2, count: 5))) == "full((5,), 2)")
        // Up to four elements an axis are written out, a repeated value too.
        #expect(TensorText.inline(try tensor([4], Array(repeating: 2, count: 4))) == "[2 2 2 2]")
        #expect(TensorText.inline(try tensor([2, 5], Array(repeating: -3, count: 10))) == "full((2, 5), −3)")
    }

    @Test func matricesLineUpAndMarkWhatIsLeftOut() throws {
        let m = try tensor([2, 3], [1, -2, 3.5, 4, 5, 6])
        #expect(TensorText.matrix(m) == ["[[1 −2 3.5]", " [4  5   6]]"])
        let column = try tensor([2, 1], [1, 1])
        #expect(TensorText.matrix(column) == ["[[1]", " [1]]"])
        let big = try tensor([5, 5], (0..<25).map(Double.init))
        #expect(TensorText.matrix(big, maxRows: 3, maxColumns: 3) == ["[[0 1 …]", " [5 6 …]", " …]"])
        let blocks = try tensor([2, 1, 2], [1, 2, 3, 4])
        #expect(TensorText.matrix(blocks) == ["(2, 1, 2)", "[[[1 2]]", " …]"])
        // One matrix beyond two axes: all of it, in all its brackets.
        let one = try tensor([1, 2, 3], [1, 2, 3, 4, 5, 6])
        #expect(TensorText.matrix(one) == ["(1, 2, 3)", "[[[1 2 3]", "  [4 5 6]]]"])
        // The box says the shape once, above the numbers.
        let lines = NodeText.valueLines(one, level: .rich, ascii: false).map(\.text)
        #expect(lines.filter { $0 == "(1, 2, 3)" }.count == 1, "\(lines)")
    }

    @Test func exportWritesNumbersAsTheScreensDo() throws {
        #expect(TensorText.value(Tensor(0.0769868)) == "0.0769868")
        #expect(TensorText.value(Tensor(544916)) == "544916")
        #expect(TensorText.value(Tensor(7.1e10)) == "7.1e10")
        #expect(TensorText.value(try tensor([2, 1], [1e-7, 2.4e256])) == "[[1e-7] [2.4e256]]")
    }
}
