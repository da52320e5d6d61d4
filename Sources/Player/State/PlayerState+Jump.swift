extension PlayerState {
    /// Goes to the first frame of step `number` (from 1), as typing the number and Enter
    /// would (a step still being played is waited for), whatever was being typed:
    /// the presenter's step list jumps with it.
    public mutating func jump(toStep number: Int) -> [PlayerEffect] {
        setInput(.stepNumber(String(number)))
        return handle(.enter)
    }
}
