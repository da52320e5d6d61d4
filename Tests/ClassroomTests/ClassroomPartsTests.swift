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

    @Test func clientLocaleChoosesLanguageAndGlyphs() {
        #expect(ClientLocale(["LANG": "ko_KR.UTF-8"]).language == .ko)
        #expect(ClientLocale(["LANG": "ko_KR.UTF-8", "LC_ALL": "en_US.UTF-8"]).language == .en)
        #expect(ClientLocale(["LANG": "en_GB.UTF-8", "LC_MESSAGES": "ko_KR.UTF-8"]).language == .ko)
        // A locale that names no language leaves the teacher's lesson as it is.
        #expect(ClientLocale(["LANG": "C.UTF-8"]).language == nil)
        #expect(ClientLocale([:]).language == nil)
        #expect(ClientLocale(["LANG": ""]).language == nil)
        #expect(ClientLocale([:]).isUTF8)
        #expect(ClientLocale(["LANG": "ko_KR.utf8"]).isUTF8)
        #expect(!ClientLocale(["LANG": "C"]).isUTF8)
        #expect(!ClientLocale(["LANG": "ko_KR.UTF-8", "LC_CTYPE": "ko_KR.EUC-KR"]).isUTF8)
    }

    @Test func translationsAreFoundBesideTheLesson() {
        let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons").path
        #expect(LessonTranslation.path(of: lessons + "/02-sigmoid-neuron.md") == lessons + "/ko/02-sigmoid-neuron.md")
        #expect(LessonTranslation.path(of: lessons + "/ko/02-sigmoid-neuron.md") == lessons + "/02-sigmoid-neuron.md")
        #expect(LessonTranslation.path(of: lessons + "/no-such-lesson.md") == nil)
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
