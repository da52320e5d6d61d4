/// Draws a `GraphLayout` into an area of a buffer: boxes (square for
/// variables, rounded for functions), centred text, orthogonal lines with
/// junctions picked from the sides each cell joins, arrowheads and labels.
///
/// The layout stays fixed; each frame a screen sets `nodeStyles` (a focus
/// style), `nodeLines` (a value that just appeared) or `edgeStyles` and draws
/// again. `offset` scrolls a drawing larger than the area; see
/// `GraphLayout.offset(centering:viewWidth:viewHeight:)`.
///
/// ```swift
/// var view = GraphView(layout: layout, glyphs: .unicode)
/// view.nodeStyles[3] = theme.forwardFocus
/// view.nodeLines[3] = ["y", "0.909"]
/// buffer.render(view, in: area)
/// ```
public struct GraphView: Widget, Sendable {
    public var layout: GraphLayout
    public var glyphs: GlyphSet
    /// The layout cell drawn at the area's top-left corner.
    public var offset: GraphPoint
    public var variableStyle: Style
    public var functionStyle: Style
    public var edgeStyle: Style
    public var labelStyle: Style
    /// Per node id: the style of its border and text, instead of its kind's.
    public var nodeStyles: [Int: Style] = [:]
    /// Per node id: a border other than its kind's (e.g. `.heavy` for the focus).
    public var nodeBorders: [Int: BorderStyle] = [:]
    /// Per node id: text to show instead of the model's (clipped to the box).
    public var nodeLines: [Int: [String]] = [:]
    /// Per node id: a style for each line of its text (a gradient line in its
    /// own colour); lines without one use the node's style.
    public var nodeLineStyles: [Int: [Style]] = [:]
    /// Per edge index (model order): the style of its line, arrowhead and label.
    public var edgeStyles: [Int: Style] = [:]
    /// When set, each side where the drawing is cut by the area gets a "more"
    /// tag in this style (see `overflow(in:)`).
    public var overflowStyle: Style?
    /// A screen row outside the drawing's area kept for the "more" tags, so they
    /// never cover a wire or a box; nil puts them on the drawing's own edges.
    public var tagRow: Int?
    /// The word of the "more" tags (the player's language).
    public var moreText = "more"

    public init(
        layout: GraphLayout, glyphs: GlyphSet = .unicode, offset: GraphPoint = .zero,
        variableStyle: Style = .plain, functionStyle: Style = .plain,
        edgeStyle: Style = .plain, labelStyle: Style = .plain
    ) {
        self.layout = layout
        self.glyphs = glyphs
        self.offset = offset
        self.variableStyle = variableStyle
        self.functionStyle = functionStyle
        self.edgeStyle = edgeStyle
        self.labelStyle = labelStyle
    }

    /// A view styled by `theme`: data boxes, function boxes, lines and labels.
    /// Screens then set `nodeStyles` for parameters, inputs and the focus.
    public init(layout: GraphLayout, theme: Theme, glyphs: GlyphSet = .unicode, offset: GraphPoint = .zero) {
        self.init(
            layout: layout, glyphs: glyphs, offset: offset,
            variableStyle: theme.dataNode, functionStyle: theme.functionNode,
            edgeStyle: theme.edge, labelStyle: theme.secondary)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let clip = area.intersection(buffer.area)
        guard !clip.isEmpty else { return }
        let painter = Painter(clip: clip, dx: area.x - offset.x, dy: area.y - offset.y)

        var junctions: [UInt32] = []
        for mask in 0..<16 {
            let glyph = glyphs.junction(
                up: mask & 1 != 0, right: mask & 2 != 0,
                down: mask & 4 != 0, left: mask & 8 != 0)
            junctions.append(narrowCode(glyph))
        }
        // Line cells are sorted by row: skip straight to the visible rows.
        let firstRow = clip.y - painter.dy
        let lastRow = clip.bottom - 1 - painter.dy
        var i = firstLineCell(atOrAfterRow: firstRow)
        while i < layout.lineCells.count, layout.lineCells[i].y <= lastRow {
            let cell = layout.lineCells[i]
            painter.put(code: junctions[Int(cell.mask & 15)], cell.x, cell.y, edgeStyle, &buffer)
            i += 1
        }

        let arrow = layout.orientation == .leftToRight ? glyphs.arrowRight : glyphs.arrowDown
        for edge in layout.edges {
            if let tip = edge.points.last { painter.put(arrow, tip.x, tip.y, edgeStyle, &buffer) }
            // A shape label the view's edge would cut (`(3` of `(3,)`) is left out.
            if let label = edge.label, let origin = edge.labelOrigin,
                painter.showsWhole(x: origin.x, width: displayWidth(label))
            {
                painter.write(label, origin.x, origin.y, labelStyle, limit: Int.max, &buffer)
            }
        }

        // A box the view's edge cuts keeps its outline but none of its text (a cut box would
        // lose its numbers, or show them without its name): the wires that reach it end at a box,
        // and the "more" tags say the drawing goes on past the edge.
        for node in layout.nodes {
            drawBox(node, painter, &buffer, text: painter.showsWhole(node.rect))
        }
        drawExitPorts(painter, &buffer)

        for e in edgeStyles.keys.sorted() where e >= 0 && e < layout.edges.count {
            if let style = edgeStyles[e] { restyle(layout.edges[e], style, painter, &buffer) }
        }
        let boxes = layout.nodes.map {
            Rect(x: $0.rect.x + painter.dx, y: $0.rect.y + painter.dy, width: $0.rect.width, height: $0.rect.height)
        }
        drawOverflowTags(in: clip, boxes: boxes, &buffer)
    }

