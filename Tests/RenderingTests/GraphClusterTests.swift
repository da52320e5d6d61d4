import Testing

@testable import Rendering

/// Clusters in the layout: a layer drawn open keeps its boxes together inside a
/// frame that no other box enters, with its label on the frame.
@Suite struct GraphClusterTests {
    /// Two layers on one input, their nodes added interleaved (A's weight, B's weight,
    /// A's bias, …), so insertion order alone would mix them in every rank; then a sum
    /// of both outputs and a loss outside both.
    static func twoLayers(nested: String?? = nil) throws -> GraphModel {
        var model = GraphModel()
        let box: (Int, String) -> GraphModel.Node = { GraphModel.Node(id: $0, lines: [$1], kind: .variable) }
        let function: (Int, String) -> GraphModel.Node = { GraphModel.Node(id: $0, lines: [$1], kind: .function) }
        for node in [
            box(0, "x (data)"), box(1, "A.W (param)"), box(2, "B.W (param)"), box(3, "A.b (param)"),
            box(4, "B.b (param)"), function(5, "linear"), function(6, "linear"), box(7, "ya"), box(8, "yb"),
            function(9, "+"), box(10, "z"), box(11, "t (data)"), function(12, "mse"), box(13, "loss"),
        ] {
            try model.add(node)
        }
        for (a, b) in [
            (0, 5), (1, 5), (3, 5), (0, 6), (2, 6), (4, 6), (5, 7), (6, 8), (7, 9), (8, 9), (9, 10), (10, 12),
            (11, 12), (12, 13),
        ] {
            try model.addEdge(from: a, to: b, label: "(5, 3)")
        }
        var kept: [Bool] = []
        if let outer = nested { kept.append(model.addCluster(members: Array(1...10), label: outer)) }
        kept.append(model.addCluster(members: [1, 3, 5, 7], label: "A"))
        kept.append(model.addCluster(members: [2, 4, 6, 8], label: "B"))
        #expect(!kept.contains(false))
        return model
    }

