/// The one-line notes the player leaves in the status line, and what it says
/// while a lesson plays in the background.
extension Words {
    func activity(_ request: PlayRequest) -> String {
        switch request.purpose {
        case .open: return pick("playing the lesson", "단원 계산 중")
        case .edit(let label, let value):
            return pick("recomputing with \(label) = \(value)", "다시 계산 중 (\(label) = \(value))")
        case .reset: return pick("recomputing with the lesson's own values", "단원의 원래 값으로 다시 계산 중")
        case .reload: return pick("reloading \(request.text.file)", "\(request.text.file) 다시 읽는 중")
        }
    }
    func stillPlaying(_ activity: String) -> String {
        pick("still \(activity); Esc stops its training", "아직 \(activity)입니다. Esc로 학습을 멈춥니다")
    }
    func stopping(_ activity: String) -> String { pick("stopping: \(activity)", "멈추는 중: \(activity)") }
    var noForwardAhead: String { pick("no forward pass from here on", "여기부터는 순전파가 없습니다") }
    var noBackwardAhead: String { pick("no backward pass from here on", "여기부터는 역전파가 없습니다") }
    var editNeedsFile: String { pick("editing needs the lesson's file", "값을 바꾸려면 단원 파일이 있어야 합니다") }
    var nothingToEdit: String {
        pick(
            "nothing to edit here: no input values or training on this step",
            "바꿀 값이 없습니다: 이 단계에는 입력값도 학습도 없습니다")
    }
    var lrMustBePositive: String { pick("lr must be a number greater than 0", "lr은 0보다 큰 수여야 합니다") }
    var itersMustBeWhole: String { pick("iters must be a whole number, at least 1", "iters는 1 이상의 정수여야 합니다") }
    var valuesAreOwn: String { pick("values are the lesson's own", "이미 단원의 원래 값입니다") }
    func noSuchStep(_ typed: String, total: Int) -> String {
        pick("no step \(typed): this lesson has steps 1–\(total)", "\(typed)단계는 없습니다: 이 단원은 1–\(total)단계입니다")
    }
    var stoppedEarlySuffix: String { pick(", training stopped early (Esc)", ", 학습은 도중에 멈춤 (Esc)") }
    var trainingStoppedEarly: String {
        pick("the lesson's training was stopped early (Esc)", "단원의 학습을 도중에 멈췄습니다 (Esc)")
    }
    func restDoesNotPlay(_ error: String) -> String {
        pick("the rest of the lesson does not play: \(error)", "단원의 나머지를 계산하지 못했습니다: \(error)")
    }
    func recomputed(_ label: String, _ value: String) -> String {
        pick("\(label) = \(value): recomputed", "\(label) = \(value): 다시 계산했습니다")
    }
    var valuesReset: String { pick("values reset to the lesson's own", "단원의 원래 값으로 되돌렸습니다") }
    func reloaded(_ file: String) -> String { pick("reloaded \(file)", "\(file) 다시 읽음") }
    func editFails(_ label: String, _ value: String, _ error: String) -> String {
        pick("\(label) = \(value) does not work: \(error)", "\(label) = \(value)(으)로는 계산할 수 없습니다: \(error)")
    }
    func ownValuesFail(_ error: String) -> String {
        pick("the lesson's own values do not play: \(error)", "단원의 원래 값으로 계산되지 않습니다: \(error)")
    }
    func notReloadedKept(_ error: String) -> String {
        pick("not reloaded, still the last good version: \(error)", "다시 읽지 않고 마지막 정상 버전을 유지합니다: \(error)")
    }
    var reloadNeedsFile: String { pick("reloading needs the lesson's file", "다시 읽으려면 단원 파일이 있어야 합니다") }
    func notReloaded(_ error: String) -> String { pick("not reloaded: \(error)", "다시 읽지 못했습니다: \(error)") }
    func stepOpensWhenPlayed(_ step: Int) -> String {
        pick("step \(step) opens as soon as it has been played", "\(step)단계는 계산이 끝나는 대로 열립니다")
    }
    func stepStillPlaying(_ step: Int, training: Bool) -> String {
        pick(
            "step \(step) is still being played" + (training ? " (training)" : "") + "; it opens when ready",
            "\(step)단계는 아직 계산 중입니다" + (training ? " (학습)" : "") + ". 끝나면 열립니다")
    }
    func atLine(_ line: Int, _ message: String) -> String { pick("line \(line): \(message)", "\(line)행: \(message)") }

    // MARK: - Overlays

