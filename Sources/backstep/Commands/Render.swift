import ArgumentParser
import Foundation
import Lessons
import Player
import Rendering

/// Prints one screen of a lesson as text, exactly as the player draws it: for
/// handouts, scripts and tests, with no terminal.
struct Render: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: said.render) }

    @Argument(help: ArgumentHelp(said.lessonFile))
    var file: String

    @Option(help: ArgumentHelp(said.renderStep))
    var step: Int = 1

    @Option(help: ArgumentHelp(said.renderFrame))
    var frame: Int = 1

    @Option(help: ArgumentHelp(said.size))
    var size: String = "80x24"

    @Flag(help: ArgumentHelp(said.renderAll))
    var all = false

    @Flag(help: ArgumentHelp(said.asciiOnly))
    var ascii = false

    @Option(help: ArgumentHelp(said.colorInRender))
    var color = ColorOption(.auto)

    @Option(help: ArgumentHelp(said.theme))
    var theme: ThemeOption = ThemeOption(.default)

    @Option(
        help: ArgumentHelp(said.ambiguous(examples: nil)))
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
            printError(said.describe(error))
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
