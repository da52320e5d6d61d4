import Autodiff
import Rendering

/// Tensors as every box, panel, export and text output writes them: the true
/// nesting of the shape (a (2, 1) column is `[[1] [1]]`, a (1, 2) row
/// `[[1 1]]`), small tensors in full, larger ones cut with `…` where they
/// are cut and the shape written in front, never silently.
public enum TensorText {
    /// `v` with at most `digits` significant digits (see ``NumberText``).
    public static func number(_ v: Double, digits: Int = 4, ascii: Bool = false) -> String {
        NumberText.format(v, digits: digits, ascii: ascii)
    }

    /// A value as a result: a scalar with six digits, a tensor on one line.
    public static func value(_ t: Tensor?, ascii: Bool = false) -> String {
        guard let t else { return "?" }
        if t.rank == 0, let v = t.scalar { return number(v, digits: 6, ascii: ascii) }
        return inline(t, ascii: ascii)
    }

    /// One line: a number for a scalar, else the elements nested as the
    /// shape nests them, at most `limit` per axis; a tensor cut short starts
    /// with its shape (unless `shape` is false, where it is written nearby)
    /// and shows `…` at each cut.
    public static func inline(_ t: Tensor?, limit: Int = 4, digits: Int = 4, ascii: Bool = false, shape: Bool = true)
        -> String
    {
        guard let t else { return "?" }
        if t.rank == 0, let v = t.scalar { return number(v, digits: digits, ascii: ascii) }
        let limit = Swift.max(limit, 1)
        let cut = t.shape.contains { $0 > limit }
        // A cut tensor of one repeated value (a gradient of ones) says so instead of listing it.
        if cut, let first = t.scalars.first, t.scalars.allSatisfy({ $0 == first }) {
            let dims = t.shape.map(String.init).joined(separator: ", ")
            if first == 1 { return "ones(\(dims))" }
            if first == 0 { return "zeros(\(dims))" }
            return "full(\(formatShape(t.shape)), \(number(first, digits: digits, ascii: ascii)))"
        }
        let dots = ascii ? "..." : "…"
        let scalars = t.scalars
        let strides = t.shape.indices.map { axis in t.shape[(axis + 1)...].reduce(1, *) }
        func nested(axis: Int, offset: Int) -> String {
            let n = t.shape[axis]
            var items: [String] = []
            for i in 0..<Swift.min(n, limit) {
                let at = offset + i * strides[axis]
                if axis == t.rank - 1 {
                    items.append(at < scalars.count ? number(scalars[at], digits: digits, ascii: ascii) : "?")
                } else {
                    items.append(nested(axis: axis + 1, offset: at))
                }
            }
            if n > limit { items.append(dots) }
            return "[" + items.joined(separator: " ") + "]"
        }
        let body = nested(axis: 0, offset: 0)
        return cut && shape ? formatShape(t.shape) + " " + body : body
    }

    /// A tensor as rows of a matrix, at most `maxRows` rows and `maxColumns`
    /// columns (the rest elided with `…`), columns aligned: `[[1 2 3]`, ` [4 5 6]]`.
    /// A scalar is one line; a vector is one row; a higher rank shows the
    /// last two axes of its first block after a line with the shape, and `…`
    /// for the blocks left out.
    /// - Parameter fromColumn: the first column shown (the inspector scrolls across); `…` marks columns left out before it.
    public static func matrix(
        _ t: Tensor, maxRows: Int = 3, maxColumns: Int = 4, digits: Int = 4, ascii: Bool = false, fromColumn: Int = 0
    ) -> [String] {
        if t.rank == 0, let v = t.scalar { return [number(v, digits: digits, ascii: ascii)] }
        let dots = ascii ? "..." : "…"
        let rows = t.rank == 1 ? 1 : t.shape[t.rank - 2]
        let columns = t.shape[t.rank - 1]
        guard rows > 0, columns > 0 else { return [formatShape(t.shape) + " []"] }
        let keepRows = rows <= maxRows ? rows : Swift.max(1, maxRows - 1)
        let start = Swift.min(Swift.max(fromColumn, 0), columns - 1)
        let keepColumns = columns - start <= maxColumns ? columns - start : Swift.max(1, maxColumns - 1)
        var cells: [[String]] = []
        for r in 0..<keepRows {
            var row: [String] = start > 0 ? [dots] : []
            for c in start..<(start + keepColumns) where r * columns + c < t.scalars.count {
                row.append(number(t.scalars[r * columns + c], digits: digits, ascii: ascii))
            }
            if start + keepColumns < columns { row.append(dots) }
            cells.append(row)
        }
        let widths = (0..<(cells.first?.count ?? 0)).map { c in
            cells.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, s in String(repeating: " ", count: Swift.max(0, widths[c] - s.count)) + s }
                .joined(separator: " ")
        }
        // Beyond two axes, the first matrix of the tensor inside all its brackets (the true
        // nesting: `[[[1 2 3]` for a (1, 2, 3)), then `…` where more matrices follow.
        let depth = Swift.min(t.rank, 2)
        let outer = t.rank - depth
        let blocks = t.rank > 2 ? t.shape[..<(t.rank - 2)].reduce(1, *) : 1
        var lines: [String] = []
        for (r, row) in cells.enumerated() {
            let first = r == 0
            let last = r == cells.count - 1 && keepRows == rows
            let lead =
                first
                ? String(repeating: "[", count: depth + outer) : String(repeating: " ", count: depth - 1 + outer) + "["
            let tail = last ? String(repeating: "]", count: depth + (blocks == 1 ? outer : 0)) : "]"
            lines.append(lead + line(row) + tail)
        }
        // Rows left out: `…` in the place of the next row, and the brackets the cut rows would close.
        if keepRows < rows {
            lines.append(
                String(repeating: " ", count: depth - 1 + outer) + dots
                    + String(repeating: "]", count: depth - 1 + (blocks == 1 ? outer : 0)))
        }
        if t.rank > 2 {
            lines.insert(formatShape(t.shape), at: 0)
            if blocks > 1 {
                lines.append(String(repeating: " ", count: outer) + dots + String(repeating: "]", count: outer))
            }
        }
        return lines
    }
}
