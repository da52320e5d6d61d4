import Foundation
import Lessons
import Player
import Rendering
import Testing

/// The lesson about layers and models, wherever the lessons' numbering puts it.
func layersLesson(korean: Bool = false) -> String {
    let folder = Repo.root.appendingPathComponent(korean ? "lessons/ko" : "lessons").path
    let name =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .first { $0.hasSuffix("-layers-and-models.md") } ?? "10-layers-and-models.md"
    return folder + "/" + name
}

@Suite struct InspectorScratch {
    @Test func dump() throws {
        guard ProcessInfo.processInfo.environment["BACKSTEP_DUMP"] == "1" else { return }
        var out = ""
        for korean in [false, true] {
            var state = try PlayerState(path: layersLesson(korean: korean))
            state.press([.character("]")])
            for size in [(64, 20), (80, 24), (100, 30), (160, 45)] {
                state.view = ScreenView(width: size.0, height: size.1)
                var s = state
                s.press([.character("i")])
                out += "=== \(size) open\n" + s.screen(size.0, size.1) + "\n"
                s.press([.right])
                out += "=== \(size) right\n" + s.screen(size.0, size.1) + "\n"
                s.press([.character("o")])
                out += "=== \(size) o\n" + s.screen(size.0, size.1) + "\n"
            }
            var m = state
            m.press([.character("]"), .character("]"), .character("]"), .character("]"), .character("]"), .character("]"), .character("]")])
            m.view = ScreenView(width: 80, height: 24)
            out += "=== step \(m.step + 1) plain\n" + m.screen(80, 24) + "\n"
            m.press([.character("i")])
            out += "=== step \(m.step + 1) i\n" + m.screen(80, 24) + "\n"
            m.press([.character("o")])
            out += "=== o\n" + m.screen(80, 24) + "\n"
            m.press([.character("O")])
            out += "=== O\n" + m.screen(80, 24) + "\n"
            out += "=== O 100x30\n" + m.screen(100, 30) + "\n"
            m.press([.escape])
            out += "=== esc\n" + m.screen(80, 24) + "\n"
            m.press([.character("n")])
            out += "=== n\n" + m.screen(80, 24) + "\n"
        }
        try out.write(toFile: "/tmp/inspect-dump.txt", atomically: true, encoding: .utf8)
    }
}
