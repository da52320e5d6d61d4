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
        return Tensor(
            unchecked: [m, n],
            Tensor.gemm(
                scalars, other.scalars, m: m, k: k, n: n,
                transposeA: transposeSelf, transposeB: transposeOther))
    }

    /// The system BLAS library that large matrix products call (`libopenblas.so.0`,
    /// say), or nil when there is none and they run on the engine's own loop.
    /// Asking opens it, as the first large product would.
    public static var blasLibrary: String? { BLAS.loaded?.library }

    // A BLAS pays off only once the product is big enough to hide its call overhead.
    static let blasThreshold = 32_768

    static func blasGemm(
        _ a: [Double], _ b: [Double], m: Int, k: Int, n: Int,
        transposeA: Bool, transposeB: Bool
    ) -> [Double]? {
        guard BLAS.dgemm != nil else { return nil }
        // With beta = 0 dgemm writes every element of C, so C need not be zeroed first.
        return [Double](unsafeUninitializedCapacity: m * n) { pc, initialized in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    _ = blasGemm(pa, pb, into: pc, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB)
                }
            }
            initialized = m * n
        }
    }

    /// The BLAS product written into `c` (every element); false when there is no BLAS.
    static func blasGemm(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, into c: UnsafeMutableBufferPointer<Double>,
        m: Int, k: Int, n: Int, transposeA: Bool, transposeB: Bool
    ) -> Bool {
        guard let dgemm = BLAS.dgemm else { return false }
        dgemm(
            101, transposeA ? 112 : 111, transposeB ? 112 : 111, Int32(m), Int32(n), Int32(k), 1,
            a.baseAddress, Int32(transposeA ? m : k), b.baseAddress, Int32(transposeB ? k : n),
            0, c.baseAddress, Int32(n))
        return true
    }

    /// Row-major C = op(A) (m×k) · op(B) (k×n), where op transposes when asked:
    /// `a` is stored k×m when `transposeA`, `b` n×k when `transposeB`.
    ///
    /// Small products run here; every element is summed over p in increasing
    /// order from 0, whichever loop order is used, so results do not depend on
    /// the path. Transposed operands are read in place through strides.
    static func gemm(
        _ a: [Double], _ b: [Double], m: Int, k: Int, n: Int,
        transposeA: Bool = false, transposeB: Bool = false
    ) -> [Double] {
        if m * n * k >= blasThreshold {
            if let c = blasGemm(a, b, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB) {
                return c
            }
        }
        var c = [Double](repeating: 0, count: m * n)
        if m == 0 || n == 0 || k == 0 { return c }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    gemmLoops(pa, pb, pc, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB)
                }
            }
        }
        return c
    }

    /// ``gemm(_:_:m:k:n:transposeA:transposeB:)`` written into `c` (m×n, any contents):
    /// the same product, the BLAS for a large one and the same loops otherwise.
    static func gemm(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, into c: UnsafeMutableBufferPointer<Double>,
        m: Int, k: Int, n: Int, transposeA: Bool = false, transposeB: Bool = false
    ) {
        if m * n * k >= blasThreshold,
            blasGemm(a, b, into: c, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB)
        {
            return
        }
        for i in 0..<c.count { c[i] = 0 }
        if m == 0 || n == 0 || k == 0 { return }
        gemmLoops(a, b, c, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB)
    }

    /// The small product's loops, adding into `c`, which starts at zeros.
    @inline(__always)
    private static func gemmLoops(
        _ pa: UnsafeBufferPointer<Double>, _ pb: UnsafeBufferPointer<Double>, _ pc: UnsafeMutableBufferPointer<Double>,
        m: Int, k: Int, n: Int, transposeA: Bool, transposeB: Bool
    ) {
        // A(i, p) = a[i * ai + p * ap], B(p, j) = b[p * bp + j * bj].
        let (ai, ap) = transposeA ? (1, m) : (k, 1)
        let (bp, bj) = transposeB ? (1, k) : (n, 1)
        guard let a = pa.baseAddress, let b = pb.baseAddress, let c = pc.baseAddress else { return }
        if m == 1 && n == 1 {
            // One dot product (a weight's gradient over the batch): keep the sum in a register.
            var sum = 0.0
            var ap0 = a
            var bp0 = b
            for _ in 0..<k {
                sum += ap0.pointee * bp0.pointee
                ap0 += ap
                bp0 += bp
            }
            c.pointee = sum
        } else if n >= 4 {
            // Rows of B scaled into rows of C: the inner loop runs along j.
            for i in 0..<m {
                let row = c + i &* n
                var aip = a + i &* ai
                var brow = b
                for _ in 0..<k {
                    let x = aip.pointee
                    if bj == 1 {
                        for j in 0..<n { row[j] += x * brow[j] }
                    } else {
                        var bj0 = brow
                        for j in 0..<n {
                            row[j] += x * bj0.pointee
                            bj0 += bj
                        }
                    }
                    aip += ap
                    brow += bp
                }
            }
        } else {
            // Narrow outputs (a column of predictions, a weight column's
            // gradient): sweep p outside so the m sums advance together.
            var acol = a
            var bcol = b
            for _ in 0..<k {
                for j in 0..<n {
                    let y = bcol[j &* bj]
                    var ai0 = acol
                    var ci = c + j
                    for _ in 0..<m {
                        ci.pointee += ai0.pointee * y
                        ai0 += ai
                        ci += n
                    }
                }
                acol += ap
                bcol += bp
            }
        }
    }
}
