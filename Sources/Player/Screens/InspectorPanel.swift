import Autodiff
import Lessons
import Rendering

/// The node inspector (`i`): the selected node's name, what made it, its shape,
/// and its whole value and gradient as matrices (``TensorText/matrix``), scrolled
/// down by lines and across by columns; a closed group lists each parameter so.
///
/// It reads the snapshot the graph draws, with the numbers the student is still
/// to predict or answer already taken out: the inspector shows `?` for them.
struct InspectorPanel {
    let context: ScreenContext
    /// The frame's snapshot, masked (see ``PredictLines/masked(_:_:)``).
    let snapshot: GraphSnapshot
    let inspector: Inspector

    private var theme: Theme { context.theme }
    private var words: Words { context.words }

    private var graph: GraphStructure? {
        context.trace.graphs.indices.contains(snapshot.graph) ? context.trace.graphs[snapshot.graph] : nil
    }

    private var groups: GroupView {
        graph.map { GroupView($0, closed: context.state.closedGroups(snapshot.graph)) } ?? GroupView()
    }

    /// The node shown: the selection, or the closed box it is inside.
    private var node: Int { groups.shown(inspector.node) }

    private var names: NodeNames { context.state.layouts.names(snapshot.graph, in: context.trace) }

    var title: String {
        let group = groups.group(at: node)
        return words.inspectTitle(group?.name ?? names[node])
    }

    /// What the panel holds at an inner width: its lines, the columns of the widest
    /// value, and how many of them show from ``Inspector/column``.
    func content(width: Int) -> (lines: [StyledLine], columns: Int, shown: Int) {
        guard let graph, graph.nodes.indices.contains(node) else { return ([], 0, 0) }
        let names = self.names
        var lines: [StyledLine] = []
        var columns = 0
        var shown = 0
        /// `t` as matrix rows from the chosen column, as many columns as `width` holds.
        func matrix(_ t: Tensor) -> [StyledLine] {
            let window = Self.window(t, from: inspector.column, width: width - 2, ascii: context.ascii)
            columns = Swift.max(columns, window.columns)
            shown = shown == 0 ? window.shown : Swift.min(shown, window.shown)
            var out: [StyledLine] = []
            if window.columns > window.shown {
                out.append(
                    context.line(
                        "  " + words.columnsShown(window.first + 1, window.first + window.shown, of: window.columns),
                        theme.secondary))
            }
            return out + window.lines.map { context.line("  " + $0, theme.value) }
        }
        func numbers(_ id: Int) {
            let hidden = context.state.hidden
            lines.append(context.line(words.valueHeading, theme.strong))
            if hidden.values.contains(id) {
                lines.append(context.line("  " + words.toPredict, theme.question))
            } else if let v = value(id) {
                lines += matrix(v)
            } else {
                lines.append(context.line("  " + words.notComputed, theme.secondary))
            }
            let kind = graph.nodes[id].kind
            guard kind == .input || kind == .param || kind == .intermediate else {
                lines.append(context.line(words.gradHeading + ": " + words.noGradKept, theme.secondary))
                return
            }
            lines.append(context.line(words.gradHeading, theme.strong))
            if hidden.grads.contains(id) {
                lines.append(context.line("  " + words.toPredict, theme.question))
            } else if let g = grad(id) {
                lines += matrix(g)
            } else {
                lines.append(context.line("  " + words.notReached, theme.secondary))
            }
        }
        if let group = groups.group(at: node) {
            lines.append(context.line(group.name + words.groupTag(model: group.isModel), theme.strong))
            for id in group.parameters + [group.output] {
                lines.append(StyledLine())
                let label = id == group.output ? words.groupOutput(names[id]) : names[id]
                lines.append(context.line(label + "  " + formatShape(graph.nodes[id].shape), theme.paramNode))
                numbers(id)
            }
            return (lines, columns, shown)
        }
        let n = graph.nodes[node]
        lines.append(context.line(names[node] + NodeText.tag(n.kind, words), theme.strong))
        if let creator = n.creator, graph.nodes.indices.contains(creator) {
            let function = graph.nodes[creator]
            lines.append(
                context.line(words.madeBy(Formula.apply(function, function.inputs.map { names[$0] })), theme.text))
        } else {
            lines.append(context.line(words.leaf(n.kind), theme.text))
        }
        lines.append(
            context.line(words.shapeLine(n.shape.isEmpty ? words.scalar : formatShape(n.shape)), theme.text))
        numbers(node)
        return (lines, columns, shown)
    }

