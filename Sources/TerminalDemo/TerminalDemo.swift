import Foundation
import Rendering
import Terminal

#if canImport(Glibc)
    import Glibc
#endif

/// `backstep-terminal-demo`: a small program on `TerminalSession` that the
/// end-to-end tests drive in tmux to check the terminal layer alone (the app
/// has its own tests through a `TestBackend`). Not installed; built with the package.
///
/// It prints `BEFORE-SESSION` on the normal screen, then draws Korean text,
/// colours and attributes, the size, the last key and a frame counter; `w`
/// draws a buffer larger than the screen; Ctrl-L repaints; `X` crashes (an
/// index out of range); `q` and Ctrl-C quit (0 and 130) printing the tty
/// modes; a signal ends it the way the signal would. Environment:
/// `BACKSTEP_TERMINAL_DEMO_PIDFILE` (where to write its pid) and
/// `BACKSTEP_TERMINAL_DEMO_COLOR` (auto, always or never).
@main
enum TerminalDemo {
    static let environment = ProcessInfo.processInfo.environment

    struct State {
        var keys = 0
        var last = "none"
        var frame = 0
        var oversize = false
    }

    static func main() { run() }

    static func run() -> Never {
        if let pidFile = environment["BACKSTEP_TERMINAL_DEMO_PIDFILE"] {
            try? "\(getpid())".write(toFile: pidFile, atomically: true, encoding: .utf8)
        }
        print("BEFORE-SESSION")
        let preference = ColorPreference(rawValue: environment["BACKSTEP_TERMINAL_DEMO_COLOR"] ?? "auto") ?? .auto
        let session: TerminalSession
        do {
            session = try TerminalSession.start(colorPreference: preference)
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            exit(2)
        }
        var state = State()
        while true {
            state.frame += 1
            session.draw(screen(session, state))
            guard let key = session.readKey(timeoutMs: 200) else { continue }
            switch key {
            case .character("q"): finish(session, "quit", status: 0)
            case .ctrlC: finish(session, "ctrl-c", status: 130)
            case .signal(let number):
                session.stop()
                TerminalSession.exit(forSignal: number)
            case .character("X"):
                let empty: [Int] = []
                print(empty[state.keys + 5])  // traps: the crash restore must give the terminal back
            case .character("w"): state.oversize.toggle()
            case .control("l"): session.forceFullRedraw()
            case .resize: break
            default: break
            }
            if key != .resize {
                state.keys += 1
                state.last = "\(key)"
            }
        }
    }

    static func finish(_ session: TerminalSession, _ reason: String, status: Int32) -> Never {
        session.stop()
        var modes = termios()
        tcgetattr(STDIN_FILENO, &modes)
        let echo = modes.c_lflag & tcflag_t(ECHO) != 0
        let icanon = modes.c_lflag & tcflag_t(ICANON) != 0
        print("AFTER-SESSION \(reason) echo=\(echo) icanon=\(icanon)")
        exit(status)
    }

    static func screen(_ session: TerminalSession, _ state: State) -> Buffer {
        let size = session.size
        let extra = state.oversize ? (3, 2) : (0, 0)
        var buffer = Buffer(width: size.width + extra.0, height: size.height + extra.1)
        let title = session.isUTF8 ? "Backstep 한국어 텍스트 ✓ demo" : "Backstep ASCII demo"
        buffer.setString(title, x: 0, y: 0, style: Style(fg: .orange, modifiers: .bold))
        let utf8 = session.isUTF8 ? "yes" : "no"
        buffer.setString(
            "size \(size.width)x\(size.height) utf8 \(utf8) colors \(session.colorMode.rawValue)", x: 0, y: 1,
            style: .plain)
        buffer.setString("keys \(state.keys) last \(state.last)", x: 0, y: 2, style: .plain)
        buffer.setString("frame \(state.frame) oversize \(state.oversize)", x: 0, y: 3, style: .plain)
        var x = buffer.setString("reverse", x: 0, y: 4, style: Style(modifiers: .reverse))
        x += 1 + buffer.setString("underline", x: x + 1, y: 4, style: Style(modifiers: .underline))
        buffer.setString("sky", x: x + 1, y: 4, style: Style(fg: .black, bg: .skyBlue))
        // A wide character starting in the screen's last column: shown as a space, never wrapped.
        buffer.setString(String(repeating: "=", count: max(0, size.width - 1)) + "끝끝", x: 0, y: 5, style: .plain)
        buffer.setString("next row", x: 0, y: 6, style: .plain)
        buffer.setString(session.isUTF8 ? "┘" : "+", x: size.width - 1, y: size.height - 1, style: .plain)
        return buffer
    }
}
