#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Points `x` with class labels `t`, as DeZero's `get_spiral` returns them.
public struct ClassificationData: Equatable, Sendable {
    /// The points, shape (n, features).
    public let x: Tensor
    /// The class of each point: 0, 1, 2, …
    public let labels: [Int]

    /// Pairs points with their class labels.
    public init(x: Tensor, labels: [Int]) {
        self.x = x
        self.labels = labels
    }

    /// The labels as a tensor of shape (n,), the form `softmaxCrossEntropy` takes.
    public var t: Tensor { Tensor(unchecked: [labels.count], labels.map(Double.init)) }
}

/// DeZero's `get_spiral(train)`: three interleaved spiral arms of 100 points
/// each in the plane, labelled 0, 1, 2, then shuffled.
///
/// It reseeds `generator` with 1984 for the training set or 2020 for the test
/// set, draws one normal per point for the angle's jitter, then one
/// `permutation(300)` for the order, and leaves `generator` there: step 48
/// draws its weights and its epoch orders from the same stream.
///
/// DeZero stores the points as float32, so every coordinate here is the
/// float32 nearest to the float64 one, held in a `Double`.
public func getSpiral(train: Bool = true, using generator: NumPyRandom = .global) -> ClassificationData {
    let perClass = 100
    let classes = 3
    let total = perClass * classes
    generator.seed(train ? 1984 : 2020)

    var points = [Double](repeating: 0, count: total * 2)
    var labels = [Int](repeating: 0, count: total)
    for arm in 0..<classes {
        for step in 0..<perClass {
            let rate = Double(step) / Double(perClass)
            let radius = 1.0 * rate
            let jitter = generator.randn() * 0.2
            // Summed in the order NumPy does: (4j + 4·rate) + jitter.
            let theta = Double(arm) * 4.0 + 4.0 * rate + jitter
            let row = perClass * arm + step
            points[2 * row] = Double(Float(radius * sin(theta)))
            points[2 * row + 1] = Double(Float(radius * cos(theta)))
            labels[row] = arm
        }
    }

    let order = generator.permutation(total)
    var shuffledPoints = [Double](repeating: 0, count: total * 2)
    var shuffledLabels = [Int](repeating: 0, count: total)
    for (position, source) in order.enumerated() {
        shuffledPoints[2 * position] = points[2 * source]
        shuffledPoints[2 * position + 1] = points[2 * source + 1]
        shuffledLabels[position] = labels[source]
    }
    return ClassificationData(
        x: Tensor(unchecked: [total, 2], shuffledPoints),
        labels: shuffledLabels)
}