    /// Every labelled cluster: no box from outside inside its frame, the label on the frame's
    /// line on cells no line or other label takes, and frames of clusters apart or one inside the other.
    func checkFrames(_ layout: GraphLayout, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = Set(layout.lineCells.map { GraphPoint(x: $0.x, y: $0.y) })
        let framed = layout.clusters.filter { $0.label != nil }
        for cluster in framed {
            let members = Set(cluster.members)
            let r = cluster.rect
            #expect(Rect(x: 0, y: 0, width: layout.width, height: layout.height).intersection(r) == r)
            for node in layout.nodes where !members.contains(node.id) {
                #expect(
                    !node.rect.intersects(r), "\(node.lines) is outside \(cluster.label ?? "") but inside its frame",
                    sourceLocation: sourceLocation)
            }
            for node in layout.nodes where members.contains(node.id) {
                #expect(
                    node.rect.x > r.x && node.rect.y > r.y && node.rect.right < r.right && node.rect.bottom < r.bottom,
                    "\(node.lines) inside the frame of \(cluster.label ?? "")", sourceLocation: sourceLocation)
            }
            let origin = cluster.labelOrigin
            #expect(origin != nil, "\(cluster.label ?? "") has room for its label", sourceLocation: sourceLocation)
            if let origin, let label = cluster.label {
                #expect(origin.y == r.y || origin.y == r.bottom - 1, "on the top or bottom side")
                #expect(origin.x > r.x && origin.x + displayWidth(label) + 2 < r.right, "between the corners")
                for x in origin.x..<(origin.x + displayWidth(label) + 2) {
                    #expect(!lines.contains(GraphPoint(x: x, y: origin.y)), "no line under the label")
                }
                for edge in layout.edges {
                    guard let text = edge.label, let at = edge.labelOrigin, at.y == origin.y else { continue }
                    let apart = at.x + displayWidth(text) <= origin.x || origin.x + displayWidth(label) + 2 <= at.x
                    #expect(apart, "edge label \(text) clear of \(label)", sourceLocation: sourceLocation)
                }
            }
        }
        for a in framed.indices {
            for b in framed.indices where a < b {
                let ra = framed[a].rect
                let rb = framed[b].rect
                let nested = ra.intersection(rb) == ra || ra.intersection(rb) == rb
                #expect(!ra.intersects(rb) || nested, "frames apart or nested", sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: GraphOrientation.allCases)
    func interleavedLayersGetFramesOfTheirOwn(_ orientation: GraphOrientation) throws {
        let model = try Self.twoLayers()
        let layout = try GraphLayout(model, orientation: orientation)
        #expect(layout.clusters.map(\.label) == ["A", "B"])
        checkFrames(layout)
        try GraphLayoutInvariantTests().checkInvariants(layout, model)
        // The layers' nodes lie in their own frames only.
        let a = try #require(layout.clusters.first?.rect)
        let b = try #require(layout.clusters.last?.rect)
        #expect(!a.intersects(b))
        #expect(try GraphLayout(model, orientation: orientation) == layout, "same model, same layout")
    }

    /// The two layers and a model around them drawn, frames and labels included, to read.
    @Test(arguments: GraphOrientation.allCases)
    func framesAsDrawn(_ orientation: GraphOrientation) throws {
        for (outer, name) in [(String??.none, "layers"), (.some("M"), "model")] {
            let layout = try GraphLayout(Self.twoLayers(nested: outer), orientation: orientation)
            assertSnapshot(framedText(layout), named: "Graph-clusters-\(name)-\(orientation.rawValue)")
        }
    }

    /// The layout drawn with its frames on the blank cells of their lines, as the player draws them.
    func framedText(_ layout: GraphLayout) -> String {
        var buffer = Buffer(width: layout.width, height: layout.height)
        buffer.render(GraphView(layout: layout), in: buffer.area)
        for cluster in layout.clusters {
            guard let label = cluster.label else { continue }
            let text = " \(label) "
            let origin = cluster.labelOrigin
            if let origin { _ = buffer.setString(text, x: origin.x, y: origin.y, style: .plain) }
            let r = cluster.rect
            for y in r.y..<r.bottom {
                for x in r.x..<r.right where y == r.y || y == r.bottom - 1 || x == r.x || x == r.right - 1 {
                    guard buffer.symbol(x: x, y: y) == " " else { continue }
                    if let origin, y == origin.y, x >= origin.x, x < origin.x + displayWidth(text) { continue }
                    buffer[x, y] = Cell(symbol: y == r.y || y == r.bottom - 1 ? "╌" : "╎")
                }
            }
        }
        return buffer.lines().map { line in
            var s = Substring(line)
            while s.hasSuffix(" ") { s.removeLast() }
            return String(s)
        }.joined(separator: "\n")
    }

    @Test(arguments: GraphOrientation.allCases)
    func aModelFrameHoldsItsLayersFrames(_ orientation: GraphOrientation) throws {
        let model = try Self.twoLayers(nested: "M")
        let layout = try GraphLayout(model, orientation: orientation)
        checkFrames(layout)
        try GraphLayoutInvariantTests().checkInvariants(layout, model)
        let outer = try #require(layout.clusters.first?.rect)
        for inner in layout.clusters.dropFirst().map(\.rect) {
            #expect(inner.x > outer.x && inner.y > outer.y && inner.right < outer.right && inner.bottom < outer.bottom)
        }
    }

    @Test(arguments: GraphOrientation.allCases)
    func anUnlabelledModelStillKeepsItsLayersTogether(_ orientation: GraphOrientation) throws {
        let model = try Self.twoLayers(nested: .some(nil))
        let layout = try GraphLayout(model, orientation: orientation)
        #expect(layout.clusters.map(\.label) == [nil, "A", "B"])
        checkFrames(layout)
    }

    /// Random graphs with layer-like clusters: a function with the leaves it alone reads
    /// (its parameters) and the node it makes, some of them inside a bigger one.
    @Test(arguments: Array(UInt64(1)...60))
    func randomLayersGetClearFrames(seed: UInt64) throws {
        var model = try RandomGraphs.make(seed: seed, nodes: 24, maxInputs: 3)
        var random = GraphTestRandom(seed: seed &* 31)
        var users: [Int: [Int]] = [:]
        var inputs: [Int: [Int]] = [:]
        for edge in model.edges {
            users[edge.from, default: []].append(edge.to)
            inputs[edge.to, default: []].append(edge.from)
        }
        var taken = Set<Int>()
        var layers: [[Int]] = []
        for node in model.nodes where users[node.id]?.count == 1 && !taken.contains(node.id) {
            guard let output = users[node.id]?.first, !taken.contains(output), random.chance(40) else { continue }
            // The leaves this one alone reads, the node itself, what it feeds alone.
            let leaves = (inputs[node.id] ?? []).filter {
                inputs[$0] == nil && users[$0] == [node.id] && !taken.contains($0)
            }
            let layer = leaves + [node.id, output]
            guard Set(layer).count == layer.count else { continue }
            taken.formUnion(layer)
            layers.append(layer)
        }
        if layers.count >= 2 { model.addCluster(members: layers[0] + layers[1]) }
        for (i, layer) in layers.enumerated() { model.addCluster(members: layer, label: "L\(i)") }
        for orientation in GraphOrientation.allCases {
            let layout = try GraphLayout(model, orientation: orientation)
            checkFrames(layout)
            try GraphLayoutInvariantTests().checkInvariants(layout, model)
        }
    }

    @Test func clustersThatOverlapWithoutNestingAreNotKept() throws {
        var model = try Self.twoLayers()
        let straddling = model.addCluster(members: [1, 2], label: "AB")
        #expect(!straddling, "shares a node with A and with B")
        let nowhere = model.addCluster(members: [99], label: "none")
        #expect(!nowhere, "no node of the model")
        #expect(model.clusters.count == 2)
        let inner = model.addCluster(members: [7, 7, 99, 5], label: "inner")
        #expect(inner, "unknown ids and repeats are dropped")
        #expect(model.clusters.last?.members == [7, 5])
    }

    @Test func withoutClustersNothingChanges() throws {
        // A cluster without a label around the whole graph holds every node: nothing to keep apart.
        let plain = try GraphLayout(RandomGraphs.make(seed: 7, nodes: 30))
        var same = try RandomGraphs.make(seed: 7, nodes: 30)
        let everything = same.addCluster(members: same.nodes.map(\.id))
        #expect(everything)
        let wrapped = try GraphLayout(same)
        #expect(wrapped.nodes == plain.nodes && wrapped.edges == plain.edges)
    }
}
