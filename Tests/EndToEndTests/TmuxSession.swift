import Foundation

/// Drives a real program in a detached tmux pane of a fixed size, the way a
/// person at a terminal would: keys in, screen text out.
///
/// - The program is the pane's own command (typing it into a shell would race).
/// - The server has its own socket (`-L`), no config (`-f /dev/null`), UTF-8
///   (`-u`), a minimal environment, and `remain-on-exit` set before the pane
///   starts, so even a program that exits at once leaves its status behind.
/// - tmux is started through ``CleanSpawn`` (no blocked signals), so the
///   program gets SIGWINCH and SIGTERM as it would from a login shell.
/// - The pane gets `LANG=LC_ALL=C.UTF-8`, `TERM=xterm-256color`, `TZ=UTC`,
///   plus `environment`.
/// - Every wait polls `capture-pane` every 50 ms until a deadline; nothing
///   sleeps a fixed time. The server is killed by `close()` or when the
///   session is released, a failed test included.
final class TmuxSession {
    let socket: String
    private(set) var width: Int
    private(set) var height: Int
    private var closed = false
    /// The server's socket file, which tmux leaves behind when killed.
    private var socketPath: String?

    enum Failure: Error, CustomStringConvertible {
        case tmux(String)
        case timeout(String, screen: [String])

        var description: String {
            switch self {
            case .tmux(let message): return "tmux: \(message)"
            case .timeout(let what, let screen):
                return "timed out waiting for \(what); the screen was:\n" + screen.joined(separator: "\n")
            }
        }
    }

