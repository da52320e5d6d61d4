import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program the way a login shell would: no blocked signals, default
/// signal actions, stdin from /dev/null, and its output collected through
/// temporary files.
///
/// Foundation's `Process` hands the calling thread's signal mask to the child,
/// and test-runner threads block almost every signal; tmux then passes that
/// mask on to the pane's program, where SIGTERM, SIGHUP and SIGWINCH would
/// never arrive (and `kill-server`, which signals the server itself, would do
/// nothing). Files rather than pipes: the tmux server forks off the first
/// client and must not keep its output open.
enum CleanSpawn {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        var description: String {
            switch self {
            case .spawn(let path, let code): return "cannot start \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Signals a child gets back at their default action.
    static let resetSignals: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGWINCH, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGALRM, SIGUSR1,
        SIGUSR2,
    ]

    static func run(_ path: String, _ arguments: [String], environment: [String: String]) throws -> Result {
        let folder = NSTemporaryDirectory()
        let id = UUID().uuidString
        let outPath = folder + "backstep-spawn-\(id).out"
        let errPath = folder + "backstep-spawn-\(id).err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signo in resetSignals { sigaddset(&defaults, signo) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw Failure.spawn(path, code) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output: output, errors: errors)
    }
}
