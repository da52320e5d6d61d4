import Autodiff
import Lessons
import Rendering

/// The computation graph of a frame: variables as square boxes (params with
/// a double border and a `(param)` tag, data tagged `(data)`), functions as
/// rounded boxes, shapes on the edges of tensor graphs, and the nodes at
/// work highlighted — bold and `▶` forward, reverse and `◀` backward.
///
/// The layout comes from the cache, sized for the fullest text each box
/// will ever hold in the lesson, so a value or gradient appearing never
/// moves a box.
struct GraphPanel {
    let context: ScreenContext
    let snapshot: GraphSnapshot
    let frame: Frame?

    private var theme: Theme { context.theme }

    /// Where the graph goes in `area` and which part of it shows: a pure
    /// function of the state and the area (the layout comes from the cache).
    func framing(in area: Rect) throws(GraphError) -> GraphFraming? {
        let trace = context.trace
        guard !area.isEmpty, trace.graphs.indices.contains(snapshot.graph) else { return nil }
        let graph = trace.graphs[snapshot.graph]
        let names = context.state.layouts.names(snapshot.graph, in: trace)
        let groups = self.groups
        let key = LayoutCache.Key(
            graph: snapshot.graph, width: area.width, height: area.height,
            detail: context.state.detail, ascii: context.ascii, closed: closedNames)
        var failure: GraphError?
        let made = context.state.layouts.drawing(key) {
            do throws(GraphError) {
                return try Self.makeDrawing(
                    graph, index: snapshot.graph, names: names, groups: groups, context: context, width: area.width,
                    height: area.height)
            } catch {
                failure = error
                return nil
            }
        }
        // A graph that cannot be laid out is a bug in the trace: the caller says so where the graph would be.
        if let failure { throw failure }
        guard let drawing = made else { return nil }
        let layout = drawing.layout
        let focus = Focus(frame: frame, snapshot: snapshot, graph: graph).shown(through: groups)
        // A small drawing sits in the middle of its area; a large one scrolls to keep the focus in view.
        var target = area
        if layout.width < area.width {
            target.x += (area.width - layout.width) / 2
            target.width = layout.width
        }
        if layout.height < area.height {
            // A drawing cut at the sides keeps a row under it for the tags.
            let rows = layout.width > area.width ? Swift.min(layout.height + 1, area.height) : layout.height
            target.y += (area.height - rows) / 2
            target.height = rows
        }
        // A drawing cut by the view keeps its bottom row for the "more" tags, off the wires.
        var tagRow: Int?
        // (Only from spare rows, or a view cut at the bottom anyway: never a row the drawing needs.)
        if !layout.fits(width: target.width, height: target.height - 1), target.height >= 4,
            target.height > layout.height || layout.height > target.height
        {
            target.height -= 1
            tagRow = target.bottom
        }
        let automatic = scrollOffset(
            layout, focus: focus, selected: selected, width: target.width, height: target.height)
        let pan = context.state.graphPan
        let shown = layout.clamped(
            GraphPoint(x: automatic.x + pan.x, y: automatic.y + pan.y),
            viewWidth: target.width, viewHeight: target.height)
        let limit = layout.clamped(
            GraphPoint(x: Int.max / 2, y: Int.max / 2), viewWidth: target.width, viewHeight: target.height)
        return GraphFraming(
            drawing: drawing, focus: focus, target: target, tagRow: tagRow,
            viewport: GraphViewport(
                automatic: automatic, shown: shown, limit: limit, width: target.width, height: target.height))
    }

