import Autodiff

/// A model's decision regions over a rectangle of the plane: the class it
/// gives each point of a grid, row 0 at the top (the largest y).
public struct RegionGrid: Equatable, Sendable {
    public let columns: Int
    public let rows: Int
    public let classes: [Int]
    public let x: ClosedRange<Double>
    public let y: ClosedRange<Double>
}

/// What `@plot data X T fit=M` asks for: points `x` (N, 2) by class, and the
/// regions of the declared layer or model `M`.
struct RegionPlan {
    let model: String
    let layer: DeclaredLayer
    let x: Int

    static let columns = 64
    static let rows = 32

    /// The grid over the data's extent (with a margin), classified by the model
    /// with the parameter values `value(path)` (those of a training frame, or the current ones).
    func regions(points: Tensor, value: (String) -> Tensor?) throws -> RegionGrid? {
        guard points.rank == 2, points.shape[1] == 2, points.shape[0] > 0 else { return nil }
        let xs = stride(from: 0, to: points.count, by: 2).map { points.scalars[$0] }.filter(\.isFinite)
        let ys = stride(from: 1, to: points.count, by: 2).map { points.scalars[$0] }.filter(\.isFinite)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        let mx = Swift.max(x1 - x0, 1e-9) * 0.05
        let my = Swift.max(y1 - y0, 1e-9) * 0.05
        let xRange = (x0 - mx)...(x1 + mx)
        let yRange = (y0 - my)...(y1 + my)
        let (columns, rows) = (RegionPlan.columns, RegionPlan.rows)
        var grid: [Double] = []
        grid.reserveCapacity(columns * rows * 2)
        for r in 0..<rows {
            for c in 0..<columns {
                grid.append(
                    xRange.lowerBound + (Double(c) + 0.5) / Double(columns) * (xRange.upperBound - xRange.lowerBound))
                grid.append(
                    yRange.upperBound - (Double(r) + 0.5) / Double(rows) * (yRange.upperBound - yRange.lowerBound))
            }
        }
        let scores: Tensor? = try Config.withNoGrad {
            var h = Variable(try Tensor(shape: [columns * rows, 2], scalars: grid))
            let parts = layer.linears(under: model)
            for (i, part) in parts.enumerated() {
                guard let W = value(part.path + ".W") else { return nil }
                let b = part.layer.b == nil ? nil : value(part.path + ".b").map { Variable($0) }
                h = try linear(h, Variable(W), b)
                if case .mlp(_, let activation) = layer, i < parts.count - 1 { h = try activation.apply([h]) }
            }
            return h.data
        }
        guard let scores, scores.rank == 2, scores.shape[0] == columns * rows else { return nil }
        let classes = try argmax(Variable(scores), axis: 1).data.scalars.map { Int($0) }
        return RegionGrid(columns: columns, rows: rows, classes: classes, x: xRange, y: yRange)
    }
}

extension LessonRunner {
    /// The regions a `@plot data X T fit=M` after this graph asks for, when M is a layer or model.
    func regionPlan(for session: GraphSession) -> RegionPlan? {
        guard let fit = fitName(for: session), let layer = session.interpreter.layers[fit],
            let data = classData(in: session), let x = session.node(named: data.x)
        else { return nil }
        return RegionPlan(model: fit, layer: layer, x: x)
    }

    /// The points by class of the current graph: those of its first `@plot data X T`
    /// with X of shape (N, 2), else its first `data` of shape (N, 2) and the first with N labels.
    func classData(in session: GraphSession) -> (x: String, t: String)? {
        let records = session.built.records
        func isPair(_ x: Int, _ t: Int) -> Bool {
            let shape = records[x].shape
            return shape.count == 2 && shape[1] == 2 && elementCount(records[t].shape) == shape[0] && x != t
        }
        var current: Int?
        for block in lesson.steps.flatMap(\.blocks) {
            switch block {
            case .graph(let g): current = g.index
            case .directive(let d):
                if current == session.block.index, case .plotData(let x, let t, _) = d.kind,
                    let xi = session.node(named: x), let ti = session.node(named: t), isPair(xi, ti)
                {
                    return (x, t)
                }
            case .prose: break
            }
        }
        let data = session.built.names.filter { $0.kind == .data }
        for x in data {
            if let t = data.first(where: { isPair(x.node, $0.node) }) { return (x.name, t.name) }
        }
        return nil
    }

    /// `@plot regions M`: the points by class of the current graph over M's decision regions.
    func plotRegions(_ directive: Directive, model: String) -> [Frame] {
        guard let session = requireGraph(for: directive) else { return [] }
        guard session.interpreter.layers[model] != nil else {
            report(
                directive.location(of: "model"),
                "'\(model)' is not a layer or model of this lesson (@plot regions)\(didYouMean(model, Array(session.interpreter.layers.keys)))"
            )
            return []
        }
        guard let data = classData(in: session) else {
            report(
                directive.location,
                "@plot regions needs points by class: data of shape (N, 2) and N labels, like data x, t = spiral()")
            return []
        }
        return plotClasses(directive, x: data.x, y: data.t, fit: model) ?? []
    }
}

extension LessonRunner {
    /// `@plot data X T [fit=M]` with X of shape (N, 2) and N labels T: the points
    /// by class, over the regions of the layer or model M. Nil when X and T are
    /// not such a pair (an ordinary `@plot data`).
    func plotClasses(_ directive: Directive, x: String, y: String, fit: String?) -> [Frame]? {
        guard let session = currentSession, session.isUsable, let xId = session.node(named: x),
            let yId = session.node(named: y)
        else { return nil }
        let records = session.built.records
        let shape = records[xId].shape
        guard shape.count == 2, shape[1] == 2, elementCount(records[yId].shape) == shape[0] else { return nil }
        var plan: RegionPlan?
        if let fit {
            guard let layer = session.interpreter.layers[fit] else {
                report(
                    directive.location(of: "fit"),
                    "for points by class, fit= names a layer or model, whose decision regions are drawn\(didYouMean(fit, Array(session.interpreter.layers.keys)))"
                )
                return []
            }
            plan = RegionPlan(model: fit, layer: layer, x: xId)
        }
        guard mode == .play else { return [] }
        func value(_ id: Int) -> NodeValue {
            NodeValue(node: id, label: records[id].label, value: session.value(id) ?? Tensor(0))
        }
        var frame = DataPlotFrame(
            x: value(xId), y: value(yId), fit: nil, snapshot: session.snapshot(focus: [xId, yId]))
        if let plan, let points = session.value(xId) {
            frame.regions = try? plan.regions(points: points) { path in
                session.node(named: path).flatMap { session.value($0) } ?? self.currentValue(path, plan)
            }
        }
        return [.dataPlot(frame)]
    }

    /// A layer's parameter by path when the current graph has no node for it (it was not called here).
    private func currentValue(_ path: String, _ plan: RegionPlan) -> Tensor? {
        for (prefix, layer) in plan.layer.linears(under: plan.model) {
            if path == prefix + ".W" { return layer.inSize == nil ? nil : layer.W.data }
            if path == prefix + ".b" { return layer.b?.data }
        }
        return nil
    }
}
