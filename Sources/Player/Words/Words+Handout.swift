/// The words a handout adds around the screens (`backstep handout`).
extension Words {
    public func handoutStep(_ number: Int, _ title: String) -> String {
        pick("Step \(number) · \(title)", "\(number)단계 · \(title)")
    }
    public func handoutFrame(_ number: Int, of count: Int) -> String {
        pick("Frame \(number)/\(count)", "장면 \(number)/\(count)")
    }
    public func handoutQuestion(_ number: Int) -> String { pick("Question \(number)", "문제 \(number)") }
    public var answerKey: String { pick("Answer key", "정답") }
    /// Where a question is in the lesson, for the answer key.
    public func handoutPlace(step: Int, frame: Int) -> String {
        pick("step \(step), frame \(frame)", "\(step)단계, 장면 \(frame)")
    }
    /// The line under the title: what the document holds.
    public func handoutSummary(steps: Int, questions: Int, minutes: Int?, size: String) -> String {
        let time = minutes.map { pick(" · about \($0) min", " · 약 \($0)분") } ?? ""
        return pick(
            "\(steps) \(steps == 1 ? "step" : "steps") · \(questions) \(questions == 1 ? "question" : "questions")"
                + time + " · screens at \(size)",
            "\(steps)단계 · 문제 \(questions)개" + time + " · 화면 크기 \(size)")
    }
    /// Tolerance of a numeric answer in the key.
    public func within(_ tolerance: String) -> String { pick("within \(tolerance)", "허용 오차 \(tolerance)") }
}

/// `backstep handout`'s help and messages.
extension CommandWords {
    public var handout: String {
        words.pick(
            "Write a lesson as a handout to print or share: Markdown (.md) or a self-contained web page (.html).",
            "단원을 인쇄하거나 나눠 줄 자료로 씁니다: Markdown (.md) 또는 파일 하나로 된 웹 페이지 (.html).")
    }
    public var handoutDiscussion: String {
        words.pick(
            """
            Every frame's screen without key prompts, each step's text in full, the questions numbered \
            and an answer key at the end. The format follows the output's extension.
            """,
            """
            키 안내 없이 모든 장면의 화면과 각 단계의 설명 전체를 싣고, 문제에 번호를 붙여 \
            끝에 정답을 모읍니다. 형식은 출력 파일의 확장자를 따릅니다.
            """)
    }
    public var handoutOutput: String {
        words.pick("The file to write: .md for Markdown, .html for a web page.", "저장할 파일: Markdown은 .md, 웹 페이지는 .html.")
    }
    public var handoutLanguage: String {
        words.pick(
            "Language of the handout's own words (headings, answer key) and messages: en or ko (default: the lesson's).",
            "자료에 덧붙이는 말(제목, 정답)과 메시지의 언어: en 또는 ko (기본값: 단원의 언어).")
    }
    public func handoutFormat(_ path: String) -> String {
        words.pick(
            "cannot tell the format of '\(path)': name it .md (Markdown) or .html (web page)",
            "'\(path)'의 형식을 알 수 없습니다: 이름을 .md (Markdown) 또는 .html (웹 페이지)로 끝내세요")
    }
    public func cannotWrite(_ path: String, _ reason: String) -> String {
        words.pick("error: cannot write \(path): \(reason)", "error: \(path)에 쓸 수 없습니다: \(reason)")
    }
}
