import CNcursesw
import Rendering

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether the colour is chosen from the terminal (`auto`), forced on despite
/// `NO_COLOR` (`always`, still limited to what the terminal has), or off (`never`).
public enum ColorPreference: String, Sendable, CaseIterable {
    case auto, always, never
}

/// What this process's terminal can do, found without touching it: whether
/// both ends are ttys, the terminal type, the character set and the colours.
///
/// `check()` is what `TerminalSession.start` runs first; call it yourself to
/// decide early (for example before loading anything) whether the player can run.
public struct TerminalCapabilities: Equatable, Sendable {
    /// The `TERM` value.
    public let term: String
    /// Whether the locale's codeset is UTF-8. Otherwise draw with ASCII glyphs:
    /// ncursesw would show box drawing and braille as blanks.
    public let isUTF8: Bool
    /// Colours terminfo lists for `term`; 0 when it has none.
    public let colorCount: Int

    public init(term: String, isUTF8: Bool, colorCount: Int) {
        self.term = term
        self.isUTF8 = isUTF8
        self.colorCount = colorCount
    }

    /// Sets the locale from the environment (`setlocale(LC_ALL, "")`) and checks
    /// that the player can run here.
    /// - Throws: ``TerminalError`` when stdin or stdout is not a tty, `TERM` is
    ///   unset or unknown, or the terminal cannot address the cursor.
    public static func check() throws(TerminalError) -> TerminalCapabilities {
        setlocale(LC_ALL, "")
        if isatty(STDIN_FILENO) != 1 { throw .notATerminal(stream: "standard input") }
        if isatty(STDOUT_FILENO) != 1 { throw .notATerminal(stream: "standard output") }
        let term = environment("TERM") ?? ""
        var colors: Int32 = -1
        let probe = term.isEmpty ? 0 : bs_probe_terminfo(term, STDOUT_FILENO, &colors)
        if let error = refusal(term: term, probe: Int(probe)) { throw error }
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        return TerminalCapabilities(term: term, isUTF8: isUTF8Codeset(codeset), colorCount: max(0, Int(colors)))
    }

    /// The colours to use for a preference and the value of `NO_COLOR`
    /// (set and non-empty means no colour unless the preference is `always`).
    public func colorMode(for preference: ColorPreference, noColor: String?) -> ColorMode {
        TerminalCapabilities.colorMode(preference: preference, noColor: noColor, colorCount: colorCount)
    }

    // MARK: - Pure decisions (tested without a terminal)

    /// Why the player cannot run, from the terminfo probe's result, or nil.
    static func refusal(term: String, probe: Int) -> TerminalError? {
        if term.isEmpty { return .termUnset }
        if term == "dumb" { return .noCursorAddressing(term: term) }
        switch probe {
        case 1: return nil
        case 2: return .noCursorAddressing(term: term)
        case -1: return .noTerminfoDatabase(term: term)
        default: return .unknownTerminal(term: term)
        }
    }

    /// "UTF-8", "utf8", "UTF_8" all name UTF-8.
    static func isUTF8Codeset(_ name: String) -> Bool {
        name.uppercased().filter { $0 != "-" && $0 != "_" } == "UTF8"
    }

    static func colorMode(preference: ColorPreference, noColor: String?, colorCount: Int) -> ColorMode {
        switch preference {
        case .never: return .none
        case .auto where !(noColor ?? "").isEmpty: return .none
        default:
            if colorCount >= 256 { return .ansi256 }
            if colorCount >= 8 { return .ansi16 }
            return .none
        }
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
