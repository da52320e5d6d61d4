import ArgumentParser
import Foundation
import Player
import Rendering

/// Writes a whole lesson as an asciinema v2 recording, one screen per key
/// press: `backstep record lessons/01-chain-rule.md -o chain.cast`, then
/// `asciinema play chain.cast`.
struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a walkthrough of a lesson as an asciinema v2 file (one screen per key press).")

    @Argument(help: "A lesson file.")
    var file: String

    @Option(name: .shortAndLong, help: "The recording to write (.cast).")
    var output: String

    @Option(help: "Screen size as WIDTHxHEIGHT.")
    var size: String = "100x30"

    @Option(help: "Seconds between key presses.")
    var delay: Double = 1.5

    @Flag(help: "Draw with ASCII only.")
    var ascii = false

    @Option(help: "When to use colour (auto: unless NO_COLOR is set; the recording is replayed in a terminal).")
    var color = ColorOption(.always)

    @Option(help: "The colour scheme.")
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
            FileHandle.standardError.write(Data("\(error)\n".utf8))
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
