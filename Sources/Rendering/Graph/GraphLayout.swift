/// Which way the arrows run.
public enum GraphOrientation: String, Equatable, Sendable, CaseIterable {
    case leftToRight
    case topToBottom
}

/// A cell position in a graph layout (column `x`, row `y`, from the top-left).
public struct GraphPoint: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    public static let zero = GraphPoint(x: 0, y: 0)
    public var description: String { "(\(x), \(y))" }
}

/// A layered drawing of a `GraphModel`: where every box, arrow and label goes.
///
/// Computed once per graph (ranks by longest path, dummy nodes for long
/// edges, median sweeps and neighbour swaps against crossings, median
/// placement so long edges run straight, orthogonal routing in tracks between
/// ranks; a model's clusters kept together in every rank, with room for their
/// frames that no other box enters). Screens then restyle nodes or change
/// their text frame by frame through `GraphView` without a new layout, so
/// nothing moves while a student steps. Coordinates start at (0, 0); `width` × `height` is the size needed.
public struct GraphLayout: Equatable, Sendable {
    /// A box and where it is.
    public struct PlacedNode: Equatable, Sendable {
        public let id: Int
        public let kind: GraphModel.NodeKind
        public let lines: [String]
        /// The whole box, border included (it may be larger than its text needs,
        /// to give every input its own arrow).
        public let rect: Rect
    }

    /// An arrow and how it runs.
    public struct RoutedEdge: Equatable, Sendable {
        public let from: Int
        public let to: Int
        public let label: String?
        /// Corners of an orthogonal path: the first point touches the source box,
        /// the last is the arrowhead cell touching the target box.
        public let points: [GraphPoint]
        /// The first cell of the label, or nil when there is no label or no free
        /// room beside the arrow (labels never cover a box, a line or another label).
        public let labelOrigin: GraphPoint?
    }

    /// A cluster and the room kept for it.
    public struct PlacedCluster: Equatable, Sendable {
        /// Ids of its nodes in the layout, in the model's order.
        public let members: [Int]
        /// The frame's label, as the model gave it; nil for a cluster without a frame.
        public let label: String?
        /// With a label, the frame: its line one cell outside the boxes (and outside
        /// the frames of clusters inside it), with no other box inside. Without, the
        /// boxes' union.
        public let rect: Rect
        /// Where ` label ` (the label with a space each side) starts on the frame
        /// line, on cells no line, arrow or edge label takes; nil when the frame has no room.
        public let labelOrigin: GraphPoint?
    }

    /// One cell of the drawn lines: which sides it joins (bits N 1, E 2, S 4, W 8).
    struct LineCell: Equatable, Sendable {
        var x: Int
        var y: Int
        var mask: UInt8
    }

    public let orientation: GraphOrientation
    /// Columns and rows the whole drawing needs.
    public let width: Int
    public let height: Int
    /// Boxes in the model's insertion order.
    public let nodes: [PlacedNode]
    /// Edges in the model's order.
    public let edges: [RoutedEdge]
    /// Clusters in the model's order (those the model kept).
    public let clusters: [PlacedCluster]
    /// Edge crossings left after ordering (inputs drawn out of order count too).
    public let crossings: Int
    /// Crossings of the first order, by insertion; `crossings` is never more.
    let initialCrossings: Int
    /// Nets routed with a dogleg to break a cycle of channel constraints.
    let doglegs: Int
    /// Every line cell with its joins, sorted by row then column (arrowheads excluded).
    let lineCells: [LineCell]
    /// The cell on a box border where its edges leave (drawn as a tee).
    struct ExitPort: Equatable, Sendable {
        var node: Int
        var cell: GraphPoint
    }

    let exitPorts: [ExitPort]
    private let indexOfID: [Int: Int]

    /// Lays `model` out with arrows running in `orientation`.
    /// - Throws: `GraphError.cycle` when the edges form a cycle.
    public init(_ model: GraphModel, orientation: GraphOrientation = .leftToRight) throws(GraphError) {
        var graph = try LayeredGraph(model: model)
        let counts = graph.minimizeCrossings()
        self.init(model, ordered: graph, crossings: counts, orientation: orientation)
    }

