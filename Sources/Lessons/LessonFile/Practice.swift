/// How a student works through a `@forward` or `@backward`: predicting its
/// numbers (`predict`), which nodes are worked for them (`worked=q,z`), and a
/// backward run the wrong way on purpose (`mistake=overwrite`).
public struct Practice: Equatable, Sendable {
    /// Whether the pass is practice by default: each new number shows as `?` until typed.
    public var predict = false
    /// The nodes whose numbers are worked for the student, by name; nil leaves the default
    /// (the first backward function worked, the rest asked).
    public var worked: [String]?
    /// A wrong way to run backward, shown beside the right one.
    public var mistake: Mistake?

    public init(predict: Bool = false, worked: [String]? = nil, mistake: Mistake? = nil) {
        self.predict = predict
        self.worked = worked
        self.mistake = mistake
    }
}

/// A backward run the wrong way, so a lesson can show what it gets wrong.
public enum Mistake: String, Equatable, Sendable, CaseIterable {
    /// Each share overwrites the gradient (`x.grad = gx`) instead of adding to it.
    case overwrite
    /// Functions visited as a plain stack pops them, without generations: a
    /// function can run before every share of its output's gradient has arrived.
    case order
}

/// What a `@forward` or `@backward` frame asks of a student in predict mode.
public struct FramePractice: Equatable, Sendable {
    /// Whether the lesson made this pass practice (`predict`).
    public var lessonPredicts = false
    /// Whether this frame is worked for the student; nil when the lesson left it to the default.
    public var worked: Bool?

    public init(lessonPredicts: Bool = false, worked: Bool? = nil) {
        self.lessonPredicts = lessonPredicts
        self.worked = worked
    }
}

/// A paragraph or list item tied to a frame with `{frame=N}` at its end: the
/// text shows once frame N of its step is on screen (and answered, when it asks).
enum FrameTag {
    /// The text without its tag, and the frame number (from 1) the tag names.
    static func split(_ text: String) -> (text: String, frame: Int?) {
        let chars = Array(text.trimmingCharacters(in: " \t"))
        let marker = Array("{frame=")
        guard chars.last == "}", chars.count > marker.count else { return (text, nil) }
        var start = chars.count - marker.count - 1
        while start >= 0, Array(chars[start..<(start + marker.count)]) != marker { start -= 1 }
        guard start >= 0, let n = Int(String(chars[(start + marker.count)..<(chars.count - 1)])), n >= 1,
            n <= 100_000
        else { return (text, nil) }
        return (String(chars[..<start]).trimmingCharacters(in: " \t"), n)
    }
}
