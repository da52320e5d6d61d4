import CNcursesw
import Rendering
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether a session holds the terminal, for the exit-time restore.
private let sessionActive = Atomic<Bool>(false)
private let atexitRegistered = Atomic<Bool>(false)

/// The terminal, taken over with ncursesw for the lesson player: draws
/// buffers, reads keys, follows resizes, and always gives the terminal back.
/// The only type in the project that talks to a terminal.
///
/// ## Contract
/// ```swift
/// let session: TerminalSession
/// do { session = try TerminalSession.start(colorPreference: .auto) }
/// catch { printToStderr(error.description); exit(2) }  // terminal untouched
/// defer { session.stop() }                             // idempotent
/// // session.isUTF8 == false → draw with ASCII glyphs
/// while true {
///     session.draw(screen(for: session.size))          // a Buffer of session.size
///     switch session.readKey(timeoutMs: tick) {        // nil: the tick passed, no key
///     case .resize?: continue                          // size updated; next draw repaints all
///     case .signal(let s)?: session.stop(); TerminalSession.exit(forSignal: s)
///     case .ctrlC?, .character("q")?: session.stop(); return
///     case .control("l")?: session.forceFullRedraw()
///     case let key?: handle(key)
///     case nil: advanceAnimation()
///     }
/// }
/// ```
/// - One session at a time, used from one thread. Do not print to stdout
///   while it is active (it owns the screen); print after `stop()`.
/// - Call `readKey` regularly (it is where signals are noticed); it never
///   busy-waits: it sleeps in the kernel until a key, a signal or the timeout.
/// - SIGINT (Ctrl-C), SIGTERM, SIGHUP and SIGQUIT only set a flag; `readKey`
///   returns `.ctrlC` for SIGINT and `.signal(n)` for the others, within a
///   few milliseconds even while blocked. Curses is never called from a handler.
/// - The terminal is restored by `stop()`, by `deinit`, at `exit()` (atexit),
///   and on a crash (fatal signal) by a last-resort handler.
public final class TerminalSession: Backend {
    /// The checks that passed at start: terminal type, UTF-8, colours terminfo lists.
    public let capabilities: TerminalCapabilities
    /// The colours in use (none with `NO_COLOR`, `.never`, or a colourless terminal).
    public let colorMode: ColorMode
    /// Columns and rows; updated when `readKey` returns `.resize`.
    public private(set) var size: TerminalSize
    /// False once `stop()` ran.
    public private(set) var isActive = true
    /// The last termination signal `readKey` reported (stays set), if any.
    public private(set) var receivedSignal: Int32?

    /// Whether the locale's codeset is UTF-8; otherwise draw with ASCII glyphs.
    public var isUTF8: Bool { capabilities.isUTF8 }

    private let screen: OpaquePointer
    private let signals: SignalWatch
    /// The tty modes from before `start`, put back by `stop`.
    private var shellModes: termios?
    private var pairs: ColorPairs
    /// The frame on the screen, to draw only what changed.
    private var previous: Buffer?
    /// How the terminal draws ambiguous-width characters; `.wide` sends their
    /// narrow stand-ins instead (see `AmbiguousStandIn`).
    public var ambiguous: AmbiguousWidth = .narrow
    /// Repaint every cell on the next draw, clearing the physical screen first (after a resize, Ctrl-L).
    private var clearOnNextDraw = false

    /// Waits longer than this are taken in slices, so that a signal landing
    /// between the flag check and the wait is still noticed soon.
    static let waitSliceMs = 250

    private init(
        screen: OpaquePointer, capabilities: TerminalCapabilities, colorMode: ColorMode,
        defaultColors: Bool, signals: SignalWatch
    ) {
        self.screen = screen
        self.capabilities = capabilities
        self.colorMode = colorMode
        self.signals = signals
        size = TerminalSize(width: Int(bs_cols()), height: Int(bs_lines()))
        pairs = ColorPairs(
            mode: colorMode, colorCount: Int(bs_colors()), pairLimit: Int(bs_color_pairs()),
            defaultColors: defaultColors, define: { pair, fg, bg in _ = init_pair(pair, fg, bg) })
    }

