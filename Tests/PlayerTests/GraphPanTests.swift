import Lessons
import Player
import Rendering
import Testing

/// `H` `J` `K` `L` pan a graph too big for its panel; its cut sides say "more".
@Suite struct GraphPanTests {
    /// The two-layer net's step 4 (small random weights): a prose step whose graph
    /// is wider than its panel at 100×30, so the right side is cut.
    func twoLayerNetGraph() throws -> PlayerState {
        var state = try PlayerState(path: Repo.lesson("06-two-layer-net.md"))
        state.press([.character("]"), .character("]"), .character("]")])
        #expect(state.step == 3)
        state.view = ScreenView(width: 100, height: 30)
        return state
    }

    @Test func panningRevealsTheCutSideAndComesBackOnTheNextFrame() throws {
        var state = try twoLayerNetGraph()
        let before = state.screen()
        #expect(before.contains("more ▶"))
        #expect(!before.contains("◀ more"))
        #expect(!before.contains("loss"), "the loss node starts out of view")

        // Pan right until the bell says the drawing ends.
        var presses = 0
        while state.handle(.character("L")).isEmpty {
            presses += 1
        }
        #expect(presses >= 1 && presses <= 12)
        let panned = state.screen()
        #expect(panned.contains("◀ more"))
        #expect(!panned.contains("more ▶"))
        #expect(panned.contains("loss"))
        #expect(state.handle(.character("L")) == [.bell])

        // Back left as many presses as went right.
        for _ in 0..<presses {
            #expect(state.handle(.character("H")).isEmpty)
        }
        #expect(withoutStatus(state.screen()) == withoutStatus(before))
        #expect(state.handle(.character("H")) == [.bell])

        // The pan belongs to the frame: the next one shows its own view.
        state.press([.character("L"), .character("L")])
        #expect(state.graphPan != .zero)
        state.press([.right])
        #expect(state.graphPan == .zero)
    }

    @Test func aGraphThatFitsDoesNotPan() throws {
        var state = try PlayerState(path: Repo.lesson("01-chain-rule.md"))
        state.press([.character("]")])
        state.view = ScreenView(width: 160, height: 48)
        let screen = state.screen(160, 48)
        #expect(!screen.contains("more"))
        for key in ["H", "J", "K", "L"] { #expect(state.handle(.character(Character(key))) == [.bell]) }
        #expect(withoutStatus(state.screen(160, 48)) == withoutStatus(screen))
    }

    /// The screen without its status line (which counts key presses).
    func withoutStatus(_ screen: String) -> String { screen.split(separator: "\n").dropLast().joined(separator: "\n") }

    /// Panning needs no drawing first: the view follows from the state and the screen's size alone.
    @Test func panningWorksOutTheViewWithoutADrawing() throws {
        var state = try twoLayerNetGraph()
        #expect(state.handle(.character("L")).isEmpty)
        #expect(state.graphPan != .zero)
        state.view = nil
        #expect(state.handle(.character("L")) == [.bell], "no screen known, nothing to pan")
    }
}
