import Foundation
import Lessons
import Player
import Rendering
import Testing

/// Every frame of the core lessons draws at any size without trapping, fills
/// exactly the size asked for, and stays ASCII when the glyphs are ASCII.
@Suite struct ScreenSizeTests {
    static let sizes = [(1, 1), (2, 2), (20, 6), (40, 12), (60, 20), (79, 23), (80, 24), (160, 48), (300, 100)]

    @Test(arguments: Repo.coreLessons)
    func everyFrameAtEverySize(_ lesson: String) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        for step in 0..<state.stepCount {
            for frame in 0..<state.frameCount(ofStep: step) {
                try state.go(step: step, frame: frame)
                for (width, height) in Self.sizes {
                    // Every size in Unicode; ASCII at the sizes where layouts change.
                    for ascii in [false, true] where !ascii || [20, 60, 80].contains(width) {
                        let lines = Screen.render(
                            state, width: width, height: height, glyphs: ascii ? .ascii : .unicode
                        ).lines()
                        #expect(lines.count == height)
                        #expect(
                            lines.allSatisfy { displayWidth($0) == width },
                            "\(lesson) \(step + 1):\(frame + 1) at \(width)×\(height)")
                        if ascii {
                            #expect(
                                lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) || lesson.hasPrefix("ko/") },
                                "\(lesson) \(step + 1):\(frame + 1) at \(width)×\(height)")
                        }
                    }
                }
            }
        }
    }

    /// Korean prose is not ASCII; ASCII output turns it into `?` but keeps every row ASCII.
    @Test func koreanInASCIIOutputIsASCII() throws {
        var state = try PlayerState(path: Repo.lesson("ko/01-chain-rule.md"))
        try state.go(step: 4, frame: 1)
        let output = TextBackend(width: 80, height: 24, colors: nil, ascii: true)
        output.draw(Screen.render(state, width: 80, height: 24, glyphs: .ascii))
        let lines = output.lastFrame.components(separatedBy: "\n")
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }

    /// Overlays and modes draw at every size too.
    @Test func overlaysAtEverySize() throws {
        var state = try PlayerState(path: Repo.lesson("05-linear-regression.md"))
        state.press(PlayerKey.typing("7") + [.enter, .character("e")])
        var help = state
        help.press([.escape, .character("?")])
        for s in [state, help] {
            for (width, height) in Self.sizes + [(3, 300), (300, 3)] {
                let lines = Screen.render(s, width: width, height: height, glyphs: .unicode).lines()
                #expect(lines.count == height && lines.allSatisfy { displayWidth($0) == width })
            }
        }
    }

    /// Sizes from a seeded generator, including extreme shapes.
    @Test func randomSizes() throws {
        var state = try PlayerState(path: Repo.lesson("06-two-layer-net.md"))
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<150 {
            let step = next(state.stepCount)
            try state.go(step: step, frame: next(state.frameCount(ofStep: step)))
            let width = 1 + next(300)
            let height = 1 + next(100)
            let lines = Screen.render(state, width: width, height: height, glyphs: next(2) == 0 ? .ascii : .unicode)
                .lines()
            #expect(lines.count == height && lines.allSatisfy { displayWidth($0) == width })
        }
    }

    /// The small-screen layout names what it hides and the size that shows everything.
    @Test func smallScreenNamesWhatIsHidden() throws {
        var state = try PlayerState(path: Repo.lesson("01-chain-rule.md"))
        try state.go(step: 4, frame: 1)
        state.press([.character("P"), .character("k")])  // predict mode off: the numbers show
        let small = state.screen(60, 20)
        #expect(small.contains("hidden: chain rule, text"))
        #expect(small.contains("80×24 shows all"))
        state.press([.tab])
        #expect(state.screen(60, 20).contains("∂f/∂x = ∂f/∂q · ∂q/∂x = −4 × 1 = −4"))
        #expect(state.screen(60, 20).contains("hidden: graph, text"))
        #expect(!state.screen(80, 24).contains("hidden:"))
    }
}

/// A screen depends only on the state and the size, never on what was drawn before (the caches).
@Suite struct ScreenCacheTests {
    @Test(arguments: ["01-chain-rule.md", "ko/03-broadcasting.md", "05-linear-regression.md"])
    func warmCacheDrawsTheSameAsCold(_ lesson: String) throws {
        var warm = try PlayerState(path: Repo.lesson(lesson))
        for step in 0..<warm.stepCount {
            for frame in 0..<warm.frameCount(ofStep: step) {
                try warm.go(step: step, frame: frame)
                for (w, h, ascii) in [(80, 24, false), (80, 24, true), (160, 48, false), (60, 20, true)] {
                    var cold = try PlayerState(path: Repo.lesson(lesson))
                    try cold.go(step: step, frame: frame)
                    #expect(
                        warm.screen(w, h, ascii: ascii) == cold.screen(w, h, ascii: ascii),
                        "\(lesson) \(step + 1):\(frame + 1) \(w)×\(h)")
                }
            }
        }
    }
}
