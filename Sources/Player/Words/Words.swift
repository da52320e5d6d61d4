import Foundation

/// Every word the player shows on its own account, in English and Korean
/// side by side, so a translation is read and reviewed in one place.
///
/// Screens ask `context.words` and the player state `words` (the lesson's
/// language); the picker and the command line use ``Language/chosen(option:environment:)``.
/// Names of keys (`Enter`, `Esc`, `Tab`), identifiers (`lr`, `iters`, `x.grad`)
/// and maths stay as they are in both.
public struct Words: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    func pick(_ english: String, _ korean: String) -> String { language == .ko ? korean : english }

    // MARK: - Frame panel titles

    func forwardTitle(_ index: Int, _ count: Int) -> String {
        pick("forward \(index)/\(count)", "순전파 \(index)/\(count)")
    }
    func backwardTitle(_ index: Int, _ count: Int) -> String {
        pick("backward \(index)/\(count): the chain rule", "역전파 \(index)/\(count): 연쇄 법칙")
    }
    var yourTurn: String { pick("your turn", "직접 풀어 보기") }
    var gradientCheck: String { pick("gradient check", "기울기 확인") }
    var training: String { pick("training", "학습") }
    /// The title over a plot of data alone (no training in it).
    var data: String { pick("data", "데이터") }

    // MARK: - Forward and backward frames

    /// `broadcast x1`, as a forward line says an input is copied to the output's shape.
    func broadcast(_ name: String) -> String { pick("broadcast \(name)", "\(name) 브로드캐스트") }
    var upstream: String { pick("upstream", "상류 기울기") }
    var local: String { pick("local", "국소 기울기") }
    func noGradientKept(_ name: String, constant: Bool) -> String {
        constant
            ? pick("\(name) is a constant: no gradient kept", "\(name): 상수라서 기울기를 구하지 않습니다")
            : pick("\(name) is data: no gradient kept", "\(name): 데이터라서 기울기를 구하지 않습니다")
    }

    /// An engine function's derivative as the screen shows it: the few that
    /// say a condition in words (`where x is the max, else 0`) say it in Korean.
    func derivative(_ text: String) -> String {
        guard language == .ko else { return text }
        var out = text
        for (english, korean) in Self.derivativeWords where out.contains(english) {
            out = out.replacingOccurrences(of: english, with: korean)
        }
        return out
    }

    private static let derivativeWords: [(String, String)] = [
        ("gy where x is the max, else 0", "x가 최댓값인 자리만 gy, 나머지는 0"),
        ("gy where x is the min, else 0", "x가 최솟값인 자리만 gy, 나머지는 0"),
        ("inverse axes", "축의 역순열"),
        ("1 if x > 0 else 0", "x > 0이면 1, 아니면 0"),
        ("1 if lo ≤ x ≤ hi else 0", "lo ≤ x ≤ hi이면 1, 아니면 0"),
    ]

    // MARK: - Questions

    var answerLabel: String { pick("answer: ", "답: ") }
    var answerKeys: String { pick("Enter checks, Esc leaves", "Enter 확인 · Esc 나가기") }
    func typeANumber(again: Bool) -> String {
        again
            ? pick("type a number, then Enter to try again · v reveals", "다시 숫자를 입력하고 Enter · v 정답 보기")
            : pick("type a number, then Enter · v reveals", "숫자를 입력하고 Enter · v 정답 보기")
    }
    var notANumber: String { pick("that is not a number", "숫자가 아닙니다") }
    var right: String { pick("right: ", "정답입니다: ") }
    var hint: String { pick(" · hint: ", " · 힌트: ") }
    var notQuite: String { pick("not quite: ", "오답: ") }
    func theAnswerIs(_ number: String) -> String { pick("the answer is \(number)", "정답: \(number)") }

    // MARK: - Gradient check

    func checkRow(_ name: String, analytic: String, numerical: String, passed: Bool) -> String {
        pick(
            "\(name): backprop \(analytic) · numerical \(numerical) · " + (passed ? "agree" : "DISAGREE"),
            "\(name): 역전파 \(analytic) · 수치 미분 \(numerical) · " + (passed ? "일치" : "불일치"))
    }
    func checkSummary(passed: Bool, tolerance: String) -> String {
        passed
            ? pick("every gradient agrees within \(tolerance)", "모든 기울기가 허용 오차 \(tolerance) 안에서 일치합니다")
            : pick(
                "some gradients disagree (tolerance \(tolerance))", "일치하지 않는 기울기가 있습니다 (허용 오차 \(tolerance))")
    }

    // MARK: - Graph

    var paramTag: String { pick(" (param)", " (매개변수)") }
    var dataTag: String { pick(" (data)", " (데이터)") }
    var scalar: String { pick("scalar", "스칼라") }
    /// The tag on a side of a graph that goes on beyond the panel.
    var more: String { pick("more", "더 있음") }

    // MARK: - Screen and status line

    var graphPanel: String { pick("graph", "그래프") }
    var textPanel: String { pick("text", "설명") }
    var chartPanel: String { pick("chart", "차트") }
    var chainRulePanel: String { pick("chain rule", "연쇄 법칙") }
    var forwardPanel: String { pick("forward", "순전파") }
    var questionPanel: String { pick("question", "문제") }
    var detailsPanel: String { pick("details", "자세히") }
    func showsAll(_ size: String) -> String { pick("\(size) shows all", "\(size) 이상이면 모두 표시") }
    /// The small screen's note of what it hides: `hidden: graph, text · Tab · 80×24 shows all`, a sentence in
    /// Korean (`그래프, 설명 숨김 · Tab으로 전환 · …`). Paper has no Tab key (`tab` false).
    func hiddenNote(_ names: [String], tab: Bool, size: String) -> String {
        let list = names.joined(separator: ", ")
        return pick(
            "hidden: \(list)" + (tab ? " · Tab · " : " · ") + showsAll(size),
            "\(list) 숨김" + (tab ? " · Tab으로 전환 · " : " · ") + showsAll(size))
    }
    func detail(_ detail: Detail) -> String {
        switch detail {
        case .values: return pick("values", "값")
        case .gradients: return pick("gradients", "기울기")
        case .shapes: return pick("shapes", "형상")
        }
    }
    var edited: String { pick("edited: r resets", "수정됨: r 되돌리기") }
    func position(step: Int, of steps: Int, frame: Int, of frames: Int, dot: String) -> String {
        pick("step \(step)/\(steps)", "단계 \(step)/\(steps)") + dot
            + pick("frame \(frame)/\(frames)", "장면 \(frame)/\(frames)")
    }
    var goToStep: String { pick("go to step ", "이동할 단계 ") }
    var answering: String { pick("answering", "답 입력 중") }
    var editing: String { pick("editing", "값 수정 중") }
    func iterationsSoFar(_ count: Int) -> String { pick(" (\(count) iterations)", " (반복 \(count)회)") }
    var escStops: String { pick(" Esc stops", " Esc 중지") }
    var pausedResume: String { pick("paused (a resumes)", "일시 정지 (a 다시 재생)") }
    func playing(_ mark: String, milliseconds: Int) -> String {
        pick("\(mark) playing, \(milliseconds) ms", "\(mark) 재생 중, \(milliseconds) ms")
    }
    /// The main keys; `leave` is what `q` does (`q list`, `q quit`): the most a line of `width` has room for.
    func keys(arrows: String, width: Int, leave: String? = nil) -> String {
        keyChoices(arrows: arrows, leave: leave)[width >= 110 ? 0 : width >= 70 ? 1 : 2]
    }
    /// The main keys from the fullest list to the shortest, for a line to take the first that fits.
    func keyChoices(arrows: String, leave: String? = nil) -> [String] {
        switch language {
        case .en:
            let q = leave ?? "q quit"
            return [
                arrows + " frame  [ ] step  f b play  P predict  ? help  " + q,
                arrows + " frame  [ ] step  ? help  " + q,
                "? help  " + q,
            ]
        case .ko:
            let q = leave ?? "q 종료"
            return [
                arrows + " 장면  [ ] 단계  f b 재생  P 예측  ? 도움말  " + q, arrows + " 장면  [ ] 단계  ? 도움말  " + q,
                "? 도움말  " + q,
            ]
        }
    }
    var moreText: String { pick("more ", "더 보기 ") }
    /// The keys that scroll a clipped code block sideways.
    var codeKeys: String { pick("code < >", "코드 < >") }
    /// A chart's log axis, and the marks of data and fit (in words, not only colour).
    var logScale: String { pick("log scale", "로그 눈금") }
    var dataLegend: String { pick("data", "데이터") }
    var fitLegend: String { pick("fit", "예측") }

    // MARK: - Training

    func iteration(_ i: Int, of count: Int) -> String { pick("iteration \(i)/\(count)", "반복 \(i)/\(count)") }
    func loss(_ value: String) -> String { pick("loss \(value)", "손실 \(value)") }
    var lossTitle: String { pick("loss", "손실") }
    var runningNote: String { pick("running: a pauses", "실행 중: a 일시 정지") }
    var readyNote: String { pick("ready: a or PageDown runs it", "a 또는 PageDown: 학습 시작") }
    /// A run by epochs shows its first frame after epoch 1 (a frame is recorded after each epoch).
    var readyAfterFirstEpoch: String {
        pick("after epoch 1: a or PageDown runs the rest", "1 에포크 뒤: a 또는 PageDown으로 나머지 학습")
    }
    var pausedNote: String { pick("paused: a resumes", "일시 정지: a 다시 실행") }
    var runsOnNote: String { pick("a runs on from here", "a: 이어서 학습하기") }
    var finished: String { pick("finished", "학습 완료") }
    func stoppedAt(_ i: Int) -> String { pick("stopped at iteration \(i)", "반복 \(i)에서 멈춤") }
    func paramsAt(_ i: Int) -> String { pick("params at iteration \(i):", "반복 \(i) 시점의 매개변수:") }
    func paramsAtEpoch(_ i: Int) -> String { pick("params at epoch \(i):", "에포크 \(i) 시점의 매개변수:") }
    func lossSummary(_ name: String, count: Int, last: String) -> String {
        pick("\(name): \(count) iterations, last \(last)", "\(name): \(count)번 반복, 마지막 값 \(last)")
    }
    func scatterTitle(y: String, x: String, fit: String?) -> String {
        pick(
            "\(y) against \(x)" + (fit.map { ", fit \($0)" } ?? ""),
            "가로 \(x), 세로 \(y)" + (fit.map { ", 예측 \($0)" } ?? ""))
    }
    var notANumberValue: String { pick("NaN (not a number)", "NaN(숫자가 아님)") }
    func diverged(at i: Int, loss: String, arrow: String) -> String {
        pick(
            "diverged at iteration \(i): the loss became \(loss), so training stopped."
                + " A smaller lr may converge; \(arrow) goes on.",
            "반복 \(i)에서 발산해 학습을 멈췄습니다 (손실: \(loss))."
                + " lr을 줄이면 수렴할 수 있습니다. \(arrow) 키로 넘어갑니다.")
    }
    func fitNotFinite(_ name: String, bad: Int, of count: Int) -> String {
        pick("fit \(name): \(bad) of \(count) values are NaN/Inf", "예측 \(name): 값 \(count)개 중 \(bad)개가 NaN/Inf입니다")
    }
    func fitAt(_ value: String) -> String { pick("at \(value)", "값 \(value)") }
    func fitRange(_ low: String, _ high: String) -> String { pick("\(low) to \(high)", "\(low)부터 \(high)까지") }
    func fitOffChart(_ name: String, _ place: String) -> String {
        pick("fit \(name) is off the chart: \(place)", "예측 \(name): 차트 밖 (\(place))")
    }
}
