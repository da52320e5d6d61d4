import Foundation
import Lessons

/// How much each variable box says (`z` cycles it).
public enum Detail: String, CaseIterable, Equatable, Sendable {
    /// Name, value, and the gradient once backward has reached it.
    case values
    /// Name and gradient only: the backward pass without the clutter.
    case gradients
    /// Name and shape only: the structure of a big graph.
    case shapes

    /// The next level, wrapping around.
    public var next: Detail {
        let all = Detail.allCases
        let i = all.firstIndex(of: self) ?? 0
        return all[(i + 1) % all.count]
    }
}

/// A box drawn over the screen.
public enum PlayerOverlay: Equatable, Sendable {
    case none
    /// The keys (`?`).
    case help
    /// Reopening a lesson: resume at this place (Enter) or start again (Esc)?
    case resume(FrameRef)
    /// After the last frame: what the lesson covered, the score, Enter for the next lesson.
    case closing
    /// `d`: one input nudged by ±ε, the numerical gradient beside backprop's.
    case nudge(Nudge)
    /// `.` or `B`: an empty screen, so the room looks at the teacher; any key brings the lesson back.
    case blank
}

/// What typed characters go to.
public enum InputMode: Equatable, Sendable {
    /// Keys move through the lesson.
    case none
    /// Digits typed towards a step number (Enter jumps there).
    case stepNumber(String)
    /// An answer to the question on screen (Enter checks it).
    case answer(String)
    /// Editing a value of the lesson (Enter applies and recomputes).
    case edit(EditSession)
}

/// The fields `e` offers, what is typed in each, and the one being typed.
///
/// Every field keeps what was typed in it while Tab moves between them (lr = 10,
/// then iters = 50), and Enter recomputes with all of them.
public struct EditSession: Equatable, Sendable {
    public var fields: [EditField]
    /// The field being edited, an index into `fields`.
    public var selected: Int
    /// What each field holds now: its current value until something is typed in it.
    public var values: [String]

    public init(fields: [EditField], selected: Int = 0) {
        self.fields = fields
        self.selected = selected
        values = fields.map(\.current)
    }

    public var field: EditField? { fields.indices.contains(selected) ? fields[selected] : nil }

    /// What the selected field holds.
    public var text: String {
        get { values.indices.contains(selected) ? values[selected] : "" }
        set { if values.indices.contains(selected) { values[selected] = newValue } }
    }

    /// The fields whose value was changed, with the new value (trimmed, `−` read as `-`).
    public var changes: [(field: EditField, value: String)] {
        zip(fields, values).compactMap { field, typed in
            let value = typed.replacingOccurrences(of: "−", with: "-").trimmingCharacters(in: .whitespaces)
            return value.isEmpty || value == field.current ? nil : (field, value)
        }
    }
}

/// Where a question stands after the student typed or the teacher revealed.
public struct AnswerState: Equatable, Sendable {
    /// The last answer checked, if any.
    public var lastValue: Double?
    /// Whether `lastValue` was within the tolerance.
    public var lastWasRight = false
    /// Whether the real value is on screen (answered right, or `v`).
    public var revealed = false
    /// Answers checked so far.
    public var attempts = 0
    /// Set when the text checked was not a number.
    public var notANumber = false
    /// The text that could not be read, to say so ("could not read …").
    public var unreadable: String?
    /// Whether the first answer checked was right (the score counts these).
    public var firstTryRight = false
    /// What the last wrong answer got wrong, when it can be told.
    public var mistake: AnswerMistake?

    public init() {}
}

/// What a wrong answer got wrong, as far as the numbers tell.
public enum AnswerMistake: Equatable, Sendable {
    /// The right size with the wrong sign.
    case signFlipped
    /// The upstream gradient alone, not multiplied by the local one.
    case upstreamAlone
    /// The local gradient alone, not multiplied by upstream.
    case localAlone
    /// Upstream times the local gradient of another input.
    case wrongPair
    /// The new share alone: not added to the gradient already there.
    case shareNotAdded
    /// The gradient already there: the new share not added.
    case oldTotal
    /// One of several shares, not their sum.
    case oneShare
    /// Nothing the numbers tell: the chain rule with one factor left to fill in.
    case unknown
}

/// Predicted and asked numbers answered so far: right at the first try, out of those asked.
public struct Score: Equatable, Sendable, Codable {
    public var right: Int
    public var asked: Int

    public init(right: Int = 0, asked: Int = 0) {
        self.right = right
        self.asked = asked
    }
}

/// A predicted number of a frame: the frame and the blank's position in it.
public struct BlankRef: Hashable, Sendable {
    public let frame: FrameRef
    public let index: Int
}

/// A frame by its step and position: the key for per-frame state such as answers.
public struct FrameRef: Hashable, Sendable {
    public let step: Int
    public let frame: Int

    public init(step: Int, frame: Int) {
        self.step = step
        self.frame = frame
    }
}
