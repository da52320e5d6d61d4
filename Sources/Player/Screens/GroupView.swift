import Lessons

/// A graph's layer and model calls as the screen shows them: which are closed into
/// one box, which nodes that box stands for, and which open layers get a frame.
///
/// A closed group is drawn as one box in place of every member; its output's id is
/// the box's, so edges to what uses the call's result stay as they are.
struct GroupView {
    /// The closed groups drawn as boxes (a closed model's layers are inside it, not listed).
    private(set) var closed: [NodeGroup] = []
    /// For each node inside a closed box: the box (its group's output).
    private(set) var owner: [Int: Int] = [:]
    /// Open layers with nothing closed inside: each gets a frame labelled with its path.
    private(set) var framed: [NodeGroup] = []
    /// Every group drawn open (not closed, not inside a closed one): the layout keeps each one's nodes together.
    private(set) var open: [NodeGroup] = []

    /// No groups (no graph).
    init() {}

    init(_ graph: GraphStructure, closed names: Set<String>) {
        for group in graph.groups where names.contains(group.name) {
            // A layer of a closed model is already inside the model's box.
            if let parent = group.parent, names.contains(parent) { continue }
            guard group.members.allSatisfy({ owner[$0] == nil }) else { continue }
            closed.append(group)
            for id in group.members { owner[id] = group.output }
        }
        open = graph.groups.filter { g in !names.contains(g.name) && !(g.parent.map(names.contains) ?? false) }
        framed = open.filter { g in !graph.groups.contains { $0.parent == g.name } }
    }

    /// Nodes not drawn: the members of closed groups, but their outputs (the boxes).
    var hiddenMembers: Set<Int> { Set(owner.filter { $0.key != $0.value }.keys) }

    /// The node drawn for `id`: its closed group's box, else itself.
    func shown(_ id: Int) -> Int { owner[id] ?? id }

    /// The closed group whose box is node `id`, if any.
    func group(at id: Int) -> NodeGroup? { closed.first { $0.output == id } }
}
