/// The words of the lesson picker, the opening screen and the command line.
extension Words {
    public var noLessonsFound: String {
        pick("No lessons found. Try: backstep lessons/", "단원을 찾지 못했습니다. 이렇게 열어 보세요: backstep lessons/")
    }
    public func minutes(_ count: Int) -> String { pick("\(count) min", "\(count)분") }
    public var hasErrors: String { pick("(has errors: backstep check)", "(오류 있음: backstep check)") }
    public var done: String { pick("done", "완료") }
    public var pickerKeys: String {
        pick("↑↓ choose · Enter open · 1-9 jump · q quit", "↑↓ 고르기 · Enter 열기 · 1-9 바로 가기 · q 종료")
    }
    public var pickerKeysASCII: String {
        pick("up/down choose . Enter open . 1-9 jump . q quit", "up/down . Enter . 1-9 . q")
    }
    public func opening(_ path: String, ellipsis: String) -> String {
        pick("Opening \(path)\(ellipsis)", "\(path) 여는 중\(ellipsis)")
    }
    public func trainingIterations(_ count: Int) -> String {
        pick("training: \(count) iterations", "학습: 반복 \(count)회")
    }
    public var qStops: String { pick("q stops", "q 중지") }
    public func lessonHasErrors(_ path: String) -> String {
        pick(
            "This lesson has errors (`backstep check \(path)` prints them too):",
            "이 단원에 오류가 있습니다 (`backstep check \(path)`로도 볼 수 있습니다):")
    }
    public var pressAnyKey: String { pick("Press any key.", "아무 키나 누르세요.") }

    // MARK: - Command line

    public func noSuchPath(_ path: String) -> String {
        pick(
            "no such file or folder: \(path); give a lesson file (.md) or a folder of them",
            "파일이나 폴더가 없습니다: \(path). 단원 파일(.md)이나 단원이 든 폴더를 주세요")
    }
    public var bundledNotFound: String {
        pick(
            "the bundled lessons were not found; give a lesson file or folder, or set BACKSTEP_LESSONS",
            "함께 배포된 단원을 찾지 못했습니다. 단원 파일이나 폴더를 주거나 BACKSTEP_LESSONS를 설정하세요")
    }
    public func noLessonsIn(_ folder: String) -> String {
        pick("no lessons (.md) in \(folder)", "\(folder)에 단원(.md)이 없습니다")
    }

    /// A lesson that cannot be opened at a place, in these words; the lesson's
    /// own errors stay as `check` prints them.
    public func describe(_ error: PlayerError) -> String {
        guard language == .ko else { return error.description }
        switch error {
        case .missing(let path): return "\(path): error: 파일이 없습니다"
        case .unreadable(let path): return "\(path): error: UTF-8 텍스트로 읽을 수 없는 파일입니다"
        case .lesson: return error.description
        case .empty: return "단원에 단계가 하나도 없습니다"
        case .stepOutOfRange(let n, let count):
            return "\(n)단계는 없습니다: " + (count == 1 ? "이 단원은 1단계뿐입니다" : "이 단원은 1–\(count)단계입니다")
        case .frameOutOfRange(let n, let step, let count):
            return "\(n)번째 장면은 없습니다: "
                + (count == 1 ? "\(step)단계에는 장면이 하나뿐입니다" : "\(step)단계의 장면은 1–\(count)번입니다")
        }
    }

    /// Said once, in both languages, when Korean is asked for in a locale
    /// whose characters do not include Hangul (it would show as `?`).
    public static func localeCannotShowHangul(_ locale: String) -> String {
        """
        backstep: the locale \(locale) cannot show Hangul, so the Korean text would be drawn as '?'.
          Use a UTF-8 locale, for example:  LANG=C.UTF-8 backstep --lang ko   (or LANG=ko_KR.UTF-8)
        backstep: 현재 로캘(\(locale))로는 한글을 표시할 수 없어 한국어가 '?'로 보입니다.
          UTF-8 로캘로 실행하세요. 예:  LANG=C.UTF-8 backstep --lang ko   (또는 LANG=ko_KR.UTF-8)
        """
    }
}
