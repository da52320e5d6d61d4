/// A key press, or an event the read loop must act on, as `TerminalSession.readKey` reports it.
///
/// Keys the player does not know (mouse reports, unmapped escape sequences)
/// are never reported; they are skipped while the read keeps waiting.
public enum Key: Hashable, Sendable {
    /// A printable character, Korean and other wide characters included.
    case character(Character)
    case enter, escape, backspace, tab, backTab, delete, insert
    /// Arrow keys; with Shift they arrive as the plain arrow.
    case up, down, left, right
    /// PageUp / PageDown: what presenter clickers send.
    case pageUp, pageDown, home, end
    /// F1…F63 (the number).
    case function(Int)
    /// Ctrl-C, pressed at the keyboard or sent as SIGINT: quit cleanly.
    case ctrlC
    /// Another Ctrl combination, named by its lowercase letter or symbol:
    /// `.control("l")` is Ctrl-L. (Ctrl-H, Ctrl-I, Ctrl-M and Ctrl-[ are
    /// Backspace, Tab, Enter and Escape; Ctrl-Z, Ctrl-S and Ctrl-Q belong to
    /// the terminal.)
    case control(Character)
    /// The terminal changed size; `TerminalSession.size` already holds the new
    /// size and the next `draw` repaints everything.
    case resize
    /// SIGTERM, SIGHUP or SIGQUIT arrived: stop the session and call
    /// `TerminalSession.exit(forSignal:)`.
    case signal(Int32)
}

extension Key {
    /// The shell's exit status for a process ended by this signal (128 + number), else nil.
    public var signalExitStatus: Int32? {
        if case .signal(let number) = self { return 128 + number }
        return nil
    }
}
