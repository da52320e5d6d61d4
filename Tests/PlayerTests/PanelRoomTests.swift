import Foundation
import Lessons
import Rendering
import Testing

@testable import Player

/// How the screen shares its rows as a step goes on: the chain-rule panel takes
/// rows for answers only when they arrive, the text follows what a frame reveals,
/// and a loss chart keeps its axis from frame to frame.
@Suite struct PanelRoomTests {
    private func areas(_ state: PlayerState, _ width: Int, _ height: Int) throws -> ScreenAreas {
        let played = try #require(state.playedStep)
        return ScreenAreas(
            StepContent(ScreenContext(state: state, glyphs: .unicode), played: played), width: width, height: height)
    }

    @Test(arguments: ["01-chain-rule.md", "ko/01-chain-rule.md"])
    func answersTakeRowsWhenTheyArriveAndKeepThemForTheStep(_ lesson: String) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        // Lesson 01's `+=` backward in predict mode, at 80x24: the division at work on frame 1.
        try state.go(step: 8, frame: 0)
        #expect(state.isPredicting)
        let fresh = try #require(try areas(state, 80, 24).panel).height
        let first = state.screen(80, 24)
        // Nothing answered yet: the graph keeps the rows to show ÷ with den, the box it writes.
        #expect(first.contains("◀ ÷") && first.contains("◀ den"), "\(first)")
        // Frame 6 asks for four numbers (x's share and total, y's share and total): answer them all.
        try state.go(step: 8, frame: 5)
        let blanks = state.blanks(at: state.place)
        #expect(blanks.count == 4)
        #expect(try #require(try areas(state, 80, 24).panel).height == fresh, "typing does not grow the panel")
        for blank in blanks { state.press(PlayerKey.typing(String(blank.answer)) + [.enter]) }
        #expect(state.openBlank == nil)
        let answered = try #require(try areas(state, 80, 24).panel).height
        #expect(answered > fresh, "the four confirmations take their rows")
        let screen = state.screen(80, 24)
        #expect(screen.components(separatedBy: "✓").count - 1 == 4, "\(screen)")
        // The step keeps those rows: the next frame and the first do not make the graph jump.
        for frame in [6, 0] {
            try state.go(step: 8, frame: frame)
            #expect(try #require(try areas(state, 80, 24).panel).height == answered)
        }
    }

    /// The first word of a block of text (a narrow panel may break the line after it).
    private func opening(_ block: ProseBlock) -> String? {
        let runs: [Inline]
        switch block {
        case .paragraph(let r), .listItem(_, _, let r), .heading(_, let r): runs = r
        case .code: return nil
        }
        guard case .text(let text)? = runs.first else { return nil }
        return text.split(separator: " ").first.map(String.init)
    }

    @Test(arguments: Repo.shippedLessons)
    func textAFrameRevealsIsInView(_ lesson: String) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        state.setPredictMode(false)
        for step in 0..<state.stepCount {
            for frame in 0..<state.frameCount(ofStep: step) {
                try state.go(step: step, frame: frame)
                guard let block = state.followedProse, let played = state.playedStep,
                    let words = opening(played.step.prose[block])
                else { continue }
                for (width, height) in [(80, 24), (100, 30)] {
                    let screen = state.screen(width, height)
                    #expect(
                        screen.contains(words),
                        "\(lesson) step \(step + 1) frame \(frame + 1) \(width)x\(height)\n\(screen)")
                }
            }
        }
    }

    @Test func scrollingAwayStopsFollowingUntilMoreIsRevealed() throws {
        var state = try PlayerState(path: Repo.lesson("01-chain-rule.md"))
        state.setPredictMode(false)
        try state.go(step: 8, frame: 6)
        state.view = ScreenView(width: 80, height: 24)
        let followed = try #require(state.followedProse)
        let shown = try #require(ClickerView(state, width: 80, height: 24, glyphs: .unicode)?.text)
        #expect(shown.scroll > 0, "the running total is further down than the panel's first rows")
        state.press([.up])
        #expect(state.followedProse == nil && state.proseScrolledFrom == followed)
        #expect(
            ClickerView(state, width: 80, height: 24, glyphs: .unicode)?.text?.scroll
                == Swift.min(shown.scroll, shown.overflow) - 1)
        // Back a frame: the block it revealed before this one is followed again.
        state.press([.left])
        #expect(state.followedProse != nil && state.followedProse != followed)
    }

    @Test(arguments: ["05-linear-regression.md", "ko/05-linear-regression.md"])
    func aTrainingChartKeepsItsAxisFromFrameToFrame(_ lesson: String) throws {
        var state = try PlayerState(path: Repo.lesson(lesson))
        let step = try #require(
            (0..<state.stepCount).first { s in
                state.trace.steps[s].frames.contains { if case .training = $0 { true } else { false } }
            })
        var axes: Set<[String]> = []
        for frame in 0..<state.frameCount(ofStep: step) {
            try state.go(step: step, frame: frame)
            for (width, height) in [(80, 24), (100, 30)] {
                // The tick labels on the loss chart's y axis, top to bottom.
                let labels = state.screen(width, height).split(separator: "\n").compactMap { row -> String? in
                    guard let tick = row.firstIndex(of: "┤") else { return nil }
                    return "\(width): " + row[..<tick].trimmingCharacters(in: .whitespaces)
                }
                axes.insert(labels)
            }
        }
        #expect(axes.count == 2, "one axis per size for the whole run: \(axes)")
    }
}
