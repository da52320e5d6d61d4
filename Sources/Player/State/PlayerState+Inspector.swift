import Lessons

extension PlayerState {
    // MARK: - The node inspector

    /// The nodes `←` `→` move between in `graph`, in evaluation order: its variables
    /// (literals left out), a closed group standing for its members by its output.
    func selectableNodes(_ graph: Int) -> [Int] {
        guard trace.graphs.indices.contains(graph) else { return [] }
        let structure = trace.graphs[graph]
        let hiddenMembers = GroupView(structure, closed: closedGroups(graph)).hiddenMembers
        return structure.nodes.filter { $0.kind.isVariable && $0.kind != .constant && !hiddenMembers.contains($0.id) }
            .map(\.id)
    }

    /// The node the inspector opens on: the box the frame writes to, else the first parameter, else the first variable.
    func defaultSelection(_ graph: Int) -> Int? {
        let nodes = selectableNodes(graph)
        guard !nodes.isEmpty else { return nil }
        let structure = trace.graphs[graph]
        let group = GroupView(structure, closed: closedGroups(graph))
        switch currentFrame {
        case .forward(let f)? where f.snapshot.graph == graph:
            return group.shown(f.output.node)
        case .backward(let b)? where b.snapshot.graph == graph:
            if let first = b.inputs.first(where: \.receivesGradient) { return group.shown(first.node) }
        default: break
        }
        return nodes.first { structure.nodes[$0].kind == .param } ?? nodes.first
    }

    /// `i`: opens the inspector on the graph on screen, or closes it.
    mutating func toggleInspector() -> [PlayerEffect] {
        if inspector != nil {
            setInspector(nil)
            return []
        }
        guard let graph = graphOnScreen, let node = defaultSelection(graph) else {
            setMessage(words.inspectNothing)
            return [.bell]
        }
        setInspector(Inspector(graph: graph, node: node))
        return []
    }

    /// Keys the open inspector takes; nil for a key it leaves to the lesson (space still steps).
    mutating func handleInspector(_ key: PlayerKey) -> [PlayerEffect]? {
        guard var open = inspector else { return nil }
        switch key {
        case .escape, .character("i"):
            setInspector(nil)
        case .right, .character("l"), .tab:
            return selectNeighbour(of: open, by: 1)
        case .left, .character("h"), .backTab:
            return selectNeighbour(of: open, by: -1)
        case .down, .character("j"):
            return scrollInspector(lines: 1)
        case .up, .character("k"):
            return scrollInspector(lines: -1)
        case .character(">"), .character("<"):
            let limits = inspectorLimits()
            let page = Swift.max(limits?.columnsShown ?? 1, 1)
            let target = open.column + (key == .character(">") ? page : -page)
            let clamped = Swift.min(Swift.max(target, 0), Swift.max((limits?.columns ?? 1) - 1, 0))
            guard clamped != open.column else { return [.bell] }
            open.column = clamped
            setInspector(open)
        case .character("o"):
            return toggleGroup(all: false)
        case .character("O"):
            return toggleGroup(all: true)
        default:
            return nil
        }
        return []
    }

    private mutating func selectNeighbour(of open: Inspector, by step: Int) -> [PlayerEffect] {
        let nodes = selectableNodes(open.graph)
        guard let i = nodes.firstIndex(of: open.node) ?? nodes.indices.first else { return [.bell] }
        let j = i + step
        guard nodes.indices.contains(j) else { return [.bell] }
        var moved = Inspector(graph: open.graph, node: nodes[j])
        moved.column = 0
        setInspector(moved)
        return []
    }

    private mutating func scrollInspector(lines: Int) -> [PlayerEffect] {
        guard var open = inspector else { return [] }
        let limit = inspectorLimits()?.scroll ?? 500
        let target = Swift.min(Swift.max(open.scroll + lines, 0), limit)
        guard target != open.scroll else { return [.bell] }
        open.scroll = target
        setInspector(open)
        return []
    }

    /// How far the inspector on the screen the app draws can scroll; nil before a first screen.
    private func inspectorLimits() -> InspectorLimits? {
        guard let view else { return nil }
        return Screen.inspectorLimits(self, width: view.width, height: view.height, glyphs: view.glyphs)
    }

    /// After moving to another frame: a selection in another graph starts anew there.
    mutating func followInspector() {
        guard let open = inspector, let graph = graphOnScreen, graph != open.graph else { return }
        setInspector(defaultSelection(graph).map { Inspector(graph: graph, node: $0) })
    }
}

/// How far an inspector panel can move: lines past its top, and matrix columns.
struct InspectorLimits {
    /// The most lines the panel can scroll.
    let scroll: Int
    /// Columns of the selected value, and how many the panel shows at once.
    let columns: Int
    let columnsShown: Int
}

extension PlayerState {
    // MARK: - Groups

    /// The groups of `graph` closed now: toggled closed, or closed by the lesson and not opened.
    public func closedGroups(_ graph: Int) -> Set<String> {
        guard trace.graphs.indices.contains(graph) else { return [] }
        let byLesson = trace.lesson.metadata.groups == .closed
        return Set(
            trace.graphs[graph].groups.filter { groupToggles[$0.name] ?? (byLesson && $0.parent == nil) }.map(\.name))
    }

    /// `o`: opens the closed group selected, else closes the innermost group around the
    /// selection; `O`: closes every call, or opens them all when none is open.
    /// Without the inspector there is no selection: `o` is `O`.
    mutating func toggleGroup(all: Bool) -> [PlayerEffect] {
        let key = all ? "O" : "o"
        let all = all || inspector == nil
        guard
            let open = inspector
                ?? graphOnScreen.flatMap({ g in defaultSelection(g).map { Inspector(graph: g, node: $0) } }),
            trace.graphs.indices.contains(open.graph)
        else { return [.bell] }
        let graph = trace.graphs[open.graph]
        guard !graph.groups.isEmpty else {
            setMessage(words.noGroups)
            return [.bell]
        }
        let closedNow = closedGroups(open.graph)
        var toggles = groupToggles
        var message: String
        if all {
            let tops = graph.groups.filter { $0.parent == nil }
            let close = tops.contains { !closedNow.contains($0.name) }
            for g in graph.groups { toggles[g.name] = g.parent == nil ? close : false }
            message = close ? words.groupsClosed(key: key) : words.groupsOpened(key: key)
        } else {
            let view = GroupView(graph, closed: closedNow)
            if let box = view.group(at: open.node) {
                toggles[box.name] = false
                message = words.groupOpened(box.name)
            } else if let inner = graph.groups.filter({ $0.members.contains(open.node) && !closedNow.contains($0.name) }
            )
            .max(by: { $0.members.count > $1.members.count }) {
                toggles[inner.name] = true
                message = words.groupClosed(inner.name)
            } else {
                setMessage(words.notInGroup)
                return [.bell]
            }
        }
        setGroupToggles(toggles)
        setMessage(message)
        // The selection follows its node into a closed box, or stays on the box's output opened.
        if var now = inspector {
            now.node = GroupView(graph, closed: closedGroups(open.graph)).shown(now.node)
            now.scroll = 0
            now.column = 0
            setInspector(now)
        }
        return []
    }
}
