import Autodiff

/// What the screen shows at one moment of a step. A step plays as a list of
/// frames; stepping back is showing the previous frame, nothing is undone.
public enum Frame: Equatable, Sendable {
    /// The graph as it stands (or no graph): a step of prose.
    case still(GraphSnapshot?)
    case forward(ForwardFrame)
    case backward(BackwardFrame)
    case training(TrainingFrame)
    case lossPlot(LossPlotFrame)
    case dataPlot(DataPlotFrame)
    case ask(AskFrame)
    case check(CheckFrame)

    /// The state of the whole graph at this frame, for drawing it.
    public var snapshot: GraphSnapshot? {
        switch self {
        case .still(let s): return s
        case .forward(let f): return f.snapshot
        case .backward(let f): return f.snapshot
        case .training(let f): return f.snapshot
        case .lossPlot(let f): return f.snapshot
        case .dataPlot(let f): return f.snapshot
        case .ask(let f): return f.snapshot
        case .check(let f): return f.snapshot
        }
    }

    /// `forward`, `backward`, `training`, …: the kind as `frames --json` names it.
    public var kind: String {
        switch self {
        case .still: return "still"
        case .forward: return "forward"
        case .backward: return "backward"
        case .training: return "training"
        case .lossPlot: return "loss_plot"
        case .dataPlot: return "data_plot"
        case .ask: return "ask"
        case .check: return "check"
        }
    }
}

/// Which values and gradients of a graph are known at a frame.
///
/// Arrays are indexed by node id (``GraphNode/id``); function nodes are always
/// nil. Tensors share storage between frames, so a snapshot costs little.
public struct GraphSnapshot: Equatable, Sendable {
    /// The index of the graph in ``LessonTrace/graphs``.
    public let graph: Int
    /// Each variable's value once computed (leaves from the start).
    public let values: [Tensor?]
    /// Each variable's gradient once backward has reached it (never for data and constants).
    public let grads: [Tensor?]
    /// Nodes to highlight: the function at work, its inputs and output.
    public let focus: [Int]

    public init(graph: Int, values: [Tensor?], grads: [Tensor?], focus: [Int]) {
        self.graph = graph
        self.values = values
        self.grads = grads
        self.focus = focus
    }
}

/// A tensor with the node and name it belongs to.
public struct NodeValue: Equatable, Sendable {
    public let node: Int
    /// The name, the literal, or an empty string for an unnamed intermediate.
    public let label: String
    public let value: Tensor
}

/// One function evaluated on the way forward.
public struct ForwardFrame: Equatable, Sendable {
    /// This function's position among the graph's functions, from 0.
    public let index: Int
    public let count: Int
    /// The function node.
    public let function: Int
    /// `+`, `×`, `σ`, `matmul`…
    public let label: String
    public let inputs: [NodeValue]
    public let output: NodeValue
    public let snapshot: GraphSnapshot
    /// Whether the lesson makes this frame a prediction, and whether it is worked.
    public internal(set) var practice = FramePractice()
}

/// One function's backward: upstream × local = downstream, for each input.
public struct BackwardFrame: Equatable, Sendable {
    /// This function's position in the backward order, from 0.
    public let index: Int
    public let count: Int
    public let function: Int
    public let label: String
    /// The output variable, whose gradient arrives from above.
    public let output: Int
    /// The gradient of the output (`gy`).
    public let upstream: Tensor
    public let inputs: [BackwardInput]
    public let snapshot: GraphSnapshot
    /// Whether the lesson makes this frame a prediction, and whether it is worked.
    public internal(set) var practice = FramePractice()
    /// The same backward run the wrong way (`mistake=`), when the lesson shows one.
    public internal(set) var wrongWay: WrongWay?
}

/// What one input of a function receives during backward.
public struct BackwardInput: Equatable, Sendable {
    public let node: Int
    public let label: String
    /// The local derivative as text, like `∂y/∂x = cos(x)` or `gW = xᵀ · gy`.
    public let derivativeText: String
    /// The local derivative's value for element-wise functions; nil otherwise (matmul, sum…).
    public let local: Tensor?
    /// upstream × local, element by element, when `local` is known (before any sum_to).
    public let product: Tensor?
    /// The gradient this function sends to the input (`gx`, in the input's shape).
    public let gradient: Tensor
    /// The input's gradient before this step, when it already had one.
    public let previous: Tensor?
    /// The input's gradient after this step: `previous + gradient`, or `gradient`.
    public let total: Tensor
    /// Whether `gradient` was added (`+=`) to a gradient already there.
    public let accumulated: Bool
    /// False for data and constants: the engine computes their share, the lesson ignores it.
    public let receivesGradient: Bool
}

/// Where a training run stands.
public enum TrainingStatus: Equatable, Sendable {
    case running
    /// Every iteration ran.
    case finished
    /// The loss became NaN or infinite at this iteration; training stopped there.
    case diverged(iteration: Int)
    /// The caller asked to stop (a key press, a closed window) at this iteration.
    case stopped(iteration: Int)
}

