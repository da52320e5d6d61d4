/// Why the terminal player cannot start here; the message suggests what to do instead.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, CI).
    case notATerminal
    /// `TERM` is unset or names a terminal the system does not know.
    case unknownTerminal(String)
    /// The terminal cannot move the cursor (`TERM=dumb`).
    case cannotAddressCursor(String)

    public var description: String {
        let hint = "try `backstep render FILE` to print a screen as text"
        switch self {
        case .notATerminal:
            return "backstep needs an interactive terminal (standard input and output are not a tty); \(hint)"
        case let .unknownTerminal(term):
            return "backstep does not know the terminal type TERM=\(term.isEmpty ? "(unset)" : term); set TERM (e.g. xterm-256color) or \(hint)"
        case let .cannotAddressCursor(term):
            return "the terminal TERM=\(term) cannot move the cursor, which the player needs; \(hint)"
        }
    }
}
