/// Numbers in a block font, for reading the loss from the back of a room.
///
/// One 3×5 pixel font drawn two ways: `.small` packs two pixel rows per
/// cell with half blocks (`▀ ▄ █`, 3 rows tall); `.large` gives every pixel a
/// full row and two columns (5 rows tall). With ASCII glyphs every inked
/// cell is `#`. Knows digits, `.`, `-`, `+`, `e`, and the letters of `nan`
/// and `inf`; anything else is a blank the width of a digit.
public struct BigDigits: Widget, Sendable {
    public enum Size: Sendable {
        /// 3 rows, 3 columns per digit.
        case small
        /// 5 rows, 6 columns per digit.
        case large

        public var rows: Int { self == .small ? 3 : 5 }
    }

    public var text: String
    public var size: Size
    public var style: Style
    public var glyphs: GlyphSet
    public var alignment: Alignment

    public init(
        _ text: String, size: Size = .small, style: Style = .plain, glyphs: GlyphSet = .unicode,
        alignment: Alignment = .left
    ) {
        self.text = text
        self.size = size
        self.style = style
        self.glyphs = glyphs
        self.alignment = alignment
    }

    /// Columns the text takes at `size` (one blank column between characters).
    public static func width(of text: String, size: Size) -> Int {
        let scale = size == .large ? 2 : 1
        var total = 0
        for (i, character) in text.enumerated() {
            if i > 0 { total += scale }
            total += BigDigits.bitmap(character)[0].count * scale
        }
        return total
    }

    /// `value` in the largest size and most digits that fit `width` columns (the
    /// whole number, fewer digits, then scientific with its whole exponent); the
    /// large size only when it keeps the digits worth reading (three, or as many as
    /// the small size shows); nil when not even the small size fits.
    public static func fitting(_ value: Double, width: Int, digits: Int = 4) -> (text: String, size: Size)? {
        func fit(_ size: Size) -> String? {
            NumberText.fitting(
                value, width: width, digits: digits, ascii: true, measure: { BigDigits.width(of: $0, size: size) })
        }
        let small = fit(.small)
        if let large = fit(.large), significant(large) >= Swift.min(3, small.map(significant) ?? 0) {
            return (large, .large)
        }
        return small.map { ($0, .small) }
    }

    /// Significant digits of a number as written (`7.1e10` has 2, `0.05` has 1).
    static func significant(_ text: String) -> Int {
        let mantissa = text.split(separator: "e").first ?? Substring(text)
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
        return Swift.max(digits.count, text.contains { $0.isNumber } ? 1 : 0)
            + (text.hasSuffix("inf") || text == "nan" ? 9 : 0)
    }

    /// The rows of text this widget draws, each the same width.
    public func lines() -> [String] {
        let pixels = pixelRows()
        switch size {
        case .large:
            return pixels.map { row in
                row.map { $0 ? glyphs.fullBlock + glyphs.fullBlock : "  " }.joined()
            }
        case .small:
            return (0..<3).map { r in
                let top = pixels[2 * r]
                let bottom = 2 * r + 1 < pixels.count ? pixels[2 * r + 1] : Array(repeating: false, count: top.count)
                return zip(top, bottom).map { t, b in
                    switch (t, b) {
                    case (true, true): return glyphs.fullBlock
                    case (true, false): return glyphs.upperHalf
                    case (false, true): return glyphs.lowerHalf
                    case (false, false): return " "
                    }
                }.joined()
            }
        }
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let rows = lines()
        let w = BigDigits.width(of: text, size: size)
        let x: Int
        switch alignment {
        case .left: x = area.x
        case .center: x = area.x + max(0, (area.width - w) / 2)
        case .right: x = area.x + max(0, area.width - w)
        }
        for (i, row) in rows.prefix(area.height).enumerated() {
            buffer.setString(row, x: x, y: area.y + i, style: style, maxWidth: area.right - x)
        }
    }

    /// Five rows of pixels for the whole text, a blank column between characters.
    func pixelRows() -> [[Bool]] {
        var rows = Array(repeating: [Bool](), count: 5)
        for (i, character) in text.enumerated() {
            let glyph = BigDigits.bitmap(character)
            for r in 0..<5 {
                if i > 0 { rows[r].append(false) }
                rows[r] += glyph[r].map { $0 == "#" }
            }
        }
        return rows
    }

    /// The 3×5 (or narrower) bitmap of one character, `#` for ink.
    static func bitmap(_ c: Character) -> [String] {
        switch c {
        case "0": return ["###", "#.#", "#.#", "#.#", "###"]
        case "1": return [".#.", "##.", ".#.", ".#.", "###"]
        case "2": return ["###", "..#", "###", "#..", "###"]
        case "3": return ["###", "..#", ".##", "..#", "###"]
        case "4": return ["#.#", "#.#", "###", "..#", "..#"]
        case "5": return ["###", "#..", "###", "..#", "###"]
        case "6": return ["###", "#..", "###", "#.#", "###"]
        case "7": return ["###", "..#", ".#.", ".#.", ".#."]
        case "8": return ["###", "#.#", "###", "#.#", "###"]
        case "9": return ["###", "#.#", "###", "..#", "###"]
        case ".": return [".", ".", ".", ".", "#"]
        case ",": return [".", ".", ".", "#", "#"]
        case "-", "−": return ["...", "...", "###", "...", "..."]
        case "+": return ["...", ".#.", "###", ".#.", "..."]
        case "e", "E": return ["###", "#..", "##.", "#..", "###"]
        case "n", "N": return ["...", "##.", "#.#", "#.#", "#.#"]
        case "a", "A": return ["...", ".##", "#.#", "#.#", ".##"]
        case "i", "I": return ["#", ".", "#", "#", "#"]
        case "f", "F": return [".##", "#..", "##.", "#..", "#.."]
        case " ": return ["..", "..", "..", "..", ".."]
        default: return ["...", "...", "...", "...", "..."]
        }
    }
}
