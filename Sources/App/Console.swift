import Rendering
import Terminal

/// What the app loop runs on: a backend to draw frames and a source of keys.
/// `TerminalSession` is the real one; a test gives a ``TestBackend`` and a
/// script of keys, and the same loop runs without a terminal.
public protocol Console: Backend {
    /// Waits up to `timeoutMs` milliseconds for a key or an event; nil when the time passed without one.
    func readKey(timeoutMs: Int?) -> Key?
    /// Whether box drawing and other non-ASCII glyphs can be shown.
    var isUTF8: Bool { get }
    /// The colours in use (none: draw with the monochrome theme).
    var colorMode: ColorMode { get }
}

extension TerminalSession: Console {}