    func render(in area: Rect, buffer: inout Buffer) {
        let framed: GraphFraming?
        do {
            framed = try framing(in: area)
        } catch {
            buffer.setString(error.description, x: area.x, y: area.y, style: theme.error, maxWidth: area.width)
            return
        }
        guard let framing = framed else { return }
        let graph = context.trace.graphs[snapshot.graph]
        let names = context.state.layouts.names(snapshot.graph, in: context.trace)
        let drawing = framing.drawing
        let focus = framing.focus
        let groups = self.groups
        let inClosedGroups = groups.hiddenMembers
        let selected = self.selected
        var view = GraphView(layout: drawing.layout, theme: theme, glyphs: context.glyphs)
        let hidden = context.state.hidden
        for node in graph.nodes where !inClosedGroups.contains(node.id) {
            let style = focus.style(node.id, theme) ?? kindStyle(node.kind)
            view.nodeStyles[node.id] = style
            if focus.contains(node.id) || node.id == selected {
                view.nodeBorders[node.id] = .heavy
            } else if node.kind == .param {
                view.nodeBorders[node.id] = .double
            }
            // The inspector's selection: a mark of its own (not colour alone) in place of the frame's.
            let mark = node.id == selected ? Self.selectionMark(context) : focus.mark(node.id, context.glyphs)
            if let group = groups.group(at: node.id) {
                var lines = groupLines(group, graph: graph, names: names, level: drawing.level, mark: mark)
                let rows = drawing.reservedRows[node.id] ?? lines.count
                while lines.count < rows { lines.append(NodeText.Line(text: " ", role: .value)) }
                view.nodeLines[node.id] = lines.map { context.text($0.text) }
                view.nodeLineStyles[node.id] = lines.map {
                    focus.contains(node.id) ? style : lineStyle($0.role, .param)
                }
                view.nodeBorders[node.id] = focus.contains(node.id) || node.id == selected ? .heavy : .double
            } else if node.kind.isVariable {
                var lines = NodeText.variable(
                    name: names[node.id], node: node, value: value(node.id), grad: grad(node.id),
                    detail: context.state.detail, level: drawing.level, ascii: context.ascii, mark: mark,
                    words: context.words, gradHidden: hidden.grads.contains(node.id),
                    valueHidden: hidden.values.contains(node.id))
                let rows = drawing.reservedRows[node.id] ?? lines.count
                while lines.count < rows { lines.append(NodeText.Line(text: " ", role: .value)) }
                view.nodeLines[node.id] = lines.map { context.text($0.text) }
                view.nodeLineStyles[node.id] = lines.map {
                    focus.contains(node.id) ? style : lineStyle($0.role, node.kind)
                }
            } else if let mark {
                view.nodeLines[node.id] = [mark + " " + context.text(node.label)]
            }
        }
        for (index, edge) in Self.drawnEdges(graph, groups).enumerated() {
            if let style = focus.edgeStyle(edge.from, edge.to, theme) { view.edgeStyles[index] = style }
        }
        view.offset = framing.viewport.shown
        view.tagRow = framing.tagRow
        view.overflowStyle = theme.secondary.patched(with: Style(modifiers: .reverse))
        view.moreText = context.words.more
        buffer.render(view, in: framing.target)
        GroupFrames.draw(
            layout: drawing.layout, offset: framing.viewport.shown, in: framing.target, context: context,
            buffer: &buffer)
    }

    /// The groups of the graph on screen as the student has opened and closed them.
    private var groups: GroupView {
        let trace = context.trace
        guard trace.graphs.indices.contains(snapshot.graph) else { return GroupView() }
        return GroupView(trace.graphs[snapshot.graph], closed: context.state.closedGroups(snapshot.graph))
    }

    private var closedNames: [String] { context.state.closedGroups(snapshot.graph).sorted() }

    /// The inspector's selected node, as drawn (a node inside a closed group is its box).
    private var selected: Int? {
        guard let open = context.state.inspector, open.graph == snapshot.graph else { return nil }
        return groups.shown(open.node)
    }

    static func selectionMark(_ context: ScreenContext) -> String { context.ascii ? "*" : "◆" }

    private func groupLines(
        _ group: NodeGroup, graph: GraphStructure, names: NodeNames, level: NodeText.Level, mark: String?
    ) -> [NodeText.Line] {
        GroupText.lines(
            group, in: graph, names: names,
            numbers: GroupText.Numbers(
                value: value, grad: grad, hiddenGrads: context.state.hidden.grads), detail: context.state.detail,
            level: level, ascii: context.ascii, mark: mark, words: context.words)
    }

