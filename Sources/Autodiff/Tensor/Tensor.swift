/// An n-dimensional array of `Double`, stored row-major: the data that flows
/// through a graph.
///
/// A tensor of shape `[]` is a scalar. Every operation that can fail on shapes
/// throws ``AutodiffError`` instead of trapping.
public struct Tensor: Equatable, Sendable {
    /// The size of each dimension; `[]` for a scalar.
    public let shape: [Int]
    /// The elements in row-major order; `scalars.count` is the product of `shape`.
    public var scalars: [Double]

    /// Makes a tensor of `shape` from row-major `scalars`.
    /// - Throws: ``AutodiffError/elementCount(shape:count:)`` when the counts differ,
    ///   or ``AutodiffError/invalid(op:message:)`` for a negative dimension.
    public init(shape: [Int], scalars: [Double]) throws {
        if shape.contains(where: { $0 < 0 }) {
            throw AutodiffError.invalid(op: "tensor", message: "negative dimension in shape \(formatShape(shape))")
        }
        guard Tensor.elementCount(shape) == scalars.count else {
            throw AutodiffError.elementCount(shape: shape, count: scalars.count)
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// Makes a tensor without checking; callers guarantee the count matches.
    init(unchecked shape: [Int], _ scalars: [Double]) {
        self.shape = shape
        self.scalars = scalars
    }

    /// A 0-d tensor holding `value`.
    public init(_ value: Double) {
        self.shape = []
        self.scalars = [value]
    }

    /// A 1-d tensor of `values`.
    public init(_ values: [Double]) {
        self.shape = [values.count]
        self.scalars = values
    }

    /// A 2-d tensor of `rows`.
    /// - Throws: when the rows have different lengths.
    public init(rows: [[Double]]) throws {
        try self.init(stacking: rows.map { Tensor($0) })
    }

    /// Stacks tensors of one shape along a new first axis, as a nested literal does.
    /// - Throws: when the parts have different shapes (a ragged literal).
    public init(stacking parts: [Tensor]) throws {
        guard let first = parts.first else {
            self.init(unchecked: [0], [])
            return
        }
        var scalars: [Double] = []
        scalars.reserveCapacity(first.count * parts.count)
        for part in parts {
            guard part.shape == first.shape else {
                throw AutodiffError.invalid(
                    op: "tensor",
                    message: "rows have different shapes \(formatShape(first.shape)) and \(formatShape(part.shape))")
            }
            scalars.append(contentsOf: part.scalars)
        }
        self.init(unchecked: [parts.count] + first.shape, scalars)
    }

    /// The number of elements.
    public var count: Int { scalars.count }
    /// The number of dimensions.
    public var rank: Int { shape.count }
    /// The only element, when there is exactly one.
    public var scalar: Double? { scalars.count == 1 ? scalars[0] : nil }

    static func elementCount(_ shape: [Int]) -> Int {
        var n = 1
        for d in shape {
            let (product, overflow) = n.multipliedReportingOverflow(by: d)
            if overflow { return Int.max }
            n = product
        }
        return n
    }
}

// MARK: - Constructors

extension Tensor {
    /// A tensor of `shape` filled with `value`.
    public static func full(_ shape: [Int], _ value: Double) -> Tensor {
        Tensor(unchecked: shape, [Double](repeating: value, count: Swift.max(0, elementCount(shape))))
    }
    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { full(shape, 0) }
    /// A tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor { full(shape, 1) }
    /// `[0, 1, …, n-1]`, as NumPy's `arange(n)`.
    public static func arange(_ n: Int) -> Tensor {
        Tensor((0..<Swift.max(0, n)).map(Double.init))
    }
    /// A tensor of the same shape as `other` filled with `value`.
    public static func full(like other: Tensor, _ value: Double) -> Tensor {
        Tensor(unchecked: other.shape, [Double](repeating: value, count: other.count))
    }
}
