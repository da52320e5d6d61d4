import ArgumentParser
import Autodiff
import Foundation
import Player

/// The `backstep` command: opens lessons, and checks, evaluates, lists and
/// traces them without a terminal.
@main
struct Backstep: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "backstep",
            abstract: said.backstep,
            version: "0.1.0",
            subcommands: [
                Open.self, Check.self, Eval.self, List.self, Frames.self, Render.self, Export.self, Record.self,
                Class.self, HandoutCommand.self, PresentCommand.self,
            ],
            defaultSubcommand: Open.self)
    }

    /// Runs the command; usage errors exit with status 2 (not ArgumentParser's 64),
    /// as `eval`'s contract asks.
    static func main() {
        // The tool owns its process: BLAS kernels and threads, malloc (ProcessTuning's notes).
        ProcessTuning.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The command line's words for this run (`--lang`, else the locale): help and messages.
var said: CommandWords { .current }

/// Writes `text` and a newline to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
