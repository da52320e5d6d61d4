import Autodiff

/// Nudging one input of a graph by ±ε: the central difference
/// (f(x + ε) − f(x − ε)) / 2ε beside the gradient backprop gives, so a student
/// can test the chain rule by hand.
public struct Nudge: Equatable, Sendable {
    /// The node nudged and its name.
    public let input: Int
    public let name: String
    /// The output's name.
    public let output: String
    public let x: Double
    public let epsilon: Double
    public let fPlus: Double
    public let fMinus: Double
    /// (f(x + ε) − f(x − ε)) / 2ε.
    public var numerical: Double { (fPlus - fMinus) / (2 * epsilon) }
    /// ∂f/∂x from a backward pass at the same values.
    public let backprop: Double
}

extension LessonTrace {
    /// The inputs and params of graph `graph` that can be nudged: scalars, in node order.
    public func nudgeable(graph: Int) -> [Int] {
        guard graphs.indices.contains(graph), let out = graphs[graph].outputNode,
            graphs[graph].nodes[out].shape.isEmpty
        else { return [] }
        return graphs[graph].nodes.filter { ($0.kind == .input || $0.kind == .param) && $0.shape.isEmpty }.map(\.id)
    }

    /// Nudges `input` of graph `graph` by ±`epsilon` at the values its block sets
    /// (before any training). Nil when the graph's output or the input is not a scalar.
    public func nudge(graph: Int, input: Int, epsilon: Double = 1e-4) -> Nudge? {
        guard nudgeable(graph: graph).contains(input), let out = graphs[graph].outputNode,
            let block = lesson.graphBlocks.first(where: { $0.index == graph })
        else { return nil }
        var interpreter = Interpreter(file: lesson.sourceFile, limits: .standard, random: NumPyRandom(seed: 0))
        interpreter.run(block.program)
        let built = interpreter.graph
        guard built.isComplete, let leaf = built.variables[input], let x = leaf.data.scalar else { return nil }
        do {
            func f(_ value: Double) throws -> Double? {
                try built.replay(replacing: [input: Variable(Tensor(value))])[out]?.data.scalar
            }
            guard let plus = try f(x + epsilon), let minus = try f(x - epsilon) else { return nil }
            for v in built.variables { v?.cleargrad() }
            guard let y = try built.replay()[out] else { return nil }
            try y.backward()
            let grad = leaf.grad?.data.scalar ?? 0
            let name = graphs[graph].nodes[input].name ?? graphs[graph].nodes[input].label
            return Nudge(
                input: input, name: name, output: graphs[graph].output ?? "f", x: x, epsilon: epsilon, fPlus: plus,
                fMinus: minus, backprop: grad)
        } catch {
            return nil
        }
    }
}
