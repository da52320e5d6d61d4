import App
import ArgumentParser
import Foundation
import Lessons
import Terminal

/// Opens the lessons in the terminal player: a picker for a folder, or one lesson.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a lesson, or a folder of lessons, in the terminal player.")

    @Argument(help: "A lesson file or a directory of lessons (default: the bundled lessons).")
    var path: String?

    @Option(help: "Language of the bundled lessons.")
    var lang: LessonLanguage = .en

    @Option(help: "When to use colour (auto: when the terminal has it and NO_COLOR is unset).")
    var color = ColorOption(.auto)

    @Option(help: "The theme to start with (t switches).")
    var theme: ThemeOption?

    func run() throws {
        let paths: [String]
        do {
            paths = try lessonPaths()
        } catch let error as ValidationError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let session: TerminalSession
        do {
            session = try TerminalSession.start(colorPreference: color.preference)
        } catch {
            FileHandle.standardError.write(Data("backstep: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let signal = PlayerApp(session: session, theme: theme?.theme).run(paths: paths)
        session.stop()
        if let signal { TerminalSession.exit(forSignal: signal) }
    }

    private func lessonPaths() throws -> [String] {
        let target = path ?? Self.bundledLessons(language: lang)
        var isDirectory: ObjCBool = false
        guard let target, FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            if let path {
                throw ValidationError("no such file or folder: \(path); give a lesson file (.md) or a folder of them")
            }
            throw ValidationError(
                "the bundled lessons were not found; give a lesson file or folder, or set BACKSTEP_LESSONS")
        }
        guard isDirectory.boolValue else { return [target] }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        let lessons = files.filter { $0.hasSuffix(".md") || $0.hasSuffix(".graph") }.sorted()
            .map { (target as NSString).appendingPathComponent($0) }
        guard !lessons.isEmpty else { throw ValidationError("no lessons (.md) in \(target)") }
        return lessons
    }

    /// The lessons shipped with the source: found from the environment, from the
    /// executable's location (…/.build/debug/backstep), or from where this file was compiled.
    static func bundledLessons(language: LessonLanguage) -> String? {
        let sub = language.folder
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["BACKSTEP_LESSONS"] { return env }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent(sub).path)
            dir = dir.deletingLastPathComponent()
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent(sub).path)
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
