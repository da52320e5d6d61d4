import Autodiff
import Foundation

/// Tensors as the boxes and panels write them: short numbers, a real minus
/// sign, and matrices cut down to a few rows and columns with an ellipsis.
public enum TensorText {
    /// `v` with at most `digits` significant digits; whole numbers without a point.
    public static func number(_ v: Double, digits: Int = 4, ascii: Bool = false) -> String {
        var text: String
        if v.isNaN {
            text = "nan"
        } else if v.isInfinite {
            text = v < 0 ? "-inf" : "inf"
        } else if v == v.rounded(), abs(v) < 1e7 {
            text = String(Int64(v))
        } else {
            text = formatG(v, digits: Swift.max(1, Swift.min(digits, 17)))
        }
        if text == "-0" { text = "0" }
        if !ascii, text.hasPrefix("-") { text = "−" + text.dropFirst() }
        return text
    }

    /// C's `%.<digits>g` (Foundation's `String(format:)` costs ten times more, and screens format thousands).
    private static func formatG(_ v: Double, digits: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 40)
        let written = withVaList([v]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 40, "%.\(digits)g", args) }
        }
        guard written > 0 else { return String(v) }
        return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// One line: a number for a scalar, the elements of a small tensor in
    /// brackets, else the shape and the first `limit` elements.
    /// - Parameter shape: false leaves the shape out (`[1 2 3 …]`), where it is written nearby.
    public static func inline(_ t: Tensor?, limit: Int = 3, digits: Int = 4, ascii: Bool = false, shape: Bool = true)
        -> String
    {
        guard let t else { return "?" }
        if t.rank == 0, let v = t.scalar { return number(v, digits: digits, ascii: ascii) }
        let shown = t.scalars.prefix(Swift.max(limit, 1)).map { number($0, digits: digits, ascii: ascii) }
        let open = String(repeating: "[", count: Swift.max(t.rank, 1))
        let close = String(repeating: "]", count: Swift.max(t.rank, 1))
        if t.count <= limit { return open + shown.joined(separator: " ") + close }
        // A tensor of one repeated value (a gradient of ones) says so instead of listing it.
        if let first = t.scalars.first, t.scalars.allSatisfy({ $0 == first }) {
            let dims = t.shape.map(String.init).joined(separator: ", ")
            if first == 1 { return "ones(\(dims))" }
            if first == 0 { return "zeros(\(dims))" }
            return "full((\(dims)), \(number(first, digits: digits, ascii: ascii)))"
        }
        return (shape ? formatShape(t.shape) + " " : "") + "[" + shown.joined(separator: " ")
            + (ascii ? " ...]" : " …]")
    }

    /// A tensor as rows of a matrix, at most `maxRows` rows and `maxColumns`
    /// columns (the rest elided), columns aligned: `[[1 2 3]`, ` [4 5 6]]`.
    /// A scalar is one line; a vector is one row; higher ranks show their last
    /// two axes of the first block, after a line with the shape.
    public static func matrix(_ t: Tensor, maxRows: Int = 3, maxColumns: Int = 4, digits: Int = 4, ascii: Bool = false)
        -> [String]
    {
        if t.rank == 0, let v = t.scalar { return [number(v, digits: digits, ascii: ascii)] }
        let dots = ascii ? "..." : "…"
        let rows = t.rank == 1 ? 1 : t.shape[t.rank - 2]
        let columns = t.shape[t.rank - 1]
        guard rows > 0, columns > 0 else { return [formatShape(t.shape) + " []"] }
        let keepRows = rows <= maxRows ? rows : Swift.max(1, maxRows - 1)
        let keepColumns = columns <= maxColumns ? columns : Swift.max(1, maxColumns - 1)
        var cells: [[String]] = []
        for r in 0..<keepRows {
            var row: [String] = []
            for c in 0..<keepColumns where r * columns + c < t.scalars.count {
                row.append(number(t.scalars[r * columns + c], digits: digits, ascii: ascii))
            }
            if keepColumns < columns { row.append(dots) }
            cells.append(row)
        }
        let widths = (0..<(cells.first?.count ?? 0)).map { c in cells.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, s in String(repeating: " ", count: Swift.max(0, widths[c] - s.count)) + s }
                .joined(separator: " ")
        }
        let depth = Swift.min(t.rank, 2)
        var lines: [String] = []
        for (r, row) in cells.enumerated() {
            let first = r == 0
            let last = r == cells.count - 1 && keepRows == rows
            let lead = first ? String(repeating: "[", count: depth) : String(repeating: " ", count: depth - 1) + "["
            let tail = last ? String(repeating: "]", count: depth) : "]"
            lines.append(lead + line(row) + tail)
        }
        if keepRows < rows { lines.append(String(repeating: " ", count: depth) + dots) }
        if t.rank > 2 { lines.insert(formatShape(t.shape), at: 0) }
        return lines
    }
}
