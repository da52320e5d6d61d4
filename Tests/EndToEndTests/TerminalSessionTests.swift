import Foundation
import Rendering
import Testing

/// `TerminalSession` in a real terminal: the demo program (`backstep-terminal-demo`,
/// built with the package) runs in tmux under a shell that, after
/// it ends, prints its exit status and whether the tty is back in line mode
/// with echo (`SHELL-AFTER status=N tty=sane`), then waits for a line so the
/// pane stays alive and nothing scrolls.
@Suite(
    .serialized,
    .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
struct TerminalSessionTests {
    /// Runs the demo under the reporting shell; `suffix` follows it in the script (e.g. `| cat`).
    static func demo(width: Int = 60, height: Int = 14, environment: [String: String] = [:], suffix: String = "")
        throws -> (TmuxSession, pidFile: String)
    {
        let demo = try #require(Binary.terminalDemo, "\(Binary.missingBackstep)")
        let pidFile = NSTemporaryDirectory() + "backstep-demo-\(UUID().uuidString).pid"
        // `trap true INT`: the shell survives Ctrl-C (which the tty sends to it too) to report;
        // a trap with a command, unlike `trap '' INT`, does not make the demo ignore SIGINT.
        let script = """
            trap true INT; [ -n "$DEMO_UNSET_TERM" ] && unset TERM; "$0" "$@"\(suffix); s=$?; \
            if stty -a | tr ' ' '\\n' | grep -qx -e -echo -e -icanon; then t=raw; else t=sane; fi; \
            echo "SHELL-AFTER status=$s tty=$t"; read _
            """
        var env = ["BACKSTEP_TERMINAL_DEMO_PIDFILE": pidFile]
        env.merge(environment) { _, new in new }
        let tmux = try TmuxSession(
            ["sh", "-c", script, demo], width: width, height: height,
            environment: env)
        return (tmux, pidFile)
    }

    static func cleanUp(_ tmux: TmuxSession, _ pidFile: String) {
        tmux.close()
        try? FileManager.default.removeItem(atPath: pidFile)
    }

    /// Waits for the shell's report after the demo ended; returns (status, tty) and the screen.
    static func afterDemo(_ tmux: TmuxSession) throws -> (status: Int, sane: Bool, screen: [String]) {
        let screen = try tmux.waitFor(text: "SHELL-AFTER")
        let line = try #require(screen.first { $0.hasPrefix("SHELL-AFTER") })
        let fields = line.split(separator: " ")
        let status = Int(fields.first { $0.hasPrefix("status=") }?.dropFirst(7) ?? "") ?? -1
        return (status, line.hasSuffix("tty=sane"), screen)
    }

    /// Back on the normal screen: what was printed before the session shows, the session's screen does not.
    static func expectNormalScreen(_ screen: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(screen.contains("BEFORE-SESSION"), "\(screen)", sourceLocation: sourceLocation)
        #expect(!screen.contains { $0.contains("frame ") }, "\(screen)", sourceLocation: sourceLocation)
    }

    @Test func drawsKoreanColoursAndAttributesThenQuitsWithQ() throws {
        let (tmux, pidFile) = try Self.demo()
        defer { Self.cleanUp(tmux, pidFile) }
        let screen = try tmux.waitFor(text: "frame ")
        #expect(screen[0] == "Backstep 한국어 텍스트 ✓ demo")
        #expect(screen[1] == "size 60x14 utf8 yes colors ansi256")
        #expect(screen[4] == "reverse underline sky")
        // A wide character cannot start in the last column: a blank, and the next row is intact.
        #expect(screen[5] == String(repeating: "=", count: 59))
        #expect(screen[6] == "next row")
        #expect(screen[13].hasSuffix("┘") && screen[13].count == 60)
        let styled = try tmux.capture(escapes: true).joined(separator: "\n")
        #expect(styled.contains("38;5;178"), "orange title")
        #expect(styled.contains("48;5;74"), "sky-blue background")
        #expect(styled.contains("\u{1B}[7m"), "reverse")
        #expect(styled.contains("\u{1B}[4m"), "underline")

        try tmux.sendKeys("Right")
        try tmux.sendKeys("PageDown")
        try tmux.type("한")
        try tmux.sendKeys("F5")
        try tmux.waitFor(text: "keys 4 last function(5)")
        try tmux.sendKeys("q")
        let after = try Self.afterDemo(tmux)
        #expect(after.status == 0)
        #expect(after.sane)
        #expect(after.screen.contains("AFTER-SESSION quit echo=true icanon=true"))
        Self.expectNormalScreen(after.screen)
    }

    @Test func keysArriveInOrder() throws {
        let (tmux, pidFile) = try Self.demo()
        defer { Self.cleanUp(tmux, pidFile) }
        try tmux.waitFor(text: "frame ")
        for (key, shown) in [
            ("Right", "right"), ("Left", "left"), ("PageUp", "pageUp"), ("Home", "home"), ("End", "end"),
            ("Enter", "enter"), ("BSpace", "backspace"), ("Tab", "tab"), ("BTab", "backTab"), ("DC", "delete"),
            ("Escape", "escape"), ("C-l", "control(\"l\")"),
        ] {
            try tmux.sendKeys(key)
            try tmux.waitFor(text: "last \(shown)", timeout: 10)
        }
        try tmux.sendKeys("q")
        #expect(try Self.afterDemo(tmux).status == 0)
    }

    @Test func followsResizesWithoutLeftovers() throws {
        let (tmux, pidFile) = try Self.demo()
        defer { Self.cleanUp(tmux, pidFile) }
        try tmux.waitFor(text: "size 60x14")
        try tmux.resize(width: 40, height: 10)
        var screen = try tmux.waitFor(text: "size 40x10")
        #expect(screen.count == 10)
        #expect(screen[5] == String(repeating: "=", count: 39))
        #expect(screen[9].hasSuffix("┘"))
        try tmux.resize(width: 120, height: 30)
        screen = try tmux.waitFor(text: "size 120x30")
        #expect(screen[5] == String(repeating: "=", count: 119))
        #expect(screen[29].hasSuffix("┘") && screen[29].count == 120)
        // Nothing of the smaller frame's corner is left behind.
        #expect(screen[9].isEmpty)
        try tmux.sendKeys("q")
        #expect(try Self.afterDemo(tmux).sane)
    }

    @Test func bufferLargerThanTheScreenIsClipped() throws {
        let (tmux, pidFile) = try Self.demo(width: 50, height: 12)
        defer { Self.cleanUp(tmux, pidFile) }
        try tmux.waitFor(text: "frame ")
        try tmux.type("w")
        let screen = try tmux.waitFor(text: "oversize true")
        #expect(screen.count == 12)
        #expect(screen[5] == String(repeating: "=", count: 49))
        #expect(screen[6] == "next row")
        #expect(screen[11].hasSuffix("┘"))
        try tmux.sendKeys("q")
        #expect(try Self.afterDemo(tmux).status == 0)
    }

    @Test func ctrlCQuitsCleanly() throws {
        let (tmux, pidFile) = try Self.demo()
        defer { Self.cleanUp(tmux, pidFile) }
        try tmux.waitFor(text: "frame ")
        try tmux.sendKeys("C-c")
        let after = try Self.afterDemo(tmux)
        #expect(after.status == 130)
        #expect(after.sane)
        #expect(after.screen.contains("AFTER-SESSION ctrl-c echo=true icanon=true"))
        Self.expectNormalScreen(after.screen)
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func signalRestoresTheTerminalAndEndsTheProcess(signal: Int32) throws {
        let (tmux, pidFile) = try Self.demo()
        defer { Self.cleanUp(tmux, pidFile) }
        try tmux.waitFor(text: "frame ")
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8)))
        try? FileManager.default.removeItem(atPath: pidFile)
        #expect(kill(pid, signal) == 0)
        let after = try Self.afterDemo(tmux)
        #expect(after.status == 128 + Int(signal))
        #expect(after.sane)
        Self.expectNormalScreen(after.screen)
    }

    @Test func crashRestoresTheTerminal() throws {
        let (tmux, pidFile) = try Self.demo(environment: ["SWIFT_BACKTRACE": "enable=no"])
        defer { Self.cleanUp(tmux, pidFile) }
        try tmux.waitFor(text: "frame ")
        try tmux.type("X")
        let after = try Self.afterDemo(tmux)
        #expect(after.status > 128, "ended by a signal")
        #expect(after.sane)
        Self.expectNormalScreen(after.screen)
    }

    /// Ctrl-Z under a job-control shell (ncurses's own SIGTSTP handler), `fg`, then quit:
    /// sane tty while suspended, the screen back after `fg`, and sane tty at the end.
    @Test func suspendAndResumeUnderAShell() throws {
        let demo = try #require(Binary.terminalDemo, "\(Binary.missingBackstep)")
        // The prompt comes from an rc file: bash in a tmux pane ignores PS1 from the environment.
        let rcFile = NSTemporaryDirectory() + "backstep-bashrc-\(UUID().uuidString)"
        try "PS1='READY$ '\n".write(toFile: rcFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: rcFile) }
        let tmux = try TmuxSession(
            ["bash", "--rcfile", rcFile, "--noprofile", "-i"], width: 70, height: 14,
            environment: [:])
        defer { tmux.close() }
        try tmux.waitFor(text: "READY$")
        try tmux.type(TmuxSession.shellQuote(demo))
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "frame ")
        try tmux.sendKeys("C-z")
        try tmux.waitFor(text: "Stopped")
        try tmux.type("stty -a | tr ' ' '\\n' | grep -qx -e -echo -e -icanon && echo TTY=raw || echo TTY=sane")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "TTY=sane")
        try tmux.type("fg")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "frame ")
        try tmux.sendKeys("Right")
        try tmux.waitFor(text: "last right")
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "AFTER-SESSION quit echo=true icanon=true")
    }

    @Test func noColorKeepsAttributes() throws {
        let (tmux, pidFile) = try Self.demo(environment: ["NO_COLOR": "1"])
        defer { Self.cleanUp(tmux, pidFile) }
        try tmux.waitFor(text: "colors none")
        let styled = try tmux.capture(escapes: true).joined(separator: "\n")
        #expect(!styled.contains("38;5;") && !styled.contains("48;5;"))
        #expect(styled.contains("\u{1B}[7m") && styled.contains("\u{1B}[1m"))
        try tmux.sendKeys("q")
        #expect(try Self.afterDemo(tmux).status == 0)
    }

    @Test func colourPreferenceNever() throws {
        let (tmux, pidFile) = try Self.demo(environment: ["BACKSTEP_TERMINAL_DEMO_COLOR": "never"])
        defer { Self.cleanUp(tmux, pidFile) }
        try tmux.waitFor(text: "colors none")
        try tmux.sendKeys("q")
        #expect(try Self.afterDemo(tmux).status == 0)
    }

    @Test func sixteenColourTerminal() throws {
        let (tmux, pidFile) = try Self.demo(environment: ["TERM": "xterm"])
        defer { Self.cleanUp(tmux, pidFile) }
        try tmux.waitFor(text: "colors ansi16")
        try tmux.sendKeys("q")
        #expect(try Self.afterDemo(tmux).status == 0)
    }

    @Test func nonUTF8LocaleIsReported() throws {
        let (tmux, pidFile) = try Self.demo(environment: ["LANG": "C", "LC_ALL": "C"])
        defer { Self.cleanUp(tmux, pidFile) }
        let screen = try tmux.waitFor(text: "utf8 no")
        #expect(screen[0] == "Backstep ASCII demo")
        try tmux.sendKeys("q")
        #expect(try Self.afterDemo(tmux).status == 0)
    }

    @Test(arguments: [
        (["TERM": "dumb"], "TERM=dumb cannot move the cursor"),
        (["TERM": "no-such-terminal-x"], "TERM=no-such-terminal-x is unknown"),
        (["DEMO_UNSET_TERM": "1"], "TERM is not set"),
    ])
    func refusesUnusableTerminals(environment: [String: String], message: String) throws {
        let (tmux, pidFile) = try Self.demo(width: 220, environment: environment)
        defer { Self.cleanUp(tmux, pidFile) }
        let after = try Self.afterDemo(tmux)
        #expect(after.status == 2)
        #expect(after.sane)
        let text = after.screen.joined(separator: " ")
        #expect(text.contains(message), "\(after.screen)")
        #expect(text.contains("backstep render"))
        #expect(after.screen.contains("BEFORE-SESSION"))
    }

    @Test func refusesWhenOutputIsNotATerminal() throws {
        let (tmux, pidFile) = try Self.demo(width: 220, suffix: " | cat")
        defer { Self.cleanUp(tmux, pidFile) }
        let after = try Self.afterDemo(tmux)
        #expect(after.status == 0, "the pipeline's status is cat's")
        #expect(after.screen.joined(separator: " ").contains("standard output is not a terminal"))
    }
}
