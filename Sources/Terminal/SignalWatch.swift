#if canImport(Glibc)
import Glibc
#endif

/// Records SIGINT, SIGTERM and SIGHUP so the read loop can restore the terminal
/// and leave; the handlers only store a number (async-signal-safe).
enum SignalWatch {
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func install() {
        for signo in watched {
            signal(signo) { received in pendingSignal = received }
        }
    }

    static func restoreDefaults() {
        for signo in watched { signal(signo, SIG_DFL) }
    }

    /// The key for a signal that arrived since the last call, if any.
    static func take() -> TerminalKey? {
        let signo = pendingSignal
        guard signo != 0 else { return nil }
        pendingSignal = 0
        return signo == SIGINT ? .interrupt : .terminate(signal: signo)
    }
}

nonisolated(unsafe) private var pendingSignal: Int32 = 0
