/// Why the terminal player cannot run here. The description is a complete
/// message for the user and suggests `backstep render`; the caller prints it
/// and exits with status 2. When one of these is thrown the terminal has not
/// been touched.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, CI); names the stream.
    case notATerminal(stream: String)
    /// `TERM` is unset or empty.
    case termUnset
    /// `TERM` names a terminal type this system's terminfo does not know.
    case unknownTerminal(term: String)
    /// There is no terminfo database at all.
    case noTerminfoDatabase(term: String)
    /// The terminal cannot move the cursor (`TERM=dumb`, a hardcopy terminal).
    case noCursorAddressing(term: String)
    /// ncurses refused to start even though the checks passed.
    case startFailed(term: String)
    /// A session is already running in this process.
    case alreadyActive

    static let hint = "To print a lesson's screens as text instead, use `backstep render FILE`."

    public var description: String {
        let reason: String
        switch self {
        case .notATerminal(let stream):
            reason = "\(stream) is not a terminal, and the player needs an interactive one."
        case .termUnset:
            reason = "TERM is not set, so the terminal type is unknown. Set it, e.g. TERM=xterm-256color."
        case .unknownTerminal(let term):
            reason = "the terminal type TERM=\(term) is unknown to this system. Try TERM=xterm-256color."
        case .noTerminfoDatabase(let term):
            reason = "no terminfo database was found to describe TERM=\(term) (is ncurses-base installed?)."
        case .noCursorAddressing(let term):
            reason = "the terminal TERM=\(term) cannot move the cursor, which the player needs."
        case .startFailed(let term):
            reason = "ncurses could not start on this terminal (TERM=\(term))."
        case .alreadyActive:
            return "cannot open the terminal player: it is already running in this process."
        }
        return "cannot open the terminal player: \(reason) \(TerminalError.hint)"
    }
}
