/// Every loss of a graph's trainings so far, kept once and shared by all the
/// frames of a run: a frame says where its part ends (``TrainingFrame/end``),
/// so a run of a million iterations shown in 2,000 frames holds a million
/// losses, not a billion.
public final class LossHistory: Equatable, Sendable {
    public let values: [Double]

    public init(_ values: [Double]) { self.values = values }

    public var count: Int { values.count }

    public static func == (a: LossHistory, b: LossHistory) -> Bool { a === b || a.values == b.values }
}