    /// The edges drawn: the graph's, with a closed group's members drawn as its box (its
    /// inner edges gone, two edges into the box from one node drawn once).
    static func drawnEdges(_ graph: GraphStructure, _ groups: GroupView) -> [(from: Int, to: Int)] {
        var seen = Set<[Int]>()
        var result: [(from: Int, to: Int)] = []
        for edge in graph.edges {
            let pair = [groups.shown(edge.from), groups.shown(edge.to)]
            guard pair[0] != pair[1], seen.insert(pair).inserted else { continue }
            result.append((pair[0], pair[1]))
        }
        return result
    }

    private func value(_ id: Int) -> Tensor? { id < snapshot.values.count ? snapshot.values[id] : nil }
    private func grad(_ id: Int) -> Tensor? { id < snapshot.grads.count ? snapshot.grads[id] : nil }

    private func kindStyle(_ kind: NodeKind) -> Style {
        switch kind {
        case .input: return theme.inputNode
        case .param: return theme.paramNode
        case .data, .constant: return theme.dataNode
        case .intermediate: return theme.text
        case .function: return theme.functionNode
        }
    }

    private func lineStyle(_ role: NodeText.Role, _ kind: NodeKind) -> Style {
        switch role {
        case .name: return kindStyle(kind).patched(with: Style(modifiers: .bold))
        case .value: return theme.value
        case .gradient: return theme.gradient
        }
    }

    /// The offset that shows every focused node if it can, else the key node
    /// (the function at work) in the middle; from the origin, so a frame's view
    /// depends only on the frame.
    private func scrollOffset(_ layout: GraphLayout, focus: Focus, selected: Int?, width: Int, height: Int)
        -> GraphPoint
    {
        guard !layout.fits(width: width, height: height) else { return .zero }
        // Every node the frame touches if they fit; else the function at work and the boxes it
        // writes to; else that function alone.
        func union(_ ids: [Int]) -> Rect? {
            let rects = ids.compactMap { layout.rect(of: $0) }
            guard var all = rects.first else { return nil }
            for r in rects.dropFirst() { all = all.union(r) }
            return all
        }
        func fits(_ r: Rect) -> Bool { r.width + 2 <= width && r.height <= height }
        // With the inspector open, its selection is what the view follows.
        let candidates =
            selected.map { [[$0]] }
            ?? [focus.nodes + focus.read, focus.nodes, focus.key.map { [$0] + focus.written } ?? []]
        let unions = candidates.compactMap(union)
        // When they do not fit together: the function at work with the boxes it writes, then
        // those it reads, nearest first, as many as fit.
        var union = unions.first(where: fits)
        if union == nil, selected == nil, let key = focus.key, var grown = layout.rect(of: key) {
            func distance(_ id: Int) -> Int {
                guard let r = layout.rect(of: id) else { return .max }
                return abs(r.x + r.width / 2 - grown.x - grown.width / 2)
                    + abs(r.y + r.height / 2 - grown.y - grown.height / 2)
            }
            for id in focus.written.sorted(by: { distance($0) < distance($1) })
                + focus.read.sorted(by: { distance($0) < distance($1) })
            {
                // Edge to edge is enough here (no room kept around them, as for the whole focus).
                guard let r = layout.rect(of: id), grown.union(r).width <= width, grown.union(r).height <= height
                else { continue }
                grown = grown.union(r)
            }
            union = grown
        }
        guard var union = union ?? unions.last else { return .zero }
        if union.width > width || union.height > height, let key = selected ?? focus.key, let r = layout.rect(of: key) {
            if union.width > width {
                union.x = r.x
                union.width = r.width
            }
            if union.height > height {
                union.y = r.y
                union.height = r.height
            }
        }
        // Whole pan steps (a third of the view, as `H` `L` move), as few as bring the focus in with a
        // little room: neighbouring frames move the view by the same amount, or not at all.
        func axis(_ lo: Int, _ size: Int, _ view: Int) -> Int {
            if lo + size <= view { return 0 }
            guard size + 4 <= view else { return lo + size / 2 - view / 2 }
            let need = lo + size + 2 - view
            let step = Swift.max(view / 3, 4)
            let stepped = (need + step - 1) / step * step
            return stepped <= lo - 1 ? stepped : need
        }
        return layout.clamped(
            GraphPoint(x: axis(union.x, union.width, width), y: axis(union.y, union.height, height)),
            viewWidth: width, viewHeight: height)
    }

