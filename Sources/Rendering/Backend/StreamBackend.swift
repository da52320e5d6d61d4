/// A backend for a terminal at the other end of a byte stream (an SSH
/// student's, in `backstep class`): each frame drawn becomes the bytes that
/// bring that terminal from the last frame to this one, rewriting only the
/// rows that changed. The caller sends ``takeOutput()`` down the stream.
public final class StreamBackend: Backend {
    public private(set) var size: TerminalSize
    public let colors: ColorMode
    /// Let nothing outside ASCII through (the terminal does not speak UTF-8).
    public let ascii: Bool
    private var sent: [String] = []
    private var sentSize: TerminalSize?
    private var output: [UInt8] = []

    public init(width: Int, height: Int, colors: ColorMode, ascii: Bool = false) {
        size = TerminalSize(width: width, height: height)
        self.colors = colors
        self.ascii = ascii
    }

    /// What enters the full-screen mode (alternate screen, hidden cursor).
    public static let enter = Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J".utf8)
    /// What leaves it, so the terminal is as it was.
    public static let leave = Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)

    /// The terminal changed size: the next frame has this size and is drawn whole.
    public func resize(width: Int, height: Int) { size = TerminalSize(width: width, height: height) }

    public func draw(_ buffer: Buffer) {
        var screen = Buffer(width: size.width, height: size.height)
        screen.blit(buffer, x: 0, y: 0)
        var lines = screen.ansiLines(colors: colors)
        if ascii {
            lines = lines.map { String(String.UnicodeScalarView($0.unicodeScalars.map { $0.isASCII ? $0 : "?" })) }
        }
        if sentSize != size {
            // A new size: the terminal's old contents are stale everywhere.
            output.append(contentsOf: "\u{1B}[0m\u{1B}[H\u{1B}[2J".utf8)
            sent = []
            sentSize = size
        }
        for (row, line) in lines.enumerated() where row >= sent.count || sent[row] != line {
            output.append(contentsOf: "\u{1B}[\(row + 1);1H".utf8)
            output.append(contentsOf: line.utf8)
        }
        sent = lines
    }

    /// Forgets what the terminal shows: the next frame rewrites every row.
    public func forceFullRedraw() {
        sent = []
        sentSize = nil
    }

    /// The bytes drawn since the last call; empty when nothing changed.
    public func takeOutput() -> [UInt8] {
        defer { output = [] }
        return output
    }
}
