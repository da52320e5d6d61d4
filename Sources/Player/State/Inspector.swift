import Lessons

/// The node inspector (`i`): which node of which graph is selected, and how far
/// its panel is scrolled down (lines) and across (matrix columns).
public struct Inspector: Equatable, Sendable {
    /// The graph the selection belongs to (a frame of another graph selects anew).
    public var graph: Int
    /// The selected variable node; for a closed group, the group's output.
    public var node: Int
    /// Lines scrolled past; the screen clamps it to the panel.
    public var scroll = 0
    /// The first matrix column shown.
    public var column = 0

    public init(graph: Int, node: Int) {
        self.graph = graph
        self.node = node
    }
}
