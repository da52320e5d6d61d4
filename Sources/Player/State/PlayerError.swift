import Lessons

/// Why a lesson cannot be opened or a place in it does not exist.
public enum PlayerError: Error, Equatable, CustomStringConvertible {
    /// There is no file at the path.
    case missing(path: String)
    /// The file could not be read as UTF-8 text.
    case unreadable(path: String)
    /// The lesson has errors (what `backstep check` prints).
    case lesson(LessonError)
    /// The lesson has no steps to show.
    case empty
    /// A step number (from 1) outside the lesson.
    case stepOutOfRange(Int, count: Int)
    /// A frame number (from 1) outside its step.
    case frameOutOfRange(Int, step: Int, count: Int)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): error: no such file"
        case .unreadable(let path): return "\(path): error: cannot read the file as UTF-8 text"
        case .lesson(let error): return error.description
        case .empty: return "the lesson has no steps"
        case .stepOutOfRange(let n, let count):
            return "step \(n) is out of range: " + PlayerError.range("this lesson has", count, "step")
        case .frameOutOfRange(let n, let step, let count):
            return "frame \(n) is out of range: " + PlayerError.range("step \(step) has", count, "frame")
        }
    }

    /// "this lesson has 11 steps (1–11)", "step 2 has 1 frame": the valid numbers, in words.
    static func range(_ owner: String, _ count: Int, _ noun: String) -> String {
        count == 1 ? "\(owner) 1 \(noun)" : "\(owner) \(count) \(noun)s (1–\(count))"
    }
}
