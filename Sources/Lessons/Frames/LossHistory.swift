/// Every loss of one graph's trainings, kept once: the frames of every run of
/// the graph (and its `@plot loss`) share it, each saying where its part ends
/// (``TrainingFrame/end``), so a run of a million iterations shown in 2,000
/// frames holds a million losses, not a billion, and a second training of the
/// graph goes on in the same storage instead of copying the first one's.
///
/// Its room is set when it is made (the iterations the lesson's trainings of
/// the graph plan), so it never moves: the one thread that plays the lesson
/// writes past every end it has handed out, while players read below them.
public final class LossHistory: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Double>
    /// The most losses it can hold.
    public let capacity: Int
    /// Losses written so far; only the playing thread reads it (frames carry their own end).
    private(set) var written = 0

    init(capacity: Int) {
        self.capacity = Swift.max(0, capacity)
        base = .allocate(capacity: Swift.max(1, self.capacity))
    }

    /// A history holding `values` (for tests and previews).
    public convenience init(_ values: [Double]) {
        self.init(capacity: values.count)
        for v in values { append(v) }
    }

    deinit { base.deallocate() }

    /// Appends a loss; false (and nothing kept) when the history is full.
    @discardableResult
    func append(_ loss: Double) -> Bool {
        guard written < capacity else { return false }
        (base + written).initialize(to: loss)
        written += 1
        return true
    }

    /// The losses `0..<end`, read in place.
    public func prefix(_ end: Int) -> Losses { Losses(history: self, count: Swift.max(0, Swift.min(end, capacity))) }

    /// A run of losses read in place from a history: what a frame shows.
    public struct Losses: RandomAccessCollection, Equatable, Sendable {
        public let history: LossHistory
        public let count: Int

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }

        /// The loss at `i`; NaN outside the run (never memory outside it).
        public subscript(i: Int) -> Double {
            guard i >= 0 && i < count else { return .nan }
            return history.base[i]
        }

        public static func == (a: Losses, b: Losses) -> Bool {
            a.count == b.count && (a.history === b.history || a.elementsEqual(b))
        }
    }
}

// Frames compare by the losses they show, not by where those are kept.
extension TrainingFrame {
    public static func == (a: TrainingFrame, b: TrainingFrame) -> Bool {
        a.iteration == b.iteration && a.iterations == b.iterations && a.loss.bitPattern == b.loss.bitPattern
            && a.losses == b.losses && a.runEnd == b.runEnd && a.parameters == b.parameters
            && a.prediction == b.prediction && a.status == b.status && a.snapshot == b.snapshot
            && a.parametersIteration == b.parametersIteration && a.byEpoch == b.byEpoch && a.tracked == b.tracked
            && a.regions == b.regions
    }
}

extension LossPlotFrame {
    public static func == (a: LossPlotFrame, b: LossPlotFrame) -> Bool {
        a.lossName == b.lossName && a.losses == b.losses && a.status == b.status && a.snapshot == b.snapshot
            && a.byEpoch == b.byEpoch
    }
}
