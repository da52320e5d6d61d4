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
        if paths.count == 1 { return open(paths[0]) }
        var picker = makePicker(paths)
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
            case .open(let path):
                if let signal = open(path) { return signal }
                let selected = picker.selected
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
                LessonPicker.Entry(summary: LessonSummary(path: $0), progress: progress.entry(for: $0)?.fraction)
            }, words: words)
    }

    /// Plays one lesson; returns a signal number if one arrived.
    private func open(_ path: String) -> Int32? {
        let run = LessonRun(
            session: session, path: path, progress: progress, glyphs: glyphs, theme: theme, words: words)
        run.observer = observer
        let outcome = run.run()
        theme = run.theme
        if case .signal(let number) = outcome { return number }
        return nil
    }
}
