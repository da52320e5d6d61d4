/// One data point of a chart. Either coordinate may be NaN or infinite:
/// such points are left out of the scale and drawn as gaps.
public struct ChartPoint: Equatable, Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    var isFinite: Bool { x.isFinite && y.isFinite }
}

/// The colours and marks a chart draws with, taken from a theme.
public struct ChartStyles: Equatable, Sendable {
    public var line: Style
    public var points: Style
    public var fit: Style
    public var axis: Style
    public var labels: Style
    public var title: Style
    public var badge: Style
    public var message: Style

    public init(theme: Theme) {
        line = theme.chartLine
        points = theme.chartPoints
        fit = theme.chartFit
        axis = theme.chartAxis
        labels = theme.secondary
        title = theme.heading
        badge = theme.badge
        message = theme.secondary
    }
}
