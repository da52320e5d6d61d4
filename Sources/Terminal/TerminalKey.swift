/// A key press or terminal event, decoded from ncurses.
public enum TerminalKey: Equatable, Sendable {
    case character(Character)
    case enter, escape, backspace, tab, backTab, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    /// Ctrl-C (delivered as SIGINT and turned into a key).
    case interrupt
    /// The window changed size; `TerminalSession.size` is already updated.
    case resize
    /// SIGTERM or SIGHUP arrived: restore the terminal and exit with 128 + signal.
    case terminate(signal: Int32)
}