    /// Places and routes a graph whose layers are already ordered (the order
    /// does not depend on the orientation, so `fit` orders once for both).
    init(
        _ model: GraphModel, ordered: LayeredGraph, crossings counts: (initial: Int, final: Int),
        orientation: GraphOrientation
    ) {
        let vertical = orientation == .topToBottom
        var graph = ordered
        graph.orient(vertical: vertical)
        let top = graph.placeAcross(boxGap: vertical ? 2 : 1)

        let labelWidths = model.edges.map { $0.label.map(displayWidth) ?? 0 }
        var tails = [Int](repeating: 2, count: max(0, graph.layers.count - 1))
        for (e, chain) in graph.edgeSegments.enumerated() where labelWidths[e] > 0 {
            guard let last = chain.last else { continue }
            let r = graph.rank[graph.segmentUpper[last]]
            // Room beside the last run into the target: a label's width across
            // it left to right, a few rows along it top to bottom.
            tails[r] = max(tails[r], vertical ? 3 : labelWidths[e] + 2)
        }
        let routing = graph.route(top: top, tail: { tails[$0] })

        func point(_ p: AxisPoint) -> GraphPoint {
            vertical ? GraphPoint(x: p.across, y: p.along) : GraphPoint(x: p.along, y: p.across)
        }
        var rects: [Rect] = []
        rects.reserveCapacity(graph.realCount)
        var exits: [ExitPort] = []
        for i in 0..<graph.realCount {
            let a = routing.nodeAlong[i]
            let c = top[i]
            rects.append(
                vertical
                    ? Rect(x: c, y: a, width: graph.across[i], height: graph.along[i])
                    : Rect(x: a, y: c, width: graph.along[i], height: graph.across[i]))
            if routing.outPort[i] >= 0 {
                exits.append(
                    ExitPort(
                        node: i,
                        cell: point(
                            AxisPoint(
                                along: a + graph.along[i] - 1,
                                across: routing.outPort[i]))))
            }
        }
        var paths = routing.paths.map { $0.map(point) }

        // Doglegs may use rows outside the boxes' band, and labels may stick out
        // past the outermost lines: measure everything, then move it to start at 0.
        var bounds = rects.reduce(Rect.zero) { $0.union($1) }
        for path in paths { for p in path { bounds = bounds.union(Rect(x: p.x, y: p.y, width: 1, height: 1)) } }
        var frames = Self.clusterRects(graph.clusters, rects, vertical: vertical)
        for (c, cluster) in model.clusters.enumerated() where cluster.label != nil { bounds = bounds.union(frames[c]) }
        let widestLabel = labelWidths.max() ?? 0
        let padding = widestLabel > 0 ? (vertical ? (widestLabel + 1, 0) : (0, 1)) : (0, 0)
        var canvas = GraphCanvas(
            area: Rect(
                x: bounds.x - padding.0, y: bounds.y - padding.1,
                width: bounds.width + 2 * padding.0, height: bounds.height + 2 * padding.1))
        for r in rects { canvas.markBox(r) }
        for path in paths { canvas.drawPath(path, vertical: vertical) }
        // Frame labels before edge labels: a layer's name is read first.
        var frameLabels = [GraphPoint?](repeating: nil, count: model.clusters.count)
        for (c, cluster) in model.clusters.enumerated() where cluster.label != nil { canvas.markFrame(frames[c]) }
        for (c, cluster) in model.clusters.enumerated() {
            guard let label = cluster.label else { continue }
            frameLabels[c] = canvas.placeFrameLabel(width: displayWidth(label) + 2, frame: frames[c])
        }
        var origins = [GraphPoint?](repeating: nil, count: model.edges.count)
        for e in model.edges.indices where labelWidths[e] > 0 {
            let target = rects[model.indexOfID[model.edges[e].to] ?? 0]
            let centre = GraphPoint(x: target.x + target.width / 2, y: target.y + target.height / 2)
            if let origin = canvas.placeLabel(width: labelWidths[e], path: paths[e], vertical: vertical, toward: centre)
            {
                origins[e] = origin
                bounds = bounds.union(Rect(x: origin.x, y: origin.y, width: labelWidths[e], height: 1))
            }
        }

        let dx = -bounds.x
        let dy = -bounds.y
        func moved(_ p: GraphPoint) -> GraphPoint { GraphPoint(x: p.x + dx, y: p.y + dy) }
        for i in rects.indices {
            rects[i].x += dx
            rects[i].y += dy
        }
        for i in exits.indices { exits[i].cell = moved(exits[i].cell) }
        for c in frames.indices {
            frames[c].x += dx
            frames[c].y += dy
        }
        for e in paths.indices { paths[e] = paths[e].map(moved) }
        var cells = canvas.lineCells()
        for i in cells.indices {
            cells[i].x += dx
            cells[i].y += dy
        }

        var placed: [PlacedNode] = []
        placed.reserveCapacity(rects.count)
        for (i, node) in model.nodes.enumerated() {
            placed.append(PlacedNode(id: node.id, kind: node.kind, lines: node.lines, rect: rects[i]))
        }
        var routed: [RoutedEdge] = []
        routed.reserveCapacity(model.edges.count)
        for (e, edge) in model.edges.enumerated() {
            routed.append(
                RoutedEdge(
                    from: edge.from, to: edge.to, label: edge.label,
                    points: paths[e], labelOrigin: origins[e].map(moved)))
        }

        self.orientation = orientation
        clusters = model.clusters.enumerated().map { c, cluster in
            PlacedCluster(
                members: cluster.members, label: cluster.label, rect: frames[c], labelOrigin: frameLabels[c].map(moved))
        }
        width = bounds.width
        height = bounds.height
        nodes = placed
        edges = routed
        crossings = counts.final
        initialCrossings = counts.initial
        doglegs = routing.doglegs
        lineCells = cells
        exitPorts = exits
        indexOfID = model.indexOfID
    }

