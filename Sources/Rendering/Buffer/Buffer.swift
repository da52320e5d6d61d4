/// A grid of cells that widgets draw into; the screen as pure data.
///
/// Nothing here touches a terminal. Reads outside the grid give a blank cell
/// and writes outside it are ignored, so no coordinate can trap. A wide
/// grapheme occupies two cells (the second holds `""`); overwriting either
/// half of one blanks the other half so rows never shift.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    @inline(__always)
    func inBounds(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// The cell at (`x`, `y`); a blank outside the buffer. Setting a wide
    /// symbol also claims the next column (or becomes a space at the edge).
    public subscript(x: Int, y: Int) -> Cell {
        get { inBounds(x, y) ? cells[y * width + x] : .blank }
        set {
            guard inBounds(x, y) else { return }
            let w = displayWidth(newValue.symbol)
            if w >= 2 {
                if x + 1 < width {
                    put(newValue, x, y)
                    put(Cell(symbol: "", style: newValue.style), x + 1, y)
                } else {
                    put(Cell(symbol: " ", style: newValue.style), x, y)
                }
            } else if newValue.symbol.isEmpty {
                put(Cell(symbol: " ", style: newValue.style), x, y)
            } else {
                put(newValue, x, y)
            }
        }
    }

    /// Writes one cell, first repairing a wide grapheme it would cut in half.
    @inline(__always)
    mutating func put(_ cell: Cell, _ x: Int, _ y: Int) {
        let i = y * width + x
        if !cell.symbol.isEmpty, cells[i].symbol.isEmpty, x > 0 {
            // Overwriting a right half: its left half can no longer stand.
            cells[i - 1].symbol = " "
        }
        if x + 1 < width, cells[i + 1].symbol.isEmpty {
            // Overwriting a left half: drop the orphaned right half.
            cells[i + 1].symbol = " "
        }
        cells[i] = cell
    }

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
        for character in s {
            if col >= limit { break }
            var w = displayWidth(character)
            var symbol: String
            if w == 0 {
                if character == "\t" {
                    w = 1
                    symbol = " "
                } else {
                    if character.asciiValue == nil {
                        if lastCell < 0, col == x { lastCell = cellBefore(col, y) }
                        if lastCell >= 0 { cells[lastCell].symbol.append(character) }
                    }
                    continue
                }
            } else {
                symbol = String(character)
            }
            if col + w > limit { break }
            if col < 0 {
                // Partly left of the buffer: show the visible half as a space.
                if col + w > 0 {
                    put(Cell(symbol: " ", style: style), 0, y)
                }
                col += w
                lastCell = -1
                continue
            }
            put(Cell(symbol: symbol, style: style), col, y)
            lastCell = y * width + col
            if w == 2 { put(Cell(symbol: "", style: style), col + 1, y) }
            col += w
        }
        return max(0, col.saturatingSubtract(x))
    }

    /// Index of the grapheme that ends just left of column `x`, or -1.
    func cellBefore(_ x: Int, _ y: Int) -> Int {
        var col = x - 1
        if inBounds(col, y), cells[y * width + col].symbol.isEmpty { col -= 1 }
        guard inBounds(col, y), cells[y * width + col].symbol != " " else { return -1 }
        return y * width + col
    }

    /// Writes `s` and pads with spaces in `style` up to `width` columns.
    public mutating func setLine(_ s: String, x: Int, y: Int, width: Int, style: Style) {
        let used = setString(s, x: x, y: y, style: style, maxWidth: width)
        if used < width {
            fill(Rect(x: x.saturatingAdd(used), y: y, width: width - used, height: 1), with: Cell(symbol: " ", style: style))
        }
    }

    /// Sets the style of every cell in `rect` (clipped), keeping the symbols.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for row in r.y..<r.bottom {
            let base = row * width
            for col in r.x..<r.right { cells[base + col].style = style }
        }
    }

    /// Lays `style`'s non-default parts over every cell in `rect` (clipped).
    public mutating func patchStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for row in r.y..<r.bottom {
            let base = row * width
            for col in r.x..<r.right { cells[base + col].style = cells[base + col].style.patched(with: style) }
        }
    }

    /// Fills `rect` (clipped) with copies of `cell` (a narrow symbol).
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        let narrow = displayWidth(cell.symbol) == 1 ? cell : Cell(symbol: " ", style: cell.style)
        for row in r.y..<r.bottom {
            for col in r.x..<r.right { put(narrow, col, row) }
        }
    }

    /// Blanks `rect` (clipped) in the default style.
    public mutating func clear(_ rect: Rect) { fill(rect, with: .blank) }

    /// Copies `other` onto this buffer with its top-left at (`x`, `y`), clipped.
    public mutating func blit(_ other: Buffer, x: Int, y: Int) {
        for row in 0..<other.height {
            var col = 0
            while col < other.width {
                let cell = other.cells[row * other.width + col]
                if cell.symbol.isEmpty { col += 1; continue }
                let tx = x.saturatingAdd(col)
                let ty = y.saturatingAdd(row)
                let w = max(1, displayWidth(cell.symbol))
                if inBounds(tx, ty), tx <= width - w {
                    put(cell, tx, ty)
                    if w == 2 { put(Cell(symbol: "", style: cell.style), tx + 1, ty) }
                }
                col += w
            }
        }
    }

    /// Plain text rows: each wide grapheme once, trailing spaces kept, so
    /// every row is exactly `width` columns wide.
    public func lines() -> [String] {
        var out: [String] = []
        out.reserveCapacity(height)
        for row in 0..<height {
            var line = ""
            line.reserveCapacity(width)
            let base = row * width
            for col in 0..<width {
                let s = cells[base + col].symbol
                if !s.isEmpty { line += s }
            }
            out.append(line)
        }
        return out
    }

    /// The plain rows joined by newlines (no trailing newline).
    public var text: String { lines().joined(separator: "\n") }
}
