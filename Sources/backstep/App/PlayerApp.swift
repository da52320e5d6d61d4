import Foundation
import Lessons
import Player
import Rendering
import Terminal

/// The interactive player: a picker when given a folder, then a lesson, frame
/// by frame, in the terminal. Everything it draws comes from `LessonScreen`;
/// this type only keeps the place and turns keys into moves.
final class PlayerApp {
    private let session: TerminalSession
    private var progress = ProgressStore()
    private var theme: Theme = .default
    private let glyphs: GlyphSet
    private static let themes: [Theme] = [.default, .projector, .monochrome]

    init(session: TerminalSession, themeName: String?) {
        self.session = session
        glyphs = session.isUTF8 ? .unicode : .ascii
        if let name = themeName, let named = Theme.named(name) { theme = named }
        if session.colorMode == .none { theme = .monochrome }
    }

    /// Runs until the user quits; returns a signal number if one ended the run.
    func run(paths: [String]) -> Int32? {
        if paths.count == 1 { return play(paths[0]) }
        var picker = LessonPicker(entries: paths.map {
            LessonPicker.Entry(summary: LessonSummary(path: $0), progress: progress.entry(for: $0)?.fraction)
        })
        while true {
            session.draw(picker.render(width: session.size.width, height: session.size.height, theme: theme, glyphs: glyphs))
            guard let key = session.readKey(timeoutMs: 500) else { continue }
            if case let .signal(number) = key { return number }
            if key == .character("t") { cycleTheme(); continue }
            switch picker.handle(key) {
            case .none: continue
            case .quit: return nil
            case let .open(path):
                if let signal = play(path) { return signal }
                picker = LessonPicker(entries: paths.map {
                    LessonPicker.Entry(summary: LessonSummary(path: $0), progress: progress.entry(for: $0)?.fraction)
                })
            }
        }
    }

    private func cycleTheme() {
        let index = Self.themes.firstIndex { $0.name == theme.name } ?? 0
        theme = Self.themes[(index + 1) % Self.themes.count]
    }

    private func message(_ text: String) -> Int32? {
        while true {
            var buffer = Buffer(width: session.size.width, height: session.size.height)
            buffer.render(Prose(text + "\n\nPress any key.", theme: theme, glyphs: glyphs), in: buffer.area.inner(1))
            session.draw(buffer)
            guard let key = session.readKey(timeoutMs: 500) else { continue }
            if case let .signal(number) = key { return number }
            if key != .resize { return nil }
        }
    }

    /// Plays one lesson; returns a signal number if one arrived.
    private func play(_ path: String) -> Int32? {
        let trace: LessonTrace
        do {
            trace = try LessonTrace(path: path)
        } catch {
            return message("This lesson has errors (run `backstep check \(path)`):\n\n```\n\(error)\n```")
        }
        guard !trace.steps.isEmpty else { return message("This lesson has no steps.") }
        let screen = LessonScreen(trace: trace)
        var step = 0, frame = 0
        if let saved = progress.entry(for: path), saved.step < trace.steps.count, saved.step > 0 || saved.frame > 0 {
            step = saved.step
            frame = Swift.min(saved.frame, trace.steps[step].frames.count - 1)
        }
        var options = LessonScreen.Options()
        var number = ""
        func frameCount(_ s: Int) -> Int { Swift.max(trace.steps[s].frames.count, 1) }
        func moved() {
            options.typedAnswer = nil; options.answerFeedback = nil; options.revealed = false
            progress.record(.init(step: step, frame: frame, stepCount: trace.steps.count), for: path)
        }
        while true {
            options.theme = theme
            options.glyphs = glyphs
            session.draw(screen.render(step: step, frame: frame, width: session.size.width, height: session.size.height, options: options))
            guard let key = session.readKey(timeoutMs: 500) else { continue }
            let current = trace.steps[step].frames.indices.contains(frame) ? trace.steps[step].frames[frame] : nil
            if case let .signal(signalNumber) = key { return signalNumber }
            if let typed = options.typedAnswer, case let .ask(ask)? = current {
                switch key {
                case .enter:
                    if let value = Double(typed.replacingOccurrences(of: "−", with: "-")) {
                        options.answerFeedback = ask.accepts(value)
                            ? "right: \(ValueText.number(ask.answer, ascii: glyphs.isASCII))"
                            : "not quite" + (ask.question.hint.map { ": \($0)" } ?? "")
                        options.revealed = options.revealed || ask.accepts(value)
                    } else {
                        options.answerFeedback = "type a number"
                    }
                    options.typedAnswer = nil
                case .escape: options.typedAnswer = nil
                case .backspace: options.typedAnswer = String(typed.dropLast())
                case let .character(c) where c.isNumber || "-.eE+".contains(c): options.typedAnswer = typed + String(c)
                case .ctrlC: return nil
                default: break
                }
                continue
            }
            if options.help {
                if key == .escape || key == .character("?") || key == .character("q") { options.help = false }
                if key == .ctrlC { return nil }
                continue
            }
            switch key {
            case .right, .character("l"), .character(" "), .character("n"), .pageDown:
                if frame + 1 < frameCount(step) { frame += 1 } else if step + 1 < trace.steps.count { step += 1; frame = 0 }
                moved()
            case .left, .character("h"), .backspace, .character("p"), .pageUp:
                if frame > 0 { frame -= 1 } else if step > 0 { step -= 1; frame = frameCount(step) - 1 }
                moved()
            case .character("]"):
                if step + 1 < trace.steps.count { step += 1; frame = 0; moved() }
            case .character("["):
                if step > 0 { step -= 1; frame = 0; moved() }
            case .character("g"), .home: frame = 0; moved()
            case .character("G"), .end: frame = frameCount(step) - 1; moved()
            case let .character(c) where c.isNumber:
                number.append(c)
            case .enter:
                if let n = Int(number), n >= 1, n <= trace.steps.count {
                    step = n - 1; frame = 0; moved()
                } else if case .ask? = current {
                    options.typedAnswer = ""
                }
                number = ""
            case .character("v"): options.revealed = true
            case .character("t"): cycleTheme()
            case .character("?"): options.help = true
            case .character("q"), .ctrlC, .escape: return nil
            default: break
            }
        }
    }
}
