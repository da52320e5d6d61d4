import App
import ArgumentParser
import Classroom
import Foundation
import Player
import Rendering
import Terminal

/// The teacher's player, projected, with an SSH server that lets every student
/// follow the lesson on their own laptop: `ssh -p 2222 HOST`, nothing to install.
struct Class: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: said.classCommand) }

    @Argument(help: ArgumentHelp(said.lessonFile))
    var lesson: String

    @Option(help: ArgumentHelp(said.classPort))
    var port: Int = 2222

    @Option(help: ArgumentHelp(said.classHost))
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp(said.classPassword))
    var password: String?

    @Option(help: ArgumentHelp(said.maxStudents))
    var maxStudents: Int = 200

    @Option(help: ArgumentHelp(said.idleMinutes))
    var idleMinutes: Int = 120

    @Option(help: ArgumentHelp(said.colorInPlayer))
    var color = ColorOption(.auto)

    @Option(help: ArgumentHelp(said.startTheme))
    var theme: ThemeOption?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(said.portRange) }
        guard maxStudents >= 1 else { throw ValidationError(said.atLeastOneStudent) }
        guard idleMinutes >= 1 else { throw ValidationError(said.atLeastOneMinute) }
        if let password, password.isEmpty { throw ValidationError(said.emptyPassword) }
        guard FileManager.default.fileExists(atPath: lesson) else {
            throw ValidationError(said.noSuchPath(lesson))
        }
    }

    func run() throws {
        var limits = ClassroomServer.Limits()
        limits.maxStudents = maxStudents
        limits.idleMinutes = idleMinutes
        // Students whose locale speaks the lesson's other language get its translation, when there is one.
        let classroom = Classroom(translation: LessonTranslation.path(of: lesson).flatMap { try? LessonText(path: $0) })
        let server: ClassroomServer
        do {
            server = try ClassroomServer(
                classroom: classroom, hostKeyPath: HostKeyStore.defaultPath(), password: password, limits: limits)
        } catch {
            printError("backstep class: \(error)")
            throw ExitCode(2)
        }
        do {
            let bound = try server.start(host: host, port: port)
            let shown = host == "0.0.0.0" || host == "::" ? ProcessInfo.processInfo.hostName : host
            classroom.joinHint = "ssh -p \(bound) \(shown)"
        } catch {
            server.stop()
            printError(said.cannotListen("\(host):\(port)", "\(error)"))
            throw ExitCode(2)
        }
        let session: TerminalSession
        do {
            session = try TerminalSession.start(colorPreference: color.preference)
        } catch {
            server.stop()
            printError("backstep: \(error)")
            throw ExitCode(2)
        }
        let app = PlayerApp(session: session, theme: theme?.theme)
        app.showsRevision = ProcessInfo.processInfo.environment["BACKSTEP_SHOW_REVISION"] == "1"
        app.observer = ClassObserver(classroom: classroom, glyphs: session.isUTF8 ? .unicode : .ascii)
        let signal = app.run(paths: [lesson])
        session.stop()
        server.stop()
        if let signal { TerminalSession.exit(forSignal: signal) }
    }
}
