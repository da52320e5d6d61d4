// MARK: - Indexing: get_item with integers, slices and integer lists (NumPy's rules)

/// One item of an index such as `x[1, ::2, [0, 2]]`, read as NumPy reads it.
public enum IndexItem: Equatable, Sendable {
    /// An integer: picks one position and drops the axis (negative counts from the end).
    case at(Int)
    /// A slice `start:stop:step`, any part left out.
    case range(start: Int?, stop: Int?, step: Int?)
    /// An integer list: advanced indexing, which may repeat a position.
    case list([Int])
}

/// Where each element of `x[index]` comes from: its flat offset in `x`, in the
/// result's order, and the result's shape.
struct IndexPlan {
    let sources: [Int]
    let shape: [Int]

    /// Resolves `items` against a tensor of `shape` by NumPy's rules: integers and
    /// slices are basic; integer lists (and the integers beside them) are
    /// advanced, broadcast together, and their axis goes where the first of them
    /// was when they are adjacent, first otherwise.
    /// - Parameter sources: false to resolve only the shape (to check its size before building it).
    init(_ items: [IndexItem], shape: [Int], sources wanted: Bool = true) throws {
        let rank = shape.count
        guard items.count <= rank else {
            throw AutodiffError.invalid(
                op: "get_item",
                message: "too many indices: the tensor has \(rank) axes, but \(items.count) were indexed")
        }
        var strides = [Int](repeating: 1, count: rank)
        for d in stride(from: rank - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * shape[d + 1] }
        let padded = items + [IndexItem](repeating: .range(start: nil, stop: nil, step: nil), count: rank - items.count)
        let hasList = padded.contains { if case .list = $0 { true } else { false } }

        var base = 0
        var basic: [(dim: Int, offsets: [Int])] = []
        var advancedDims: [Int] = []
        var advanced: [(dim: Int, positions: [Int])] = []
        for (d, item) in padded.enumerated() {
            let n = shape[d]
            switch item {
            case .at(let i):
                let p = try IndexPlan.position(i, size: n, axis: d)
                if hasList {
                    advancedDims.append(d)
                    advanced.append((d, [p]))
                } else {
                    base += p * strides[d]
                }
            case .list(let list):
                advancedDims.append(d)
                advanced.append((d, try list.map { try IndexPlan.position($0, size: n, axis: d) }))
            case .range(let start, let stop, let step):
                let positions = try IndexPlan.slice(start, stop, step, size: n)
                basic.append((d, positions.map { $0 * strides[d] }))
            }
        }

        var axes: [[Int]] = basic.map(\.offsets)
        var dims = basic.map { $0.offsets.count }
        if hasList {
            let lengths = Set(advanced.map(\.positions.count).filter { $0 != 1 })
            guard lengths.count <= 1 else {
                throw AutodiffError.invalid(
                    op: "get_item",
                    message: "index lists of lengths \(lengths.sorted()) cannot be broadcast together")
            }
            let length = lengths.first ?? 1
            let offsets = (0..<length).map { k in
                advanced.reduce(0) { sum, a in sum + a.positions[a.positions.count == 1 ? 0 : k] * strides[a.dim] }
            }
            // Adjacent advanced items keep their place; separated ones go first, as in NumPy.
            let adjacent = advancedDims.last.map { $0 - advancedDims[0] + 1 == advancedDims.count } ?? true
            let at = adjacent ? basic.filter { $0.dim < advancedDims[0] }.count : 0
            axes.insert(offsets, at: at)
            dims.insert(length, at: at)
        }

        self.shape = dims
        var sources: [Int] = []
        guard wanted else {
            self.sources = []
            return
        }
        func walk(_ axis: Int, _ offset: Int) {
            if axis == axes.count {
                sources.append(offset)
                return
            }
            for o in axes[axis] { walk(axis + 1, offset + o) }
        }
        walk(0, base)
        self.sources = sources
    }

    /// A Python index made non-negative, checked against the axis size.
    private static func position(_ i: Int, size n: Int, axis: Int) throws -> Int {
        let p = i < 0 ? i + n : i
        guard p >= 0 && p < n else {
            throw AutodiffError.invalid(
                op: "get_item", message: "index \(i) is out of bounds for axis \(axis) with size \(n)")
        }
        return p
    }

    /// The positions `start:stop:step` selects along an axis of `n`, as Python's `slice.indices`.
    private static func slice(_ start: Int?, _ stop: Int?, _ step: Int?, size n: Int) throws -> [Int] {
        let step = step ?? 1
        guard step != 0 else { throw AutodiffError.invalid(op: "get_item", message: "a slice step cannot be zero") }
        func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> Int { Swift.min(Swift.max(v, lo), hi) }
        if step > 0 {
            let from = start.map { clamp($0 < 0 ? $0 + n : $0, 0, n) } ?? 0
            let to = stop.map { clamp($0 < 0 ? $0 + n : $0, 0, n) } ?? n
            return from < to ? Array(stride(from: from, to: to, by: step)) : []
        }
        let from = start.map { clamp($0 < 0 ? $0 + n : $0, -1, n - 1) } ?? (n - 1)
        let to = stop.map { clamp($0 < 0 ? $0 + n : $0, -1, n - 1) } ?? -1
        return from > to ? Array(stride(from: from, to: to, by: step)) : []
    }
}

/// The number of elements `x[items]` has, for a tensor of `shape`, without building it.
public func indexedShape(_ items: [IndexItem], of shape: [Int]) throws -> [Int] {
    try IndexPlan(items, shape: shape, sources: false).shape
}

/// DeZero's `GetItem` for any index (`x[rows]` being one): the elements are
/// gathered by flat offset; the gradient is scattered back into zeros of x's
/// shape and added where an offset repeats (DeZero's `GetItemGrad`, NumPy's `add.at`).
final class GetItem: UnaryFunction {
    let items: [IndexItem]
    init(_ items: [IndexItem]) { self.items = items }
    override var label: String { "get_item" }
    override var derivativeTexts: [String] { ["gx = zeros(x.shape); gx[index] += gy"] }
    override func forward(_ x: Tensor) throws -> Tensor {
        let plan = try IndexPlan(items, shape: x.shape)
        return try x.reshaped([x.count]).rows(plan.sources).reshaped(plan.shape)
    }
    @_specialize(where V == Tensor)
    override func backward<V: GradientValue>(_ gy: V, _ x: V, _ y: V) throws -> V {
        let shape = x.value.shape
        let plan = try IndexPlan(items, shape: shape)
        return try gy.reshaped([plan.sources.count]).scatteredRows(plan.sources, into: [x.value.count])
            .reshaped(shape)
    }
}

/// `x[items]`, as NumPy indexes (DeZero's `get_item`).
public func getItem(_ x: Variable, _ items: [IndexItem]) throws -> Variable { try GetItem(items)(x) }
/// The rows of `x` at `rows` (first axis), like `x[rows]` in NumPy.
public func getItem(_ x: Variable, rows: [Int]) throws -> Variable { try GetItem([.list(rows)])(x) }
