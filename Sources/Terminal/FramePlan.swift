import Rendering

/// One ncurses cell to write: where, what (a spacing scalar and its combining marks) and how.
struct CellWrite: Equatable {
    var x: Int
    var y: Int
    var scalars: [Unicode.Scalar]
    var style: Style
}

/// Which cells to write to bring the screen from one frame to the next. Pure,
/// so the diff, the clipping and the wide-character rules are tested without a terminal.
enum FramePlan {
    /// The writes that turn `previous` into `buffer` on a screen of the given size.
    ///
    /// With no `previous` (first frame, a size change, a forced repaint) the
    /// screen has just been erased, so every cell but plain blanks is written.
    /// Cells beyond the screen are dropped; the second column of a wide
    /// grapheme is never written (ncurses fills it from the first).
    static func writes(
        for buffer: Buffer, since previous: Buffer?, screenWidth: Int, screenHeight: Int,
        width: (Unicode.Scalar) -> Int
    ) -> [CellWrite] {
        var out: [CellWrite] = []
        let comparable = previous.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        for change in buffer.changes(from: comparable) {
            let (x, y, cell) = (change.x, change.y, change.cell)
            guard x < screenWidth, y < screenHeight, !cell.isContinuation else { continue }
            if comparable == nil, cell == .blank { continue }
            let wide = x + 1 < buffer.width && buffer.symbol(x: x + 1, y: y).isEmpty
            let pieces = CellText.pieces(
                symbol: cell.symbol, columns: wide ? 2 : 1, room: screenWidth - x, width: width)
            for (offset, piece) in pieces.enumerated() {
                out.append(CellWrite(x: x + offset, y: y, scalars: piece, style: cell.style))
            }
        }
        return out
    }
}
