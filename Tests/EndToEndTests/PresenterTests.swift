import Foundation
import Testing

/// `backstep present` in a second terminal following the real player in the
/// first (two tmux sessions, one link socket): it marks the projected step,
/// shows the step's notes, the next frame and the timer; keys pressed in
/// either move both; Enter on the step list jumps; q leaves the player running.
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
final class PresenterTests {
    /// A folder of this test's own (mode 0700): the link's socket and the progress file.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-present-\(UUID().uuidString)")
        .path

    init() throws {
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    var environment: [String: String] {
        ["XDG_STATE_HOME": folder, "BACKSTEP_PRESENT_SOCKET": folder + "/present.sock"]
    }

    @Test func thePresenterFollowsAndDrivesThePlayer() throws {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let player = try TmuxSession(
            [bin, Binary.file("lessons/02-sigmoid-neuron.md")], width: 80, height: 24, environment: environment)
        try player.waitFor(text: "step 1/11")
        let presenter = try TmuxSession([bin, "present"], width: 120, height: 36, environment: environment)
        var screen = try presenter.waitFor(text: "▶ 1. A sigmoid neuron")
        #expect(screen[0].hasPrefix("Presenter · A sigmoid neuron") && screen[0].hasSuffix("/ 15:00"), "\(screen)")
        #expect(screen.contains { $0.contains("next: step 2, frame 1") }, "\(screen)")
        #expect(screen.contains { $0.contains("no notes for this step") })
        // The socket is this user's alone.
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/present.sock")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        // A key in the player: the presenter follows.
        try player.sendKeys("]", "]")
        try player.waitFor(text: "step 3/11")
        screen = try presenter.waitFor(text: "▶ 3. Forward")
        #expect(screen.contains { $0.contains("next: step 3, frame 2") }, "\(screen)")

        // A key in the presenter: the player moves (and the presenter with it).
        try presenter.sendKeys("Right")
        try player.waitFor(text: "frame 2/5")
        try presenter.waitFor(text: "step 3/11 · frame 2/5")
        try presenter.sendKeys("PageDown")
        try player.waitFor(text: "frame 3/5")

        // The step list: down five steps and Enter jumps the player to step 8, whose note shows.
        try presenter.sendKeys("Down", "Down", "Down", "Down", "Down", "Enter")
        try player.waitFor(text: "step 8/11")
        screen = try presenter.waitFor(text: "▶ 8. The max gate on the way back")
        #expect(screen.contains { $0.contains("Before stepping back, ask which element of v will get the gradient.") })

        // q closes the presenter only; the player goes on, and a new presenter picks up where it is.
        try presenter.sendKeys("q")
        #expect(try presenter.waitForExit() == 0)
        try player.sendKeys("Right")
        try player.waitFor(text: "frame 2/")
        let second = try TmuxSession([bin, "present"], width: 100, height: 30, environment: environment)
        try second.waitFor(text: "step 8/11 · frame 2/")
        try player.sendKeys("q")
        #expect(try player.waitForExit() == 0)
        // Without its player the presenter waits for one, and says how to start it.
        try second.waitFor(text: "Waiting for the player")
        second.close()
        #expect(!FileManager.default.fileExists(atPath: folder + "/present.sock"))
    }
}
