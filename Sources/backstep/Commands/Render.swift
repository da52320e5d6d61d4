import ArgumentParser
import Foundation
import Lessons
import Player
import Rendering

/// Prints one screen of a lesson as text, exactly as the player draws it: for
/// handouts, scripts and tests, with no terminal.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one screen of a lesson as text (no terminal needed).")

    @Argument(help: "A lesson file.")
    var file: String

    @Option(help: "Step number, from 1.")
    var step: Int = 1

    @Option(help: "Frame number within the step, from 1.")
    var frame: Int = 1

    @Option(help: "Screen size as WIDTHxHEIGHT.")
    var size: String = "80x24"

    @Flag(help: "Print every frame of the lesson in order, each after a line '=== step S frame F'.")
    var all = false

    @Flag(help: "Print nothing outside ASCII.")
    var ascii = false

    @Option(
        help: "Colour: auto, always or never (auto: colour when standard output is a terminal and NO_COLOR is unset).")
    var color: String = "auto"

    @Option(help: "Theme: default, projector or monochrome.")
    var theme: String = "default"

    @Option(
        help:
            "How the terminal draws ambiguous-width characters: narrow or wide (default: BACKSTEP_AMBIGUOUS, else narrow)."
    )
    var ambiguous: AmbiguousWidth?

    func run() throws {
        let screen: (width: Int, height: Int)
        do {
            screen = try ScreenText.size(size)
        } catch {
            throw ValidationError(error.description)
        }
        guard let chosenTheme = Theme.named(theme) else {
            throw ValidationError("unknown theme '\(theme)'; choose one of \(Theme.names.joined(separator: ", "))")
        }
        var state: PlayerState
        do {
            state = try PlayerState(path: file)
            if !all { try state.go(step: step - 1, frame: frame - 1) }
        } catch {
            FileHandle.standardError.write(Data(((error.isPlace ? "error: " : "") + "\(error)\n").utf8))
            throw ExitCode(1)
        }
        state.theme = chosenTheme
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let useColor = color == "always" || (color == "auto" && isatty(STDOUT_FILENO) == 1 && !noColor)
        let wide = Open.ambiguousWidth(option: ambiguous, environment: ProcessInfo.processInfo.environment) == .wide
        let places =
            all
            ? (0..<state.stepCount).flatMap { s in (0..<state.frameCount(ofStep: s)).map { (s, $0) } }
            : [(state.step, state.frame)]
        for (s, f) in places {
            // Every place is in the lesson: checked above, or enumerated from it.
            guard (try? state.go(step: s, frame: f)) != nil else { continue }
            if all { print("=== step \(s + 1) frame \(f + 1)") }
            var buffer = Screen.render(
                state, width: screen.width, height: screen.height, glyphs: ascii ? .ascii : .unicode)
            if wide { buffer = buffer.withAmbiguousStandIns() }
            print(ScreenText.lines(buffer, colors: useColor ? .ansi256 : nil, ascii: ascii).joined(separator: "\n"))
        }
    }
}

extension PlayerError {
    /// A step or frame out of range (the lesson itself is fine).
    fileprivate var isPlace: Bool {
        switch self {
        case .stepOutOfRange, .frameOutOfRange: return true
        default: return false
        }
    }
}
