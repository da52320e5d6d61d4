import Autodiff

/// The passes of one training iteration for ``Trainer``: the forward that gives
/// every node its value, then the backward and the optimizer's update.
///
/// A `@train` re-runs one graph block, so every iteration applies the same
/// functions to the same shapes; only the params (and, with `batch=`, the data
/// rows) change. The first iteration of each shape is built by the plain engine,
/// as DeZero's loop builds every one; later ones replay that iteration's graph
/// (``GraphReplay``): the functions' own forward and backward on the nodes
/// already built, no node made per iteration, the same optimizer given the
/// gradients. Every loss, value and parameter is bit for bit the plain path's
/// (`TrainingReplayTests`); a graph it cannot replay stays on the plain path
/// (see ``record(_:)``).
final class TrainingPasses {
    private let graph: BuiltGraph
    private let loss: Int
    private let params: [Parameter]
    private let optimizer: Optimizer
    /// The leaves whose gradients a plain backward leaves behind, cleared before each.
    private let leaves: [Int]
    /// Whether iterations after the first of each shape replay it (false: always the plain path).
    private let replays: Bool

    /// An iteration's graph kept for replay (a class: each iteration passes it on by one reference).
    private final class Recorded {
        let replay: GraphReplay
        /// Every node's variable in that iteration, the ones whose values replay changes included.
        let variables: [Variable?]
        /// Functions that make no engine function (`accuracy`, `argmax`): applied again after the replay.
        let dataOnly: [BuiltGraph.TapeEntry]
        init(replay: GraphReplay, variables: [Variable?], dataOnly: [BuiltGraph.TapeEntry]) {
            (self.replay, self.variables, self.dataOnly) = (replay, variables, dataOnly)
        }
    }

    /// Recorded graphs by the rows of the batch (the data's rows without `batch=`); nil where
    /// the graph cannot be replayed.
    private var recorded: [Int: Recorded?] = [:]
    /// The last one found in `recorded`, and its rows: every iteration asks for it.
    private var lastFound: (rows: Int, kept: Recorded)?
    /// The iteration in progress: its variables, its batch size, and its replay if it has one.
    private var variables: [Variable?] = []
    private var rows = 0
    private var replaying: Recorded?
    /// The iterations replayed so far (the rest took the plain path).
    private(set) var replayed = 0

    init(graph: BuiltGraph, loss: Int, optimizer: Optimizer, replays: Bool) {
        self.graph = graph
        self.loss = loss
        self.optimizer = optimizer
        self.replays = replays
        params = graph.parameters.compactMap { graph.variables[$0] as? Parameter }
        leaves = graph.records.indices.filter {
            graph.records[$0].kind != .function && graph.records[$0].kind != .intermediate
        }
    }

    /// Evaluates every node for this iteration.
    /// - Parameters:
    ///   - batch: leaves given other values (a mini-batch's rows), by node.
    ///   - rows: the batch's rows: iterations of one size share a graph.
    /// - Returns: every node's variable (nil for functions).
    func forward(batch: [Int: Tensor] = [:], rows: Int = 0) throws -> [Variable?] {
        self.rows = rows
        replaying = nil
        if replays, let kept = replay(rows: rows) {
            for (id, rows) in batch { kept.variables[id]?.data = rows }
            try kept.replay.forward()
            for entry in kept.dataOnly {
                let inputs = entry.inputs.compactMap { kept.variables[$0] }
                kept.variables[entry.output]?.data = try entry.operation.apply(inputs).data
            }
            replaying = kept
            replayed += 1
            variables = kept.variables
        } else {
            variables = try graph.replay(replacing: batch.mapValues { Variable($0) })
        }
        return variables
    }

    /// The graph recorded for batches of `rows`, if there is one to replay.
    private func replay(rows: Int) -> Recorded? {
        if let lastFound, lastFound.rows == rows { return lastFound.kept }
        guard let kept = recorded[rows], let kept else { return nil }
        lastFound = (rows, kept)
        return kept
    }

    /// Backpropagates from the loss of the last ``forward(batch:rows:)`` and updates the params.
    func backwardAndUpdate() throws {
        if let replaying {
            try optimizer.update(params, grads: try replaying.replay.backward())
            return
        }
        guard let y = variables[loss] else { return }
        for id in leaves { graph.variables[id]?.cleargrad() }
        try y.backward()
        try optimizer.update(params)
        if replays, recorded[rows] == nil {
            recorded[rows] = .some(record(variables))
            for id in leaves { graph.variables[id]?.cleargrad() }
        }
    }

    /// The replay of one iteration's graph, or nil (the plain path then goes on) when
    /// - the loss was made by no function (a graph of one leaf: nothing to replay), or
    /// - a data-only function's output (`accuracy`, `argmax`: computed outside the engine's
    ///   functions) is read by another node: the replay computes the functions' values in
    ///   one pass, so it could not put that value in between.
    private func record(_ variables: [Variable?]) -> Recorded? {
        guard let y = variables[loss] else { return nil }
        var dataOnly: [BuiltGraph.TapeEntry] = []
        var outputs: [Variable] = []
        for entry in graph.tape {
            guard let v = variables[entry.output] else { return nil }
            if v.creator != nil {
                outputs.append(v)
            } else if !entry.inputs.contains(where: { variables[$0] === v }) {
                dataOnly.append(entry)
            }
        }
        let read = Set(graph.tape.flatMap(\.inputs))
        guard dataOnly.allSatisfy({ !read.contains($0.output) }) else { return nil }
        guard let replay = GraphReplay(outputs: outputs, loss: y, leaves: params) else { return nil }
        return Recorded(replay: replay, variables: variables, dataOnly: dataOnly)
    }
}
