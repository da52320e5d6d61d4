import Lessons

/// The words of predict mode, questions' feedback, the closing screen and nudging.
extension Words {
    var predictOn: String {
        pick(
            "predict mode on: type each new number, Enter checks it (P turns it off)",
            "예측 모드를 켰습니다. 새 숫자를 직접 넣고 Enter로 확인하세요 (P를 누르면 끕니다)")
    }
    var predictOff: String {
        pick("predict mode off: the numbers show as you step (P turns it on)", "예측 모드를 껐습니다. 숫자가 저절로 보입니다 (P를 누르면 켭니다)")
    }
    var predictStatus: String { pick("predict on (P)", "예측 켜짐 (P)") }
    var answeringStatus: String { pick("answering (Esc leaves)", "답 입력 중 (Esc 나가기)") }

    /// "type ∂f/∂x, then Enter"; nil names the question's answer.
    func prompt(_ label: String?, again: Bool) -> String {
        let english = label ?? "your answer"
        let korean = label.map { $0 + " 값을" } ?? "답을"
        return again
            ? pick("try again: type \(english), then Enter", "다시 \(korean) 넣고 Enter")
            : pick("type \(english), then Enter", "\(korean) 넣고 Enter")
    }
    var alreadyAnswered: String {
        pick(
            "already answered here; to go to a step, type : then its number",
            "이 문제는 이미 답했습니다. 다른 단계로 가려면 : 다음에 번호를 넣으세요")
    }
    var showKey: String { pick("v shows it", "v 정답 보기") }
    var typingKeys: String { pick("Enter checks, Esc leaves", "Enter 확인, Esc 나가기") }
    var rightWord: String { pick("right", "맞았습니다") }
    var notQuiteWord: String { pick("not quite", "틀렸습니다") }
    var answerIsWord: String { pick("the answer is", "정답은") }
    var shownWord: String { pick("shown", "정답 보기로 확인") }
    var hintWord: String { pick("hint: ", "힌트: ") }
    var worked: String {
        pick("worked for you: watch this one, the next numbers are yours", "풀이 예시입니다. 다음 숫자부터 직접 넣어 보세요.")
    }
    var workedOnly: String { pick("worked for you: watch this one", "풀이 예시입니다. 지켜보세요.") }
    func couldNotRead(_ text: String) -> String {
        pick(
            "could not read \u{201C}\(text)\u{201D}: type a number like -0.3, 3/10 or -4*1",
            "\u{201C}\(text)\u{201D}: 읽지 못했습니다. -0.3, 3/10, -4*1처럼 넣어 주세요")
    }
    func ambiguous(_ text: String) -> String {
        pick(
            "could not read \u{201C}\(text)\u{201D}: is the comma a decimal point? write 1.5 or 1000",
            "\u{201C}\(text)\u{201D}: 읽지 못했습니다. 쉼표가 소수점인가요? 1.5나 1000처럼 써 주세요")
    }

    // MARK: - Hints

    var signFlipped: String { pick("sign flipped: check each factor's sign", "부호가 반대입니다. 곱하는 두 수의 부호를 확인하세요") }
    func upstreamAlone(_ local: String) -> String {
        pick("upstream alone: times the local \(local)", "상류 기울기만 넣었습니다. 국소 기울기 \(local)도 곱하세요")
    }
    func localAlone(_ upstream: String) -> String {
        pick("the local alone: times upstream \(upstream)", "국소 기울기만 넣었습니다. 상류 기울기 \(upstream)도 곱하세요")
    }
    func wrongPair(_ name: String, _ local: String) -> String {
        pick("another input's local: \(name)'s is \(local)", "다른 입력의 국소 기울기입니다. \(name)의 것은 \(local)")
    }
    func shareNotAdded(_ name: String, _ previous: String) -> String {
        pick(
            "the share alone: \(name) had \(previous) already (+=)",
            "이번에 받은 기울기만 넣었습니다. \(name).grad에 이미 있던 값 \(previous)에 더하세요 (+=)")
    }
    var oldTotal: String { pick("the old total: add this share (+=)", "이전 합계입니다. 이번에 받은 기울기를 더하세요 (+=)") }
    func oneShare(_ name: String) -> String {
        pick("one share: add every share \(name) gets", "기울기 하나뿐입니다. \(name)에 오는 기울기를 모두 더하세요")
    }
    var askSignFlipped: String { pick("the sign is flipped", "부호가 반대입니다") }
    var askOneShare: String { pick("that is one share; add every share it receives", "기울기 하나뿐입니다. 받는 기울기를 모두 더하세요") }
    var askAddShares: String {
        pick("add the shares that reach it, one per arrow leaving it", "그 노드에서 나가는 화살표마다 돌아오는 기울기를 모두 더하세요")
    }
    var askLookAgain: String { pick("look at the graph and the text again", "그래프와 설명을 다시 보세요") }
    var newShare: String { pick("the new share", "새로 받은 기울기") }
    var sharesReason: String { pick("the sum of its shares: ", "받은 기울기의 합: ") }
    var oneShareReason: String { pick("the gradient backward sent it", "역전파가 보낸 기울기") }
    var previousWord: String { pick("previous", "이전") }
    var shareWord: String { pick("share", "받은 기울기") }
    var throughWord: String { pick("through", "통과:") }
    var afterPlusEquals: String { pick("(after +=)", "(+=로 더한 뒤)") }
    /// After `∂y/∂x` where x is a function's input twice (`x + x`): which input the line is about.
    func inputNumber(_ n: Int) -> String {
        let ordinals = ["첫", "두", "세", "네", "다섯"]
        return pick(
            "(input \(n))", "(" + (ordinals.indices.contains(n - 1) ? ordinals[n - 1] + " " : "\(n)") + "번째 입력)")
    }
    /// After `∂f/∂x` when the number asked is one path's share, added to x.grad next.
    var throughThisPath: String { pick("(this path)", "(이 경로)") }

