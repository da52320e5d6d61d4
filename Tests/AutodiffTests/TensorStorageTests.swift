import Testing

@testable import Autodiff

/// A one-element tensor keeps its value inline, any other its array: both
/// must behave as the same public `Tensor` (values, equality, mutation, printing).
@Suite struct TensorStorageTests {
    @Test func oneElementIsInlineAndOthersAreArrays() throws {
        #expect(Tensor(3).elements == nil)
        #expect(try Tensor(shape: [1, 1], scalars: [3]).elements == nil)
        #expect(Tensor([1, 2]).elements == [1, 2])
        #expect(Tensor([]).elements == [])
        #expect(Tensor.zeros([0, 3]).count == 0)
        #expect(Tensor.full([1], 7).elements == nil)
    }

    @Test func equalityIgnoresHowTheValueIsHeld() throws {
        // Built inline, from an array, by arithmetic and by reduction: all one value.
        let made = [
            Tensor(6), try Tensor(shape: [], scalars: [6]), try Tensor(2) * Tensor(3),
            try Tensor([1, 2, 3]).sum(), try Tensor([6]).reshaped([]),
        ]
        for t in made { #expect(t == Tensor(6)) }
        #expect(Tensor(6) != Tensor(7))
        #expect(try Tensor(shape: [1], scalars: [6]) != Tensor(6), "shapes differ")
        #expect(Tensor([6, 6]) != Tensor(6))
    }

    @Test func scalarsReadsAndWritesBothKinds() throws {
        var one = Tensor(2)
        #expect(one.scalars == [2])
        one.scalars[0] += 1
        #expect(one.scalar == 3 && one.elements == nil)

        var many = try Tensor(rows: [[1, 2], [3, 4]])
        many.scalars[3] = 40
        #expect(many.scalars == [1, 2, 3, 40])
        #expect(many.scalar == nil)

        // Arrays shared between tensors stay separate values.
        let copy = many
        many.scalars[0] = -1
        #expect(copy.scalars == [1, 2, 3, 40])
        #expect(many.scalars == [-1, 2, 3, 40])

        // Replacing the whole array may change the kind either way.
        var t = Tensor([1, 2, 3])
        t.scalars = [5]
        #expect(t.elements == nil && t.first == 5)
        t.scalars = [5, 6, 7]
        #expect(t.elements == [5, 6, 7] && t.single == 0)
    }

    @Test func inPlaceAdditionAndKernelsOnInlineValues() throws {
        var g = Tensor(1.5)
        g.addInPlace(Tensor(2))
        #expect(g == Tensor(3.5))
        #expect(Tensor(4).map { $0 * $0 } == Tensor(16))
        #expect(try Tensor(3).broadcastTo([2, 2]) == Tensor.full([2, 2], 3))
        #expect(try Tensor.ones([2, 3]).sumTo([]) == Tensor(6))
        #expect(try Tensor.ones([2, 3]).sumTo([1, 1]) == (try Tensor(shape: [1, 1], scalars: [6])))
        #expect(try Tensor([1, 2, 3]) + Tensor(10) == Tensor([11, 12, 13]))
        #expect(try Tensor(10) - Tensor([1, 2, 3]) == Tensor([9, 8, 7]))
        #expect(try Tensor(shape: [1, 1], scalars: [2]).matmul(Tensor(shape: [1, 1], scalars: [3])).scalars == [6])
        #expect(try Tensor(shape: [1, 1], scalars: [2]).transposed() == (try Tensor(shape: [1, 1], scalars: [2])))
        #expect(try Tensor(shape: [1, 1], scalars: [2]).rows([0, 0]) == (try Tensor(rows: [[2], [2]])))
        #expect(try Tensor([5]).max() == Tensor(5))
    }

    @Test func printingIsTheSame() throws {
        #expect(Variable(Tensor(2)).description == "variable(2.)")
        #expect(Variable(try Tensor(shape: [1, 1], scalars: [2])).description == "variable([[2.]])")
        #expect(Variable(Tensor([1, 2])).description == "variable([1. 2.])")
    }
}
