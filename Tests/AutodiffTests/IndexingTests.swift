import Autodiff
import Testing

/// get_item with NumPy's rules, log_softmax and argmax: values against NumPy,
/// backwards against central differences (repeated indices included).
@Suite struct IndexingTests {
    let cube = Variable((try? Tensor.arange(24).reshaped([2, 3, 4])) ?? Tensor(0))

    private func values(_ items: [IndexItem]) throws -> (shape: [Int], values: [Double]) {
        let y = try getItem(cube, items)
        return (y.shape, y.data.scalars)
    }

    /// The results NumPy 2.4 gives for `np.arange(24).reshape(2, 3, 4)[…]`.
    @Test func resultsMatchNumPy() throws {
        let all = IndexItem.range(start: nil, stop: nil, step: nil)
        #expect(try values([.at(0), all, .list([1, 1])]) == ([2, 3], [1, 5, 9, 1, 5, 9]))
        #expect(try values([all, .list([2, 0, 2]), .at(1)]) == ([2, 3], [9, 1, 9, 21, 13, 21]))
        #expect(try values([.at(1), .range(start: nil, stop: nil, step: -2), .at(-1)]) == ([2], [23, 15]))
        #expect(
            try values([.list([1, 0]), .range(start: 1, stop: nil, step: nil), .list([3, 0])]) == (
                [2, 2], [19, 23, 4, 8]
            ))
        #expect(
            try values([.at(-1), .range(start: nil, stop: nil, step: 2)]) == (
                [2, 4], [12, 13, 14, 15, 20, 21, 22, 23]
            ))
        #expect(try values([.at(1), .at(2), .at(3)]) == ([], [23]))
    }

    @Test func badIndicesThrow() {
        #expect(throws: AutodiffError.self) { try getItem(cube, [.at(2)]) }
        #expect(throws: AutodiffError.self) { try getItem(cube, [.at(0), .at(0), .at(0), .at(0)]) }
        #expect(throws: AutodiffError.self) { try getItem(cube, [.list([0, 1]), .list([0, 1, 2])]) }
        #expect(throws: AutodiffError.self) { try getItem(cube, [.range(start: nil, stop: nil, step: 0)]) }
        #expect(throws: AutodiffError.self) { try getItem(cube, [.at(0), .list([5])]) }
    }

    static let cases: [(String, [Int], @Sendable (Variable) throws -> Variable)] = [
        ("x[1]", [3, 4], { try getItem($0, [.at(1)]) }),
        ("x[:, 0]", [3, 4], { try getItem($0, [.range(start: nil, stop: nil, step: nil), .at(0)]) }),
        ("x[[0, 0, 2]]", [3, 4], { try getItem($0, [.list([0, 0, 2])]) }),
        ("x[[0, 1, 1], [2, 2, 0]]", [3, 4], { try getItem($0, [.list([0, 1, 1]), .list([2, 2, 0])]) }),
        (
            "x[::-1, 1:]", [3, 4],
            { try getItem($0, [.range(start: nil, stop: nil, step: -1), .range(start: 1, stop: nil, step: nil)]) }
        ),
        (
            "x[0, :, [1, 1]]", [2, 3, 4],
            { try getItem($0, [.at(0), .range(start: nil, stop: nil, step: nil), .list([1, 1])]) }
        ),
        ("log_softmax", [3, 4], { try logSoftmax($0) }),
        ("log_softmax axis 0", [3, 4], { try logSoftmax($0, axis: 0) }),
    ]

    @Test(arguments: 0..<cases.count)
    func backwardMatchesCentralDifferences(_ i: Int) throws {
        let (name, shape, f) = Self.cases[i]
        var rng = SplitMix64(state: UInt64(17 + i))
        let weights = Variable(rng.tensor([64]))
        let x = rng.tensor(shape)
        // A weighted sum, so every output element's gradient differs.
        let checks = try gradientCheck([x], tolerance: 1e-6) { xs in
            let y = try f(xs[0])
            let w = try getItem(weights, [.range(start: 0, stop: y.data.count, step: nil)])
            return try sum(try reshape(y, [y.data.count]) * w)
        }
        #expect(checks[0].passed, "\(name): analytic \(checks[0].analytic) numerical \(checks[0].numerical)")
    }

    @Test func repeatedIndicesAddTheirGradients() throws {
        let x = Variable(Tensor([1, 2, 3]))
        let y = try getItem(x, [.list([2, 0, 2, 2])])
        try sum(y).backward()
        #expect(x.grad?.data.scalars == [1, 0, 3])
    }

    @Test func secondDerivativeThroughIndexing() throws {
        let x = Variable(Tensor([1, 2, 3]))
        let y = try sum(try pow(try getItem(x, [.list([1, 1])]), 3))
        try y.backward(createGraph: true)
        let g = try #require(x.grad)
        #expect(g.data.scalars == [0, 24, 0])
        x.cleargrad()
        try sum(g).backward()
        // y = 2x₁³: y' = 6x₁² = 24 and y'' = 12x₁ = 24 at x₁ = 2.
        #expect(x.grad?.data.scalars == [0, 24, 0])
    }

    @Test func argmaxTakesTheFirstLargest() throws {
        let x = Variable(try Tensor(rows: [[1, 5, 5], [7, 0, 7]]))
        #expect(try argmax(x).data.scalars == [3])
        #expect(try argmax(x, axis: 1).data.scalars == [1, 0])
        #expect(try argmax(x, axis: 0).data.scalars == [1, 0, 1])
        #expect(try argmax(x, axis: 0).creator == nil)
    }
}
