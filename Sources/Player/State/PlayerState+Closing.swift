import Lessons

extension PlayerState {
    // MARK: - The closing screen

    /// Keys on the closing screen: Enter (and a clicker's PageDown) the next lesson, `q` the
    /// list, ← (PageUp) back to the last frame. → does nothing: a held arrow key must not run
    /// on into the next lesson.
    mutating func handleClosing(_ key: PlayerKey) -> [PlayerEffect] {
        switch key {
        case .enter, .pageDown:
            return [.nextLesson]
        case .character("q"):
            return [.quit]
        case .left, .character("h"), .character("p"), .backspace, .escape, .pageUp:
            setOverlay(.none)
            return []
        case .character("?"):
            setOverlay(.help)
            return []
        default:
            return []
        }
    }

    // MARK: - Nudging an input

    /// `d`: the next input of the graph on screen after `previous`, nudged by ±ε.
    mutating func nudge(after previous: Int?) -> [PlayerEffect] {
        guard let graph = graphOnScreen else {
            setMessage(words.noNudge)
            return [.bell]
        }
        let inputs = trace.nudgeable(graph: graph)
        let next = previous.flatMap { p in inputs.first { $0 > p } } ?? inputs.first
        guard let input = next, let nudge = trace.nudge(graph: graph, input: input) else {
            setOverlay(.none)
            setMessage(words.noNudge)
            return [.bell]
        }
        setOverlay(.nudge(nudge))
        return []
    }
}
