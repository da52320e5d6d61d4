import Foundation
import Testing

/// The harness itself, on trivial programs, so that an end-to-end failure is about the app.
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
struct TmuxSessionTests {
    @Test func capturesUTF8TextAndTheExitStatus() throws {
        let tmux = try TmuxSession(TmuxSession.shell("printf 'hello 한국어 ─┐'; read x; exit 3"), width: 40, height: 5)
        defer { tmux.close() }
        let screen = try tmux.waitFor(text: "hello")
        #expect(screen.first == "hello 한국어 ─┐")
        #expect(screen.count == 5)
        #expect(try tmux.exitStatus == nil)
        try tmux.sendKeys("Enter")
        #expect(try tmux.waitForExit() == 3)
    }

    @Test func paneEnvironmentIsFixed() throws {
        let tmux = try TmuxSession(
            TmuxSession.shell("echo \"$LANG $LC_ALL $TERM $TZ ${NO_COLOR-unset} $EXTRA\"; stty size"),
            width: 50, height: 6, environment: ["EXTRA": "yes"])
        defer { tmux.close() }
        #expect(try tmux.waitForExit() == 0)
        let screen = try tmux.waitFor(text: "6 50", history: true)
        #expect(screen.first == "C.UTF-8 C.UTF-8 xterm-256color UTC unset yes")
        #expect(screen.dropFirst().first == "6 50")
    }

    @Test func aProgramThatExitsAtOnceStillLeavesItsStatus() throws {
        let tmux = try TmuxSession(["false"], width: 20, height: 3)
        defer { tmux.close() }
        #expect(try tmux.waitForExit() == 1)
    }

    @Test func typesTextAndResizes() throws {
        let tmux = try TmuxSession(
            TmuxSession.shell("while read line; do echo \"got $line\"; stty size; done"), width: 40, height: 8)
        defer { tmux.close() }
        try tmux.type("한 글")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "got 한 글")
        try tmux.resize(width: 30, height: 6)
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "6 30")
        #expect(tmux.width == 30 && tmux.height == 6)
    }

    @Test func reportsDeathBySignal() throws {
        let tmux = try TmuxSession(TmuxSession.shell("echo ready; exec sleep 30"), width: 40, height: 5)
        defer { tmux.close() }
        try tmux.waitFor(text: "ready")
        try tmux.kill(signal: SIGTERM)
        #expect(try tmux.waitForExit() == 128 + Int(SIGTERM))
    }

    @Test func timeoutShowsTheScreen() throws {
        let tmux = try TmuxSession(TmuxSession.shell("echo something else; sleep 30"), width: 40, height: 4)
        defer { tmux.close() }
        try tmux.waitFor(text: "something")
        let error = #expect(throws: TmuxSession.Failure.self) { try tmux.waitFor(text: "never shown", timeout: 0.2) }
        #expect(error?.description.contains("something else") == true)
    }

    @Test func closeKillsTheServer() throws {
        let tmux = try TmuxSession(["sleep", "30"], width: 20, height: 3)
        tmux.close()
        #expect(throws: TmuxSession.Failure.self) { try tmux.capture() }
    }
}
