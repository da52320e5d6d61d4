// Reductions over axes: sum, max, min.

extension Tensor {
    /// `axis` made non-negative, checked against `rank`.
    static func normalize(axis: Int, rank: Int, op: String) throws -> Int {
        let a = axis < 0 ? axis + rank : axis
        guard a >= 0 && a < Swift.max(rank, 0) else {
            throw AutodiffError.axis(op: op, axis: axis, rank: rank)
        }
        return a
    }

    /// The shape with 1 at each reduced axis (all axes when `axes` is nil).
    func keptShape(axes: [Int]?, op: String) throws -> [Int] {
        guard let axes else { return [Int](repeating: 1, count: rank) }
        var kept = shape
        for axis in axes {
            let a = try Tensor.normalize(axis: axis, rank: rank, op: op)
            kept[a] = 1
        }
        return kept
    }

    /// The shape after reducing `axes` without keepdims.
    func reducedShape(axes: [Int]?, keepdims: Bool, op: String) throws -> [Int] {
        let kept = try keptShape(axes: axes, op: op)
        if keepdims { return kept }
        guard let axes else { return [] }
        let removed = Set(try axes.map { try Tensor.normalize(axis: $0, rank: rank, op: op) })
        return shape.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// The sum over `axes` (all when nil), keeping reduced axes as 1 when `keepdims`.
    public func sum(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        let kept = try keptShape(axes: axes, op: "sum")
        let out = try reducedShape(axes: axes, keepdims: keepdims, op: "sum")
        return Tensor(unchecked: out, elementsOf: reduceKeepingDims(to: kept, initial: 0, +))
    }

    /// The largest element along `axis` (everywhere when nil).
    public func max(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try extremum(axis: axis, keepdims: keepdims, op: "max", initial: -.infinity) { a, b in
            a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
        }
    }

    /// The smallest element along `axis` (everywhere when nil).
    public func min(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try extremum(axis: axis, keepdims: keepdims, op: "min", initial: .infinity) { a, b in
            a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
        }
    }

    private func extremum(
        axis: Int?, keepdims: Bool, op: String, initial: Double,
        _ combine: (Double, Double) -> Double
    ) throws -> Tensor {
        guard count > 0 else {
            throw AutodiffError.invalid(op: op, message: "zero-size tensor \(formatShape(shape)) has no \(op)")
        }
        let axes = axis.map { [$0] }
        let kept = try keptShape(axes: axes, op: op)
        let out = try reducedShape(axes: axes, keepdims: keepdims, op: op)
        return Tensor(unchecked: out, elementsOf: reduceKeepingDims(to: kept, initial: initial, combine))
    }
}
