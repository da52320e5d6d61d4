import CNcursesw
import Rendering
#if canImport(Glibc)
import Glibc
#endif

/// The terminal, taken over with ncursesw for the lesson player: draws buffers,
/// reads keys, follows resizes, and always gives the terminal back.
///
/// Contract for the app:
/// 1. `let session = try TerminalSession.start(color:)` — throws ``TerminalError``
///    (print it, exit 2) without touching the terminal when it cannot run here.
/// 2. Loop: `session.draw(buffer)` with a buffer of `session.size`; then
///    `session.readKey(timeoutMs:)` — nil on timeout (use it as the animation tick).
///    `.resize` means `size` changed; `.interrupt` is Ctrl-C; `.terminate(signal:)`
///    is SIGTERM or SIGHUP.
/// 3. `session.stop()` before exiting (also done at exit as a last resort); after
///    `.terminate(signal:)` call ``TerminalSession/exit(bySignal:)``.
/// Signal handlers only record the signal; curses is never called from them.
public final class TerminalSession {
    /// Columns and rows.
    public private(set) var size: (width: Int, height: Int)
    /// Whether the locale's codeset is UTF-8; otherwise draw with ASCII glyphs.
    public let isUTF8: Bool
    /// The colours in use.
    public let colorMode: ColorMode

    private var pairs: ColorPairs
    private var previous: Buffer?
    private var stopped = false
    private let screen: OpaquePointer

    /// How colour is chosen: from the terminal, or never.
    public enum ColorChoice: String, Sendable, CaseIterable {
        case auto, always, never
    }

    private init(screen: OpaquePointer, isUTF8: Bool, colorMode: ColorMode) {
        self.screen = screen
        self.isUTF8 = isUTF8
        self.colorMode = colorMode
        size = (Int(bs_cols()), Int(bs_lines()))
        pairs = ColorPairs(mode: colorMode, limit: Int(bs_color_pairs()), colorCount: Int(bs_colors()))
    }

    /// Takes over the terminal.
    /// - Throws: ``TerminalError`` when there is no tty, `TERM` is unknown, or the
    ///   terminal cannot address the cursor; the terminal is left untouched then.
    public static func start(color: ColorChoice = .auto) throws -> TerminalSession {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty else { throw TerminalError.unknownTerminal(term) }
        guard let screen = bs_newterm() else { throw TerminalError.unknownTerminal(term) }
        guard term != "dumb", bs_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(screen)
            throw TerminalError.cannotAddressCursor(term)
        }
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased().filter { $0 != "-" }
        let utf8 = codeset == "UTF8"
        cbreak()
        noecho()
        nonl()
        keypad(bs_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        let noColor = (getenv("NO_COLOR").map { String(cString: $0) } ?? "").isEmpty == false
        var mode = ColorMode.none
        if color != .never, !noColor, has_colors() {
            start_color()
            use_default_colors()
            mode = bs_colors() >= 256 ? .ansi256 : .ansi16
        }
        let session = TerminalSession(screen: screen, isUTF8: utf8, colorMode: mode)
        SignalWatch.install()
        activeSession = true
        atexit { if activeSession { endwin(); activeSession = false } }
        return session
    }

    /// Copies the cells that changed since the last draw to the screen, in one update.
    public func draw(_ buffer: Buffer) {
        guard !stopped else { return }
        let width = Swift.min(buffer.width, size.width)
        let height = Swift.min(buffer.height, size.height)
        if let previous, previous.width != buffer.width || previous.height != buffer.height {
            self.previous = nil
        }
        if previous == nil { werase(bs_stdscr()) }
        for change in buffer.changes(from: previous) where change.x < width && change.y < height {
            guard !change.cell.isContinuation else { continue }
            put(change.cell, x: change.x, y: change.y)
        }
        previous = buffer
        wnoutrefresh(bs_stdscr())
        doupdate()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var attrs = bs_a_normal()
        let m = cell.style.modifiers
        if m.contains(.bold) { attrs |= bs_a_bold() }
        if m.contains(.reverse) { attrs |= bs_a_reverse() }
        if m.contains(.underline) { attrs |= bs_a_underline() }
        let pair = pairs.pair(fg: cell.style.fg, bg: cell.style.bg)
        var wide = cell.symbol.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        if wide.isEmpty { wide = [wchar_t(32)] }
        wide.append(0)
        _ = bs_put_cell(Int32(y), Int32(x), wide, attrs, pair)
    }

    /// Waits up to `timeoutMs` for a key; nil when none came. Never busy-waits.
    public func readKey(timeoutMs: Int) -> TerminalKey? {
        if let event = SignalWatch.take() { return event }
        guard !stopped else { return nil }
        wtimeout(bs_stdscr(), Int32(Swift.max(timeoutMs, 0)))
        var code: Int32 = 0
        let rc = bs_get_wch(&code)
        if let event = SignalWatch.take() { return event }
        switch rc {
        case bs_key_code_yes():
            let key = KeyDecoder.functionKey(Int(code))
            if key == .resize { size = (Int(bs_cols()), Int(bs_lines())) }
            return key
        case OK:
            return KeyDecoder.character(Int(code))
        default:
            return nil
        }
    }

    /// Gives the terminal back (leaves the alternate screen, shows the cursor). Idempotent.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
        delscreen(screen)
        activeSession = false
        SignalWatch.restoreDefaults()
    }

    /// Ends the process the way the signal would have, after ``stop()``.
    public static func exit(bySignal signal: Int32) -> Never {
        SignalWatch.restoreDefaults()
        raise(signal)
        Glibc.exit(128 + signal)
    }

    deinit { stop() }
}

/// Whether a session holds the terminal, for the exit-time restore.
nonisolated(unsafe) private var activeSession = false
