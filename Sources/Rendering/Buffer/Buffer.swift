/// A grid of cells that widgets draw into; the screen as pure data.
///
/// Nothing here touches a terminal. Reads outside the grid give a blank cell
/// and writes outside it are ignored, so no coordinate can trap. A wide
/// grapheme occupies two cells (the second holds `""`); overwriting either
/// half of one blanks the other half so rows never shift.
///
/// Storage is two flat arrays, a code per cell and a style per cell, so a
/// 200×60 frame is drawn and read without allocating a string per cell: a
/// grapheme of one scalar is stored as that scalar, a longer one (a letter
/// with combining marks, an emoji sequence) as an index into a side table.
public struct Buffer: Sendable {
    public let width: Int
    public let height: Int
    /// Per cell: a scalar value, `continuation`, or `clusterFlag | index into clusters`.
    var codes: [UInt32]
    var styles: [Style]
    /// Graphemes of more than one scalar, each stored once.
    var clusters: [String] = []
    var clusterIndex: [String: UInt32] = [:]

    /// Code of the second column of a wide grapheme (NUL is never drawn).
    static let continuation: UInt32 = 0
    static let clusterFlag: UInt32 = 0x8000_0000
    static let space: UInt32 = 0x20

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        let count = self.width.saturatingMultiply(self.height)
        codes = []
        styles = Array(repeating: fill.style, count: count)
        let narrow = displayWidth(fill.symbol) == 1 ? fill.symbol : " "
        let code = code(for: narrow)
        codes = Array(repeating: code, count: count)
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    @inline(__always)
    func inBounds(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// The cell at (`x`, `y`); a blank outside the buffer. Setting a wide
    /// symbol also claims the next column (or becomes a space at the edge).
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard inBounds(x, y) else { return .blank }
            let i = y * width + x
            return Cell(symbol: symbol(codes[i]), style: styles[i])
        }
        set {
            guard inBounds(x, y) else { return }
            let w = displayWidth(newValue.symbol)
            if w >= 2 {
                if x + 1 < width {
                    put(code(for: newValue.symbol), newValue.style, x, y)
                    put(Buffer.continuation, newValue.style, x + 1, y)
                } else {
                    put(Buffer.space, newValue.style, x, y)
                }
            } else if w == 0 {
                // Empty, a control character or a lone mark: nothing to show in a cell of its own.
                put(Buffer.space, newValue.style, x, y)
            } else {
                put(code(for: newValue.symbol), newValue.style, x, y)
            }
        }
    }

    /// Every cell, row by row (a copy: for tests and whole-screen comparisons).
    public var cells: [Cell] {
        (0..<codes.count).map { Cell(symbol: symbol(codes[$0]), style: styles[$0]) }
    }

    /// The symbol of the cell at (`x`, `y`) without building a `Cell`.
    public func symbol(x: Int, y: Int) -> String {
        inBounds(x, y) ? symbol(codes[y * width + x]) : " "
    }

    /// The style of the cell at (`x`, `y`) (plain outside).
    public func style(x: Int, y: Int) -> Style {
        inBounds(x, y) ? styles[y * width + x] : .plain
    }

    /// Writes one cell, first repairing a wide grapheme it would cut in half.
    @inline(__always)
    mutating func put(_ code: UInt32, _ style: Style, _ x: Int, _ y: Int) {
        let i = y * width + x
        if code != Buffer.continuation, codes[i] == Buffer.continuation, x > 0 {
            // Overwriting a right half: its left half can no longer stand.
            codes[i - 1] = Buffer.space
        }
        if x + 1 < width, codes[i + 1] == Buffer.continuation {
            // Overwriting a left half: drop the orphaned right half.
            codes[i + 1] = Buffer.space
        }
        codes[i] = code
        styles[i] = style
    }

    /// The stored code of a grapheme (interning multi-scalar ones).
    mutating func code(for symbol: String) -> UInt32 {
        var scalars = symbol.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return Buffer.continuation }
        if scalars.next() == nil { return first.value }
        if let known = clusterIndex[symbol] { return known }
        let code = Buffer.clusterFlag | UInt32(clusters.count)
        clusters.append(symbol)
        clusterIndex[symbol] = code
        return code
    }

    /// The grapheme a code stands for (`""` for a continuation).
    func symbol(_ code: UInt32) -> String {
        if code == Buffer.continuation { return "" }
        if code < 0x80 { return Buffer.asciiSymbols[Int(code)] }
        if code & Buffer.clusterFlag != 0 {
            let index = Int(code & ~Buffer.clusterFlag)
            return index < clusters.count ? clusters[index] : " "
        }
        return Unicode.Scalar(code).map { String(Character($0)) } ?? " "
    }

    /// Appends the UTF-8 of the grapheme a code stands for.
    @inline(__always)
    func appendUTF8(_ code: UInt32, to bytes: inout [UInt8]) {
        if code < 0x80 {
            if code != Buffer.continuation { bytes.append(UInt8(code)) }
        } else if code & Buffer.clusterFlag != 0 {
            bytes.append(contentsOf: symbol(code).utf8)
        } else if code < 0x800 {
            bytes.append(UInt8(0xC0 | (code >> 6)))
            bytes.append(UInt8(0x80 | (code & 0x3F)))
        } else if code < 0x10000 {
            bytes.append(UInt8(0xE0 | (code >> 12)))
            bytes.append(UInt8(0x80 | ((code >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (code & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (code >> 18)))
            bytes.append(UInt8(0x80 | ((code >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((code >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (code & 0x3F)))
        }
    }

    /// One-character strings for ASCII, so the common case allocates nothing.
    static let asciiSymbols: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// Sets the style of every cell in `rect` (clipped), keeping the symbols.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for row in r.y..<r.bottom {
            let base = row * width
            for col in r.x..<r.right { styles[base + col] = style }
        }
    }

    /// Fills `rect` (clipped) with copies of `cell` (a wide symbol becomes a space).
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        let code = displayWidth(cell.symbol) == 1 ? code(for: cell.symbol) : Buffer.space
        for row in r.y..<r.bottom {
            let base = row * width
            // Repair wide graphemes cut by the rectangle's edges, then fill straight through.
            if codes[base + r.x] == Buffer.continuation, r.x > 0 { codes[base + r.x - 1] = Buffer.space }
            if r.right < width, codes[base + r.right] == Buffer.continuation { codes[base + r.right] = Buffer.space }
            for i in (base + r.x)..<(base + r.right) {
                codes[i] = code
                styles[i] = cell.style
            }
        }
    }

    /// Blanks `rect` (clipped) in the default style.
    public mutating func clear(_ rect: Rect) { fill(rect, with: .blank) }

    /// Copies `other` onto this buffer with its top-left at (`x`, `y`), clipped.
    public mutating func blit(_ other: Buffer, x: Int, y: Int) {
        for row in 0..<other.height {
            var col = 0
            while col < other.width {
                let i = row * other.width + col
                let code = other.codes[i]
                if code == Buffer.continuation {
                    col += 1
                    continue
                }
                let wide = col + 1 < other.width && other.codes[i + 1] == Buffer.continuation
                let w = wide ? 2 : 1
                let tx = x.saturatingAdd(col)
                let ty = y.saturatingAdd(row)
                if inBounds(tx, ty), tx <= width - w {
                    let local = code & Buffer.clusterFlag != 0 ? self.code(for: other.symbol(code)) : code
                    put(local, other.styles[i], tx, ty)
                    if wide { put(Buffer.continuation, other.styles[i], tx + 1, ty) }
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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * 3)
        for row in 0..<height {
            bytes.removeAll(keepingCapacity: true)
            let base = row * width
            for col in 0..<width { appendUTF8(codes[base + col], to: &bytes) }
            out.append(String(decoding: bytes, as: UTF8.self))
        }
        return out
    }

    /// The plain rows joined by newlines (no trailing newline).
    public var text: String { lines().joined(separator: "\n") }
}

extension Buffer: Equatable {
    /// Same size and the same symbol and style in every cell.
    public static func == (a: Buffer, b: Buffer) -> Bool {
        guard a.width == b.width, a.height == b.height, a.styles == b.styles else { return false }
        if a.clusters.isEmpty && b.clusters.isEmpty { return a.codes == b.codes }
        for i in 0..<a.codes.count where a.codes[i] != b.codes[i] || a.codes[i] & clusterFlag != 0 {
            if a.symbol(a.codes[i]) != b.symbol(b.codes[i]) { return false }
        }
        return true
    }

    /// The cells that differ from `previous` (every cell when the sizes differ),
    /// for a backend that redraws only what changed.
    public func changes(from previous: Buffer?) -> [(x: Int, y: Int, cell: Cell)] {
        var out: [(x: Int, y: Int, cell: Cell)] = []
        let sameSize = previous.map { $0.width == width && $0.height == height } ?? false
        for i in 0..<codes.count {
            if sameSize, let previous, previous.styles[i] == styles[i] {
                let old = previous.codes[i]
                let new = codes[i]
                if old == new && new & Buffer.clusterFlag == 0 { continue }
                if previous.symbol(old) == symbol(new) { continue }
            }
            out.append(
                (x: i % max(1, width), y: i / max(1, width), cell: Cell(symbol: symbol(codes[i]), style: styles[i])))
        }
        return out
    }
}
