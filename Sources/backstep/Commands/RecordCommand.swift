import ArgumentParser
import Foundation
import Player
import Rendering

/// Writes a whole lesson as an asciinema v2 recording, a screen per key press
/// and per tick of a training run, questions held longer: `backstep record
/// lessons/01-chain-rule.md -o chain.cast`, then `asciinema play chain.cast`.
struct Record: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: said.record)
    }

    @Argument(help: ArgumentHelp(said.lessonFile))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp(said.recording))
    var output: String

    @Option(help: ArgumentHelp(said.size))
    var size: String = "100x30"

    @Option(help: ArgumentHelp(said.delay))
    var delay: Double = 1.5

    @Flag(help: ArgumentHelp(said.drawASCII))
    var ascii = false

    @Option(help: ArgumentHelp(said.colorInRecording))
    var color = ColorOption(.always)

    @Option(help: ArgumentHelp(said.theme))
    var theme: ThemeOption = ThemeOption(.default)

    func run() throws {
        let screen: (width: Int, height: Int)
        do {
            screen = try ScreenText.size(size)
        } catch {
            throw ValidationError(error.description)
        }
        guard delay.isFinite, delay > 0, delay <= 60 else {
            throw ValidationError("--delay must be between 0 and 60 seconds")
        }
        var state: PlayerState
        do {
            state = try PlayerState(path: file)
        } catch {
            printError(said.describe(error))
            throw ExitCode(1)
        }
        state.theme = theme.theme
        let cast = Asciicast.record(
            state, width: screen.width, height: screen.height, glyphs: ascii ? .ascii : .unicode,
            colors: color.colorsText(outputIsTerminal: true) ? .ansi256 : nil, delay: delay)
        do {
            try cast.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("error: cannot write \(output): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
