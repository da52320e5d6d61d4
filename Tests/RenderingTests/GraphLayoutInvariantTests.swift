import Testing

@testable import Rendering

/// Properties every layout must have, checked on a few hundred random DAGs.
@Suite struct GraphLayoutInvariantTests {
    static let seeds: [UInt64] = Array(1...300)

    @Test(arguments: seeds)
    func randomGraphKeepsInvariants(seed: UInt64) throws {
        var random = GraphTestRandom(seed: seed &* 7919)
        let model = try RandomGraphs.make(seed: seed, nodes: random.int(1...60))
        for orientation in GraphOrientation.allCases {
            let layout = try GraphLayout(model, orientation: orientation)
            try checkInvariants(layout, model)
            #expect(layout.crossings <= layout.initialCrossings)
            #expect(try GraphLayout(model, orientation: orientation) == layout, "same graph, same layout")
        }
    }

    @Test func thousandNodesFinish() throws {
        let model = try RandomGraphs.make(seed: 4242, nodes: 1000, maxInputs: 2, window: 40)
        let layout = try GraphLayout(model, orientation: .leftToRight)
        try checkInvariants(layout, model, pairwiseOverlap: false)
        #expect(layout.crossings <= layout.initialCrossings)
    }

    /// Shared checks: boxes apart, paths orthogonal from box to box, no line in a
    /// box, no two sources sharing a run, inputs in order, labels on free cells.
    func checkInvariants(
        _ layout: GraphLayout, _ model: GraphModel, pairwiseOverlap: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let bounds = Rect(x: 0, y: 0, width: layout.width, height: layout.height)
        let w = layout.width
        var boxAt = [Int](repeating: -1, count: layout.width * layout.height)
        for (i, node) in layout.nodes.enumerated() {
            #expect(
                bounds.intersection(node.rect) == node.rect, "box \(node.id) inside", sourceLocation: sourceLocation)
            for y in node.rect.y..<node.rect.bottom {
                for x in node.rect.x..<node.rect.right where bounds.contains(x: x, y: y) {
                    #expect(
                        boxAt[y * w + x] == -1, "boxes \(node.id) and \(boxAt[y * w + x]) overlap",
                        sourceLocation: sourceLocation)
                    boxAt[y * w + x] = i
                }
            }
        }
        if pairwiseOverlap {
            for a in layout.nodes.indices {
                for b in layout.nodes.indices where a < b {
                    #expect(!layout.nodes[a].rect.intersects(layout.nodes[b].rect), sourceLocation: sourceLocation)
                }
            }
        }

        let leftToRight = layout.orientation == .leftToRight
        // Which source runs along / across each cell, to catch two sources merging.
        var alongOwner = [Int](repeating: -1, count: w * layout.height)
        var acrossOwner = [Int](repeating: -1, count: w * layout.height)
        var lineAt = [Bool](repeating: false, count: w * layout.height)
        var inputsSeen: [Int: [Int]] = [:]
        for (e, edge) in layout.edges.enumerated() {
            let points = edge.points
            try #require(points.count >= 2, "edge \(e) has a path", sourceLocation: sourceLocation)
            let source = try #require(layout.rect(of: edge.from))
            let target = try #require(layout.rect(of: edge.to))
            let first = points[0]
            let last = points[points.count - 1]
            if leftToRight {
                #expect(
                    first.x == source.right && first.y > source.y && first.y < source.bottom - 1,
                    "edge \(e) starts on its source's right side", sourceLocation: sourceLocation)
                #expect(
                    last.x == target.x - 1 && last.y > target.y && last.y < target.bottom - 1,
                    "edge \(e) ends on its target's left side", sourceLocation: sourceLocation)
                #expect(points[points.count - 2].y == last.y, "arrow enters along the flow")
                inputsSeen[edge.to, default: []].append(last.y)
            } else {
                #expect(
                    first.y == source.bottom && first.x > source.x && first.x < source.right - 1,
                    "edge \(e) starts below its source", sourceLocation: sourceLocation)
                #expect(
                    last.y == target.y - 1 && last.x > target.x && last.x < target.right - 1,
                    "edge \(e) ends above its target", sourceLocation: sourceLocation)
                #expect(points[points.count - 2].x == last.x, "arrow enters along the flow")
                inputsSeen[edge.to, default: []].append(last.x)
            }
            var own = Set<Int>()
            for k in 1..<points.count {
                let a = points[k - 1]
                let b = points[k]
                #expect(
                    (a.x == b.x) != (a.y == b.y), "edge \(e) segment \(a)→\(b) is orthogonal",
                    sourceLocation: sourceLocation)
                let horizontal = a.y == b.y
                for y in min(a.y, b.y)...max(a.y, b.y) {
                    for x in min(a.x, b.x)...max(a.x, b.x) {
                        #expect(
                            bounds.contains(x: x, y: y), "edge \(e) inside the drawing", sourceLocation: sourceLocation)
                        guard bounds.contains(x: x, y: y) else { continue }
                        let i = y * w + x
                        #expect(
                            boxAt[i] == -1, "edge \(e) passes through a box at (\(x), \(y))",
                            sourceLocation: sourceLocation)
                        lineAt[i] = true
                        own.insert(i)
                        let isAlong = horizontal == leftToRight
                        let owners = isAlong ? alongOwner[i] : acrossOwner[i]
                        #expect(
                            owners == -1 || owners == edge.from,
                            "edges from \(owners) and \(edge.from) share a run at (\(x), \(y))",
                            sourceLocation: sourceLocation)
                        if isAlong { alongOwner[i] = edge.from } else { acrossOwner[i] = edge.from }
                    }
                }
            }
        }
        // Inputs reach their target in the model's order (x0 first).
        for (target, positions) in inputsSeen {
            #expect(
                positions == positions.sorted() && Set(positions).count == positions.count,
                "inputs of \(target) in order: \(positions)", sourceLocation: sourceLocation)
        }
        var labelAt = [Bool](repeating: false, count: w * layout.height)
        for edge in layout.edges {
            guard let label = edge.label, let origin = edge.labelOrigin else { continue }
            for x in origin.x..<(origin.x + displayWidth(label)) {
                try #require(bounds.contains(x: x, y: origin.y), "label inside", sourceLocation: sourceLocation)
                let i = origin.y * w + x
                #expect(
                    boxAt[i] == -1 && !lineAt[i] && !labelAt[i], "label \(label) on a free cell",
                    sourceLocation: sourceLocation)
                labelAt[i] = true
            }
        }
    }
}
