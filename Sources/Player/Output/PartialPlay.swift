import Lessons

extension PlayerState {
    /// Opens the lesson at `path` played only as far as its first `steps` steps:
    /// what `backstep render --step N` needs, so showing step 1 of a lesson whose
    /// step 8 trains for thousands of iterations trains nothing. Later steps run
    /// with their training stopped at once and are then left out; an error in them
    /// does not stop the steps before from showing (`backstep check` finds it).
    /// - Throws: ``PlayerError`` when the file cannot be read, or the lesson fails
    ///   before `steps` steps were played.
    public init(path: String, playingSteps steps: Int) throws(PlayerError) {
        let text = try LessonText(path: path)
        final class Capture: @unchecked Sendable {
            var trace: LessonTrace?
        }
        let capture = Capture()
        let wanted = Swift.max(steps, 1)
        let result = PlayRequest(text: text, purpose: .open).run(
            shouldStop: { capture.trace != nil },
            onStep: { partial in
                if capture.trace == nil, partial.steps.count >= wanted || partial.isComplete { capture.trace = partial }
            })
        if let partial = capture.trace, !partial.steps.isEmpty {
            self.init(trace: partial, text: text)
            return
        }
        switch result {
        case .success(let trace): self.init(trace: trace, text: text)
        case .failure(let error): throw error
        }
    }
}