    /// The scalar of a one-column glyph, or `+` for anything else.
    private func narrowCode(_ glyph: String) -> UInt32 {
        let scalars = glyph.unicodeScalars
        if scalars.count == 1, let only = scalars.first, Buffer.simpleWidth(only) == 1 { return only.value }
        return 0x2B
    }

    private func firstLineCell(atOrAfterRow row: Int) -> Int {
        var lo = 0
        var hi = layout.lineCells.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if layout.lineCells[mid].y < row { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func style(of node: GraphLayout.PlacedNode) -> Style {
        nodeStyles[node.id] ?? (node.kind == .function ? functionStyle : variableStyle)
    }

    private func drawBox(_ node: GraphLayout.PlacedNode, _ painter: Painter, _ buffer: inout Buffer, text: Bool) {
        let r = node.rect
        guard r.width >= 2, r.height >= 2, painter.touches(r) else { return }
        let s = style(of: node)
        let g = glyphs.border(nodeBorders[node.id] ?? (node.kind == .function ? .rounded : .square))
        for x in r.x..<r.right {
            let edge = x == r.x || x == r.right - 1
            painter.put(edge ? (x == r.x ? g.topLeft : g.topRight) : g.horizontal, x, r.y, s, &buffer)
            painter.put(edge ? (x == r.x ? g.bottomLeft : g.bottomRight) : g.horizontal, x, r.bottom - 1, s, &buffer)
        }
        for y in (r.y + 1)..<(r.bottom - 1) {
            painter.put(g.vertical, r.x, y, s, &buffer)
            painter.put(g.vertical, r.right - 1, y, s, &buffer)
            for x in (r.x + 1)..<(r.right - 1) { painter.put(code: 0x20, x, y, s, &buffer) }
        }
        guard text else { return }
        let lines = nodeLines[node.id] ?? node.lines
        let room = max(0, r.width - 4)
        let rows = r.height - 2
        let shown = Array(lines.prefix(rows))
        let lineStyles = nodeLineStyles[node.id] ?? []
        var y = r.y + 1 + (rows - shown.count) / 2
        for (k, line) in shown.enumerated() {
            let text = displayWidth(line) > room ? truncate(line, toWidth: room, ellipsis: glyphs.ellipsis) : line
            let x = r.x + 2 + (room - displayWidth(text)) / 2
            // A line the view's edge would cut, or touch, is left out: the box's border and the
            // "more" tag say the graph goes on, and no number shows without its end.
            if painter.showsWhole(x: x - 1, width: displayWidth(text) + 2) {
                painter.write(text, x, y, k < lineStyles.count ? lineStyles[k] : s, limit: r.right - 2, &buffer)
            }
            y += 1
        }
    }

    /// A tee on the border where edges leave, so lines visibly start at the box.
    private func drawExitPorts(_ painter: Painter, _ buffer: inout Buffer) {
        let tee = layout.orientation == .leftToRight ? glyphs.teeRight : glyphs.teeDown
        for port in layout.exitPorts where port.node < layout.nodes.count {
            let node = layout.nodes[port.node]
            // Heavy or double borders keep their own line.
            if let border = nodeBorders[node.id], border == .heavy || border == .double { continue }
            guard painter.touches(node.rect) else { continue }
            painter.put(tee, port.cell.x, port.cell.y, style(of: node), &buffer)
        }
    }

    private func restyle(_ edge: GraphLayout.RoutedEdge, _ style: Style, _ painter: Painter, _ buffer: inout Buffer) {
        for k in edge.points.indices {
            let a = edge.points[k]
            let b = k + 1 < edge.points.count ? edge.points[k + 1] : a
            for y in min(a.y, b.y)...max(a.y, b.y) {
                for x in min(a.x, b.x)...max(a.x, b.x) { painter.restyle(x, y, style, &buffer) }
            }
        }
        if let label = edge.label, let origin = edge.labelOrigin {
            for x in origin.x..<(origin.x + displayWidth(label)) { painter.restyle(x, origin.y, style, &buffer) }
        }
    }
}

/// Maps layout cells to buffer cells and clips every write to the visible area.
private struct Painter {
    let clip: Rect
    let dx: Int
    let dy: Int

    /// Whether layout columns `x ..< x + width` are all inside the visible area.
    func showsWhole(x: Int, width: Int) -> Bool { x + dx >= clip.x && x + dx + width <= clip.right }

    /// Whether box `r` fits inside the visible area; one larger than the area shows cut rather than never.
    func showsWhole(_ r: Rect) -> Bool {
        let shown = Rect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height)
        guard r.width <= clip.width, r.height <= clip.height else { return shown.intersects(clip) }
        return shown.x >= clip.x && shown.y >= clip.y && shown.right <= clip.right && shown.bottom <= clip.bottom
    }

    /// Whether any cell of box `r` is in the visible area.
    func touches(_ r: Rect) -> Bool {
        Rect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height).intersects(clip)
    }