    /// Takes over the terminal: alternate screen, no echo, keys one at a time
    /// with the keypad decoded, hidden cursor, colour as preferred.
    /// - Throws: ``TerminalError`` (the terminal is left untouched) when there is
    ///   no tty, `TERM` is unset or unknown, the terminal cannot address the
    ///   cursor, or a session is already running.
    public static func start(colorPreference: ColorPreference = .auto) throws(TerminalError) -> TerminalSession {
        if sessionActive.load(ordering: .sequentiallyConsistent) { throw .alreadyActive }
        let capabilities = try TerminalCapabilities.check()
        var modes = termios()
        let haveModes = tcgetattr(STDIN_FILENO, &modes) == 0
        fflush(nil)  // what the program printed before belongs on the normal screen
        let signals = SignalWatch.install()
        guard let screen = bs_newterm() else {
            signals.restore()
            throw .startFailed(term: capabilities.term)
        }
        cbreak()
        noecho()
        nonl()
        keypad(bs_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        for extra in KeyDecoder.extraSequences where key_defined(extra.sequence) == 0 {
            define_key(extra.sequence, extra.code)
        }
        let noColor = TerminalCapabilities.environment("NO_COLOR")
        var mode = capabilities.colorMode(for: colorPreference, noColor: noColor)
        var defaultColors = false
        if mode != .none {
            if has_colors(), start_color() == OK {
                defaultColors = use_default_colors() == OK
                // COLORS after start_color is what the screen really has.
                mode = TerminalCapabilities.colorMode(
                    preference: colorPreference, noColor: noColor, colorCount: Int(bs_colors()))
            } else {
                mode = .none
            }
        }
        let session = TerminalSession(
            screen: screen, capabilities: capabilities, colorMode: mode, defaultColors: defaultColors,
            signals: signals)
        session.shellModes = haveModes ? modes : nil
        CrashRestore.arm(bytes: restoreSequence(), modes: session.shellModes)
        sessionActive.store(true, ordering: .sequentiallyConsistent)
        if !atexitRegistered.exchange(true, ordering: .sequentiallyConsistent) {
            atexit {
                guard sessionActive.exchange(false, ordering: .sequentiallyConsistent) else { return }
                endwin()
                CrashRestore.restoreShellModes()
            }
        }
        return session
    }

    /// What the terminal needs to leave the player's state: plain attributes,
    /// a visible cursor, keypad off, the normal screen.
    private static func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for name in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = bs_tigetstr(name) { bytes += Array(String(cString: value).utf8) }
        }
        return CrashRestore.strippingPadding(bytes)
    }

    // MARK: - Drawing

    /// Shows `buffer`, writing only the cells that changed since the last draw,
    /// in one screen update. A buffer larger than the screen is clipped; the
    /// part of the screen a smaller buffer does not cover stays blank.
    public func draw(_ buffer: Buffer) {
        guard isActive else { return }
        let buffer = ambiguous == .wide ? buffer.withAmbiguousStandIns() : buffer
        let window = bs_stdscr()
        var since = previous
        if clearOnNextDraw || since?.width != buffer.width || since?.height != buffer.height {
            werase(window)
            if clearOnNextDraw { clearok(bs_curscr(), true) }
            since = nil
        }
        // stdscr's own size, not `size`: a resize not yet read must not be drawn into.
        let writes = FramePlan.writes(
            for: buffer, since: since, screenWidth: Int(bs_cols()), screenHeight: Int(bs_lines()),
            width: { Int(bs_wcwidth($0.value)) })
        var text: [wchar_t] = []
        for write in writes {
            text.removeAll(keepingCapacity: true)
            for scalar in write.scalars { text.append(wchar_t(bitPattern: scalar.value)) }
            text.append(0)
            let pair = pairs.pair(fg: write.style.fg, bg: write.style.bg)
            // ERR at the bottom-right corner only means the cursor could not advance; the cell is drawn.
            _ = bs_put_cell(Int32(write.y), Int32(write.x), text, write.style.modifiers.cursesAttributes, pair)
        }
        previous = buffer
        clearOnNextDraw = false
        wnoutrefresh(window)
        doupdate()
    }

    /// Makes the next `draw` clear the physical screen and repaint every cell
    /// (for Ctrl-L, or after something else wrote to the terminal).
    public func forceFullRedraw() {
        clearOnNextDraw = true
    }

    // MARK: - Keys

    /// Waits up to `timeoutMs` milliseconds (nil: until something happens; 0:
    /// just look) for a key or an event. Returns nil when the time passed
    /// without one, which makes it the animation tick. Sleeps in the kernel,
    /// never spins. After `stop()` it returns at once.
    public func readKey(timeoutMs: Int?) -> Key? {
        if let key = takeSignal() { return key }
        guard isActive else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMs.map { clock.now + .milliseconds(Swift.max(0, $0)) }
        while true {
            var wait = TerminalSession.waitSliceMs
            if let deadline {
                let left = clock.now.duration(to: deadline).components
                let leftMs = Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000)
                wait = Swift.max(0, Swift.min(wait, leftMs))
            }
            wtimeout(bs_stdscr(), Int32(wait))
            var code: Int32 = 0
            let result = bs_get_wch(&code)
            // A signal interrupts the wait (get_wch returns ERR at once); it wins over a key read with it.
            if let key = takeSignal() { return key }
            if result == bs_key_code_yes(), let key = KeyDecoder.functionKey(Int(code)) {
                if key == .resize { noteResize() }
                return key
            }
            if result == OK, let key = KeyDecoder.character(Int(code)) { return key }
            // Timeout, an interrupted wait, or a code that is no key: keep waiting out the time.
            if let deadline, clock.now >= deadline { return nil }
        }
    }

    private func takeSignal() -> Key? {
        guard let number = SignalWatch.take() else { return nil }
        if number == SIGINT { return .ctrlC }
        receivedSignal = number
        return .signal(number)
    }

    private func noteResize() {
        size = TerminalSize(width: Int(bs_cols()), height: Int(bs_lines()))
        clearOnNextDraw = true
    }

    // MARK: - Ending

    /// Gives the terminal back: normal screen, cursor, echo and line editing,
    /// the signal actions from before `start`. Idempotent; the session draws
    /// nothing and reads no keys afterwards.
    public func stop() {
        guard isActive else { return }
        isActive = false
        CrashRestore.disarm()
        curs_set(1)
        endwin()
        delscreen(screen)
        // endwin restores the modes ncurses holds as the shell's, but its Ctrl-Z
        // handler re-reads them on resume and can pick up the player's own (seen
        // after a suspend and `fg`): put back exactly what was there before start.
        if var modes = shellModes { tcsetattr(STDIN_FILENO, TCSADRAIN, &modes) }
        sessionActive.store(false, ordering: .sequentiallyConsistent)
        signals.restore()
    }

    /// Ends the process the way `signal` would have if nobody had caught it
    /// (the parent sees "killed by signal", a shell reports 128 + signal);
    /// falls back to `exit(128 + signal)`. Call after ``stop()``.
    public static func exit(forSignal signal: Int32) -> Never {
        fflush(nil)
        var action = sigaction()
        sigemptyset(&action.sa_mask)  // a zeroed handler is SIG_DFL
        sigaction(signal, &action, nil)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, signal)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        raise(signal)
        #if canImport(Glibc)
            Glibc.exit(128 + signal)
        #else
            Darwin.exit(128 + signal)
        #endif
    }

    deinit { stop() }
}

extension Modifiers {
    /// The ncurses attributes for these modifiers.
    var cursesAttributes: attr_t {
        var attributes = bs_a_normal()
        if contains(.bold) { attributes |= bs_a_bold() }
        if contains(.reverse) { attributes |= bs_a_reverse() }
        if contains(.underline) { attributes |= bs_a_underline() }
        if contains(.dim) { attributes |= bs_a_dim() }
        return attributes
    }
}
