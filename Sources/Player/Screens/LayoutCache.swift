import Lessons
import Rendering

/// Graph layouts kept across frames: a graph is laid out once per screen
/// size, detail level and glyph set, so stepping only restyles the boxes.
///
/// A reference type inside the otherwise plain `PlayerState`, because a
/// cache is not part of the state: copies may share it.
final class LayoutCache {
    struct Key: Hashable {
        let graph: Int
        let width: Int
        let height: Int
        let detail: Detail
        let ascii: Bool
        /// The groups drawn closed (each closed set is a different drawing).
        var closed: [String] = []
    }

    private var drawings: [Key: GraphDrawing] = [:]
    private var names: [Int: NodeNames] = [:]
    private var panelRows: [[Int]: Int] = [:]
    /// Loss histories summarised for their charts (the history is kept with its
    /// summary, so its identifier is not reused while cached).
    private var series: [ObjectIdentifier: (history: LossHistory, summary: SeriesSummary)] = [:]

    /// A chart summary of at least the first `count` losses of `history`, made once
    /// for all the frames that show them (a later run of the graph makes a longer one).
    func series(_ history: LossHistory, count: Int) -> SeriesSummary {
        if let cached = series[ObjectIdentifier(history)], cached.summary.count >= count { return cached.summary }
        if series.count >= 4 { series.removeAll() }
        let made = SeriesSummary(history.prefix(count))
        series[ObjectIdentifier(history)] = (history, made)
        return made
    }

    /// Rows the frame panel of `step` needs at `width` (its widest frame), computed once.
    /// `mode` tells apart layouts that reserve different rows (predict mode on or off), and
    /// `answered` how many of the step's numbers are answered (each may add a line).
    func panelRows(step: Int, width: Int, ascii: Bool, mode: Int = 0, answered: Int = 0, make: () -> Int) -> Int {
        let key = [step, width, ascii ? 1 : 0, mode, answered]
        if let cached = panelRows[key] { return cached }
        if panelRows.count >= 256 { panelRows.removeAll() }
        let made = make()
        panelRows[key] = made
        return made
    }

    func drawing(_ key: Key, make: () -> GraphDrawing?) -> GraphDrawing? {
        if let cached = drawings[key] { return cached }
        guard let made = make() else { return nil }
        // Resizing makes new keys; keep the cache small.
        if drawings.count >= 24 { drawings.removeAll() }
        drawings[key] = made
        return made
    }

    func names(_ graph: Int, in trace: LessonTrace) -> NodeNames {
        if let cached = names[graph] { return cached }
        let made = trace.graphs.indices.contains(graph) ? NodeNames(trace.graphs[graph]) : NodeNames()
        names[graph] = made
        return made
    }

    func removeAll() {
        drawings.removeAll()
        names.removeAll()
        panelRows.removeAll()
        series.removeAll()
    }
}

/// A graph laid out for one screen: the layout and how much each box says.
struct GraphDrawing {
    let layout: GraphLayout
    let level: NodeText.Level
    /// Rows reserved in each variable box, so text appearing later never moves it.
    let reservedRows: [Int: Int]
}
