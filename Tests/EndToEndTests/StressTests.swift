import Foundation
import Testing

/// The real `backstep` in tmux under abuse: a resize storm, a key flood, the
/// smallest and largest screens, a 1,000-node graph and a long idle. After
/// each, the app still answers a key, `q` ends it with status 0, and the
/// shell it ran under finds the terminal back in line mode with echo and the
/// normal screen back (what was printed before is visible again).
///
/// The hour-long idle is run by hand (see docs/robustness.md); here the app
/// idles for 10 s and must use next to no CPU meanwhile.
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
struct StressTests {
    /// A running app under a reporting shell, and the state folder to remove afterwards.
    struct Run {
        let tmux: TmuxSession
        let stateFolder: String
    }

    /// Starts `backstep args` under `sh`, which prints `APP-BEGIN` first and, once the app has
    /// ended, `APP-END <status> sane|raw` (short enough for a 20-column pane), then waits for a
    /// line so nothing scrolls.
    func start(_ args: [String], width: Int = 100, height: Int = 30, state: String? = nil) throws -> Run {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let state =
            state
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("backstep-stress-\(UUID().uuidString)")
            .path
        let script = """
            echo APP-BEGIN; "$0" "$@"; s=$?; \
            if stty -a | tr ' ' '\\n' | grep -qx -e -echo -e -icanon; then t=raw; else t=sane; fi; \
            echo "APP-END $s $t"; read _
            """
        let tmux = try TmuxSession(
            ["sh", "-c", script, bin] + args, width: width, height: height,
            environment: ["XDG_STATE_HOME": state, "BACKSTEP_SHOW_REVISION": "1"])
        return Run(tmux: tmux, stateFolder: state)
    }

