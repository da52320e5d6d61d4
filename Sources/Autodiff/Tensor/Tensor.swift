/// An n-dimensional array of `Double`, stored row-major: the data that flows
/// through a graph.
///
/// A tensor of shape `[]` is a scalar. Every operation that can fail on shapes
/// throws ``AutodiffError`` instead of trapping.
public struct Tensor: Equatable, Sendable {
    /// The size of each dimension; `[]` for a scalar.
    public let shape: [Int]
    // A graph of scalars is mostly one-element tensors: keeping that one value
    // inline spares a heap array per value and per gradient (the allocation and
    // reference counting were most of a scalar graph's cost). Invariant:
    // `elements` is nil exactly when the tensor has one element, held in `single`;
    // otherwise `single` is 0, so the synthesised `==` compares values.
    var single: Double
    var elements: [Double]?

    /// The elements in row-major order; `scalars.count` is the product of `shape`.
    public var scalars: [Double] {
        get { elements ?? [single] }
        set { assign(newValue) }
        _modify {
            var values = elements ?? [single]
            // Dropped while the caller changes `values`, so the array is not copied.
            elements = nil
            defer { assign(values) }
            yield &values
        }
    }

    @inline(__always)
    mutating func assign(_ values: [Double]) {
        if values.count == 1 {
            single = values[0]
            elements = nil
        } else {
            single = 0
            elements = values
        }
    }

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
        self.init(unchecked: shape, scalars)
    }

    /// Makes a tensor without checking; callers guarantee the count matches.
    @inline(__always)
    init(unchecked shape: [Int], _ scalars: [Double]) {
        self.shape = shape
        self.single = 0
        self.elements = nil
        assign(scalars)
    }

    /// A one-element tensor of `shape` without checking (no array is made).
    @inline(__always)
    init(unchecked shape: [Int], single value: Double) {
        self.shape = shape
        self.single = value
        self.elements = nil
    }

    /// `other`'s elements under another shape of the same count, shared, not copied.
    @inline(__always)
    init(unchecked shape: [Int], elementsOf other: Tensor) {
        self.shape = shape
        self.single = other.single
        self.elements = other.elements
    }

    /// A 0-d tensor holding `value`.
    public init(_ value: Double) {
        self.init(unchecked: [], single: value)
    }

    /// A 1-d tensor of `values`.
    public init(_ values: [Double]) {
        self.init(unchecked: [values.count], values)
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
            part.withElements { scalars.append(contentsOf: $0) }
        }
        self.init(unchecked: [parts.count] + first.shape, scalars)
    }

    /// The number of elements.
    public var count: Int { elements?.count ?? 1 }
    /// The number of dimensions.
    public var rank: Int { shape.count }
    /// The only element, when there is exactly one.
    public var scalar: Double? { elements == nil ? single : nil }

    /// The first element (nan for an empty tensor), without making an array.
    @inline(__always)
    var first: Double {
        guard let elements else { return single }
        return elements.first ?? .nan
    }

    /// Calls `body` with the elements in place (an inline value included).
    @inline(__always)
    func withElements<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        if let elements { return try elements.withUnsafeBufferPointer(body) }
        var value = single
        return try withUnsafePointer(to: &value) { try body(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Calls `body` with the elements to change in place (copied first only if shared).
    @inline(__always)
    mutating func withMutableElements<R>(_ body: (UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
        if var values = elements {
            // Dropped while `body` runs, so `values` is uniquely held unless another tensor shares it.
            elements = nil
            defer { elements = values }
            return try values.withUnsafeMutableBufferPointer { try body($0) }
        }
        return try withUnsafeMutablePointer(to: &single) { try body(UnsafeMutableBufferPointer(start: $0, count: 1)) }
    }

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
        let n = Swift.max(0, elementCount(shape))
        return n == 1
            ? Tensor(unchecked: shape, single: value) : Tensor(unchecked: shape, [Double](repeating: value, count: n))
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
        full(other.shape, value)
    }
}
