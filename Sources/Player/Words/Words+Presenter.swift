/// The words of the presenter's view (`backstep present`).
extension Words {
    func presenterTitle(_ lesson: String) -> String { pick("Presenter · \(lesson)", "발표자 화면 · \(lesson)") }
    var stepsTitle: String { pick("steps", "단계") }
    var notesTitle: String { pick("notes", "메모") }
    var noNotes: String { pick("no notes for this step", "이 단계에는 메모가 없습니다") }
    var lastFrame: String { pick("the last frame", "마지막 장면입니다") }
    func nextFrame(step: Int, frame: Int) -> String {
        pick("next: step \(step), frame \(frame)", "다음: \(step)단계, 장면 \(frame)")
    }
    func presenterKeys(arrows: String) -> String {
        pick("\(arrows) frame  [ ] step  ↑ ↓ Enter jump  q quit", "\(arrows) 장면  [ ] 단계  ↑ ↓ Enter 이동  q 종료")
    }
    /// While no player listens.
    public func waitingForPlayer(_ socket: String) -> String {
        pick(
            "Waiting for the player: open the lesson with `backstep LESSON` in the projected terminal.\n\nLink: \(socket)\n\nq quits.",
            "플레이어를 기다리는 중입니다. 프로젝터에 띄운 터미널에서 `backstep 단원` 으로 단원을 여세요.\n\n연결: \(socket)\n\nq 종료.")
    }
}

/// `backstep present`'s help and messages.
extension CommandWords {
    public var present: String {
        words.pick(
            "Follow the projected player from a second terminal: step list, notes, next frame, timer.",
            "두 번째 터미널에서 프로젝터에 띄운 플레이어를 따라갑니다: 단계 목록, 메모, 다음 장면, 타이머.")
    }
    public var presentDiscussion: String {
        words.pick(
            """
            Start the player (backstep LESSON) in the projected terminal, then this one beside it. \
            Keys pressed in either move both; Enter on the step list jumps there; q quits this view only.
            """,
            """
            프로젝터에 띄운 터미널에서 플레이어(backstep 단원)를 먼저 열고, 옆 터미널에서 이 명령을 실행합니다. \
            어느 쪽에서 키를 눌러도 둘 다 움직이고, 단계 목록에서 Enter를 누르면 그 단계로 갑니다. q는 이 화면만 닫습니다.
            """)
    }
    public var noPresenterLink: String {
        words.pick(
            "error: no folder for the presenter link: set XDG_RUNTIME_DIR or BACKSTEP_PRESENT_SOCKET",
            "error: 발표자 연결용 폴더가 없습니다: XDG_RUNTIME_DIR 또는 BACKSTEP_PRESENT_SOCKET을 설정하세요")
    }
}
