/// How much room one part of a layout asks for.
public enum Constraint: Equatable, Sendable {
    /// Exactly `n` cells (less when there is not enough room).
    case fixed(Int)
    /// `p` percent of the whole length.
    case percent(Int)
    /// A share of what is left, in proportion to `weight`, at least `min` cells when possible.
    case fill(weight: Int = 1, min: Int = 0)
}

/// Splits a rectangle into parts along one direction, like ratatui's layouts.
///
/// Parts are named by a value of the caller's own type (an enum of the
/// screen's areas), so a misspelt part does not compile.
///
/// Fixed and percent parts are served first, in order, then fill parts share
/// what is left by weight (remainders go to the earliest). Integer maths
/// only, so the same sizes always give the same rectangles.
public struct Layout<Part: Hashable & Sendable>: Sendable {
    public enum Direction: Sendable {
        /// Parts side by side, left to right.
        case horizontal
        /// Parts stacked, top to bottom.
        case vertical
    }

    public var direction: Direction
    public var parts: [(name: Part, constraint: Constraint)]
    /// Cells left empty between neighbouring parts.
    public var spacing: Int

    public init(_ direction: Direction, _ parts: [(Part, Constraint)], spacing: Int = 0) {
        self.direction = direction
        self.parts = parts.map { (name: $0.0, constraint: $0.1) }
        self.spacing = max(0, spacing)
    }

    /// Parts stacked top to bottom.
    public static func vertical(_ parts: [(Part, Constraint)], spacing: Int = 0) -> Layout<Part> {
        Layout(.vertical, parts, spacing: spacing)
    }

    /// Parts side by side.
    public static func horizontal(_ parts: [(Part, Constraint)], spacing: Int = 0) -> Layout<Part> {
        Layout(.horizontal, parts, spacing: spacing)
    }

    /// The rectangle of every part.
    public func split(_ area: Rect) -> LayoutParts<Part> {
        let total = direction == .horizontal ? area.width : area.height
        let sizes = Layout.sizes(
            parts.map(\.constraint),
            total: max(0, total.saturatingSubtract(spacing.saturatingMultiply(max(0, parts.count - 1)))))
        var rects: [(Part, Rect)] = []
        var offset = 0
        for (part, size) in zip(parts, sizes) {
            let rect: Rect
            switch direction {
            case .horizontal: rect = Rect(x: area.x.saturatingAdd(offset), y: area.y, width: size, height: area.height)
            case .vertical: rect = Rect(x: area.x, y: area.y.saturatingAdd(offset), width: area.width, height: size)
            }
            rects.append((part.name, rect))
            offset = offset.saturatingAdd(size).saturatingAdd(spacing)
        }
        return LayoutParts(rects)
    }

    /// `total * part / whole` without overflowing for any `total` (part ≤ whole).
    static func share(_ total: Int, _ part: Int, of whole: Int) -> Int {
        total / whole * part + total % whole * part / whole
    }

    static func sizes(_ constraints: [Constraint], total: Int) -> [Int] {
        var sizes = Array(repeating: 0, count: constraints.count)
        var left = total
        for (i, c) in constraints.enumerated() {
            switch c {
            case .fixed(let n): sizes[i] = min(max(0, n), left)
            case .percent(let p): sizes[i] = min(Layout.share(total, min(max(0, p), 100), of: 100), left)
            case .fill: continue
            }
            left -= sizes[i]
        }
        var fills = constraints.enumerated().compactMap { i, c -> (Int, Int, Int)? in
            if case .fill(let weight, let minimum) = c { return (i, min(max(0, weight), 10_000), max(0, minimum)) }
            return nil
        }
        // Minimums first, in order, as far as room allows.
        for (i, _, minimum) in fills {
            sizes[i] = min(minimum, left)
            left -= sizes[i]
        }
        let weightSum = fills.reduce(0) { $0 + $1.1 }
        guard left > 0, !fills.isEmpty else { return sizes }
        if weightSum == 0 { fills = fills.map { ($0.0, 1, $0.2) } }
        let weights = max(1, fills.reduce(0) { $0 + $1.1 })
        var given = 0
        for (i, weight, _) in fills {
            let share = Layout.share(left, weight, of: weights)
            sizes[i] += share
            given += share
        }
        var remainder = left - given
        for (i, weight, _) in fills where remainder > 0 && weight > 0 {
            sizes[i] += 1
            remainder -= 1
        }
        return sizes
    }
}

/// The rectangles a layout produced, by part and in order.
public struct LayoutParts<Part: Hashable & Sendable>: Sendable {
    /// Every part in layout order.
    public let rects: [(name: Part, rect: Rect)]

    init(_ rects: [(Part, Rect)]) { self.rects = rects.map { (name: $0.0, rect: $0.1) } }

    /// The rectangle of `name`; an empty rectangle when the layout has no such part.
    public subscript(_ name: Part) -> Rect {
        rects.first { $0.name == name }?.rect ?? .zero
    }
}
