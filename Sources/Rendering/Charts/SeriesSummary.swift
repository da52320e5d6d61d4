/// A long series (a loss per iteration) summarised for drawing: the least and
/// greatest value over any range of it, found without walking the range.
///
/// A chart can show one column of dots per few thousand of a million values,
/// so it needs each column's extremes, not the values. Blocks of 16 values,
/// blocks of 16 blocks and so on each keep their extremes; a range is the few
/// blocks that tile it plus at most 15 values or blocks at each end of each
/// level. Building is one pass; the blocks take about a fifteenth of the
/// values' memory, and the values themselves are shared, not copied.
public struct SeriesSummary: Sendable {
    /// What a range of values holds, as a chart needs it.
    public struct Extent: Equatable, Sendable {
        /// The least and greatest finite value (nil when none is finite).
        public var finite: ClosedRange<Double>?
        /// The least and greatest value that is finite and above zero (what a log scale can draw).
        public var positive: ClosedRange<Double>?
        /// Values that are NaN or infinite.
        public var nonFinite = 0
        /// Finite values at or below zero.
        public var nonPositive = 0

        public init() {}

        init(_ v: Double) {
            if v.isFinite {
                finite = v...v
                if v > 0 { positive = v...v } else { nonPositive = 1 }
            } else {
                nonFinite = 1
            }
        }

        /// The range a chart draws: positive values on a log scale, finite ones otherwise.
        public func drawable(logScale: Bool) -> ClosedRange<Double>? { logScale ? positive : finite }

        mutating func add(_ other: Extent) {
            finite = Self.union(finite, other.finite)
            positive = Self.union(positive, other.positive)
            nonFinite += other.nonFinite
            nonPositive += other.nonPositive
        }

        private static func union(_ a: ClosedRange<Double>?, _ b: ClosedRange<Double>?) -> ClosedRange<Double>? {
            guard let a else { return b }
            guard let b else { return a }
            return Swift.min(a.lowerBound, b.lowerBound)...Swift.max(a.upperBound, b.upperBound)
        }
    }

    /// How many values there are.
    public let count: Int
    /// Reads a value in place (the values are shared with whoever gave them, not copied).
    private let read: @Sendable (Int) -> Double
    /// `levels[k][j]` covers values `j·16^(k+1) ..< (j+1)·16^(k+1)` (the last block may be shorter).
    private let levels: [[Extent]]
    private static let fan = 16

    public init<Values: RandomAccessCollection & Sendable>(_ values: Values)
    where Values.Element == Double, Values.Index == Int {
        count = values.count
        let start = values.startIndex
        read = { values[start + $0] }
        var levels: [[Extent]] = []
        if values.count > Self.fan {
            levels.append(Self.blocks(of: values.count) { Extent(values[start + $0]) })
        }
        while let below = levels.last, below.count > Self.fan {
            levels.append(Self.blocks(of: below.count) { below[$0] })
        }
        self.levels = levels
    }

    /// The extents of blocks of `fan` units out of `count`, each unit's read by `unit`.
    private static func blocks(of count: Int, _ unit: (Int) -> Extent) -> [Extent] {
        var level: [Extent] = []
        level.reserveCapacity((count + fan - 1) / fan)
        var start = 0
        while start < count {
            var block = Extent()
            for i in start..<Swift.min(start + fan, count) { block.add(unit(i)) }
            level.append(block)
            start += fan
        }
        return level
    }

    /// The value at `i` (from 0).
    public func value(_ i: Int) -> Double { read(i) }

    /// The extent of `values[range]` (clamped to the values).
    public func extent(_ range: Range<Int>) -> Extent {
        var lo = Swift.max(range.lowerBound, 0)
        var hi = Swift.min(range.upperBound, count)
        var result = Extent()
        guard lo < hi else { return result }
        // At each level, `lo` and `hi` are multiples of that level's unit `size`: take units
        // from both ends until they are multiples of the next level's, then go up.
        var size = 1
        var level = -1
        while lo < hi {
            let next = size * Self.fan
            let hasNext = level + 1 < levels.count
            func unit(_ start: Int) -> Extent {
                level < 0 ? Extent(read(start)) : levels[level][start / size]
            }
            if !hasNext {
                while lo < hi {
                    result.add(unit(lo))
                    lo += size
                }
                break
            }
            while lo < hi, lo % next != 0 {
                result.add(unit(lo))
                lo += size
            }
            while lo < hi, hi % next != 0 {
                hi -= size
                result.add(unit(hi))
            }
            size = next
            level += 1
        }
        return result
    }
}
