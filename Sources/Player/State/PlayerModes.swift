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

/// The fields `e` offers and the one being typed.
public struct EditSession: Equatable, Sendable {
    public var fields: [EditField]
    /// The field being edited, an index into `fields`.
    public var selected: Int
    /// What the student has typed for the selected field so far.
    public var text: String

    public var field: EditField? { fields.indices.contains(selected) ? fields[selected] : nil }
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

    public init() {}
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
