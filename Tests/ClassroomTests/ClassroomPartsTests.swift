import Foundation
import Rendering
import Testing

@testable import Classroom

@Suite struct ClassroomPartsTests {
    @Test func windowSizesAreClamped() {
        #expect(WindowSize(width: 0, height: 0) == WindowSize(width: 10, height: 3))
        #expect(WindowSize(width: Int(Int32.max), height: 1 << 40) == WindowSize(width: 400, height: 150))
        #expect(WindowSize(width: -5, height: 30) == WindowSize(width: 10, height: 30))
        #expect(WindowSize(width: 80, height: 24) == WindowSize.standard)
    }

    @Test func passwordsCompareWholly() {
        #expect(StudentPassword.equal(Array("backprop".utf8), Array("backprop".utf8)))
        #expect(!StudentPassword.equal(Array("backprop".utf8), Array("backpro".utf8)))
        #expect(!StudentPassword.equal(Array("backprop".utf8), Array("backprop!".utf8)))
        #expect(!StudentPassword.equal(Array("backprop".utf8), Array("Backprop".utf8)))
        #expect(!StudentPassword.equal([], Array("x".utf8)))
        #expect(StudentPassword.equal([], []))
    }

    @Test func rateLimiterAllowsABurstThenTheRate() {
        var limiter = RateLimiter(rate: 100, burst: 50, now: 0)
        #expect(limiter.take(80, now: 0) == 50)
        #expect(limiter.take(10, now: 0) == 0)
        // 0.1 s later: 10 more.
        #expect(limiter.take(80, now: 100_000_000) == 10)
        // Long idle: never more than the burst.
        #expect(limiter.take(1000, now: 100_000_000_000) == 50)
    }

    @Test func tallyGroupsAnswersAndMarksTheRightOnes() {
        let tally = AnswerTally(students: 5, answers: [1, 1, 2, 1.0000001, 0.5]) { abs($0 - 1) < 1e-3 }
        #expect(tally.students == 5)
        #expect(tally.answered == 5)
        // 1.0000001 reads as 1 at six digits: one bar with the two exact ones.
        #expect(tally.bins.first == AnswerTally.Bin(text: "1", count: 3, isRight: true))
        #expect(tally.bins.contains(AnswerTally.Bin(text: "2", count: 1, isRight: false)))
        #expect(tally.bins.contains(AnswerTally.Bin(text: "0.5", count: 1, isRight: false)))
        #expect(tally.bins.map(\.count).reduce(0, +) == 5)
    }

    @Test func screenWriterSendsOnlyChangedRows() {
        var writer = ScreenWriter(colors: .none)
        var buffer = Buffer(width: 10, height: 3)
        buffer.setString("one", x: 0, y: 0, style: .plain)
        let first = String(decoding: writer.update(to: buffer), as: UTF8.self)
        #expect(first.contains("\u{1B}[2J"))
        #expect(first.contains("\u{1B}[1;1H") && first.contains("\u{1B}[3;1H"))
        #expect(writer.update(to: buffer).isEmpty)
        buffer.setString("two", x: 0, y: 1, style: .plain)
        let second = String(decoding: writer.update(to: buffer), as: UTF8.self)
        #expect(second == "\u{1B}[2;1Htwo       ")
        // A new size redraws everything.
        let resized = String(decoding: writer.update(to: Buffer(width: 12, height: 3)), as: UTF8.self)
        #expect(resized.contains("\u{1B}[2J"))
    }

    @Test func hostKeyIsMadeOnceWithMode0600AndKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("backstep/class-host-key").path
        let first = try HostKeyStore.loadOrCreate(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try HostKeyStore.loadOrCreate(path: path)
        #expect(first.rawRepresentation == again.rawRepresentation)
        // A key others can read is refused; a file that is not a key is refused.
        chmod(path, 0o644)
        #expect(throws: HostKeyStore.Failure.self) { try HostKeyStore.loadOrCreate(path: path) }
        chmod(path, 0o600)
        try "nonsense".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: HostKeyStore.Failure.self) { try HostKeyStore.loadOrCreate(path: path) }
    }

    @Test func hostKeyPathFollowsXDG() {
        #expect(
            HostKeyStore.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
                == "/s/backstep/class-host-key")
        #expect(HostKeyStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/backstep/class-host-key")
        #expect(
            HostKeyStore.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
                == "/h/.local/state/backstep/class-host-key")
    }
}
