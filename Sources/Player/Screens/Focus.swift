import Lessons
import Rendering

/// Which nodes a frame highlights and how: forward, the function at work and
/// the value it makes (bold, `▶`); backward, the function and the inputs it
/// sends gradients to (reverse, `◀`); otherwise the frame's focus nodes
/// (the params and loss of training) with a heavy border.
struct Focus {
    enum Kind { case forward, backward, other }

    let kind: Kind
    /// Every node the frame touches, for scrolling.
    let nodes: [Int]
    /// The node to keep in view when not all of them fit: the function at work.
    let key: Int?
    /// The boxes the function at work writes to: its output forward, the inputs it sends gradients to backward.
    let written: [Int]
    /// The boxes it reads: its inputs forward, its output (the upstream gradient) backward.
    let read: [Int]
    private let marked: Set<Int>
    private let edges: Set<[Int]>

    init(frame: Frame?, snapshot: GraphSnapshot, graph: GraphStructure) {
        switch frame {
        case .forward(let f)?:
            kind = .forward
            marked = [f.function, f.output.node]
            key = f.function
            written = [f.output.node]
            read = f.inputs.map(\.node)
            edges = Set(f.inputs.map { [$0.node, f.function] } + [[f.function, f.output.node]])
        case .backward(let b)?:
            kind = .backward
            marked = Set([b.function] + b.inputs.filter(\.receivesGradient).map(\.node))
            key = b.function
            written = b.inputs.filter(\.receivesGradient).map(\.node)
            read = [b.output]
            edges = Set(b.inputs.map { [$0.node, b.function] } + [[b.function, b.output]])
        default:
            kind = .other
            marked = Set(snapshot.focus)
            edges = []
            key = snapshot.focus.first
            written = []
            read = []
        }
        nodes = snapshot.focus.isEmpty ? Array(marked).sorted() : snapshot.focus
    }

    /// This focus on a graph drawn with closed groups: what happens inside a closed
    /// box happens to the box (`▶ M` while a layer inside runs forward).
    func shown(through groups: GroupView) -> Focus {
        Focus(
            kind: kind, nodes: Self.unique(nodes.map(groups.shown)), key: key.map(groups.shown),
            written: Self.unique(written.map(groups.shown)), read: Self.unique(read.map(groups.shown)),
            marked: Set(marked.map(groups.shown)),
            edges: Set(edges.map { $0.map(groups.shown) }.filter { $0.count == 2 && $0[0] != $0[1] }))
    }

    private init(
        kind: Kind, nodes: [Int], key: Int?, written: [Int], read: [Int], marked: Set<Int>, edges: Set<[Int]>
    ) {
        self.kind = kind
        self.nodes = nodes
        self.key = key
        self.written = written
        self.read = read
        self.marked = marked
        self.edges = edges
    }

    private static func unique(_ ids: [Int]) -> [Int] {
        var seen = Set<Int>()
        return ids.filter { seen.insert($0).inserted }
    }

    func contains(_ id: Int) -> Bool { marked.contains(id) }

    func style(_ id: Int, _ theme: Theme) -> Style? {
        guard marked.contains(id) else { return nil }
        switch kind {
        case .forward: return theme.forwardFocus
        case .backward: return theme.backwardFocus
        case .other: return theme.focusBorder
        }
    }

    /// `▶` or `◀` before the text of a marked node.
    func mark(_ id: Int, _ glyphs: GlyphSet) -> String? {
        guard marked.contains(id) else { return nil }
        switch kind {
        case .forward: return glyphs.forwardMark
        case .backward: return glyphs.backwardMark
        case .other: return nil
        }
    }

    func edgeStyle(_ from: Int, _ to: Int, _ theme: Theme) -> Style? {
        guard edges.contains([from, to]) else { return nil }
        return kind == .forward ? theme.forwardFocus : theme.gradient.adding(.bold)
    }
}
