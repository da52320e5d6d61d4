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
    static let configuration = CommandConfiguration(
        abstract: "Teach a lesson: students follow along with `ssh -p PORT HOST` and answer its questions.")

    @Argument(help: "A lesson file.")
    var lesson: String

    @Option(help: "Port students connect to.")
    var port: Int = 2222

    @Option(help: "Address to listen on (127.0.0.1: this machine only; 0.0.0.0: the room's network).")
    var host: String = "127.0.0.1"

    @Option(help: "Password students type (default: none; anyone who reaches the port joins).")
    var password: String?

    @Option(help: "Most students connected at once.")
    var maxStudents: Int = 200

    @Option(help: "Minutes without a key press after which a student's connection is closed.")
    var idleMinutes: Int = 120

    @Option(help: "When to use colour (auto: when the terminal has it and NO_COLOR is unset).")
    var color = ColorOption(.auto)

    @Option(help: "The theme to start with (t switches).")
    var theme: ThemeOption?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard maxStudents >= 1 else { throw ValidationError("--max-students must be at least 1") }
        guard idleMinutes >= 1 else { throw ValidationError("--idle-minutes must be at least 1") }
        if let password, password.isEmpty { throw ValidationError("--password must not be empty") }
        guard FileManager.default.fileExists(atPath: lesson) else {
            throw ValidationError("no such lesson file: \(lesson)")
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
            printError("backstep class: cannot listen on \(host):\(port): \(error)")
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
        app.observer = ClassObserver(classroom: classroom, glyphs: session.isUTF8 ? .unicode : .ascii)
        let signal = app.run(paths: [lesson])
        session.stop()
        server.stop()
        if let signal { TerminalSession.exit(forSignal: signal) }
    }
}
