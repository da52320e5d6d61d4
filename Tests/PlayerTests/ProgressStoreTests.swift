import Foundation
import Player
import Testing

/// Progress survives restarts, is written atomically, and a corrupt file is set aside.
@Suite struct ProgressStoreTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backstep-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("state/backstep/progress.json")
    }

    @Test func remembersAcrossInstances() throws {
        let file = try scratch()
        var store = ProgressStore(file: file)
        #expect(store.entry(for: "lessons/01.md") == nil)
        let saved = store.record(.init(step: 3, frame: 2, stepCount: 8), for: "lessons/01.md")
        #expect(saved)
        let reopened = ProgressStore(file: file)
        #expect(reopened.entry(for: "lessons/./01.md".replacingOccurrences(of: "./", with: ""))?.step == 3)
        #expect(reopened.note == nil)
        #expect(
            !FileManager.default.fileExists(
                atPath: file.deletingLastPathComponent()
                    .appendingPathComponent(".progress-\(getpid()).tmp").path))
    }

    @Test func corruptFileIsSetAsideWithANote() throws {
        let file = try scratch()
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: file)
        var store = ProgressStore(file: file)
        #expect(store.note?.contains("could not be read") == true)
        #expect(FileManager.default.fileExists(atPath: file.path + ".corrupt"))
        let saved = store.record(.init(step: 0, frame: 0, stepCount: 1), for: "x.md")
        #expect(saved)
        #expect(ProgressStore(file: file).entry(for: "x.md") != nil)
    }

    @Test func aWriterKilledMidWriteLeavesTheOldFile() throws {
        let file = try scratch()
        var first = ProgressStore(file: file)
        let firstSaved = first.record(.init(step: 2, frame: 1, stepCount: 5), for: "a.md")
        #expect(firstSaved)
        // What a writer killed between write and rename leaves: a half-written temporary
        // file of a process that is gone (a child that has already exited).
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let folder = file.deletingLastPathComponent()
        let leftover = folder.appendingPathComponent(".progress-\(child.processIdentifier).tmp")
        try Data("{\"/a.md\": {\"step\": 4, \"fra".utf8).write(to: leftover)
        // A live writer's temporary file (ours) is not touched.
        let live = folder.appendingPathComponent(".progress-\(getpid()).tmp")
        try Data("{".utf8).write(to: live)

        var reopened = ProgressStore(file: file)
        #expect(reopened.note == nil)
        #expect(reopened.entry(for: "a.md")?.step == 2)
        #expect(!FileManager.default.fileExists(atPath: leftover.path), "the dead writer's leftover is removed")
        #expect(FileManager.default.fileExists(atPath: live.path))
        let saved = reopened.record(.init(step: 3, frame: 0, stepCount: 5), for: "a.md")
        #expect(saved)
        #expect(ProgressStore(file: file).entry(for: "a.md")?.step == 3)
    }

    @Test func defaultLocationFollowsXDG() {
        #expect(
            ProgressStore.defaultFile(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path
                == "/s/backstep/progress.json")
        #expect(ProgressStore.defaultFile(environment: ["HOME": "/h"]).path == "/h/.local/state/backstep/progress.json")
        #expect(
            ProgressStore.defaultFile(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path
                == "/h/.local/state/backstep/progress.json")
    }

    @Test func unwritableLocationIsNotFatal() {
        var store = ProgressStore(file: URL(fileURLWithPath: "/proc/backstep/progress.json"))
        let saved = store.record(.init(step: 1, frame: 0, stepCount: 2), for: "a.md")
        #expect(saved == false)
    }
}
