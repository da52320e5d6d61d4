import Foundation
import Lessons
import Player
import Rendering
import Testing

/// Every frame of the core lessons draws at any size, and ASCII mode stays ASCII.
@Suite struct LessonScreenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let core = ["01-chain-rule.md", "02-sigmoid-neuron.md", "03-broadcasting.md", "04-linear-regression.md",
                       "ko/01-chain-rule.md"]

    func trace(_ name: String) throws -> LessonTrace {
        try LessonTrace(path: Self.root.appendingPathComponent("lessons/" + name).path)
    }

    @Test(arguments: core)
    func everyFrameDrawsAtEverySize(_ lesson: String) throws {
        let screen = LessonScreen(trace: try trace(lesson))
        for (width, height) in [(1, 1), (20, 6), (60, 20), (80, 24), (160, 48), (300, 100)] {
            var options = LessonScreen.Options()
            options.glyphs = width == 80 ? .ascii : .unicode
            for (s, played) in screen.trace.steps.enumerated() {
                for f in 0..<Swift.max(played.frames.count, 1) {
                    let lines = screen.render(step: s, frame: f, width: width, height: height, options: options).lines()
                    #expect(lines.count == height)
                    #expect(lines.allSatisfy { displayWidth($0) <= width })
                    if width == 80 {
                        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(lesson) \(s):\(f)")
                    }
                }
            }
        }
    }

    @Test func backwardFrameWritesTheChainRule() throws {
        let screen = LessonScreen(trace: try trace("01-chain-rule.md"))
        let step = try #require(screen.trace.steps.firstIndex { $0.step.title == "Backward" })
        let text = screen.render(step: step, frame: 1, width: 100, height: 30, options: .init()).lines().joined(separator: "\n")
        #expect(text.contains("∂L/∂x = −4 × 1 = −4"))
        #expect(text.contains("◀"))
    }
}
