import Foundation
import Lessons
import Player
import Rendering
import Terminal

/// The interactive player: a picker when given several lessons, then a
/// lesson (``LessonRun``) until the student leaves it.
public final class PlayerApp {
    private let session: any Console
    private let progressFile: URL
    private var progress: ProgressStore
    private var theme: Theme = .default
    private let glyphs: GlyphSet
    private let words: Words
    /// Sees every lesson screen before it is drawn (`backstep class`).
    public var observer: (any LessonRunObserver)?
    /// Ends the status line with the redraw counter (`BACKSTEP_SHOW_REVISION=1`), for tests.
    public var showsRevision = false
    /// The link to `backstep present`, when the player listens for one.
    public var link: PresenterLink?

    /// - Parameters:
    ///   - language: the language of the app's own words (a lesson speaks its own).
    ///   - progressFile: where places in lessons are kept between runs.
    public init(
        session: any Console, theme chosen: Theme?, language: Language = .en,
        progressFile: URL = ProgressStore.defaultFile()
    ) {
        self.session = session
        words = language.words
        self.progressFile = progressFile
        progress = ProgressStore(file: progressFile)
        glyphs = session.isUTF8 ? .unicode : .ascii
        if let chosen { theme = chosen }
        if session.colorMode == .none { theme = .monochrome }
    }

    /// Runs until the user quits; returns a signal number if one ended the run.
    public func run(paths: [String]) -> Int32? {
        if paths.count == 1 {
            // A lesson opened alone leads on to the lessons after it in its folder.
            var path = paths[0]
            while true {
                switch open(path, leadsToList: false) {
                case .signal(let number): return number
                case .closed: return nil
                case .next:
                    guard let next = Self.lesson(after: path) else { return nil }
                    path = next
                }
            }
        }
        var picker = makePicker(paths)
        picker.selectFirstUnfinished()
        while true {
            session.draw(
                picker.render(width: session.size.width, height: session.size.height, theme: theme, glyphs: glyphs))
            guard let key = session.readKey(timeoutMs: 1000) else { continue }
            if case .signal(let number) = key { return number }
            if key == .character("t") {
                let index = PlayerState.themes.firstIndex { $0.name == theme.name } ?? 0
                theme = PlayerState.themes[(index + 1) % PlayerState.themes.count]
                continue
            }
            switch picker.handle(key) {
            case .none: continue
            case .quit: return nil
            case .open(let chosen):
                var path = chosen
                var index = paths.firstIndex(of: path) ?? picker.selected
                // Enter on a closing screen opens the next lesson of the list.
                while case let outcome = open(path, leadsToList: true), outcome != .closed {
                    if case .signal(let number) = outcome { return number }
                    guard index + 1 < paths.count else { break }
                    index += 1
                    path = paths[index]
                }
                let selected = index
                picker = makePicker(paths)
                picker.select(selected)
            }
        }
    }

    private func makePicker(_ paths: [String]) -> LessonPicker {
        // Re-read: the lesson just closed saved its place.
        progress = ProgressStore(file: progressFile)
        return LessonPicker(
            entries: paths.map {
                LessonPicker.Entry(
                    summary: LessonSummary(path: $0), progress: progress.entry(for: $0)?.fraction,
                    score: progress.entry(for: $0)?.score)
            }, words: words)
    }

    /// Plays one lesson until the student leaves it.
    private func open(_ path: String, leadsToList: Bool) -> LessonRun.Outcome {
        // Re-read: the lesson before may have saved its place.
        progress = ProgressStore(file: progressFile)
        let run = LessonRun(
            session: session, path: path, progress: progress, glyphs: glyphs, theme: theme, words: words,
            leadsToList: leadsToList)
        run.observer = observer
        run.showsRevision = showsRevision
        run.link = link
        let outcome = run.run()
        theme = run.theme
        return outcome
    }

    /// The lesson file after `path` in its folder, in name order (`01-…`, `02-…`).
    static func lesson(after path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        let lessons = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md" }
            .sorted()
        guard let i = lessons.firstIndex(of: url.lastPathComponent), i + 1 < lessons.count else { return nil }
        return folder.appendingPathComponent(lessons[i + 1]).path
    }
}
