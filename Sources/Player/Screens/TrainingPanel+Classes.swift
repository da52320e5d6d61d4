import Autodiff
import Lessons
import Rendering

// Points by class (`@plot data X T` with X of shape (N, 2)) and, with
// `fit=M`, the model's decision regions under them, live while training.

extension TrainingPanel {
    /// The class chart of this frame, when its data are points by class.
    var classChart: ClassChart? {
        let x: Tensor
        let t: Tensor
        let regions: RegionGrid?
        let names: (x: Int, t: Int)
        switch frame {
        case .dataPlot(let f):
            (x, t, regions, names) = (f.x.value, f.y.value, f.regions, (f.x.node, f.y.node))
        case .training(let f):
            guard let data = plottedData(graph: f.snapshot.graph), data.x < f.snapshot.values.count,
                data.y < f.snapshot.values.count,
                let xs = f.snapshot.values[data.x], let ts = f.snapshot.values[data.y]
            else { return nil }
            (x, t, regions, names) = (xs, ts, f.regions, (data.x, data.y))
        default:
            return nil
        }
        guard x.rank == 2, x.shape[1] == 2, t.count == x.shape[0] else { return nil }
        let labels = t.scalars.map { $0.isFinite && abs($0) < 1e9 ? Int($0) : -1 }
        let points = labels.indices.map { (x: x.scalars[2 * $0], y: x.scalars[2 * $0 + 1], label: labels[$0]) }
        let classes = (labels.max() ?? -1) + 1
        let title = context.words.classesTitle(
            t: name(names.t), x: name(names.x),
            legend: ClassChart.legend(classes: classes, shaded: regions != nil, ascii: context.glyphs.isASCII))
        return ClassChart(
            points: points.filter { $0.label >= 0 },
            regions: regions.map {
                ClassChart.Regions(columns: $0.columns, rows: $0.rows, classes: $0.classes, x: $0.x, y: $0.y)
            },
            title: context.text(title), theme: context.theme, glyphs: context.glyphs)
    }
}
