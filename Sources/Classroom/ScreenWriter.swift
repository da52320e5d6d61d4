import Rendering

/// Turns screens into the bytes that redraw a remote terminal, sending only
/// the rows that changed since the last screen it wrote.
///
/// The rows come from the same `Buffer.ansiLines` the `render` command uses,
/// so a student sees exactly what the teacher's player would draw at that size.
struct ScreenWriter {
    private var sent: [String] = []
    private var sentSize: WindowSize?
    let colors: ColorMode

    init(colors: ColorMode) { self.colors = colors }

    /// What enters the full-screen mode (alternate screen, hidden cursor).
    static let enter = Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J".utf8)
    /// What leaves it, so the student's shell is as it was.
    static let leave = Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)

    /// The bytes that turn the last screen written into `buffer`; empty when nothing changed.
    mutating func update(to buffer: Buffer) -> [UInt8] {
        let size = WindowSize(width: buffer.width, height: buffer.height)
        let lines = buffer.ansiLines(colors: colors)
        var out: [UInt8] = []
        if sentSize != size {
            // A new size: the terminal's old contents are stale everywhere.
            out.append(contentsOf: "\u{1B}[0m\u{1B}[H\u{1B}[2J".utf8)
            sent = []
            sentSize = size
        }
        for (row, line) in lines.enumerated() where row >= sent.count || sent[row] != line {
            out.append(contentsOf: "\u{1B}[\(row + 1);1H".utf8)
            out.append(contentsOf: line.utf8)
        }
        sent = lines
        return out
    }

    /// Forgets what was sent: the next update redraws every row.
    mutating func invalidate() {
        sent = []
        sentSize = nil
    }
}
