import Foundation
import Player
import Testing

@testable import App

/// The link between the player and `backstep present`: who may connect, what
/// is said, what is ignored, and what a misbehaving peer gets.
@Suite struct PresenterLinkTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bp-\(UUID().uuidString.prefix(8))")
            .path
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    @Test func onlyTheKeysThatMoveTheLessonPassAndQuittingStaysWithThePresenter() {
        #expect(PresenterLink.request("key right") == .key(.right))
        #expect(PresenterLink.request("key pagedown") == .key(.pageDown))
        #expect(PresenterLink.request("key char v") == .key(.character("v")))
        #expect(PresenterLink.request("key char  ") == .key(.character(" ")))
        #expect(PresenterLink.request("go 8") == .go(step: 8))
        for refused in [
            "key char q", "key ctrlc", "key char e", "key char vv", "go 0", "go -1", "go x", "go", "", "rm -rf /",
        ] {
            #expect(PresenterLink.request(refused) == nil, "\(refused)")
        }
        #expect(PresenterKeys.name(of: .character("q")) == nil && PresenterKeys.name(of: .ctrlC) == nil)
        #expect(PresenterKeys.name(of: .up) == nil && PresenterKeys.name(of: .enter) == nil)
        // Every name the presenter sends is one the player takes back as the same key.
        for key: PlayerKey in [
            .left, .right, .pageUp, .pageDown, .home, .end, .escape, .character("]"), .character("."),
        ] {
            let name = try? #require(PresenterKeys.name(of: key))
            #expect(name.flatMap { PresenterLink.request("key " + $0) } == .key(key))
        }
    }

    @Test func theSocketLivesInAFolderOnlyThisUserCanEnter() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        #expect(PresenterLink.socketPath(environment: ["BACKSTEP_PRESENT_SOCKET": "/x/y.sock"]) == "/x/y.sock")
        let runtime = base + "/run"
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        #expect(
            PresenterLink.socketPath(environment: ["XDG_RUNTIME_DIR": runtime]) == runtime + "/backstep/present.sock")
        let made = try FileManager.default.attributesOfItem(atPath: runtime + "/backstep")
        #expect((made[.posixPermissions] as? Int) == 0o700)
        // A folder others may enter is refused, not used.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: runtime + "/backstep")
        #expect(PresenterLink.socketPath(environment: ["XDG_RUNTIME_DIR": runtime]) == nil)
    }

    @Test func aPresenterLearnsTheLessonAndPlaceAndItsKeysComeThrough() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let path = base + "/present.sock"
        let link = try #require(PresenterLink(path: path))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A second player at the same place leaves the first its link.
        #expect(PresenterLink(path: path) == nil)
        link.open(lesson: "/lessons/02.md")
        link.show(FrameRef(step: 2, frame: 1))
        let presenter = try #require(LineSocket.connect(to: path))
        #expect(link.poll().isEmpty && link.isConnected)
        #expect(try lines(presenter, count: 2) == ["lesson /lessons/02.md", "place 2 1"])
        link.show(FrameRef(step: 2, frame: 1))
        link.show(FrameRef(step: 3, frame: 0))
        #expect(try lines(presenter, count: 1) == ["place 3 0"])
        presenter.send("key right")
        presenter.send("nonsense")
        presenter.send("key char q")
        presenter.send("go 5")
        #expect(try requests(link, count: 2) == [.key(.right), .go(step: 5)])
    }

    @Test func aPeerThatFloodsOrLeavesIsDropped() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let path = base + "/present.sock"
        let link = try #require(PresenterLink(path: path))
        var flooder: LineSocket? = try #require(LineSocket.connect(to: path))
        _ = link.poll()
        // 70,000 bytes and no newline: more than a line may be.
        flooder?.send(String(repeating: "x", count: 70_000))
        let deadline = Date().addingTimeInterval(5)
        while link.isConnected, Date() < deadline {
            _ = link.poll()
            usleep(10_000)
        }
        #expect(!link.isConnected)
        // One that goes away is let go; the next one is taken.
        flooder = nil
        var next: LineSocket? = try #require(LineSocket.connect(to: path))
        next?.send("key left")
        #expect(try requests(link, count: 1) == [.key(.left)])
        // Writing to a presenter that has gone neither blocks nor kills the player (no SIGPIPE).
        next = nil
        for step in 0..<50 {
            link.show(FrameRef(step: step, frame: 0))
            _ = link.poll()
        }
        #expect(!link.isConnected)
    }

    /// The next `count` lines from `socket`, waiting up to 5 s.
    func lines(_ socket: LineSocket, count: Int) throws -> [String] {
        var got: [String] = []
        let deadline = Date().addingTimeInterval(5)
        while got.count < count, Date() < deadline {
            got += socket.readLines()
            usleep(5_000)
        }
        return got
    }

    func requests(_ link: PresenterLink, count: Int) throws -> [PresenterLink.Request] {
        var got: [PresenterLink.Request] = []
        let deadline = Date().addingTimeInterval(5)
        while got.count < count, Date() < deadline {
            got += link.poll()
            usleep(5_000)
        }
        return got
    }
}