    /// The size the graph takes laid out left to right in its most compact
    /// form: how wide the graph's column must be to show it whole.
    static func naturalSize(_ context: ScreenContext, graph: Int) -> (width: Int, height: Int)? {
        let trace = context.trace
        guard trace.graphs.indices.contains(graph) else { return nil }
        let closed = context.state.closedGroups(graph)
        let key = LayoutCache.Key(
            graph: graph, width: 0, height: 0, detail: context.state.detail, ascii: context.ascii,
            closed: closed.sorted())
        let names = context.state.layouts.names(graph, in: trace)
        let drawing = context.state.layouts.drawing(key) {
            try? makeDrawing(
                trace.graphs[graph], index: graph, names: names, groups: GroupView(trace.graphs[graph], closed: closed),
                context: context, width: 100_000, height: 100_000, smallest: true)
        }
        return drawing.map { ($0.layout.width, $0.layout.height) }
    }

    // MARK: - Layout

    /// Lays the graph out for an area: matrices in the boxes if that fits, else one line per value.
    /// - Parameter smallest: lay out only the most compact variant (to learn the least room the graph needs).
    /// - Throws: `GraphError` when the trace's graph is not one (a node twice, an edge to nowhere, a cycle):
    ///   never skipped, so no node silently vanishes from the picture.
    static func makeDrawing(
        _ graph: GraphStructure, index: Int, names: NodeNames, groups: GroupView, context: ScreenContext,
        width: Int, height: Int, smallest: Bool = false
    ) throws(GraphError) -> GraphDrawing? {
        let detail = context.state.detail
        let snapshots = context.trace.steps.flatMap { $0.frames.compactMap(\.snapshot) }.filter { $0.graph == index }
        let tensors = graph.nodes.contains { !$0.shape.isEmpty }
        // Richest first: matrices and shapes on the edges; then without the edge
        // labels (the boxes name their shapes too); then one line per value.
        var variants: [(level: NodeText.Level, labels: Bool)]
        if detail == .shapes {
            variants = tensors ? [(.minimal, true), (.minimal, false)] : [(.minimal, false)]
        } else if tensors {
            variants = [(.rich, true), (.rich, false), (.compact, true), (.compact, false), (.minimal, false)]
        } else {
            variants = [(.rich, false)]
        }
        if smallest, let last = variants.last { variants = [last] }
        // Small tensors show their values rather than their shapes even when the graph
        // is then wider than its panel (the view follows the node at work), as long as
        // no box is wider than `widest` (a box must be seen whole, beside its neighbours).
        let small = graph.nodes.allSatisfy { $0.shape.reduce(1, *) <= 16 }
        func boxes(_ layout: GraphLayout, within widest: Int) -> Bool {
            layout.nodes.allSatisfy { $0.rect.width <= widest }
        }
        var best: GraphDrawing?
        var tallEnough: GraphDrawing?
        for (level, labelled) in variants {
            var model = GraphModel()
            var reserved: [Int: Int] = [:]
            let hidden = groups.hiddenMembers
            for node in graph.nodes where !hidden.contains(node.id) {
                if let group = groups.group(at: node.id) {
                    // A closed group: one box sized for the fullest numbers it will hold.
                    var widest = 1
                    var rows = 1
                    var seen: [[Tensor?]] = []
                    for s in [nil] + snapshots.map(Optional.some) {
                        let ids = group.parameters + [group.output]
                        let numbers = ids.flatMap { id in
                            [
                                s.flatMap { id < $0.values.count ? $0.values[id] : nil },
                                s.flatMap { id < $0.grads.count ? $0.grads[id] : nil },
                            ]
                        }
                        if seen.contains(numbers) { continue }
                        seen.append(numbers)
                        let lines = GroupText.lines(
                            group, in: graph, names: names,
                            numbers: GroupText.Numbers(
                                value: { id in s.flatMap { id < $0.values.count ? $0.values[id] : nil } },
                                grad: { id in s.flatMap { id < $0.grads.count ? $0.grads[id] : nil } }),
                            detail: detail, level: level, ascii: context.ascii, mark: "▶", words: context.words)
                        rows = Swift.max(rows, lines.count)
                        for line in lines { widest = Swift.max(widest, displayWidth(context.text(line.text))) }
                    }
                    reserved[node.id] = rows
                    try model.addNode(
                        id: node.id, lines: [context.text(group.name)], kind: .variable, minContentWidth: widest,
                        minContentHeight: rows)
                } else if node.kind.isVariable {
                    var widest = 1
                    var rows = 1
                    func measure(_ value: Tensor?, _ grad: Tensor?) {
                        let lines = NodeText.variable(
                            name: names[node.id], node: node, value: value, grad: grad, detail: detail,
                            level: level, ascii: context.ascii, mark: "▶", words: context.words)
                        rows = Swift.max(rows, lines.count)
                        for line in lines { widest = Swift.max(widest, displayWidth(context.text(line.text))) }
                    }
                    measure(nil, nil)
                    // Snapshots share values between frames: measure each distinct pair once.
                    var seen: [(Tensor?, Tensor?)] = []
                    for s in snapshots {
                        let v = node.id < s.values.count ? s.values[node.id] : nil
                        let g = node.id < s.grads.count ? s.grads[node.id] : nil
                        if seen.contains(where: { $0.0 == v && $0.1 == g }) { continue }
                        seen.append((v, g))
                        measure(v, g)
                    }
                    reserved[node.id] = rows
                    try model.addNode(
                        id: node.id, lines: [context.text(names[node.id])], kind: .variable,
                        minContentWidth: widest, minContentHeight: rows)
                } else {
                    let label = context.text(node.label)
                    try model.addNode(
                        id: node.id, lines: [label], kind: .function, minContentWidth: displayWidth(label) + 2)
                }
            }
            for edge in drawnEdges(graph, groups) {
                try model.addEdge(
                    from: edge.from, to: edge.to,
                    label: labelled ? edgeLabel(edge.from, edge.to, graph, context) : nil)
            }
            // Open calls stay together; a framed layer gets room for its frame and label.
            for group in groups.open {
                let framed = groups.framed.contains(group)
                model.addCluster(
                    members: group.members.map(groups.shown), label: framed ? context.text(group.name) : nil)
            }
            guard let layout = try? GraphLayout.fit(model, width: width, height: height) else {
                return tallEnough ?? best
            }
            let drawing = GraphDrawing(layout: layout, level: level, reservedRows: reserved)
            // Small tensors: values scrolled to the node at work beat shapes shown whole; and where
            // nothing is tall enough, values as tall as the shapes (only wider, so the view pans).
            if level == .minimal, small, let tallEnough { return tallEnough }
            if level == .minimal, small, !layout.fits(width: width, height: height), let values = best,
                values.level != .minimal, values.layout.height <= layout.height, boxes(values.layout, within: width / 2)
            {
                return values
            }
            if layout.fits(width: width, height: height) { return drawing }
            best = drawing
            if small, level != .minimal, tallEnough == nil, layout.height <= height, boxes(layout, within: width - 2) {
                tallEnough = drawing
            }
        }
        return tallEnough ?? best
    }

    /// The shape of the value on an edge into a function, or `before→after`
    /// where an element-wise function broadcasts it.
    static func edgeLabel(_ from: Int, _ to: Int, _ graph: GraphStructure, _ context: ScreenContext) -> String? {
        guard graph.nodes.indices.contains(from), graph.nodes.indices.contains(to) else { return nil }
        let source = graph.nodes[from]
        let target = graph.nodes[to]
        guard source.kind.isVariable, target.kind == .function else { return nil }
        let shape = formatShape(source.shape)
        if target.operation?.isBroadcastingArithmetic == true, target.inputs.count == 2, source.shape != target.shape {
            return shape + context.arrow + formatShape(target.shape)
        }
        // A number's `()` says nothing a student can use (and reads as a stray call); tensors' shapes do.
        return source.shape.isEmpty ? nil : shape
    }
}

/// A graph placed on a screen: its drawing, the frame's focus, where it is
/// drawn and which part of the drawing shows.
struct GraphFraming {
    let drawing: GraphDrawing
    let focus: Focus
    /// The cells the drawing takes on screen.
    let target: Rect
    /// The row under it for the "more" tags when the drawing is cut.
    let tagRow: Int?
    let viewport: GraphViewport
}
