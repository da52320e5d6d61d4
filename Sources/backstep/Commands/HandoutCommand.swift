import ArgumentParser
import Foundation
import Player
import Rendering

/// Writes a lesson as a document for the class: `backstep handout
/// lessons/01-chain-rule.md -o chain.html` (or `.md`). Every frame's screen in
/// the screen's handout mode, the text in full, questions numbered, an answer key.
struct HandoutCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "handout", abstract: said.handout, discussion: said.handoutDiscussion)
    }

    @Argument(help: ArgumentHelp(said.lessonFile))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp(said.handoutOutput))
    var output: String

    @Option(help: ArgumentHelp(said.size))
    var size: String = "80x24"

    @Option(help: ArgumentHelp(said.handoutLanguage))
    var lang: Language?

    @Option(help: ArgumentHelp(said.theme))
    var theme: ThemeOption = ThemeOption(.default)

    @Flag(help: ArgumentHelp(said.drawASCII))
    var ascii = false

    @Option(help: ArgumentHelp(said.ambiguous(examples: nil)))
    var ambiguous: AmbiguousWidth?

    /// The formats, by the output's extension.
    enum Format { case markdown, html }

    func run() throws {
        let screen: (width: Int, height: Int)
        do {
            screen = try ScreenText.size(size)
        } catch {
            throw ValidationError(error.description)
        }
        let ext = (output as NSString).pathExtension.lowercased()
        let format: Format
        switch ext {
        case "md", "markdown": format = .markdown
        case "html", "htm": format = .html
        default: throw ValidationError(said.handoutFormat(output))
        }
        var state: PlayerState
        do {
            state = try PlayerState(path: file)
        } catch {
            printError(said.describe(error))
            throw ExitCode(1)
        }
        state.theme = theme.theme
        let wide = Open.ambiguousWidth(option: ambiguous, environment: ProcessInfo.processInfo.environment) == .wide
        let handout = Handout(
            state, width: screen.width, height: screen.height, glyphs: ascii ? .ascii : .unicode,
            words: lang?.words, wideAmbiguous: wide)
        let text: String
        switch format {
        case .markdown: text = HandoutMarkdown.document(handout)
        case .html: text = HandoutHTML.document(handout, colors: theme.theme.isMonochrome ? .none : .ansi256)
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            printError(said.cannotWrite(output, error.localizedDescription))
            throw ExitCode(1)
        }
    }
}