    /// Lines the panel can scroll in `area`, and its columns: for keys to stop at the end.
    func limits(in area: Rect) -> InspectorLimits {
        let inner = area.inner(1).inner(horizontal: 1, vertical: 0)
        let made = content(width: inner.width)
        let rows = Swift.max(inner.height - (context.handout ? 0 : 1), 1)
        return InspectorLimits(
            scroll: Swift.max(made.lines.count - rows, 0), columns: made.columns, columnsShown: made.shown)
    }

    func render(in area: Rect, buffer: inout Buffer) {
        guard area.width >= 8, area.height >= 3 else { return }
        buffer.clear(area)
        buffer.render(
            Block(
                title: context.text(title), border: .rounded, borderStyle: theme.focusBorder, glyphs: context.glyphs,
                clearsInside: true), in: area)
        let inner = area.inner(1).inner(horizontal: 1, vertical: 0)
        guard !inner.isEmpty else { return }
        let made = content(width: inner.width)
        let rows = Swift.max(inner.height - (context.handout ? 0 : 1), 1)
        let top = Swift.min(inspector.scroll, Swift.max(made.lines.count - rows, 0))
        for (i, line) in made.lines.dropFirst(top).prefix(rows).enumerated() {
            buffer.setLine(line, x: inner.x, y: inner.y + i, maxWidth: inner.width, ellipsis: context.glyphs.ellipsis)
        }
        guard !context.handout, inner.height >= 2 else { return }
        let scroll =
            made.lines.count > rows ? "\(top + 1)–\(Swift.min(top + rows, made.lines.count))/\(made.lines.count)" : nil
        let keys = words.inspectKeys(
            scroll: scroll, columns: made.columns > made.shown,
            groups: !(graph?.groups.isEmpty ?? true))
        buffer.setLine(
            context.line(keys, theme.secondary), x: inner.x, y: inner.bottom - 1, maxWidth: inner.width,
            ellipsis: context.glyphs.ellipsis)
    }

    private func value(_ id: Int) -> Tensor? { id < snapshot.values.count ? snapshot.values[id] : nil }
    private func grad(_ id: Int) -> Tensor? { id < snapshot.grads.count ? snapshot.grads[id] : nil }

    /// The rows of `t` from column `first` (clamped) on, as many whole columns as fit `width`
    /// (at least one), in the one tensor format; a tensor of rank 3 or more by its last axis.
    static func window(_ t: Tensor, from first: Int, width: Int, ascii: Bool)
        -> (lines: [String], first: Int, shown: Int, columns: Int)
    {
        if t.rank == 0 { return (TensorText.matrix(t, ascii: ascii), 0, 1, 1) }
        let columns = t.shape[t.rank - 1]
        let rows = t.count / Swift.max(columns, 1)
        guard columns > 0, rows > 0 else { return (TensorText.matrix(t, ascii: ascii), 0, 0, 0) }
        let start = Swift.min(Swift.max(first, 0), columns - 1)
        // Rank 3 and more: every block, as rows of the last axis.
        let flat = t.rank > 2 ? ((try? Tensor(shape: [rows, columns], scalars: t.scalars)) ?? t) : t
        func lines(_ count: Int) -> [String] {
            TensorText.matrix(
                flat, maxRows: Swift.min(rows, 2000), maxColumns: start + count < columns ? count + 1 : count,
                ascii: ascii, fromColumn: start)
        }
        var count = columns - start
        while count > 1, (lines(count).map { displayWidth($0) }.max() ?? 0) > width { count -= 1 }
        var made = lines(count)
        if t.rank > 2 { made.insert(formatShape(t.shape) + " → " + formatShape([rows, columns]), at: 0) }
        return (made, start, count, columns)
    }
}
