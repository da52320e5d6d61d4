/// How one buffer cell is handed to ncurses so that it covers exactly the
/// columns the buffer gave it.
///
/// ncurses measures characters with the C library's `wcwidth` in the current
/// locale, which can disagree with `displayWidth` (an emoji the C library
/// thinks narrow, any non-ASCII character under `LANG=C`). If the two
/// disagreed, ncurses would shift the rest of the row; instead the cell is
/// drawn as something of the right width.
enum CellText {
    /// ncurses keeps one spacing character and up to four combining ones per cell.
    static let maxScalars = 5

    /// What to put at the cell's column, then (when a wide grapheme has to be
    /// shown as narrow ones) at the next: one scalar list per ncurses cell.
    /// - Parameters:
    ///   - columns: 2 for a wide grapheme (the buffer's next cell is its continuation), else 1.
    ///   - room: columns left on the screen from this one (at least 1).
    ///   - width: the C library's `wcwidth` for a scalar (-1 when not printable).
    static func pieces(symbol: String, columns: Int, room: Int, width: (Unicode.Scalar) -> Int) -> [[Unicode.Scalar]] {
        let scalars = Array(symbol.unicodeScalars)
        guard let first = scalars.first else { return [[" "]] }
        if columns == 1, scalars.count == 1, first.value >= 0x20, first.value < 0x7F { return [[first]] }
        // A wide grapheme cut by the screen's right edge: ncurses would wrap it to the next row.
        if columns > room { return [[" "]] }
        let firstWidth = width(first)
        if firstWidth == columns {
            var cell = [first]
            for mark in scalars.dropFirst() where cell.count < maxScalars {
                // Only combining marks share the cell; anything else (the rest of an emoji sequence) is dropped.
                guard width(mark) == 0 else { break }
                cell.append(mark)
            }
            return [cell]
        }
        if columns == 2, firstWidth == 1 { return [[first], [" "]] }
        return Array(repeating: ["?"], count: columns)
    }
}
