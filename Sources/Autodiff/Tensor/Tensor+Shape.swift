// Moving elements without computing: reshape, transpose, row selection.

extension Tensor {
    /// The same elements in `newShape`; one dimension may be -1 and is inferred.
    /// - Throws: ``AutodiffError/reshape(from:to:)`` when the counts differ.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        var target = newShape
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        if unknown.count > 1 || newShape.contains(where: { $0 < -1 }) {
            throw AutodiffError.reshape(from: shape, to: newShape)
        }
        if let i = unknown.first {
            let known = newShape.filter { $0 != -1 }.reduce(1, *)
            guard known > 0, count % known == 0 else { throw AutodiffError.reshape(from: shape, to: newShape) }
            target[i] = count / known
        }
        guard Tensor.elementCount(target) == count else {
            throw AutodiffError.reshape(from: shape, to: newShape)
        }
        return Tensor(unchecked: target, elementsOf: self)
    }

    /// The axes permuted by `axes` (reversed when nil), as NumPy's `transpose`.
    /// - Throws: when `axes` is not a permutation of `0..<rank`.
    public func transposed(_ axes: [Int]? = nil) throws -> Tensor {
        let perm = try Tensor.permutation(axes, rank: rank)
        if rank < 2 { return self }
        let outShape = perm.map { shape[$0] }
        if rank == 2 && perm == [1, 0] {
            let (r, c) = (shape[0], shape[1])
            var out = [Double](repeating: 0, count: count)
            withElements { a in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<r { for j in 0..<c { o[j * r + i] = a[i * c + j] } }
                }
            }
            return Tensor(unchecked: outShape, out)
        }
        var inStrides = [Int](repeating: 1, count: rank)
        for d in stride(from: rank - 2, through: 0, by: -1) { inStrides[d] = inStrides[d + 1] * shape[d + 1] }
        let strides = perm.map { inStrides[$0] }
        var out = [Double](repeating: 0, count: count)
        withElements { a in
            StridedWalk(shape: outShape, stridesA: strides).visit { k, offset, _ in
                out[k] = a[offset]
            }
        }
        return Tensor(unchecked: outShape, out)
    }

    /// `axes` checked as a permutation of `0..<rank` (negative axes allowed).
    static func permutation(_ axes: [Int]?, rank: Int) throws -> [Int] {
        guard let axes else { return Array((0..<rank).reversed()) }
        guard axes.count == rank else {
            throw AutodiffError.invalid(op: "transpose", message: "axes \(axes) do not match a tensor of rank \(rank)")
        }
        let perm = try axes.map { try normalize(axis: $0, rank: rank, op: "transpose") }
        guard Set(perm).count == rank else {
            throw AutodiffError.invalid(op: "transpose", message: "axes \(axes) repeat an axis")
        }
        return perm
    }

    /// The rows at `indices` along the first axis (negative indices count from the end).
    /// - Throws: when an index is out of range or the tensor is 0-d.
    public func rows(_ indices: [Int]) throws -> Tensor {
        guard let n = shape.first else {
            throw AutodiffError.invalid(op: "get_item", message: "cannot index a 0-d tensor")
        }
        let rowSize = n == 0 ? 0 : count / n
        var out: [Double] = []
        out.reserveCapacity(rowSize * indices.count)
        let all = scalars
        for i in indices {
            let r = i < 0 ? i + n : i
            guard r >= 0 && r < n else {
                throw AutodiffError.invalid(
                    op: "get_item", message: "index \(i) is out of bounds for axis 0 with size \(n)")
            }
            out.append(contentsOf: all[(r * rowSize)..<((r + 1) * rowSize)])
        }
        return Tensor(unchecked: [indices.count] + shape.dropFirst(), out)
    }
}