    var keysTitle: String { pick("keys", "조작 키") }
    var resumeTitle: String { pick("resume?", "이어서 볼까요?") }
    func resumeText(step: Int, title: String, frame: Int) -> String {
        pick(
            """
            You were at **step \(step)** (\(title)), frame \(frame).

            **Enter** (**PageDown**) resumes there · **Esc** (**PageUp**) starts from the beginning
            """,
            """
            지난번에 **\(step)단계**(\(title))의 \(frame)번째 장면까지 보았습니다.

            **Enter**(**PageDown**) 거기서 이어 보기 · **Esc**(**PageUp**) 처음부터 보기
            """)
    }
    /// `t`: the theme it switched to, by the name `--theme` takes.
    func themeSwitched(_ name: String) -> String {
        let korean: String
        switch name {
        case "default": korean = "기본"
        case "projector": korean = "프로젝터, 검은 배경"
        case "projector-light": korean = "프로젝터, 흰 배경"
        case "monochrome": korean = "흑백"
        default: korean = name
        }
        return pick("theme: \(name)", "테마: \(korean) (\(name))")
    }
    var editTitle: String { pick("edit a value", "값 바꾸기") }
    func newValue(_ label: String) -> String { pick("new \(label) = ", "새 \(label) = ") }
    var editKeys: String { pick("Tab next field · Enter recompute · Esc cancel", "Tab 다음 칸 · Enter 다시 계산 · Esc 취소") }

    var help: String {
        pick(
            """
            - **→ l space n**: next frame (then the next step); **← h Backspace p**: back
            - **PageDown PageUp** (a clicker): the same, but PageDown first reveals, runs a training, shows what is hidden; **. B**: blank screen
            - **] [**: next / previous step; **g G**: first / last frame
            - **digits, Enter**: go to that step; on a question, **: digits Enter** (or **#**)
            - **f b**: play the forward / backward pass; **a**: play the step, pause, resume (**space** too, while it plays); **+ -**: speed
            - **P**: predict mode: each new number shows as ? until you type it; … is a number not computed yet
            - **on a question or a ?**: type the answer (-0.3, 3/10, -4*1), **Enter** checks it; **v** reveals it
            - **d**: nudge an input by ±ε: the numerical gradient beside backprop's
            - **e**: edit inputs or the training's lr and iters (Tab: next field; Enter: recompute); **r**: reset
            - **t**: theme (named as it changes); **z**: detail (values, gradients, shapes)
            - **↓ ↑ j k**: scroll the step's text; **< >**: its code sideways; **H J K L**: pan a graph marked "more"; **Tab**: next panel on a small screen
            - **i**: inspect a node: its whole value and gradient (**← →** node, **↓ ↑** scroll, **< >** columns, **Esc** close); **o O**: open or close a layer or model
            - **R**: reload the lesson file; **Esc**: stop a training being computed
            - **? Esc**: close this help; **q**: back to the lesson list (quits without one); **Ctrl-C**: quit
            """,
            """
            - **→ l 스페이스 n**: 다음 장면, 마지막 장면 다음에는 다음 단계, **← h Backspace p**: 이전 장면
            - **PageDown PageUp** (클리커): 같은 이동, PageDown은 먼저 정답 보기, 학습 실행, 가려진 내용 보기, **. B**: 빈 화면
            - **] [**: 다음 / 이전 단계, **g G**: 첫 장면 / 마지막 장면
            - **숫자 + Enter**: 그 단계로 이동 (문제에 답하는 중에는 **:** 다음에 숫자 + Enter, 또는 **#**)
            - **f b**: 순전파 / 역전파 재생, **a**: 단계 재생, 일시 정지, 다시 재생(재생 중에는 **스페이스**도), **+ -**: 속도
            - **P**: 예측 모드 켜기/끄기: 새 숫자가 ?로 가려지며, 직접 답을 넣어야 보입니다. …는 아직 계산하지 않은 값입니다
            - **문제나 ?에서**: 답을 넣고(-0.3, 3/10, -4*1) **Enter**로 확인, **v**로 정답 보기
            - **d**: 입력을 ±ε만큼 움직여 수치 미분과 역전파 기울기를 나란히 보기
            - **e**: 입력값이나 학습률(lr)·반복 횟수(iters) 바꾸기 (Tab: 다음 칸, Enter: 다시 계산), **r**: 원래 값으로
            - **t**: 테마 (바꾼 테마 이름을 알려 줌), **z**: 보기 (값, 기울기, 형상)
            - **↓ ↑ j k**: 설명 스크롤, **< >**: 코드를 옆으로 스크롤, **H J K L**: "더 있음" 표시가 있는 그래프 옮겨 보기, **Tab**: 작은 화면에서 다음 패널
            - **i**: 노드 보기: 값과 기울기 전체 (**← →** 노드, **↓ ↑** 스크롤, **< >** 열, **Esc** 닫기), **o O**: 계층이나 모델 묶음 열기/닫기
            - **R**: 단원 파일을 고친 뒤 다시 읽기, **Esc**: 계산 중인 학습 멈추기
            - **? Esc**: 도움말 닫기, **q**: 단원 목록으로 (목록이 없으면 종료), **Ctrl-C**: 종료
            """)
    }
}
