/// A line starting with `@` that says what a step does.
public struct Directive: Equatable, Sendable {
    /// What the directive does, with its options resolved (defaults filled in).
    public enum Kind: Equatable, Sendable {
        /// `@forward`: evaluate the current graph one function at a time.
        case forward
        /// `@backward [NAME]`: backpropagate from NAME (default: the graph's output).
        case backward(target: String?)
        /// `@train LOSS …`: gradient descent on the graph's params.
        case train(TrainingOptions)
        /// `@plot loss`: the loss history of the last `@train`.
        case plotLoss
        /// `@plot data X Y [fit=Y_PRED]`: the data as points, and the model's prediction.
        case plotData(x: String, y: String, fit: String?)
        /// `@plot regions M`: the decision regions of a layer or model under the points by class.
        case plotRegions(model: String)
        /// `@ask "QUESTION" answer=VALUE …`.
        case ask(Question)
        /// `@check [NAMES…] [tolerance=…]`: numerical against analytic gradients.
        case check(names: [String], tolerance: Double)
        /// `@note TEXT`: speaker notes, not shown to students.
        case note(String)
        /// `@output NAME`: the graph's output for `eval` and a bare `@backward`.
        case output(String)
    }

    public let kind: Kind
    /// Where the `@` is.
    public let location: SourceLocation
    /// Where each argument is (by option or role name), for errors found later.
    let argumentLocations: [String: SourceLocation]
    /// The parsed answer of an `@ask`.
    let answer: Expr?
    /// `predict`, `worked=` and `mistake=` of a `@forward` or `@backward`.
    public var practice = Practice()
    /// False for `@backward … cleargrads=no`: the gradients the params and inputs
    /// already hold are kept, and this backward adds to them, as DeZero does
    /// when `cleargrads()` is not called between two backwards.
    public var clearsGrads = true

    /// The directive's name, like `train`.
    public var name: String {
        switch kind {
        case .forward: return "forward"
        case .backward: return "backward"
        case .train: return "train"
        case .plotLoss, .plotData, .plotRegions: return "plot"
        case .ask: return "ask"
        case .check: return "check"
        case .note: return "note"
        case .output: return "output"
        }
    }

    /// Where argument `role` was written, or the directive itself.
    func location(of role: String) -> SourceLocation { argumentLocations[role] ?? location }
}

/// The options of `@train`.
public struct TrainingOptions: Equatable, Sendable {
    /// The optimizers `@train` offers.
    public enum Optimizer: String, Equatable, Sendable, CaseIterable {
        case sgd, momentum, adam
    }

    /// The name of the scalar to minimise.
    public var loss: String
    public var optimizer: Optimizer = .sgd
    /// The learning rate (Adam's alpha).
    public var learningRate: Double
    public var iterations: Int = 100
    /// One training frame every this many iterations.
    public var every: Int
    /// MomentumSGD's momentum.
    public var momentum: Double = 0.9
    public var beta1: Double = 0.9
    public var beta2: Double = 0.999
    public var eps: Double = 1e-8
    /// Passes over the data (`epochs=`); nil when training counts iterations.
    public var epochs: Int? = nil
    /// Rows per mini-batch (`batch=`), drawn in a new random order each epoch as step 48 does.
    public var batch: Int? = nil
    /// A one-number name shown beside the loss (`track=acc`; `track=accuracy` for the loss's scores).
    public var track: String? = nil
}

/// An `@ask` question: the student types a number.
public struct Question: Equatable, Sendable {
    public var text: String
    /// The answer as written: a number or an expression such as `x.grad`.
    public var answerText: String
    /// The largest accepted |typed − answer|.
    public var tolerance: Double
    /// Shown after a wrong answer.
    public var hint: String?
    /// Shown after a right answer (`why=`): the reason it is right.
    public var why: String? = nil
}