    // MARK: - Wrong way

    func wrongWay(_ mistake: Mistake) -> String {
        switch mistake {
        case .overwrite: return pick("wrong way (= instead of +=): ", "잘못된 방법 (+= 대신 =): ")
        case .order: return pick("wrong way (no generations): ", "잘못된 방법 (세대 없이): ")
        }
    }
    func endsNot(_ name: String, _ wrong: String, _ right: String) -> String {
        pick(
            "\(name).grad ends \(wrong), not \(right)",
            "끝까지 가면 \(name).grad = \(wrong) (올바른 값 \(right))")
    }
    /// Where the wrong run leaves a gradient after this frame, beside the right run's.
    func nowNot(_ name: String, _ wrong: String, _ right: String) -> String {
        pick("\(name).grad is now \(wrong), not \(right)", "이제 \(name).grad = \(wrong) (올바른 값 \(right))")
    }

    // MARK: - Closing screen and nudging

    var closingTitle: String { pick("lesson done", "단원 끝") }
    var covered: String { pick("What this lesson covered:", "이 단원에서 다룬 것:") }
    func score(_ s: Score, predicting: Bool) -> String {
        s.asked == 0
            ? (predicting
                ? pick("You answered no questions this time.", "이번에는 답한 문제가 없습니다.")
                : pick(
                    "You answered no questions this time (P turns on predict mode).",
                    "이번에는 답한 문제가 없습니다 (P로 예측 모드를 켤 수 있습니다)."))
            : pick(
                "Right at the first try: **\(s.right) of \(s.asked)**.", "한 번에 맞힌 문제: **\(s.asked)개 중 \(s.right)개**.")
    }
    func nextKeys(list: Bool) -> String {
        list
            ? pick(
                "**Enter** (**PageDown**) next lesson · **q** lesson list · **←** (**PageUp**) back to the last frame",
                "**Enter**(**PageDown**) 다음 단원 · **q** 단원 목록 · **←**(**PageUp**) 마지막 장면으로")
            : pick(
                "**Enter** (**PageDown**) next lesson · **q** quit · **←** (**PageUp**) back to the last frame",
                "**Enter**(**PageDown**) 다음 단원 · **q** 끝내기 · **←**(**PageUp**) 마지막 장면으로")
    }
    var nudgeTitle: String { pick("nudge an input", "입력을 조금 움직여 보기") }
    var nudgeKeys: String { pick("**d** next input · **Esc** closes", "**d** 다음 입력 · **Esc** 닫기") }
    var numericalWord: String { pick("numerical", "수치 미분") }
    var backpropWord: String { pick("backprop", "역전파") }
    var noNudge: String {
        pick(
            "nothing to nudge here: the graph's output or inputs are not single numbers",
            "여기서는 움직여 볼 입력이 없습니다. 그래프의 출력이나 입력이 숫자 하나가 아닙니다")
    }
    /// The picker's score of a lesson: `3/5 right`.
    public func rightAtFirstTry(_ s: Score) -> String {
        pick("\(s.right)/\(s.asked) right", "\(s.right)/\(s.asked) 정답")
    }
    /// `q list` or `q quit` on the status line.
    func leave(list: Bool) -> String { list ? pick("q list", "q 목록") : pick("q quit", "q 종료") }
}
