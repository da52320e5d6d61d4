/// The largest lesson the tools accept: every limit is an error that names it,
/// so that no file, however large or strange, can hang or exhaust the machine.
public struct Limits: Equatable, Sendable {
    /// Bytes in one file.
    public var fileBytes = 1_000_000
    /// Steps (`## ` headings) in one lesson.
    public var steps = 500
    /// Graph programs in one lesson.
    public var graphs = 100
    /// Nodes (variables and functions) in one graph.
    public var nodes = 2_000
    /// How deeply brackets, operators and tensor literals may nest.
    public var nestingDepth = 100
    /// Elements in one tensor.
    public var tensorElements = 4_000_000
    /// Element operations one graph may cost to build (forward and backward), so
    /// that a product of two huge matrices is refused before it starts.
    public var graphWork = 1_000_000_000
    /// Iterations of one `@train`.
    public var iterations = 1_000_000
    /// Training frames one `@train` may produce (iters / every).
    public var trainingFrames = 2_000
    /// Element operations one `@train` may cost (iterations × work per iteration).
    public var trainingWork = 20_000_000_000
    /// Iterations of all the `@train`s of one lesson together (their losses are kept).
    public var lessonIterations = 2_000_000
    /// Element operations of all the `@train`s of one lesson together.
    public var lessonTrainingWork = 40_000_000_000
    /// Elements `@check` may probe with central differences.
    public var checkElements = 10_000

    public init() {}

    /// The limits `backstep` uses.
    public static let standard = Limits()
}
