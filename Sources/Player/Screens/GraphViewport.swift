import Rendering

/// The part of a graph drawing a screen showed: the offset the frame chose
/// (its focus in view), the offset shown after the student's panning, and
/// how far the drawing can scroll at all.
struct GraphViewport: Equatable {
    /// The offset the frame itself asks for.
    var automatic: GraphPoint
    /// The offset shown: `automatic` plus the pan, kept on the drawing.
    var shown: GraphPoint
    /// The largest offset that still fills the view (zero when the drawing fits).
    var limit: GraphPoint
    var width: Int
    var height: Int

    /// The offset one pan step from `shown` (a third of the view), kept on the drawing.
    func panned(dx: Int, dy: Int) -> GraphPoint {
        let stepX = Swift.max(width / 3, 4)
        let stepY = Swift.max(height / 3, 2)
        return GraphPoint(
            x: Swift.min(Swift.max(shown.x + dx * stepX, 0), limit.x),
            y: Swift.min(Swift.max(shown.y + dy * stepY, 0), limit.y))
    }
}

/// The size and glyphs of the screen a state is drawn on.
public struct ScreenView: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var glyphs: GlyphSet

    public init(width: Int, height: Int, glyphs: GlyphSet = .unicode) {
        self.width = width
        self.height = height
        self.glyphs = glyphs
    }
}
