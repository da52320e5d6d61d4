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

    @Option(
        help: """
            Step number, from 1. Only the steps up to it are played (no later training), so graph boxes \
            are sized for the values played so far, as while the player opens a lesson; --all plays everything.
            """)
    var step: Int = 1

    @Option(help: "Frame number within the step, from 1.")
    var frame: Int = 1

    @Option(help: "Screen size as WIDTHxHEIGHT.")
    var size: String = "80x24"

    @Flag(help: "Print every frame of the lesson in order, each after a line '=== step S frame F'.")
    var all = false

    @Flag(help: "Print nothing outside ASCII.")
    var ascii = false

    @Option(help: "When to use colour (auto: when standard output is a terminal and NO_COLOR is unset).")
    var color = ColorOption(.auto)

    @Option(help: "The colour scheme.")
    var theme: ThemeOption = ThemeOption(.default)

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
        var state: PlayerState
        do {
            // One step needs only the steps up to it played (no later training).
            state = all ? try PlayerState(path: file) : try PlayerState(path: file, playingSteps: step)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        do {
            if !all { try state.go(step: step - 1, frame: frame - 1) }
        } catch {
            // The lesson is fine; the place is not: said in the lesson's language.
            FileHandle.standardError.write(
                Data(((error.isPlace ? "error: " : "") + state.words.describe(error) + "\n").utf8))
            throw ExitCode(1)
        }
        state.theme = theme.theme
        let output = TextBackend(
            width: screen.width, height: screen.height,
            colors: color.colorsText(outputIsTerminal: isatty(STDOUT_FILENO) == 1) ? .ansi256 : nil, ascii: ascii)
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
            output.draw(buffer)
            print(output.lastFrame)
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
