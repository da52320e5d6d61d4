/// The English words of predict mode, questions and the closing screen, in one
/// place so a catalogue of translations can take them over.
enum PredictWords {
    static let predictOn = "predict mode on: type each new number, Enter checks it (P turns it off)"
    static let predictOff = "predict mode off: the numbers show as you step (P turns it on)"
    /// "type ∂f/∂x, then Enter"; nil names the question's answer.
    static func prompt(_ label: String?, again: Bool) -> String {
        (again ? "try again: type " : "type ") + (label ?? "your answer") + ", then Enter"
    }
    static let revealKey = "v shows it"
    static let answering = "Enter checks, Esc leaves"
    static let right = "right"
    static let notQuite = "not quite"
    static let answerIs = "the answer is"
    static let revealed = "shown"
    static let worked = "worked for you: watch this one, the next numbers are yours"
    static let stepOnAnyway = "→ steps on"
    static func couldNotRead(_ text: String) -> String { "could not read \u{201C}\(text)\u{201D}: type a number like -0.3, 3/10 or -4*1" }
    static func ambiguous(_ text: String) -> String { "could not read \u{201C}\(text)\u{201D}: is the comma a decimal point? write 1.5 or 1000" }
    static let noQuestion = "nothing to answer on this frame"
    static let closingTitle = "lesson done"
    static let covered = "What this lesson covered:"
    static func score(_ s: Score) -> String {
        s.asked == 0
            ? "You answered no questions this time (P turns on predict mode)."
            : "Right at the first try: **\(s.right) of \(s.asked)**."
    }
    static let nextKeys = "**Enter** next lesson · **q** lesson list · **←** back to the last frame"
    static let nextKeysNoList = "**Enter** next lesson · **q** quit · **←** back to the last frame"
    static let nudgeTitle = "nudge an input"
    static let nudgeKeys = "**d** next input · **Esc** closes"
    static let noNudge = "nothing to nudge here: the graph's output or inputs are not single numbers"
}