    /// Presses `q` and checks the app's status (0), the tty (sane) and the normal screen.
    func quit(_ run: Run, sourceLocation: SourceLocation = #_sourceLocation) throws {
        defer {
            run.tmux.close()
            try? FileManager.default.removeItem(atPath: run.stateFolder)
        }
        try run.tmux.sendKeys("q")
        let screen = try run.tmux.waitFor(text: "APP-END", timeout: 30, history: true)
        let report = try #require(screen.first { $0.hasPrefix("APP-END") }, sourceLocation: sourceLocation)
        #expect(report == "APP-END 0 sane", "\(screen)", sourceLocation: sourceLocation)
        #expect(screen.contains("APP-BEGIN"), "the normal screen is back: \(screen)", sourceLocation: sourceLocation)
        #expect(
            !screen.contains { $0.contains("frame ") && $0.contains("step ") },
            "no player left on screen: \(screen)", sourceLocation: sourceLocation)
    }

    /// The redraw counter `#N` on the status line (every key and tick handled adds one).
    static func revision(_ screen: [String]) -> Int? {
        for line in screen.reversed() where line.contains("step ") {
            guard let hash = line.range(of: "#") else { continue }
            let digits = line[hash.upperBound...].prefix { $0.isNumber }
            if let n = Int(digits) { return n }
        }
        return nil
    }

    /// Sends `key` once and waits until `text` shows: the app plays a lesson's later
    /// steps in the background, and a key that goes past the steps played so far waits
    /// for the step and opens it once it is played (a second press would go one further).
    func press(_ key: String, until text: String, _ tmux: TmuxSession, timeout: Double = 30) throws {
        try tmux.sendKeys(key)
        try tmux.waitFor(text: text, timeout: timeout)
    }

    /// The pane's program is the reporting shell; the app is its child.
    func appPid(_ tmux: TmuxSession) throws -> Int32 {
        let shell = try tmux.pid
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").compactMap { Int32($0) }.first, "the app is not running")
    }

    /// CPU time (user + system) of `pid` so far, in clock ticks.
    func cpuTicks(_ pid: Int32) throws -> Int {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // Fields after the command name (which is in parentheses and may hold spaces): utime is 14th, stime 15th.
        let rest = try #require(stat.range(of: ")", options: .backwards)).upperBound
        let fields = stat[rest...].split(separator: " ")
        let utime = try #require(Int(fields[11]))
        let stime = try #require(Int(fields[12]))
        return utime + stime
    }

    @Test func resizeStormThenStillAnswers() throws {
        let run = try start([Binary.file("lessons/05-linear-regression.md")])
        try run.tmux.waitFor(text: "step 1/")
        try run.tmux.sendKeys("7", "Enter")
        try run.tmux.waitFor(text: "step 7/")
        // 50 resizes spread over 2 s (one every 40 ms), from 20×6 up to 306×72, wide and flat, narrow and tall.
        let sizes = [
            (20, 6), (220, 70), (61, 19), (80, 24), (150, 40), (33, 9), (199, 59), (100, 30), (45, 50), (300, 8),
        ]
        let begin = Date()
        for i in 0..<50 {
            let (w, h) = sizes[i % sizes.count]
            try run.tmux.resize(width: w + i % 7, height: h + i % 3)
            let due = begin.addingTimeInterval(Double(i + 1) * 0.04)
            let wait = due.timeIntervalSinceNow
            if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
        }
        try run.tmux.resize(width: 90, height: 28)
        // Redrawn at the last size: the status line sits on the last row.
        try run.tmux.waitUntil("a redraw at 90×28") { lines in
            lines.count == 28 && lines[27].contains("step 7/")
        }
        try press("]", until: "step 8/", run.tmux)
        try quit(run)
    }

    @Test func keyFloodThenStillAnswers() throws {
        let run = try start([Binary.file("lessons/01-chain-rule.md")])
        let first = try run.tmux.waitFor(text: "step 1/")
        let before = try #require(Self.revision(first))
        // 2,000 keys in 20 batches of 100: frames, steps, text scrolling, theme and detail.
        let cycle = ["Right", "Left", "]", "[", "j", "k", "Right", "t", "z", "Left"]
        let batch = (0..<10).flatMap { _ in cycle }
        for _ in 0..<20 { try run.tmux.run(["send-keys", "-t", "0"] + batch) }
        // Every key is handled (each adds one to the counter), none is lost.
        let flooded = try run.tmux.waitUntil("2,000 keys handled", timeout: 60) { lines in
            (Self.revision(lines) ?? 0) >= before + 2_000
        }
        #expect(flooded.last?.contains("step ") == true)
        try run.tmux.sendKeys("5", "Enter")
        try run.tmux.waitFor(text: "step 5/")
        try quit(run)
    }

    /// SIGKILL at random moments while the app saves its place (at most twice a second
    /// while keys move it): the progress file is always a whole one, the old or the new,
    /// never torn, and the next start offers to resume from it.
    @Test func killedWhileSavingLeavesAWholeProgressFile() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-kill-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let file = state + "/backstep/progress.json"
        for _ in 0..<8 {
            let run = try start([Binary.file("lessons/01-chain-rule.md")], state: state)
            defer { run.tmux.close() }
            _ = try run.tmux.waitFor(text: "step ")
            // y resumes where the last round was killed (and is ignored when nothing is offered).
            try run.tmux.run(
                ["send-keys", "-t", "0", "y"] + Array(repeating: "Right", count: 40) + ["[", "Right", "Right"])
            usleep(UInt32.random(in: 50_000...700_000))
            #expect(kill(try appPid(run.tmux), SIGKILL) == 0)
            _ = try run.tmux.waitFor(text: "APP-END", timeout: 30, history: true)
            if let data = FileManager.default.contents(atPath: file) {
                let parsed = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
                #expect(parsed != nil, "a whole JSON object: \(String(decoding: data, as: UTF8.self))")
            }
            #expect(!FileManager.default.fileExists(atPath: file + ".corrupt"))
        }
        #expect(FileManager.default.fileExists(atPath: file), "some round saved its place")
        let last = try start([Binary.file("lessons/01-chain-rule.md")], state: state)
        let screen = try last.tmux.waitFor(text: "You were at")
        #expect(!screen.contains { $0.contains("could not be read") })
        try last.tmux.sendKeys("n")
        try quit(last)
    }

    @Test(arguments: [(20, 6), (40, 12), (80, 24), (200, 60), (400, 120)])
    func startsAndStepsAtEverySize(_ size: (Int, Int)) throws {
        let run = try start([Binary.file("lessons/05-linear-regression.md")], width: size.0, height: size.1)
        try run.tmux.waitFor(text: "step 1/")
        try run.tmux.sendKeys("Right", "Right", "4", "Enter")
        try run.tmux.waitFor(text: "step 4/")
        // The training step: charts at every size.
        try run.tmux.sendKeys("7", "Enter")
        try run.tmux.waitFor(text: "step 7/")
        // Keys are handled in order: reaching step 8 means every frame before it was drawn.
        try run.tmux.sendKeys("Right", "Right", "G", "Tab", "Tab", "8", "Enter")
        try run.tmux.waitFor(text: "step 8/")
        try quit(run)
    }

    /// A lesson written for the test: one graph of exactly 1,000 nodes (a Fibonacci-like
    /// ladder: every line adds a constant, a product and a sum), played forward and back.
    static func thousandNodeLesson() -> String {
        var lines = ["# A thousand nodes", "", "## The ladder", "", "```graph", "x0 = 0.5", "x1 = 0.25"]
        // 2 leaves, 5 nodes a line (0.5, ×, its output, +, its output), 3 for the last (0.99, ×, its output).
        for i in 2...200 { lines.append("x\(i) = x\(i - 1) + x\(i - 2) * 0.5") }
        lines.append("y = x200 * 0.99")
        lines += ["```", "", "@forward", "", "## Back", "", "@backward", ""]
        return lines.joined(separator: "\n")
    }

    @Test func thousandNodeGraph() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("thousand.md")
        try Self.thousandNodeLesson().write(to: file, atomically: true, encoding: .utf8)
        let run = try start([file.path], width: 160, height: 48)
        try run.tmux.waitFor(text: "step 1/", timeout: 30)
        // @forward: one frame per function, 399 of them. Steps are jumped to by number:
        // a `]` pressed once too often, while a step still plays, opens the closing screen.
        try run.tmux.sendKeys("2", "Enter")
        try run.tmux.waitFor(text: "step 2/3 · frame 1/399", timeout: 30)
        try run.tmux.sendKeys("Right", "Right", "Right")
        try run.tmux.waitFor(text: "frame 4/399")
        try run.tmux.sendKeys("G")
        try run.tmux.waitFor(text: "frame 399/399")
        try run.tmux.sendKeys("3", "Enter")
        try run.tmux.waitFor(text: "step 3/3", timeout: 30)
        try run.tmux.sendKeys("Right", "G")
        try run.tmux.waitFor(text: "frame 399/399", timeout: 30)
        try quit(run)
    }

    @Test func idleUsesNoCPUAndStillAnswers() throws {
        let run = try start([Binary.file("lessons/02-sigmoid-neuron.md")])
        try run.tmux.waitFor(text: "step 1/")
        let pid = try appPid(run.tmux)
        // Let the opening settle (the rest of the lesson plays in the background), then measure.
        try run.tmux.waitUntil("the lesson to finish opening") { lines in
            !(lines.last?.contains("Esc stops") ?? false)
        }
        let ticksPerSecond = Int(sysconf(Int32(_SC_CLK_TCK)))
        let start = try cpuTicks(pid)
        let began = Date()
        usleep(10_000_000)
        let used = try cpuTicks(pid) - start
        let seconds = Date().timeIntervalSince(began)
        // Waiting for a key should cost nothing; allow 2% of one core for timers and the tty.
        #expect(
            Double(used) / Double(ticksPerSecond) < 0.02 * seconds,
            "the idle app used \(used) ticks (\(ticksPerSecond)/s) in \(seconds) s")
        try press("]", until: "step 2/", run.tmux)
        try quit(run)
    }
}
