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

    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    /// True when there is no cell to draw into.
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    /// Number of cells.
    public var area: Int { width * height }

    public var description: String { "Rect(x: \(x), y: \(y), \(width)×\(height))" }

    /// The rectangle shrunk by `margin` on every side (empty when too small).
    public func inner(_ margin: Int) -> Rect {
        inner(horizontal: margin, vertical: margin)
    }

    /// The rectangle shrunk by separate horizontal and vertical margins.
    public func inner(horizontal: Int, vertical: Int) -> Rect {
        let w = width - 2 * horizontal
        let h = height - 2 * vertical
        if w <= 0 || h <= 0 { return Rect(x: x + horizontal, y: y + vertical, width: 0, height: 0) }
        return Rect(x: x + horizontal, y: y + vertical, width: w, height: h)
    }

    /// The cells shared by both rectangles (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let r = min(right, other.right)
        let b = min(bottom, other.bottom)
        if r <= left || b <= top { return Rect(x: left, y: top, width: 0, height: 0) }
        return Rect(x: left, y: top, width: r - left, height: b - top)
    }

    /// The smallest rectangle holding both.
    public func union(_ other: Rect) -> Rect {
        if isEmpty { return other }
        if other.isEmpty { return self }
        let left = min(x, other.x)
        let top = min(y, other.y)
        return Rect(x: left, y: top, width: max(right, other.right) - left,
                    height: max(bottom, other.bottom) - top)
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
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// The single row `row` counted from the top (empty when outside).
    public func row(_ row: Int) -> Rect {
        guard row >= 0, row < height else { return Rect(x: x, y: y + max(0, row), width: 0, height: 0) }
        return Rect(x: x, y: y + row, width: width, height: 1)
    }
}
