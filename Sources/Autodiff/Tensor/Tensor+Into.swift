import CKernels

// The kernels a replayed graph (GraphReplay) writes into tensors it already
// holds, instead of returning new ones: a training replays the same shapes every
// iteration, so each result can go into last iteration's buffer. Each one does
// per element what the allocating operation it mirrors does, in the same order
// (the same bits: `GraphReplayKernelTests`), and hands any case it does not cover to
// that operation, so it is never wrong, only sometimes not in place.

extension Tensor {
    /// Makes this a tensor of `shape` whose elements the caller will overwrite,
    /// keeping the buffer when the count is the same (copy-on-write still applies:
    /// a buffer another tensor shares is copied on the first write).
    @inline(__always)
    mutating func prepare(shape target: [Int], count n: Int) {
        if count == n && shape == target { return }
        self =
            n == 1 ? Tensor(unchecked: target, single: 0) : Tensor(unchecked: target, [Double](repeating: 0, count: n))
    }

    /// `out = a op b` (``zipWith(_:op:_:)``) written into `out` for the shapes
    /// that need no strided walk: equal shapes, a one-element operand, a trailing block.
    @inline(__always)
    static func zip(
        _ a: Tensor, _ b: Tensor, into out: inout Tensor, op: String, _ f: (Double, Double) -> Double
    ) throws {
        if a.shape == b.shape {
            out.prepare(shape: a.shape, count: a.count)
            a.withElements { pa in
                b.withElements { pb in
                    out.withMutableElements { o in
                        for i in 0..<Swift.min(o.count, pa.count, pb.count) { o[i] = f(pa[i], pb[i]) }
                    }
                }
            }
        } else if b.count == 1 && b.rank <= a.rank {
            let y = b.first
            out.prepare(shape: a.shape, count: a.count)
            a.withElements { pa in
                out.withMutableElements { o in
                    for i in 0..<Swift.min(o.count, pa.count) { o[i] = f(pa[i], y) }
                }
            }
        } else if a.count == 1 && a.rank <= b.rank {
            let x = a.first
            out.prepare(shape: b.shape, count: b.count)
            b.withElements { pb in
                out.withMutableElements { o in
                    for i in 0..<Swift.min(o.count, pb.count) { o[i] = f(x, pb[i]) }
                }
            }
        } else if b.count > 0, b.rank <= a.rank, isTrailing(b.shape, of: a.shape) {
            out.prepare(shape: a.shape, count: a.count)
            repeatInner(a, b, into: &out, f)
        } else if a.count > 0, a.rank <= b.rank, isTrailing(a.shape, of: b.shape) {
            out.prepare(shape: b.shape, count: b.count)
            repeatInner(b, a, into: &out) { f($1, $0) }
        } else {
            out = try a.zipWith(b, op: op, f)
        }
    }

    /// ``repeatInner(_:_:_:)`` into `out`, which already has `big`'s shape.
    @inline(__always)
    private static func repeatInner(
        _ big: Tensor, _ small: Tensor, into out: inout Tensor, _ f: (Double, Double) -> Double
    ) {
        big.withElements { pa in
            small.withElements { pb in
                out.withMutableElements { o in
                    let inner = pb.count
                    var i = 0
                    while i + inner <= Swift.min(o.count, pa.count) {
                        for j in 0..<inner { o[i + j] = f(pa[i + j], pb[j]) }
                        i += inner
                    }
                }
            }
        }
    }

    /// `out = x.map(f)` written into `out`.
    @inline(__always)
    static func map(_ x: Tensor, into out: inout Tensor, _ f: (Double) -> Double) {
        out.prepare(shape: x.shape, count: x.count)
        x.withElements { px in
            out.withMutableElements { o in
                for i in 0..<Swift.min(o.count, px.count) { o[i] = f(px[i]) }
            }
        }
    }