/// One moment of training.
public struct TrainingFrame: Equatable, Sendable {
    /// The iteration (from 0); equal to the iteration count for the final frame.
    public let iteration: Int
    public let iterations: Int
    /// The loss at this iteration, before its update (for the final frame: the last iteration's).
    public let loss: Double
    /// The losses of the graph's trainings, shared by every frame of every run of
    /// the graph (and holding the losses of later iterations than this frame's).
    public let history: LossHistory
    /// How many of `history`'s losses this frame has seen.
    public let end: Int
    /// Where this run's losses end in `history` (an animation may pass up to it).
    public let runEnd: Int
    /// The loss of every iteration so far (earlier trainings of the graph first).
    public var losses: LossHistory.Losses { history.prefix(end) }
    /// Each param's value at this iteration.
    public let parameters: [NodeValue]
    /// The model's prediction, when a later `@plot data … fit=NAME` names one.
    public let prediction: NodeValue?
    public let status: TrainingStatus
    public let snapshot: GraphSnapshot
    /// Set on a frame shown between two recorded ones (an animation passing
    /// through the run): the iteration whose parameters, fit and graph it shows.
    public var parametersIteration: Int? = nil
    /// Whether `iteration` counts epochs (`@train epochs=`), the losses being each epoch's.
    public var byEpoch = false
    /// The `track=` value at this iteration, shown beside the loss.
    public var tracked: TrackedNumber? = nil
    /// The decision regions at this iteration, when a later `@plot data X T fit=M` names a model.
    public var regions: RegionGrid? = nil

    public init(
        iteration: Int, iterations: Int, loss: Double, history: LossHistory, end: Int, runEnd: Int,
        parameters: [NodeValue], prediction: NodeValue?, status: TrainingStatus, snapshot: GraphSnapshot
    ) {
        self.iteration = iteration
        self.iterations = iterations
        self.loss = loss
        self.history = history
        self.runEnd = Swift.max(0, Swift.min(runEnd, history.capacity))
        self.end = Swift.max(0, Swift.min(end, self.runEnd))
        self.parameters = parameters
        self.prediction = prediction
        self.status = status
        self.snapshot = snapshot
    }

    /// This frame as an animation passing through `iteration` of the same run
    /// shows it: the loss and the loss history at `iteration`, taken from the
    /// run's shared history, with this frame's parameters, fit and graph
    /// (``parametersIteration`` says which).
    /// Nil when the run does not reach `iteration` or `iteration` is before this frame.
    public func passing(iteration: Int) -> TrainingFrame? {
        // The history may begin with earlier trainings of the same graph: this run starts after them.
        let start = end - self.iteration - 1
        let end = start + iteration + 1
        guard iteration >= self.iteration, start >= 0, end <= runEnd, iteration < iterations else {
            return nil
        }
        var frame = TrainingFrame(
            iteration: iteration, iterations: iterations, loss: history.prefix(end)[end - 1], history: history,
            end: end, runEnd: runEnd, parameters: parameters, prediction: prediction, status: .running,
            snapshot: snapshot)
        frame.parametersIteration = parametersIteration ?? self.iteration
        frame.byEpoch = byEpoch
        frame.regions = regions
        return frame
    }
}

/// A named number followed during training, such as the accuracy.
public struct TrackedNumber: Equatable, Sendable {
    public let name: String
    public let value: Double
}

/// The loss history of the last training, as a chart.
public struct LossPlotFrame: Equatable, Sendable {
    public let lossName: String
    /// The history the training frames of the graph share.
    public let history: LossHistory
    /// How many of its losses there are by this plot.
    public let end: Int
    public var losses: LossHistory.Losses { history.prefix(end) }
    public let status: TrainingStatus
    public let snapshot: GraphSnapshot?
    /// Whether the losses are each epoch's (`@train epochs=`).
    public var byEpoch = false
}

/// Data points, and the model's prediction over them.
public struct DataPlotFrame: Equatable, Sendable {
    public let x: NodeValue
    public let y: NodeValue
    public let fit: NodeValue?
    public let snapshot: GraphSnapshot?
    /// With points by class and `fit=` a model: its decision regions.
    public var regions: RegionGrid? = nil
}

/// A question for the student.
public struct AskFrame: Equatable, Sendable {
    public let question: Question
    /// The answer's value (evaluated when the answer is an expression).
    public let answer: Double
    public let snapshot: GraphSnapshot?

    /// Whether `typed` is within the tolerance of the answer.
    public func accepts(_ typed: Double) -> Bool {
        typed.isFinite && abs(typed - answer) <= question.tolerance
    }
}

/// Numerical against analytic gradients for some leaves.
public struct CheckFrame: Equatable, Sendable {
    public let results: [GradientComparison]
    public let tolerance: Double
    public let snapshot: GraphSnapshot?

    public var passed: Bool { results.allSatisfy(\.passed) }
}

/// One leaf's gradient from backprop and from central differences.
public struct GradientComparison: Equatable, Sendable {
    public let node: Int
    public let name: String
    public let analytic: Tensor
    public let numerical: Tensor
    /// The largest |analytic − numerical| / max(1, |numerical|).
    public let maxError: Double
    public let passed: Bool
}
