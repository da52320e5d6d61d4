extension TmuxSession {
    /// Waits until the lesson opened in this session has played every step (training included) and shows
    /// step 1: the status line speaks the lesson's language, `step 1/…` or `단계 1/…`.
    func waitUntilLessonReady(timeout: Double = 60) throws {
        try waitUntil("the lesson to finish playing", timeout: timeout) { lines in
            lines.last.map {
                ($0.contains("step 1/") || $0.contains("단계 1/"))
                    && !$0.contains("playing the lesson") && !$0.contains("단원 계산 중")
            } ?? false
        }
    }
}
