import App
import ArgumentParser
import Foundation
import Player
import Terminal

/// `backstep present`: the teacher's view of the projected player, in a second
/// terminal (the link is described on ``PresenterLink``).
struct PresentCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "present", abstract: said.present, discussion: said.presentDiscussion)
    }

    @Option(help: ArgumentHelp(said.language))
    var lang: Language?

    @Option(help: ArgumentHelp(said.colorInPlayer))
    var color = ColorOption(.auto)

    @Option(help: ArgumentHelp(said.startTheme))
    var theme: ThemeOption?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let socket = PresenterLink.socketPath(environment: environment) else {
            printError(said.noPresenterLink)
            throw ExitCode(2)
        }
        let session: TerminalSession
        do {
            session = try TerminalSession.start(colorPreference: color.preference)
        } catch {
            printError("backstep: \(error)")
            throw ExitCode(2)
        }
        let language = Language.chosen(option: lang?.rawValue, environment: environment)
        let signal = PresenterApp(session: session, socketPath: socket, theme: theme?.theme, language: language).run()
        session.stop()
        if let signal { TerminalSession.exit(forSignal: signal) }
    }
}
