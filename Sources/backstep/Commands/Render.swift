import ArgumentParser
import Foundation
import Lessons
import Player
import Rendering

/// Prints one screen of a lesson as text, exactly as the player draws it: for
/// handouts, scripts and tests, with no terminal.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one screen of a lesson as text (no terminal needed).")

    @Argument(help: "A lesson file.")
    var file: String

    @Option(help: "Step number, from 1.")
    var step: Int = 1

    @Option(help: "Frame number within the step, from 1.")
    var frame: Int = 1

    @Option(help: "Screen size as WIDTHxHEIGHT.")
    var size: String = "80x24"

    @Flag(help: "Print every frame of the lesson in order, each after a line '=== step S frame F'.")
    var all = false

    @Flag(help: "Print nothing outside ASCII.")
    var ascii = false

    @Option(help: "Colour: auto, always or never (auto: colour when standard output is a terminal and NO_COLOR is unset).")
    var color: String = "auto"

    @Option(help: "Theme: default, projector or monochrome.")
    var theme: String = "default"

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else {
            throw ValidationError("--size must be WIDTHxHEIGHT with each between 1 and 1000, e.g. 80x24")
        }
        guard let chosenTheme = Theme.named(theme) else {
            throw ValidationError("unknown theme '\(theme)'; choose one of \(Theme.names.joined(separator: ", "))")
        }
        let trace: LessonTrace
        do {
            trace = try LessonTrace(path: file)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        guard (1...Swift.max(trace.steps.count, 1)).contains(step), !trace.steps.isEmpty else {
            FileHandle.standardError.write(Data("error: step \(step) is out of range; this lesson has steps 1...\(trace.steps.count)\n".utf8))
            throw ExitCode(1)
        }
        let frames = Swift.max(trace.steps[step - 1].frames.count, 1)
        guard (1...frames).contains(frame) else {
            FileHandle.standardError.write(Data("error: frame \(frame) is out of range; step \(step) has frames 1...\(frames)\n".utf8))
            throw ExitCode(1)
        }
        var state = PlayerState(trace: trace)
        state.theme = chosenTheme
        let places = all
            ? trace.steps.indices.flatMap { s in (0..<state.frameCount(ofStep: s)).map { (s, $0) } }
            : [(step - 1, frame - 1)]
        for (s, f) in places {
            // Both are in range: checked above, or enumerated from the trace.
            guard (try? state.go(step: s, frame: f)) != nil else { continue }
            if all { print("=== step \(s + 1) frame \(f + 1)") }
            print(text(of: Screen.render(state, width: parts[0], height: parts[1], glyphs: ascii ? .ascii : .unicode)))
        }
    }

    private func text(of buffer: Buffer) -> String {
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let useColor = color == "always" || (color == "auto" && isatty(STDOUT_FILENO) == 1 && !noColor)
        var lines = useColor ? buffer.ansiLines(colors: .ansi256) : buffer.lines()
        if ascii { lines = lines.map { String($0.unicodeScalars.map { $0.isASCII ? Character($0) : "?" }) } }
        return lines.joined(separator: "\n")
    }
}
