/// The words of `backstep class` on the command line.
extension CommandWords {
    private func pick(_ english: String, _ korean: String) -> String { words.pick(english, korean) }

    public var classCommand: String {
        pick(
            "Teach a lesson: students follow along with `ssh -p PORT HOST` and answer its questions.",
            "수업을 진행합니다: 학생들은 `ssh -p PORT HOST`로 따라 보며 문제에 답합니다.")
    }
    public var classPort: String { pick("Port students connect to.", "학생들이 접속할 포트.") }
    public var classHost: String {
        pick(
            "Address to listen on (127.0.0.1: this machine only; 0.0.0.0: the room's network).",
            "접속을 받을 주소 (127.0.0.1: 이 컴퓨터만, 0.0.0.0: 교실 네트워크).")
    }
    public var classPassword: String {
        pick(
            "Password students type (default: none; anyone who reaches the port joins).",
            "학생들이 입력할 비밀번호 (기본값: 없음. 포트에 닿는 누구나 들어옵니다).")
    }
    public var maxStudents: String { pick("Most students connected at once.", "한꺼번에 접속할 수 있는 최대 학생 수.") }
    public var idleMinutes: String {
        pick(
            "Minutes without a key press after which a student's connection is closed.",
            "학생이 이 시간(분) 동안 키를 누르지 않으면 접속을 닫습니다.")
    }
    public var portRange: String { pick("--port must be 0…65535", "--port는 0…65535 사이여야 합니다") }
    public var atLeastOneStudent: String {
        pick("--max-students must be at least 1", "--max-students는 1 이상이어야 합니다")
    }
    public var atLeastOneMinute: String {
        pick("--idle-minutes must be at least 1", "--idle-minutes는 1 이상이어야 합니다")
    }
    public var emptyPassword: String { pick("--password must not be empty", "--password는 비어 있으면 안 됩니다") }
    public func cannotListen(_ address: String, _ error: String) -> String {
        pick(
            "backstep class: cannot listen on \(address): \(error)",
            "backstep class: \(address)에서 접속을 받을 수 없습니다: \(error)")
    }
}
