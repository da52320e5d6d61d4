// Matrix product of 2-d tensors, and the 1-d cases NumPy's `dot` allows.

extension Tensor {
    /// The matrix product `self · other`.
    ///
    /// 2-d × 2-d gives 2-d; a 1-d operand acts as a row (left) or column (right)
    /// vector and that axis is dropped from the result, as in NumPy's `dot`.
    /// - Throws: ``AutodiffError/matmul(lhs:rhs:)`` when inner sizes differ.
    public func matmul(_ other: Tensor) throws -> Tensor {
        guard (1...2).contains(rank), (1...2).contains(other.rank) else {
            throw AutodiffError.invalid(
                op: "matmul",
                message: "needs 1-d or 2-d tensors, got shapes \(formatShape(shape)) and \(formatShape(other.shape))")
        }
        let (m, k) = rank == 2 ? (shape[0], shape[1]) : (1, shape[0])
        let (k2, n) = other.rank == 2 ? (other.shape[0], other.shape[1]) : (other.shape[0], 1)
        guard k == k2 else { throw AutodiffError.matmul(lhs: shape, rhs: other.shape) }
        var outShape: [Int] = []
        if rank == 2 { outShape.append(m) }
        if other.rank == 2 { outShape.append(n) }
        return Tensor(unchecked: outShape, Tensor.gemm(scalars, other.scalars, m: m, k: k, n: n))
    }

    /// `self · otherᵀ` or `selfᵀ · other` for 2-d tensors, handing the transposes
    /// to the BLAS when there is one rather than copying.
    public func matmul(_ other: Tensor, transposeSelf: Bool, transposeOther: Bool) throws -> Tensor {
        guard rank == 2, other.rank == 2 else {
            let a = transposeSelf ? try transposed() : self
            return try a.matmul(transposeOther ? try other.transposed() : other)
        }
        let (m, k) = transposeSelf ? (shape[1], shape[0]) : (shape[0], shape[1])
        let (k2, n) = transposeOther ? (other.shape[1], other.shape[0]) : (other.shape[0], other.shape[1])
        guard k == k2 else {
            throw AutodiffError.matmul(lhs: [m, k], rhs: [k2, n])
        }
        if m * n * k >= Tensor.blasThreshold, let c = Tensor.blasGemm(
            scalars, other.scalars, m: m, k: k, n: n, transposeA: transposeSelf, transposeB: transposeOther) {
            return Tensor(unchecked: [m, n], c)
        }
        let a = transposeSelf ? try transposed() : self
        let b = transposeOther ? try other.transposed() : other
        return Tensor(unchecked: [m, n], Tensor.gemm(a.scalars, b.scalars, m: m, k: k, n: n))
    }

    // A BLAS pays off only once the product is big enough to hide its call overhead.
    static let blasThreshold = 32_768

    static func blasGemm(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int,
                         transposeA: Bool, transposeB: Bool) -> [Double]? {
        guard let dgemm = BLAS.dgemm else { return nil }
        // With beta = 0 dgemm writes every element of C, so C need not be zeroed first.
        return [Double](unsafeUninitializedCapacity: m * n) { pc, initialized in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    dgemm(101, transposeA ? 112 : 111, transposeB ? 112 : 111, Int32(m), Int32(n), Int32(k), 1,
                          pa.baseAddress, Int32(transposeA ? m : k), pb.baseAddress, Int32(transposeB ? k : n),
                          0, pc.baseAddress, Int32(n))
                }
            }
            initialized = m * n
        }
    }

    /// Row-major C = A (m×k) · B (k×n).
    static func gemm(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        if m * n * k >= blasThreshold,
           let c = blasGemm(a, b, m: m, k: k, n: n, transposeA: false, transposeB: false) {
            return c
        }
        var c = [Double](repeating: 0, count: m * n)
        if m == 0 || n == 0 || k == 0 { return c }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    // Narrow outputs (a column of predictions): one dot product per cell.
                    if n < 4 {
                        for i in 0..<m {
                            for j in 0..<n {
                                var s = 0.0
                                for p in 0..<k { s += pa[i * k + p] * pb[p * n + j] }
                                pc[i * n + j] = s
                            }
                        }
                        return
                    }
                    for i in 0..<m {
                        let row = i * n
                        for p in 0..<k {
                            let aip = pa[i * k + p]
                            let brow = p * n
                            for j in 0..<n { pc[row + j] += aip * pb[brow + j] }
                        }
                    }
                }
            }
        }
        return c
    }
}