    /// `out = x.sumTo(target)` written into `out`: a copy for the same shape, the
    /// sum of everything for one element, rows added for leading axes; any other
    /// reduction is the allocating one's.
    static func sumTo(_ x: Tensor, _ target: [Int], into out: inout Tensor) throws {
        if x.shape == target {
            map(x, into: &out) { $0 }
            return
        }
        let n = elementCount(target)
        let lead = x.rank - target.count
        guard lead >= 0, n == 1 || (target.first != 1 && x.shape.suffix(target.count).elementsEqual(target)) else {
            out = try x.sumTo(target)
            return
        }
        // `target` checked against the shape as `sumTo` checks it.
        for (i, d) in target.enumerated() where d != 1 && d != x.shape[lead + i] {
            throw AutodiffError.shapeTarget(op: "sum_to", from: x.shape, to: target)
        }
        out.prepare(shape: target, count: n)
        if n == 1 {
            // As `reduceKeepingDims` sums to one element: in order, from 0.
            var acc = 0.0
            x.withElements { a in for v in a { acc = acc + v } }
            out.withMutableElements { $0[0] = acc }
            return
        }
        // Leading axes summed away: rows added in order onto zeros, as `reduceKeepingDims` does.
        x.withElements { a in
            out.withMutableElements { o in
                for j in 0..<o.count { o[j] = 0 }
                let inner = o.count
                var i = 0
                while i + inner <= a.count {
                    for j in 0..<inner { o[j] = o[j] + a[i + j] }
                    i += inner
                }
            }
        }
    }

    /// `out = a.matmul(b, transposeSelf:transposeOther:)` for 2-d operands (plain
    /// `matmul` when neither is transposed) written into `out`, by the same `gemm`;
    /// other ranks go to the allocating product.
    static func matmul(
        _ a: Tensor, _ b: Tensor, into out: inout Tensor, transposeA: Bool = false, transposeB: Bool = false
    ) throws {
        guard a.rank == 2, b.rank == 2 else {
            out =
                transposeA || transposeB
                ? try a.matmul(b, transposeSelf: transposeA, transposeOther: transposeB) : try a.matmul(b)
            return
        }
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (k2, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        guard k == k2 else {
            throw transposeA || transposeB
                ? AutodiffError.matmul(lhs: [m, k], rhs: [k2, n]) : AutodiffError.matmul(lhs: a.shape, rhs: b.shape)
        }
        if out.rank != 2 || out.shape[0] != m || out.shape[1] != n { out.prepare(shape: [m, n], count: m * n) }
        a.withElements { pa in
            b.withElements { pb in
                out.withMutableElements { pc in
                    gemm(pa, pb, into: pc, m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB)
                }
            }
        }
    }
}

extension Tensor {
    /// `out` filled with `value` in `shape`, as ``full(_:_:)`` makes it.
    @inline(__always)
    static func fill(_ out: inout Tensor, shape: [Int], _ value: Double) {
        out.prepare(shape: shape, count: Swift.max(0, elementCount(shape)))
        out.withMutableElements { o in
            for i in 0..<o.count { o[i] = value }
        }
    }

    /// `out` filled with `value` in `other`'s shape, as ``full(like:_:)`` makes it.
    @inline(__always)
    static func fill(_ out: inout Tensor, like other: Tensor, _ value: Double) {
        fill(&out, shape: other.shape, value)
    }

    /// `self = self op b` (``zipWith(_:op:_:)``) in place when the result keeps this
    /// tensor's shape (`b` of the same shape, one element, or a trailing block).
    mutating func combine(_ b: Tensor, op: String, _ f: (Double, Double) -> Double) throws {
        if shape == b.shape {
            b.withElements { pb in
                withMutableElements { o in
                    for i in 0..<Swift.min(o.count, pb.count) { o[i] = f(o[i], pb[i]) }
                }
            }
        } else if b.count == 1 && b.rank <= rank {
            let y = b.first
            withMutableElements { o in
                for i in 0..<o.count { o[i] = f(o[i], y) }
            }
        } else if !(count == 1 && rank <= b.rank), b.count > 0, b.rank <= rank, Tensor.isTrailing(b.shape, of: shape) {
            b.withElements { pb in
                withMutableElements { o in
                    let inner = pb.count
                    var i = 0
                    while i + inner <= o.count {
                        for j in 0..<inner { o[i + j] = f(o[i + j], pb[j]) }
                        i += inner
                    }
                }
            }
        } else {
            self = try zipWith(b, op: op, f)
        }
    }

    /// ``sigmoidElements()`` written into `out`: the same kernels.
    func sigmoidElements(into out: inout Tensor) {
        out.prepare(shape: shape, count: count)
        if count >= 64 {
            let done = withElements { x in
                out.withMutableElements { y in
                    guard let xs = x.baseAddress, let ys = y.baseAddress else { return false }
                    return backstep_sigmoid(xs, ys, y.count) == 1
                }
            }
            if done { return }
        }
        Tensor.map(self, into: &out) { Math.tanhKernel($0 * 0.5) * 0.5 + 0.5 }
    }
}
