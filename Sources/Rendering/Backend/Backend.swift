/// Columns and rows of a screen.
public struct TerminalSize: Equatable, Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Where finished frames go, as ratatui's `Backend`: the real terminal
/// (`TerminalSession`, through ncurses) or a ``TestBackend`` that just keeps
/// the buffer. Widgets draw into a `Buffer`; only a backend turns cells into
/// what a terminal understands, so escape codes live in backends alone.
public protocol Backend: AnyObject {
    /// Columns and rows the next frame should have.
    var size: TerminalSize { get }
    /// Shows `buffer`; cells beyond `size` are dropped.
    func draw(_ buffer: Buffer)
    /// Makes the next `draw` repaint every cell (Ctrl-L, or after something else wrote to the screen).
    func forceFullRedraw()
}
