import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Read by the crash handler, so written only while it is not armed.
nonisolated(unsafe) private var restoreBytes: UnsafeMutableBufferPointer<UInt8>?
nonisolated(unsafe) private var shellModes: UnsafeMutablePointer<termios>?
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?
private let crashArmed = Atomic<Bool>(false)

/// The last resort when the process crashes while the session holds the
/// terminal (a trap such as an index out of range, a segfault, abort): the
/// handler writes the terminal's own "leave the alternate screen, show the
/// cursor, plain text" strings and puts back the shell's tty modes, using only
/// `write` and `tcsetattr` (async-signal-safe); then it reinstates the
/// previous action and returns, so the fault recurs and ends the process as it
/// would have (with the Swift runtime's backtrace, now readable, if enabled).
enum CrashRestore {
    static var fatalSignals: [Int32] {
        #if arch(arm64)
            [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]
        #else
            [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT]
        #endif
    }

    /// Arms the handler with the bytes that restore the screen and the tty modes to put back.
    static func arm(bytes: [UInt8], modes: termios?) {
        guard !crashArmed.load(ordering: .sequentiallyConsistent) else { return }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        restoreBytes = UnsafeMutableBufferPointer(rebasing: buffer[0..<bytes.count])
        if let modes {
            let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
            saved.initialize(to: modes)
            shellModes = saved
        }
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        actions.initialize(repeating: sigaction(), count: 65)
        previousActions = actions
        crashArmed.store(true, ordering: .sequentiallyConsistent)
        for signo in fatalSignals {
            // SA_ONSTACK: a stack overflow can still run the handler if the runtime set up an alternate stack.
            var action = SignalAction.make(flags: Int32(SA_ONSTACK), CrashRestore.handle)
            sigaction(signo, &action, actions + Int(signo))
        }
    }

    /// Puts back the previous actions once the session has restored the terminal itself.
    static func disarm() {
        guard crashArmed.exchange(false, ordering: .sequentiallyConsistent), let actions = previousActions else {
            return
        }
        for signo in fatalSignals { sigaction(signo, actions + Int(signo), nil) }
        previousActions = nil
        actions.deallocate()
        restoreBytes?.deallocate()
        restoreBytes = nil
        shellModes?.deallocate()
        shellModes = nil
    }

    /// Puts back the tty modes saved at `arm` (for the exit-time restore).
    static func restoreShellModes() {
        if crashArmed.load(ordering: .sequentiallyConsistent), let modes = shellModes {
            tcsetattr(STDIN_FILENO, TCSADRAIN, modes)
        }
    }

    private static let handle: @convention(c) (Int32) -> Void = { signo in
        if crashArmed.exchange(false, ordering: .sequentiallyConsistent) {
            if let bytes = restoreBytes, let base = bytes.baseAddress, bytes.count > 0 {
                _ = write(STDOUT_FILENO, base, bytes.count)
            }
            if let modes = shellModes { _ = tcsetattr(STDIN_FILENO, TCSADRAIN, modes) }
        }
        if let actions = previousActions, signo > 0, signo < 65 { sigaction(signo, actions + Int(signo), nil) }
    }

    /// Terminfo strings may carry padding (`$<5>`), which only tputs understands; drop it.
    static func strippingPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
                let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">"))
            {
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}
