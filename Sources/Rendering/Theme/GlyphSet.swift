/// The non-letter glyphs widgets draw with: lines, corners, arrows, marks.
///
/// `.unicode` uses box drawing and arrows; `.ascii` prints nothing outside
/// ASCII (for `--ascii` and terminals without UTF-8). Widgets take their
/// glyphs from here instead of spelling characters themselves.
public struct GlyphSet: Equatable, Sendable {
    /// True when every glyph is ASCII.
    public var isASCII: Bool
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// `├`: a vertical line with a branch to the right.
    public var teeRight: String
    /// `┤`: a vertical line with a branch to the left.
    public var teeLeft: String
    /// `┬`: a horizontal line with a branch down.
    public var teeDown: String
    /// `┴`: a horizontal line with a branch up.
    public var teeUp: String
    public var cross: String
    public var arrowRight: String
    public var arrowLeft: String
    public var arrowUp: String
    public var arrowDown: String
    /// Marks the step running forward (with bold).
    public var forwardMark: String
    /// Marks the step running backward (with reverse).
    public var backwardMark: String
    public var ellipsis: String
    public var bullet: String
    public var minus: String
    public var times: String
    public var middleDot: String
    public var fullBlock: String
    public var upperHalf: String
    public var lowerHalf: String

    /// Box drawing, triangles and typographic marks.
    public static let unicode = GlyphSet(
        isASCII: false, horizontal: "─", vertical: "│",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤", teeDown: "┬", teeUp: "┴", cross: "┼",
        arrowRight: "▶", arrowLeft: "◀", arrowUp: "▲", arrowDown: "▼",
        forwardMark: "▶", backwardMark: "◀",
        ellipsis: "…", bullet: "•", minus: "−", times: "×", middleDot: "·",
        fullBlock: "█", upperHalf: "▀", lowerHalf: "▄")

    /// Only ASCII: `+-|`, `> < ^ v`, `...`, `#`.
    public static let ascii = GlyphSet(
        isASCII: true, horizontal: "-", vertical: "|",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+", cross: "+",
        arrowRight: ">", arrowLeft: "<", arrowUp: "^", arrowDown: "v",
        forwardMark: ">", backwardMark: "<",
        ellipsis: "...", bullet: "-", minus: "-", times: "x", middleDot: ".",
        fullBlock: "#", upperHalf: "#", lowerHalf: "#")

    /// The line glyph joining the given sides of a cell (for orthogonal
    /// edges drawn from direction masks): `─ │ ┌ ┐ └ ┘ ├ ┤ ┬ ┴ ┼`, or `- | +`.
    /// A single side draws a straight line through the cell; none is a space.
    public func junction(up: Bool, right: Bool, down: Bool, left: Bool) -> String {
        let vertical = up || down
        let horizontal = left || right
        switch (up, right, down, left) {
        case (false, false, false, false): return " "
        case (true, true, true, true): return cross
        case (true, true, true, false): return teeRight
        case (true, false, true, true): return teeLeft
        case (false, true, true, true): return teeDown
        case (true, true, false, true): return teeUp
        case (false, true, true, false): return topLeft
        case (false, false, true, true): return topRight
        case (true, true, false, false): return bottomLeft
        case (true, false, false, true): return bottomRight
        default: return vertical && !horizontal ? self.vertical : self.horizontal
        }
    }

    /// The four corners and two lines of a border in `style` (ASCII stays ASCII).
    public func border(_ style: BorderStyle) -> BorderGlyphs {
        if isASCII { return .ascii }
        switch style {
        case .square: return .square
        case .rounded: return .rounded
        case .double: return .double
        case .heavy: return .heavy
        case .ascii: return .ascii
        }
    }
}

/// The line style of a box border.
public enum BorderStyle: String, Equatable, Sendable, CaseIterable {
    case square, rounded, double
    /// Thick lines, for the focused box.
    case heavy
    /// `+-|`.
    case ascii
}

/// The six glyphs a border is drawn with.
public struct BorderGlyphs: Equatable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String

    public init(
        horizontal: String, vertical: String, topLeft: String, topRight: String,
        bottomLeft: String, bottomRight: String
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
    }

    public static let square = BorderGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘")
    public static let rounded = BorderGlyphs(
        horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
        bottomLeft: "╰", bottomRight: "╯")
    public static let double = BorderGlyphs(
        horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗",
        bottomLeft: "╚", bottomRight: "╝")
    public static let heavy = BorderGlyphs(
        horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
        bottomLeft: "┗", bottomRight: "┛")
    public static let ascii = BorderGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+")
}
