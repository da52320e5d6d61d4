/// A backend with no terminal behind it, as ratatui's `TestBackend`: it keeps
/// the screen as a buffer of its size, so a test drives an app and then reads
/// what a student would see — the text and, through ``Buffer/styleLines()``, the styles.
public final class TestBackend: Backend {
    public private(set) var size: TerminalSize
    /// The screen: the last frame drawn, clipped to `size`.
    public private(set) var buffer: Buffer
    /// How many frames were drawn.
    public private(set) var drawCount = 0
    /// How many full redraws were asked for.
    public private(set) var fullRedraws = 0

    public init(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        buffer = Buffer(width: width, height: height)
    }

    public func draw(_ frame: Buffer) {
        var screen = Buffer(width: size.width, height: size.height)
        screen.blit(frame, x: 0, y: 0)
        buffer = screen
        drawCount += 1
    }

    public func forceFullRedraw() { fullRedraws += 1 }

    /// Changes the size, as a terminal window being resized; the screen is blank until the next draw.
    public func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        buffer = Buffer(width: width, height: height)
    }
}
