import App
import ArgumentParser
import Foundation
import Lessons
import Player
import Rendering
import Terminal

/// Opens the lessons in the terminal player: a picker for a folder, or one lesson.
struct Open: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: said.open) }

    @Argument(help: ArgumentHelp(said.lessonOrDirectory))
    var path: String?

    @Option(
        help: ArgumentHelp(said.language))
    var lang: Language?

    @Option(
        help: ArgumentHelp(said.ambiguous(examples: "─ │ · × σ")))
    var ambiguous: AmbiguousWidth?

    @Option(help: ArgumentHelp(said.colorInPlayer))
    var color = ColorOption(.auto)

    @Option(help: ArgumentHelp(said.startTheme))
    var theme: ThemeOption?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = Language.chosen(option: lang?.rawValue, environment: environment)
        let paths: [String]
        do {
            paths = try lessonPaths(language)
        } catch let error as ValidationError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        // Said before the screen is taken, so it stays on the terminal.
        if let capabilities = try? TerminalCapabilities.check(), !capabilities.isUTF8,
            Self.showsKorean(language: language, paths: paths)
        {
            printError(Words.localeCannotShowHangul(Self.localeName(environment)))
            throw ExitCode(1)
        }
        let session: TerminalSession
        do {
            session = try TerminalSession.start(colorPreference: color.preference)
        } catch {
            FileHandle.standardError.write(Data("backstep: \(error)\n".utf8))
            throw ExitCode(2)
        }
        session.ambiguous = Self.ambiguousWidth(option: ambiguous, environment: environment)
        let app = PlayerApp(session: session, theme: theme?.theme, language: language)
        app.showsRevision = environment["BACKSTEP_SHOW_REVISION"] == "1"
        // `backstep present` in another terminal follows this player and drives it.
        app.link = PresenterLink.socketPath(environment: environment).flatMap(PresenterLink.init(path:))
        let signal = app.run(paths: paths)
        session.stop()
        if let signal { TerminalSession.exit(forSignal: signal) }
    }

    private func lessonPaths(_ language: Language) throws -> [String] {
        let words = language.words
        let target = path ?? Self.bundledLessons(language: language)
        var isDirectory: ObjCBool = false
        guard let target, FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            if let path {
                throw ValidationError(words.noSuchPath(path))
            }
            throw ValidationError(words.bundledNotFound)
        }
        guard isDirectory.boolValue else { return [target] }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        let lessons = files.filter { $0.hasSuffix(".md") || $0.hasSuffix(".graph") }.sorted()
            .map { (target as NSString).appendingPathComponent($0) }
        guard !lessons.isEmpty else { throw ValidationError(words.noLessonsIn(target)) }
        return lessons
    }

    /// The lessons shipped with the source: found from the environment, from the
    /// executable's location (…/.build/debug/backstep), or from where this file was compiled.
    /// `BACKSTEP_LESSONS` names the English folder; Korean is its `ko` folder when there is one.
    static func bundledLessons(language: Language) -> String? {
        let sub = language == .ko ? "lessons/ko" : "lessons"
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["BACKSTEP_LESSONS"] {
            let korean = (env as NSString).appendingPathComponent("ko")
            return language == .ko && FileManager.default.fileExists(atPath: korean) ? korean : env
        }
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

    /// `--ambiguous`, else `BACKSTEP_AMBIGUOUS` (`wide` or `narrow`), else narrow.
    static func ambiguousWidth(option: AmbiguousWidth?, environment: [String: String]) -> AmbiguousWidth {
        if let option { return option }
        guard let value = environment["BACKSTEP_AMBIGUOUS"], !value.isEmpty else { return .narrow }
        guard let width = AmbiguousWidth(rawValue: value.lowercased()) else {
            // A typo should not silently draw misaligned boxes: say what was ignored.
            printError(
                said.ignoredEnvironment("BACKSTEP_AMBIGUOUS", value, valid: AmbiguousWidth.allCases.map(\.rawValue)))
            return .narrow
        }
        return width
    }

    /// Whether what opens speaks Korean: the app's language, or a single lesson marked `language: ko`.
    static func showsKorean(language: Language, paths: [String]) -> Bool {
        if language == .ko { return true }
        guard paths.count == 1 else { return false }
        return Language(tag: LessonSummary(path: paths[0]).language) == .ko
    }

    /// The locale as the C library sees it, for the message: `LC_ALL`, `LC_CTYPE`, `LANG`, or `C`.
    static func localeName(_ environment: [String: String]) -> String {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return name ?? "C"
    }
}