    /// Lays `model` out in whichever orientation fits `width` × `height`
    /// (left to right when both do); when neither fits, the one that shows
    /// the larger share of the graph, so the rest is reached by scrolling.
    /// - Throws: `GraphError.cycle` when the edges form a cycle.
    public static func fit(_ model: GraphModel, width: Int, height: Int) throws(GraphError) -> GraphLayout {
        var graph = try LayeredGraph(model: model)
        let counts = graph.minimizeCrossings()
        let across = GraphLayout(model, ordered: graph, crossings: counts, orientation: .leftToRight)
        if across.width <= width, across.height <= height { return across }
        let down = GraphLayout(model, ordered: graph, crossings: counts, orientation: .topToBottom)
        if down.width <= width, down.height <= height { return down }
        return down.visibleShare(width, height) > across.visibleShare(width, height) ? down : across
    }

    private func visibleShare(_ w: Int, _ h: Int) -> Double {
        let sx = width > 0 ? min(1, Double(max(0, w)) / Double(width)) : 1
        let sy = height > 0 ? min(1, Double(max(0, h)) / Double(height)) : 1
        return sx * sy
    }

    /// True when the whole drawing fits in `width` × `height`.
    public func fits(width w: Int, height h: Int) -> Bool { width <= w && height <= h }

    /// The box of node `id` in layout coordinates, or nil for an unknown id.
    public func rect(of id: Int) -> Rect? {
        indexOfID[id].map { nodes[$0].rect }
    }

    /// `offset` moved as little as needed to keep a `viewWidth` × `viewHeight`
    /// view on the drawing (0 when the drawing is smaller than the view).
    public func clamped(_ offset: GraphPoint, viewWidth: Int, viewHeight: Int) -> GraphPoint {
        GraphPoint(
            x: min(max(0, offset.x), max(0, width - viewWidth)),
            y: min(max(0, offset.y), max(0, height - viewHeight)))
    }

    /// The scroll offset that puts node `id` in the middle of the view, or nil for an unknown id.
    public func offset(centering id: Int, viewWidth: Int, viewHeight: Int) -> GraphPoint? {
        guard let r = rect(of: id) else { return nil }
        let wanted = GraphPoint(x: r.x + r.width / 2 - viewWidth / 2, y: r.y + r.height / 2 - viewHeight / 2)
        return clamped(wanted, viewWidth: viewWidth, viewHeight: viewHeight)
    }

    /// The smallest change of `offset` that brings node `id` fully into view
    /// (or centres it when it is larger than the view), so stepping scrolls only when it must.
    public func offset(revealing id: Int, from offset: GraphPoint, viewWidth: Int, viewHeight: Int) -> GraphPoint? {
        guard let r = rect(of: id) else { return nil }
        func axis(_ current: Int, _ lo: Int, _ size: Int, _ view: Int) -> Int {
            if size > view { return lo + size / 2 - view / 2 }
            if lo < current { return lo }
            if lo + size > current + view { return lo + size - view }
            return current
        }
        let wanted = GraphPoint(
            x: axis(offset.x, r.x, r.width, viewWidth), y: axis(offset.y, r.y, r.height, viewHeight))
        return clamped(wanted, viewWidth: viewWidth, viewHeight: viewHeight)
    }
}
