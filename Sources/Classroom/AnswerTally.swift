import Foundation

/// How the class answered one question: who answered, and the answers grouped.
public struct AnswerTally: Equatable, Sendable {
    /// One distinct answer and how many gave it.
    public struct Bin: Equatable, Sendable {
        /// The answer as shown (the number as the student would read it back).
        public let text: String
        public let count: Int
        /// Whether the question accepts this answer.
        public let isRight: Bool
    }

    /// Students connected now.
    public let students: Int
    /// Students who answered this question (their last answer counts).
    public let answered: Int
    /// The answers, most given first (right ones first among equals).
    public let bins: [Bin]

    /// Groups each student's last answer; `accepts` says which are right.
    init(students: Int, answers: [Double], accepts: (Double) -> Bool) {
        self.students = students
        answered = answers.count
        var counts: [String: (count: Int, right: Bool)] = [:]
        for value in answers {
            let text = Self.text(value)
            let right = accepts(value)
            let old = counts[text] ?? (0, false)
            counts[text] = (old.count + 1, old.right || right)
        }
        bins = counts.map { Bin(text: $0.key, count: $0.value.count, isRight: $0.value.right) }
            .sorted { ($0.count, $0.isRight ? 1 : 0, $1.text) > ($1.count, $1.isRight ? 1 : 0, $0.text) }
    }

    /// A number in at most 6 significant digits, without a trailing `.0`.
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }
}
