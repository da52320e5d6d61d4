import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Termination signals that arrived since the read loop last looked.
/// The handler only stores the number in an atomic (async-signal-safe);
/// curses is never called from it.
private let pendingSignal = Atomic<Int32>(0)

/// Records SIGINT, SIGTERM, SIGHUP and SIGQUIT for the read loop, so the
/// session can restore the terminal before the process ends.
///
/// Installed before `newterm`, so ncurses sees a handler and does not install
/// its own. A signal that was ignored when the session started (`nohup`)
/// stays ignored. The watched signals and SIGWINCH (ncurses's resize) are
/// unblocked while the session runs: a process can inherit a mask that blocks
/// them (Foundation's `Process` passes its thread's mask on), and then neither
/// a resize nor a SIGTERM would ever arrive.
struct SignalWatch {
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private var saved: [(signal: Int32, action: sigaction)] = []
    private var savedMask = sigset_t()

    /// Starts recording; keeps each signal's previous action for `restore`.
    static func install() -> SignalWatch {
        var watch = SignalWatch()
        // Touch the atomic here, so its one-time initialisation never runs inside a handler.
        pendingSignal.store(0, ordering: .sequentiallyConsistent)
        for signo in watched {
            var previous = sigaction()
            guard sigaction(signo, nil, &previous) == 0, !SignalAction.isIgnored(previous) else { continue }
            var action = SignalAction.make { number in
                _ = pendingSignal.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
            }
            if sigaction(signo, &action, nil) == 0 { watch.saved.append((signo, previous)) }
        }
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signo in watched + [SIGWINCH] { sigaddset(&unblock, signo) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, &watch.savedMask)
        return watch
    }

    /// Puts back the actions and the signal mask that were in place before `install`.
    func restore() {
        for (signo, action) in saved {
            var previous = action
            sigaction(signo, &previous, nil)
        }
        var mask = savedMask
        pthread_sigmask(SIG_SETMASK, &mask, nil)
    }

    /// The first signal recorded since the last call (clearing it), or nil.
    static func take() -> Int32? {
        let number = pendingSignal.exchange(0, ordering: .sequentiallyConsistent)
        return number == 0 ? nil : number
    }
}

/// Building and reading `sigaction` values portably.
enum SignalAction {
    static func make(flags: Int32 = 0, _ handler: @convention(c) (Int32) -> Void) -> sigaction {
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
        #else
            action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        return action
    }

    static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
            let handler = action.__sigaction_handler.sa_handler
        #else
            let handler = action.__sigaction_u.__sa_handler
        #endif
        guard action.sa_flags & Int32(SA_SIGINFO) == 0, let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1  // SIG_IGN
    }
}
