// NumPy broadcasting for element-wise operations, and the two shape moves that
// are each other's backward: broadcastTo and sumTo.

extension Tensor {
    /// The shape two shapes broadcast to, by NumPy's rules.
    /// - Throws: ``AutodiffError/broadcast(op:lhs:rhs:)`` naming `op`.
    public static func broadcastShape(_ a: [Int], _ b: [Int], op: String) throws -> [Int] {
        if a == b { return a }
        let rank = Swift.max(a.count, b.count)
        var out = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if da == db || db == 1 {
                out[i] = da
            } else if da == 1 {
                out[i] = db
            } else {
                throw AutodiffError.broadcast(op: op, lhs: a, rhs: b)
            }
        }
        return out
    }

    /// Row-major strides of `shape` as seen from `outShape`: 0 along broadcast axes.
    static func broadcastStrides(_ shape: [Int], to outShape: [Int]) -> [Int] {
        let rank = outShape.count
        var strides = [Int](repeating: 0, count: rank)
        var stride = 1
        var i = shape.count - 1
        var j = rank - 1
        while i >= 0 {
            strides[j] = shape[i] == 1 && outShape[j] != 1 ? 0 : stride
            stride *= shape[i]
            i -= 1
            j -= 1
        }
        return strides
    }

    /// Applies `f` element by element after broadcasting both operands.
    @inline(__always)
    func zipWith(_ other: Tensor, op: String, _ f: (Double, Double) -> Double) throws -> Tensor {
        if shape == other.shape {
            var out = self
            other.withElements { b in
                out.withMutableElements { o in
                    for i in 0..<Swift.min(o.count, b.count) { o[i] = f(o[i], b[i]) }
                }
            }
            return out
        }
        if other.count == 1 && other.rank <= rank {
            let b = other.first
            return map { f($0, b) }
        }
        if count == 1 && rank <= other.rank {
            let a = first
            return other.map { f(a, $0) }
        }
        // A bias row added to every row of a matrix: the smaller shape is the trailing
        // part of the larger, so one flat inner loop does it.
        if other.count > 0, other.rank <= rank, Tensor.isTrailing(other.shape, of: shape) {
            return Tensor(unchecked: shape, Tensor.repeatInner(scalars, other.scalars, f))
        }
        if count > 0, rank <= other.rank, Tensor.isTrailing(shape, of: other.shape) {
            return Tensor(unchecked: other.shape, Tensor.repeatInner(other.scalars, scalars) { f($1, $0) })
        }
        let outShape = try Tensor.broadcastShape(shape, other.shape, op: op)
        let sa = Tensor.broadcastStrides(shape, to: outShape)
        let sb = Tensor.broadcastStrides(other.shape, to: outShape)
        var out = [Double](repeating: 0, count: Tensor.elementCount(outShape))
        withElements { a in
            other.withElements { b in
                out.withUnsafeMutableBufferPointer { o in
                    StridedWalk(shape: outShape, stridesA: sa, stridesB: sb).visit { k, ia, ib in
                        o[k] = f(a[ia], b[ib])
                    }
                }
            }
        }
        return Tensor(unchecked: outShape, out)
    }

    /// Whether `small` (leading 1s aside) equals the last axes of `big`.
    static func isTrailing(_ small: [Int], of big: [Int]) -> Bool {
        let trimmed = small.drop { $0 == 1 }
        return trimmed.count <= big.count && big.suffix(trimmed.count).elementsEqual(trimmed)
    }

    /// `f(big[i], small[i % small.count])` for every element of `big`.
    @inline(__always)
    static func repeatInner(_ big: [Double], _ small: [Double], _ f: (Double, Double) -> Double) -> [Double] {
        var out = big
        let inner = small.count
        small.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { o in
                var i = 0
                while i < o.count {
                    for j in 0..<inner { o[i + j] = f(o[i + j], b[j]) }
                    i += inner
                }
            }
        }
        return out
    }

    /// Applies `f` to every element.
    @inline(__always)
    public func map(_ f: (Double) -> Double) -> Tensor {
        // Copy, then overwrite in place: the copy takes the specialised copy-on-write
        // path, cheaper for small tensors than Array.map's appends or the generic
        // allocation behind Array(repeating:) and unsafeUninitializedCapacity.
        var out = self
        out.withMutableElements { o in
            for i in 0..<o.count { o[i] = f(o[i]) }
        }
        return out
    }

    /// This tensor repeated along broadcast axes to `target`.
    /// - Throws: when `shape` does not broadcast to `target`.
    public func broadcastTo(_ target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let out = try Tensor.broadcastShape(shape, target, op: "broadcast_to")
        guard out == target else {
            throw AutodiffError.shapeTarget(op: "broadcast_to", from: shape, to: target)
        }
        // One value (an upstream scalar gradient) just fills the target.
        if count == 1 { return Tensor.full(target, first) }
        return try Tensor.zeros(target).zipWith(self, op: "broadcast_to") { _, b in b }
    }

    /// Sums this tensor down to `target`, the inverse of ``broadcastTo(_:)``:
    /// leading axes are summed away and axes where `target` is 1 are summed with keepdims.
    /// - Throws: when `target` could not have been broadcast to `shape`.
    public func sumTo(_ target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let lead = rank - target.count
        guard lead >= 0 else {
            throw AutodiffError.shapeTarget(op: "sum_to", from: shape, to: target)
        }
        for (i, d) in target.enumerated() where d != 1 && d != shape[lead + i] {
            throw AutodiffError.shapeTarget(op: "sum_to", from: shape, to: target)
        }
        let kept = [Int](repeating: 1, count: lead) + target
        return Tensor(unchecked: target, elementsOf: reduceKeepingDims(to: kept, initial: 0, +))
    }

    /// Reduces along the axes where `kept` is 1 (same rank as `shape`) with `combine`.
    // Inlined so that each caller's `combine` (usually `+`) is compiled into the
    // loops instead of being called once per element.
    @inline(__always)
    func reduceKeepingDims(to kept: [Int], initial: Double, _ combine: (Double, Double) -> Double) -> Tensor {
        let outCount = Tensor.elementCount(kept)
        if outCount == 1 {
            var acc = initial
            withElements { a in for v in a { acc = combine(acc, v) } }
            return Tensor(unchecked: kept, single: acc)
        }
        var out = [Double](repeating: initial, count: outCount)
        // Reducing only leading axes (a bias gradient summed over the batch): add rows.
        if out.count > 1, Tensor.isTrailing(kept, of: shape), kept.count == shape.count {
            let inner = out.count
            withElements { a in
                out.withUnsafeMutableBufferPointer { o in
                    var i = 0
                    while i < a.count {
                        for j in 0..<inner { o[j] = combine(o[j], a[i + j]) }
                        i += inner
                    }
                }
            }
            return Tensor(unchecked: kept, out)
        }
        let so = Tensor.broadcastStrides(kept, to: shape)
        withElements { a in
            out.withUnsafeMutableBufferPointer { o in
                StridedWalk(shape: shape, stridesA: so).visit { k, io, _ in
                    o[io] = combine(o[io], a[k])
                }
            }
        }
        return Tensor(unchecked: kept, out)
    }
}
