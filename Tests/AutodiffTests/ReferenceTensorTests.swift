import Autodiff
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The tensor numbers of reference-numbers.md (DeZero steps 37–41).
@Suite struct ReferenceTensorTests {
    let x23 = try! Tensor(rows: [[1, 2, 3], [4, 5, 6]])

    @Test func sumOfSumHasAllOnesGradients() throws {
        let x = Variable(x23)
        let c = Variable(try Tensor(rows: [[10, 20, 30], [40, 50, 60]]))
        let t = try x + c
        let y = try sum(t)
        try y.backward(retainGrad: true)
        #expect(y.data.scalar == 231)
        #expect(y.grad?.data == Tensor(1))
        #expect(t.grad?.data == Tensor.ones([2, 3]))
        #expect(x.grad?.data == Tensor.ones([2, 3]))
        #expect(c.grad?.data == Tensor.ones([2, 3]))
    }

    @Test func sinElementwise() throws {
        let y = try sin(Variable(x23))
        let expected = try Tensor(rows: [
            [0.8414709848078965, 0.9092974268256817, 0.1411200080598672],
            [-0.7568024953079282, -0.9589242746631385, -0.27941549819892586],
        ])
        #expect(close(y.data, expected))
    }

    @Test func reshapeAndTransposeGradientsHaveInputShape() throws {
        let x = Variable(x23)
        let y = try reshape(x, [6])
        try y.backward()
        #expect(x.grad?.data == Tensor.ones([2, 3]))
        let x2 = Variable(x23)
        let t = try x2.T
        #expect(t.shape == [3, 2])
        try t.backward()
        #expect(x2.grad?.data == Tensor.ones([2, 3]))
        #expect(try x23.transposed().scalars == [1, 4, 2, 5, 3, 6])
    }

    @Test func sumWithAxisAndKeepdims() throws {
        let x = Variable(x23)
        #expect(try sum(x, axes: [0]).data == Tensor([5, 7, 9]))
        let k = try sum(x, keepdims: true)
        #expect(k.shape == [1, 1])
        #expect(k.data.scalars == [21])
        #expect(try sum(x, axes: [-1]).data == Tensor([6, 15]))
    }

    @Test func sumToRowsAndColumns() throws {
        #expect(try x23.sumTo([1, 3]) == Tensor(rows: [[5, 7, 9]]))
        #expect(try x23.sumTo([2, 1]) == Tensor(rows: [[6], [15]]))
        let x = Variable(x23)
        let y = try sumTo(x, [1, 3])
        try y.backward()
        #expect(x.grad?.data == Tensor.ones([2, 3]))
    }

    @Test func broadcastAddSumsGradientBack() throws {
        let x0 = Variable(Tensor([1, 2, 3]))
        let x1 = Variable(Tensor([10]))
        let y = try x0 + x1
        #expect(y.data == Tensor([11, 12, 13]))
        try y.backward()
        #expect(x1.grad?.data == Tensor([3]))
        #expect(x0.grad?.data == Tensor([1, 1, 1]))
    }

    @Test func broadcastToAndSumToAreEachOthersBackward() throws {
        let x = Variable(Tensor([1, 2, 3]))
        let y = try broadcastTo(x, [2, 3])
        #expect(y.data == (try Tensor(rows: [[1, 2, 3], [1, 2, 3]])))
        try y.backward()
        #expect(x.grad?.data == Tensor([2, 2, 2]))
    }

    @Test func matmulGradientShapes() throws {
        var rng = SplitMix64(state: 7)
        let x = Variable(rng.tensor([2, 3]))
        let w = Variable(rng.tensor([3, 4]))
        let y = try matmul(x, w)
        try y.backward()
        #expect(y.shape == [2, 4])
        #expect(x.grad?.shape == [2, 3])
        #expect(w.grad?.shape == [3, 4])
        // gx = gy · Wᵀ and gW = xᵀ · gy with gy all ones.
        let ones = Tensor.ones([2, 4])
        #expect(close(x.grad?.data, try ones.matmul(try w.data.transposed())))
        #expect(close(w.grad?.data, try x.data.transposed().matmul(ones)))
    }

    @Test func matmulOneDimensionalCasesFollowNumPyDot() throws {
        let v = Tensor([1, 2, 3])
        #expect(try v.matmul(v) == Tensor(14))
        let m = try Tensor(rows: [[1, 0], [0, 1], [1, 1]])
        #expect(try v.matmul(m) == Tensor([4, 5]))
        #expect(try m.transposed().matmul(v) == Tensor([4, 5]))
    }
}

/// Large products go through a system BLAS when one is installed; either way
/// they must agree with the textbook triple loop.
@Suite struct LargeMatmulTests {
    @Test func largeProductMatchesTripleLoop() throws {
        var rng = SplitMix64(state: 99)
        let (m, k, n) = (70, 64, 50)
        let a = rng.tensor([m, k])
        let b = rng.tensor([k, n])
        let c = try a.matmul(b)
        var worst = 0.0
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k { s += a.scalars[i * k + p] * b.scalars[p * n + j] }
                worst = Swift.max(worst, abs(s - c.scalars[i * n + j]))
            }
        }
        #expect(c.shape == [m, n])
        #expect(worst < 1e-12)
    }

    #if os(Linux)
        @Test func blasLibraryNamesTheLibraryInUse() {
            if let name = Tensor.blasLibrary {
                #expect(getenv("BACKSTEP_NO_BLAS") == nil)
                #expect(dlopen(name, RTLD_NOW | RTLD_NOLOAD) != nil, "\(name) is not loaded")
            } else if getenv("BACKSTEP_NO_BLAS") == nil {
                #expect(dlopen("libopenblas.so.0", RTLD_NOW) == nil, "OpenBLAS is installed but was not opened")
            }
        }
    #endif

    @Test(arguments: [(false, true), (true, false), (true, true)])
    func transposedProductsMatchExplicitTransposes(_ flags: (Bool, Bool)) throws {
        var rng = SplitMix64(state: 5)
        let a = rng.tensor(flags.0 ? [64, 70] : [70, 64])
        let b = rng.tensor(flags.1 ? [50, 64] : [64, 50])
        let direct = try a.matmul(b, transposeSelf: flags.0, transposeOther: flags.1)
        let explicit = try (flags.0 ? a.transposed() : a).matmul(flags.1 ? b.transposed() : b)
        #expect(direct.shape == [70, 50])
        #expect(close(direct, explicit, rel: 1e-12))
    }
}