    static let paneEnvironment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "TZ": "UTC"]

    /// Starts `command` (an argument vector, quoted for tmux's shell) in a `width`×`height` pane.
    init(_ command: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = "backstep-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        let env = TmuxSession.paneEnvironment.merging(environment) { _, new in new }
        var newSession = ["new-session", "-d", "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { newSession += ["-e", "\(key)=\(value)"] }
        newSession.append(command.map(TmuxSession.shellQuote).joined(separator: " "))
        // tmux sets the pane's TERM from default-terminal, overriding `-e TERM=`.
        let term = env["TERM"].flatMap { $0.isEmpty ? nil : $0 } ?? "xterm-256color"
        try run(
            [
                "start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                "set-option", "-g", "default-terminal", term, ";",
            ] + newSession)
        socketPath = try? format("#{socket_path}")
    }

    /// `sh -c script` as a command vector.
    static func shell(_ script: String) -> [String] { ["sh", "-c", script] }

    deinit { close() }

    /// Kills the tmux server (and so the program, if it still runs). Idempotent.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? run(["kill-server"])
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs one tmux client command against this session's server.
    @discardableResult
    func run(_ args: [String]) throws -> String {
        // The server copies the starting client's environment into every pane: keep it small and known.
        let inherited = ProcessInfo.processInfo.environment
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": inherited["PATH"] ?? "/usr/bin:/bin"]
        for key in ["HOME", "TMPDIR", "TMUX_TMPDIR"] { env[key] = inherited[key] }
        let result = try CleanSpawn.run(
            TmuxSession.tmuxPath ?? "/usr/bin/tmux", ["-u", "-L", socket, "-f", "/dev/null"] + args, environment: env)
        guard result.status == 0 else { throw Failure.tmux("\(args.joined(separator: " ")): \(result.errors)") }
        return result.output
    }

    // MARK: - Keys

    /// tmux key names, each one key: `Right`, `PageDown`, `C-c`, `Enter`, `Escape`, `q`.
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", "0"] + keys)
    }

    /// Types `text` literally (no key names).
    func type(_ text: String) throws {
        // `--`: text starting with `-` (a negative answer) is not an option.
        try run(["send-keys", "-t", "0", "-l", "--", text])
    }

    // MARK: - Screen

    /// The visible screen, one string per row (trailing blanks trimmed by
    /// tmux); with `escapes`, including the SGR sequences for colours and
    /// attributes; with `history`, preceded by the lines scrolled off the top
    /// (after the program exits, tmux's "Pane is dead" line can scroll one away).
    func capture(escapes: Bool = false, history: Bool = false) throws -> [String] {
        let text = try run(
            ["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []) + (history ? ["-S", "-"] : []))
        var rows = text.components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// Polls the screen (with `history`, also the lines scrolled off) every 50 ms
    /// until `predicate` holds; throws with the last screen after `timeout` seconds.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 20, history: Bool = false, _ predicate: ([String]) throws -> Bool)
        throws -> [String]
    {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while true {
            screen = try capture(history: history)
            if try predicate(screen) { return screen }
            if Date() >= deadline { throw Failure.timeout(what, screen: screen) }
            usleep(50_000)
        }
    }

    /// Waits until `text` is on the screen (with `history`, or scrolled off it).
    /// After a program exits, wait for its last words this way: tmux can report
    /// the exit before it has read the program's final output.
    @discardableResult
    func waitFor(text: String, timeout: Double = 20, history: Bool = false) throws -> [String] {
        try waitUntil("“\(text)”", timeout: timeout, history: history) { $0.contains { $0.contains(text) } }
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
        self.width = width
        self.height = height
    }

    // MARK: - The program

    private func format(_ spec: String) throws -> String {
        try run(["display-message", "-p", "-t", "0", spec]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The program's exit status once it has exited (128 + signal when a
    /// signal ended it, as a shell reports it); nil while it runs.
    ///
    /// A pane can read as dead before tmux has reaped its program (tmux/tmux#4841),
    /// and Debian's tmux (built with libutempter) sometimes misses the SIGCHLD
    /// for good (tmux/tmux#311): then the server is sent SIGCHLD to look again.
    var exitStatus: Int? {
        get throws {
            let fields = try format("#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}|#{pid}")
                .split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, fields[0] == "1" else { return nil }
            if let signal = Int(fields[2]), signal > 0 { return 128 + signal }
            if let status = Int(fields[1]) { return status }
            if let server = Int32(fields[3]), server > 0 { Foundation.kill(server, SIGCHLD) }
            return nil
        }
    }

    /// Waits for the program to exit and returns ``exitStatus``.
    func waitForExit(timeout: Double = 20) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let status = try exitStatus { return status }
            if Date() >= deadline {
                let state = (try? format("#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}")) ?? "(no answer)"
                throw Failure.timeout(
                    "the program to exit (dead|status|signal: \(state))", screen: (try? capture()) ?? [])
            }
            usleep(50_000)
        }
    }

    /// The process id of the pane's command.
    var pid: Int32 {
        get throws {
            guard let pid = Int32(try format("#{pane_pid}")), pid > 0 else { throw Failure.tmux("no pane pid") }
            return pid
        }
    }

    /// Sends `signal` to the pane's command (the process tmux started).
    func kill(signal: Int32) throws {
        let target = try pid
        guard Foundation.kill(target, signal) == 0 else { throw Failure.tmux("kill \(signal) \(target) failed") }
    }

    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Programs the end-to-end tests run: the `backstep` under test and the terminal demo.
enum Binary {
    /// The package's root, from this file's path.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The running test executable (its folder is the build's products folder).
    static var testExecutable: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    }

    /// `backstep` to test: `BACKSTEP_BIN`, else the one built beside these tests, else `.build/debug/backstep`.
    static var backstep: String? {
        if let path = ProcessInfo.processInfo.environment["BACKSTEP_BIN"], !path.isEmpty { return path }
        return built("backstep")
    }

    /// `backstep-terminal-demo`, the program the terminal-layer tests drive.
    static var terminalDemo: String? { built("backstep-terminal-demo") }

    /// A program of the package: the one built beside these tests, else in `.build/debug`.
    static func built(_ name: String) -> String? {
        var candidates: [String] = []
        if let test = testExecutable {
            candidates.append(URL(fileURLWithPath: test).deletingLastPathComponent().appendingPathComponent(name).path)
        }
        candidates.append(root.appendingPathComponent(".build/debug/" + name).path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let missingBackstep =
        "backstep is not built: run `swift build --build-tests` first, or set BACKSTEP_BIN"

    static var tmuxAvailable: Bool { TmuxSession.tmuxPath != nil }

    /// A path inside the package (a lesson, say).
    static func file(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
