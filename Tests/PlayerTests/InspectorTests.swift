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

/// The node inspector (`i`) and layer groups (`o` `O`), driven by keys as a student would.
@Suite struct InspectorTests {
    /// Lesson 10's "A layer" step: `L = Linear(3)` on x (5, 2), so L.W is 2×3.
    func layerStep(korean: Bool = false, width: Int = 80, height: Int = 24) throws -> PlayerState {
        var state = try PlayerState(path: layersLesson(korean: korean))
        state.press([.character("]")])
        state.view = ScreenView(width: width, height: height)
        return state
    }

    @Test func opensOnTheFirstParameterMovesAndCloses() throws {
        var state = try layerStep()
        #expect(state.inspector == nil)
        state.press([.character("i")])
        let open = state.screen(80, 24)
        #expect(open.contains("inspect: L.W"))
        #expect(open.contains("◆ L.W"), "the selection is marked in the graph, not by colour alone")
        #expect(open.contains("[[ 0.1019  1.028 0.5381]"))
        #expect(open.contains(" [0.08604 0.3139 0.2359]]"))
        #expect(open.contains("Esc close"))
        state.press([.right])
        #expect(state.screen(80, 24).contains("inspect: L.b"))
        state.press([.left])
        #expect(state.screen(80, 24).contains("inspect: L.W"))
        state.press([.left])
        #expect(state.screen(80, 24).contains("inspect: x"))
        #expect(state.handle(.left) == [.bell], "before the first node: a bell")
        state.press([.escape])
        #expect(state.inspector == nil)
        #expect(!state.screen(80, 24).contains("inspect:"))
    }

    @Test func scrollsALargeValueAndStopsAtItsEnd() throws {
        var state = try PlayerState(path: layersLesson())
        // "A model of layers": x is (100, 1).
        state.press(Array(repeating: PlayerKey.character("]"), count: 5))
        state.view = ScreenView(width: 80, height: 24)
        state.press([.character("i")])
        #expect(state.screen(80, 24).contains("inspect: M.l0.W"))
        // Back to the data x: a hundred rows to scroll.
        while state.handle(.left).isEmpty {}
        #expect(state.screen(80, 24).contains("inspect: x"))
        #expect(state.screen(80, 24).contains("↑ ↓ scroll 1–"))
        var presses = 0
        while state.handle(.down).isEmpty { presses += 1 }
        #expect(presses > 90)
        let bottom = state.screen(80, 24)
        #expect(bottom.contains("no gradient is kept"), "the end of the panel is in view")
        state.press([.up])
        #expect(state.inspector?.scroll == presses - 1)
    }

    @Test func scrollsAcrossColumnsOfAWideRow() throws {
        var state = try PlayerState(path: layersLesson())
        state.press(Array(repeating: PlayerKey.character("]"), count: 5))
        state.view = ScreenView(width: 64, height: 20)
        state.press([.character("i")])
        // M.l0.W is (1, 10): wider than the panel at 64 columns.
        let first = state.screen(64, 20)
        #expect(first.contains("columns 1–"))
        #expect(first.contains("< > columns"))
        #expect(state.handle(.character(">")).isEmpty)
        #expect(state.inspector?.column ?? 0 > 0)
        #expect(!state.screen(64, 20).contains("columns 1–"))
        var back = 0
        while state.handle(.character("<")).isEmpty { back += 1 }
        #expect(back >= 1)
        #expect(state.inspector?.column == 0)
        #expect(state.screen(64, 20).contains("columns 1–"))
    }

    @Test func keepsAnAskedGradientHidden() throws {
        let spiral = Repo.root.appendingPathComponent("lessons/11-softmax-and-spiral.md").path
        var state = try PlayerState(path: spiral)
        // "The gradient is p − onehot": its last frame asks for z.grad[0, 0].
        state.press(Array(repeating: PlayerKey.character("]"), count: 3))
        state.press([.character("G")])
        state.view = ScreenView(width: 100, height: 30)
        guard case .ask? = state.currentFrame else {
            Issue.record("expected the question about z.grad")
            return
        }
        state.press([.character("i")])
        while let open = state.inspector, state.trace.graphs[open.graph].nodes[open.node].label != "z" {
            guard state.handle(.right).isEmpty else { break }
        }
        let hidden = state.screen(100, 30)
        #expect(hidden.contains("inspect: z"))
        #expect(hidden.contains("yours to answer first"))
        #expect(!hidden.contains("−0.341"), "the answer is not given away")
        // Revealed, the gradient shows.
        state.press([.escape, .character("v"), .character("i")])
        while let open = state.inspector, state.trace.graphs[open.graph].nodes[open.node].label != "z" {
            guard state.handle(.right).isEmpty else { break }
        }
        #expect(state.screen(100, 30).contains("−0.341"))
    }

    @Test func aGroupClosesIntoOneBoxAndOpensAgain() throws {
        var state = try layerStep(width: 100, height: 30)
        state.press([.character("i"), .character("o")])
        let closed = state.screen(100, 30)
        #expect(closed.contains("◆ L (layer)"))
        #expect(closed.contains("L.W (2, 3)"))
        #expect(!closed.contains("linear"), "the layer's function is inside its box")
        #expect(state.closedGroups(state.inspector?.graph ?? 0) == ["L"])
        state.press([.character("o")])
        #expect(state.closedGroups(state.inspector?.graph ?? 0) == [])
        #expect(state.screen(100, 30).contains("linear"))
    }

    @Test func steppingThroughAClosedModelMarksItsBox() throws {
        var state = try PlayerState(path: layersLesson())
        state.press(Array(repeating: PlayerKey.character("]"), count: 6))
        state.view = ScreenView(width: 100, height: 30)
        state.press([.character("O")])
        // Forward through M: the box is the node at work.
        let forward = state.screen(100, 30)
        #expect(forward.contains("▶ M (model)"))
        // Step 9 asks first; its next frame is the backward's first.
        state.press([.character("]"), .character("]"), .right])
        #expect(state.screen(100, 30).contains("◀ M (model)"), "backward passes through the box")
        #expect(state.screen(100, 30).contains("grad (1, 10)"), "its parameters' gradients arrive")
    }

    @Test func inspectorScreens() throws {
        for korean in [false, true] {
            var state = try layerStep(korean: korean)
            state.press([.character("i")])
            let lang = korean ? "ko" : "en"
            for (w, h) in [(64, 20), (80, 24), (100, 30), (160, 45)] {
                assertSnapshot(state.screen(w, h), named: "Inspector-LW-\(lang)-\(w)x\(h)")
            }
            state.press([.character("o")])
            assertSnapshot(state.screen(80, 24), named: "Group-closed-L-\(lang)-80x24")
            state.press([.character("o")])
            assertSnapshot(state.screen(100, 30), named: "Group-open-L-\(lang)-100x30")
        }
    }
}