    /// Writes one glyph (a line, corner, arrow or space: one column wide).
    /// Single-scalar glyphs take the buffer's unmeasured path, which keeps a
    /// full frame cheap; anything longer goes through the measuring subscript.
    @inline(__always)
    func put(_ symbol: String, _ x: Int, _ y: Int, _ style: Style, _ buffer: inout Buffer) {
        let sx = x + dx
        let sy = y + dy
        guard clip.contains(x: sx, y: sy) else { return }
        let scalars = symbol.unicodeScalars
        if scalars.count == 1, let only = scalars.first, Buffer.simpleWidth(only) == 1 {
            buffer.setScalar(only.value, x: sx, y: sy, style: style)
        } else {
            buffer[sx, sy] = Cell(symbol: symbol, style: style)
        }
    }

    /// Writes a glyph already known to be one narrow scalar.
    @inline(__always)
    func put(code: UInt32, _ x: Int, _ y: Int, _ style: Style, _ buffer: inout Buffer) {
        let sx = x + dx
        let sy = y + dy
        guard clip.contains(x: sx, y: sy) else { return }
        buffer.setScalar(code, x: sx, y: sy, style: style)
    }

    /// Writes `text` from layout cell (`x`, `y`), stopping before layout column
    /// `limit`; a wide character cut by the clip becomes a space.
    func write(_ text: String, _ x: Int, _ y: Int, _ style: Style, limit: Int, _ buffer: inout Buffer) {
        let sy = y + dy
        guard sy >= clip.y, sy < clip.bottom else { return }
        var col = x
        for character in text {
            let w = displayWidth(character)
            guard w > 0 else { continue }
            if col + w > limit { break }
            let sx = col + dx
            if sx >= clip.x, sx + w <= clip.right {
                buffer[sx, sy] = Cell(symbol: String(character), style: style)
            } else {
                for c in sx..<(sx + w) where clip.contains(x: c, y: sy) {
                    buffer[c, sy] = Cell(symbol: " ", style: style)
                }
            }
            col += w
        }
    }

    func restyle(_ x: Int, _ y: Int, _ style: Style, _ buffer: inout Buffer) {
        let sx = x + dx
        let sy = y + dy
        guard clip.contains(x: sx, y: sy) else { return }
        // setStyle keeps the symbols, so a wide character is not split.
        buffer.setStyle(style, in: Rect(x: sx, y: sy, width: 1, height: 1))
    }
}
