import Lessons
import Rendering
import Testing

@testable import Player

/// Every open layer on every frame of the shipped lessons that have layers, at the
/// sizes a class uses: its frame is drawn (no other box inside it, no gap where
/// it should run) and labelled with the layer's path wherever that label is in view.
@Suite struct GroupFrameTests {
    static let sizes = [(80, 24), (100, 30), (160, 45)]

    @Test(arguments: Repo.shippedLessons)
    func everyOpenLayerIsFramedAndLabelled(_ name: String) throws {
        var state = try PlayerState(path: Repo.lesson(name))
        guard state.trace.graphs.contains(where: { !$0.groups.isEmpty }) else { return }
        var labelsSeen = 0
        for step in 0..<state.stepCount {
            for frame in 0..<state.frameCount(ofStep: step) {
                try state.go(step: step, frame: frame)
                for (width, height) in Self.sizes {
                    labelsSeen += check(
                        state, width, height, "\(name) step \(step + 1) frame \(frame + 1) \(width)x\(height)")
                }
            }
        }
        #expect(labelsSeen > 0, "\(name): some frame shows a layer's label")
    }

    /// One layer closed into its box inside the open model: the other layer keeps its frame
    /// and label, and the box sits outside that frame.
    @Test func aClosedLayerBesideAnOpenOne() throws {
        var state = try PlayerState(path: layersLesson())
        // "Collecting the parameters": the forward through M, at its last frame.
        state.press(Array(repeating: PlayerKey.character("]"), count: 6))
        state.press([.character("G")])
        state.view = ScreenView(width: 160, height: 45)
        state.press([.character("i"), .character("o")])
        let graph = try #require(state.inspector?.graph)
        #expect(state.closedGroups(graph) == ["M.l0"])
        let screen = state.screen(160, 45)
        #expect(screen.contains("M.l0 (layer)"), "the closed layer is one box")
        #expect(screen.contains(" M.l1 "), "the open layer keeps its label")
        #expect(check(state, 160, 45, "M.l0 closed") == 1)
    }

    /// Checks the frames on one screen. - Returns: how many labels were in view (and drawn).
    func check(_ state: PlayerState, _ width: Int, _ height: Int, _ place: String) -> Int {
        guard let framing = Screen.graphFraming(state, width: width, height: height, glyphs: .unicode),
            let played = state.playedStep,
            let snapshot = StepContent(ScreenContext(state: state, glyphs: .unicode), played: played).snapshot
        else { return 0 }
        let layout = framing.drawing.layout
        let graph = state.trace.graphs[snapshot.graph]
        let groups = GroupView(graph, closed: state.closedGroups(snapshot.graph))
        let buffer = Screen.render(state, width: width, height: height, glyphs: .unicode)
        let target = framing.target
        let offset = framing.viewport.shown
        // Every framed layer with a box on screen has its frame in the layout.
        let placed = Dictionary(
            layout.clusters.compactMap { c in c.label.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        var labels = 0
        for group in groups.framed {
            guard group.members.contains(where: { layout.rect(of: $0) != nil }) else { continue }
            guard let cluster = placed[group.name] else {
                Issue.record("\(place): \(group.name) has no frame in the layout")
                continue
            }
            #expect(GroupFrames.isClear(cluster, layout), "\(place): a box outside \(group.name) is inside its frame")
            #expect(cluster.labelOrigin != nil, "\(place): \(group.name) has no room for its label")
            let r = cluster.rect
            let shown = Rect(
                x: r.x - offset.x + target.x, y: r.y - offset.y + target.y, width: r.width, height: r.height)
            // No blank cell where the frame's line is in view: the frame was not left out.
            for y in shown.y..<shown.bottom {
                for x in shown.x..<shown.right
                where y == shown.y || y == shown.bottom - 1 || x == shown.x
                    || x == shown.right - 1
                {
                    guard target.contains(x: x, y: y) else { continue }
                    #expect(
                        buffer[x, y].symbol != " " || labelCell(cluster, x, y, target, offset),
                        "\(place): \(group.name)'s frame is missing at (\(x), \(y))")
                }
            }
            guard let origin = cluster.labelOrigin else { continue }
            let label = Array(" " + group.name + " ")
            let at = (x: origin.x - offset.x + target.x, y: origin.y - offset.y + target.y)
            guard label.indices.allSatisfy({ target.contains(x: at.x + $0, y: at.y) }) else { continue }
            let drawn = label.indices.map { buffer[at.x + $0, at.y].symbol }.joined()
            #expect(drawn == String(label), "\(place): \(group.name)'s label reads '\(drawn)'")
            labels += 1
        }
        return labels
    }

    /// True for a cell of the label's padding (a space that belongs on the frame).
    private func labelCell(
        _ cluster: GraphLayout.PlacedCluster, _ x: Int, _ y: Int, _ target: Rect, _ offset: GraphPoint
    )
        -> Bool
    {
        guard let origin = cluster.labelOrigin, let name = cluster.label else { return false }
        let ox = origin.x - offset.x + target.x
        return y == origin.y - offset.y + target.y && x >= ox && x < ox + displayWidth(name) + 2
    }
}
