/// The words of `backstep class`: a student's class line and notes, and the
/// panel over the teacher's screen.
extension Words {
    // MARK: - A student's screen

    public func lessonOpening(ellipsis: String) -> String {
        pick("The lesson is opening\(ellipsis)", "단원을 여는 중\(ellipsis)")
    }
    /// Where a student stands, with the key that changes it (`hint`) or without.
    public func following(dot: String, hint: Bool = true) -> String {
        hint
            ? pick("following the teacher \(dot) f: step alone", "선생님을 따라가는 중 \(dot) f: 혼자 보기")
            : pick("following the teacher", "선생님을 따라가는 중")
    }
    public func onYourOwn(teacherStep: Int, dot: String, hint: Bool = true) -> String {
        pick("on your own (teacher: step \(teacherStep))", "혼자 보는 중 (선생님: \(teacherStep)단계)")
            + (hint ? " \(dot) " + pick("F: follow", "F: 따라가기") : "")
    }
    public var stillFollowing: String {
        pick("following the teacher: f to step alone", "선생님을 따라가는 중: f를 누르면 혼자 볼 수 있습니다")
    }
    public var teacherReveals: String { pick("the teacher reveals the answer", "정답은 선생님이 공개합니다") }
    public var teachersToChange: String {
        pick("in class, the lesson is the teacher's to change", "수업 중에는 선생님만 단원을 바꿀 수 있습니다")
    }
    /// `T` found no version of the lesson in `other`.
    public func noVersion(in other: Language) -> String {
        pick(
            "this lesson has no \(other == .ko ? "Korean" : "English") version",
            "이 단원은 \(other == .ko ? "한국어" : "영어") 판이 없습니다")
    }

    // MARK: - The teacher's screen

    public func students(_ count: Int) -> String {
        pick("\(count) \(count == 1 ? "student" : "students")", "학생 \(count)명")
    }
    public func answered(_ count: Int, of students: Int) -> String {
        pick("\(count) of \(students) answered", "\(students)명 중 \(count)명 답함")
    }
    public var classTitle: String { pick("class", "수업") }
    public var noAnswers: String { pick("no answers", "답 없음") }
    public func otherAnswers(_ count: Int) -> String { pick("\(count) other", "그 밖에 \(count)") }
}
