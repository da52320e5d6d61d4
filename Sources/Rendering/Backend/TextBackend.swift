/// A backend for files and pipes: each frame drawn becomes text, plain or
/// with SGR escapes, in ``lastFrame``. `backstep render` prints them;
/// `backstep record` puts them in a recording. With ``Buffer/ansiLines(colors:)``
/// it is where the project's escape codes live (ncurses writes the terminal's own).
public final class TextBackend: Backend {
    public let size: TerminalSize
    /// nil: plain text; else SGR escapes for this many colours.
    public let colors: ColorMode?
    /// Let nothing outside ASCII through (a lesson could smuggle some into an ASCII screen).
    public let ascii: Bool
    /// Starts each frame by homing the cursor and clearing the screen, for a stream replayed in a terminal.
    public let clearsScreen: Bool
    /// Between rows: "\n" for a file, "\r\n" for a raw terminal stream.
    public let lineSeparator: String
    /// The last frame drawn: exactly `size.height` rows of `size.width` columns (before escapes).
    public private(set) var lastFrame = ""

    public init(
        width: Int, height: Int, colors: ColorMode?, ascii: Bool = false, clearsScreen: Bool = false,
        lineSeparator: String = "\n"
    ) {
        size = TerminalSize(width: width, height: height)
        self.colors = colors
        self.ascii = ascii
        self.clearsScreen = clearsScreen
        self.lineSeparator = lineSeparator
    }

    public func draw(_ buffer: Buffer) {
        var screen = Buffer(width: size.width, height: size.height)
        screen.blit(buffer, x: 0, y: 0)
        var lines = colors.map { screen.ansiLines(colors: $0) } ?? screen.lines()
        if ascii {
            lines = lines.map { String(String.UnicodeScalarView($0.unicodeScalars.map { $0.isASCII ? $0 : "?" })) }
        }
        lastFrame = (clearsScreen ? "\u{1B}[H\u{1B}[2J" : "") + lines.joined(separator: lineSeparator)
    }

    /// Every frame is written whole; nothing to force.
    public func forceFullRedraw() {}
}
