/// A rectangle of terminal cells: where a widget may draw.
///
/// A plain value like ratatui's: origin at the top-left, `right` and `bottom`
/// are one past the last column and row. Sizes are never negative.
public struct Rect: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// An empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// One past the last column (saturating, so huge rectangles never trap).
    public var right: Int { x.saturatingAdd(width) }
    /// One past the last row (saturating).
    public var bottom: Int { y.saturatingAdd(height) }
    /// True when there is no cell to draw into.
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    /// Number of cells.
    public var area: Int { width.saturatingMultiply(height) }

    public var description: String { "Rect(x: \(x), y: \(y), \(width)×\(height))" }

    /// The rectangle shrunk by `margin` on every side (empty when too small).
    public func inner(_ margin: Int) -> Rect {
        inner(horizontal: margin, vertical: margin)
    }

    /// The rectangle shrunk by separate horizontal and vertical margins.
    public func inner(horizontal: Int, vertical: Int) -> Rect {
        let h2 = max(0, horizontal).saturatingMultiply(2)
        let v2 = max(0, vertical).saturatingMultiply(2)
        let nx = x.saturatingAdd(max(0, horizontal))
        let ny = y.saturatingAdd(max(0, vertical))
        if h2 >= width || v2 >= height { return Rect(x: nx, y: ny, width: 0, height: 0) }
        return Rect(x: nx, y: ny, width: width - h2, height: height - v2)
    }

    /// The cells shared by both rectangles (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let r = min(right, other.right)
        let b = min(bottom, other.bottom)
        if r <= left || b <= top { return Rect(x: left, y: top, width: 0, height: 0) }
        return Rect(x: left, y: top, width: r.saturatingSubtract(left), height: b.saturatingSubtract(top))
    }

    /// The smallest rectangle holding both.
    public func union(_ other: Rect) -> Rect {
        if isEmpty { return other }
        if other.isEmpty { return self }
        let left = min(x, other.x)
        let top = min(y, other.y)
        return Rect(
            x: left, y: top, width: max(right, other.right).saturatingSubtract(left),
            height: max(bottom, other.bottom).saturatingSubtract(top))
    }

    /// True when both rectangles share at least one cell.
    public func intersects(_ other: Rect) -> Bool { !intersection(other).isEmpty }

    /// True when the cell at (`x`, `y`) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < right && py >= y && py < bottom
    }

    /// A rectangle of `width`×`height` centred in this one (clamped to fit).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width)
        let ch = min(max(0, h), height)
        return Rect(x: x.saturatingAdd((width - cw) / 2), y: y.saturatingAdd((height - ch) / 2), width: cw, height: ch)
    }

    /// The single row `row` counted from the top (empty when outside).
    public func row(_ row: Int) -> Rect {
        guard row >= 0, row < height else { return Rect(x: x, y: y.saturatingAdd(max(0, row)), width: 0, height: 0) }
        return Rect(x: x, y: y.saturatingAdd(row), width: width, height: 1)
    }
}

extension Int {
    /// `self + other`, clamped to `Int.min...Int.max` instead of trapping.
    @inline(__always)
    func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// `self - other`, clamped instead of trapping.
    @inline(__always)
    func saturatingSubtract(_ other: Int) -> Int {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other < 0 ? .max : .min) : difference
    }

    /// `self * other`, clamped instead of trapping.
    @inline(__always)
    func saturatingMultiply(_ other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
    }
}
