extension Buffer {
    /// Writes `s` from (`x`, `y`) by display width and returns the columns it advanced.
    ///
    /// Wide graphemes take two cells; one that would be cut at the edge is not
    /// drawn. Zero-width marks join the grapheme before them. Writing stops at
    /// the buffer's right edge or after `maxWidth` columns; columns left of 0
    /// are skipped. Tabs become a space, other control characters are dropped.
    @discardableResult
    public mutating func setString(_ s: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        let limit = min(width, maxWidth.map { x.saturatingAdd(max(0, $0)) } ?? Int.max)
        guard y >= 0, y < height, x < limit else { return 0 }
        var col = x
        var lastCell = -1  // index of the last grapheme written, for combining marks
        // Fast path: leading printable ASCII, byte by byte. A byte followed by a
        // non-ASCII one may start a longer grapheme (`e` + accent), so it waits.
        let asciiPrefix =
            s.utf8.withContiguousStorageIfAvailable { bytes -> Int in
                var k = 0
                while k < bytes.count, col < limit {
                    let b = bytes[k]
                    if b >= 0x80 || (k + 1 < bytes.count && bytes[k + 1] >= 0x80) { break }
                    if b >= 0x20 && b != 0x7F || b == 0x09 {
                        if col >= 0 {
                            put(b == 0x09 ? Buffer.space : UInt32(b), style, col, y)
                            lastCell = y * width + col
                        }
                        col += 1
                    }
                    k += 1
                }
                return k
            } ?? 0
        let scalars = s.unicodeScalars
        var i = asciiPrefix == 0 ? scalars.startIndex : s.utf8.index(s.utf8.startIndex, offsetBy: asciiPrefix)
        while i < scalars.endIndex, col < limit {
            var w: Int
            var code: UInt32
            let scalar = scalars[i]
            let next = scalars.index(after: i)
            if let fast = Buffer.simpleWidth(scalar),
                next == scalars.endIndex || Buffer.simpleWidth(scalars[next]) != nil
            {
                // A scalar that is a grapheme on its own: no segmentation needed.
                w = fast
                code = scalar.value
                i = next
            } else {
                let character = s[i]
                i = s.index(after: i)
                w = displayWidth(character)
                if w == 0 {
                    guard character == "\t" else {
                        if character.asciiValue == nil {
                            if lastCell < 0, col == x { lastCell = cellBefore(col, y) }
                            if lastCell >= 0 { attach(character, to: lastCell) }
                        }
                        continue
                    }
                    w = 1
                    code = Buffer.space
                } else {
                    code = self.code(for: String(character))
                }
            }
            if col + w > limit { break }
            if col < 0 {
                // Partly left of the buffer: show the visible half as a space.
                if col + w > 0 { put(Buffer.space, style, 0, y) }
                col += w
                lastCell = -1
                continue
            }
            put(code, style, col, y)
            lastCell = y * width + col
            if w == 2 { put(Buffer.continuation, style, col + 1, y) }
            col += w
        }
        return max(0, col.saturatingSubtract(x))
    }

    /// Writes one narrow scalar (a chart dot, a line glyph) at (`x`, `y`); outside is ignored.
    mutating func setScalar(_ value: UInt32, x: Int, y: Int, style: Style) {
        guard inBounds(x, y), value >= 0x20 else { return }
        put(value, style, x, y)
    }

    /// Writes `s` and pads with spaces in `style` up to `width` columns.
    public mutating func setLine(_ s: String, x: Int, y: Int, width: Int, style: Style) {
        let used = setString(s, x: x, y: y, style: style, maxWidth: width)
        if used < width {
            fill(
                Rect(x: x.saturatingAdd(used), y: y, width: width - used, height: 1),
                with: Cell(symbol: " ", style: style))
        }
    }

    /// Index of the grapheme that ends just left of column `x`, or -1.
    func cellBefore(_ x: Int, _ y: Int) -> Int {
        var col = x - 1
        if inBounds(col, y), codes[y * width + col] == Buffer.continuation { col -= 1 }
        guard inBounds(col, y), codes[y * width + col] != Buffer.space else { return -1 }
        return y * width + col
    }

    /// Adds a zero-width mark to the grapheme stored at cell `index`.
    mutating func attach(_ mark: Character, to index: Int) {
        var joined = symbol(codes[index])
        joined.append(mark)
        codes[index] = code(for: joined)
    }

    /// The width of a scalar that can never join its neighbours into one
    /// grapheme (printable ASCII, Latin, Greek, punctuation, arrows, maths,
    /// box drawing, blocks, braille, Hangul syllables, CJK), or nil.
    ///
    /// Two such scalars in a row always have a grapheme break between them,
    /// so they can be placed without Unicode segmentation.
    @inline(__always)
    static func simpleWidth(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2FF, 0x370...0x3FF, 0x2010...0x2027, 0x2030...0x205E,
            0x2070...0x209F, 0x2190...0x22FF, 0x2500...0x25FC, 0x2800...0x28FF:
            return 1
        case 0xAC00...0xD7A3, 0x4E00...0x9FFF, 0x3131...0x318E:
            return 2
        default:
            return nil
        }
    }
}
