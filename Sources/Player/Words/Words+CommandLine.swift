import Foundation

/// The command line's own words — each command's summary, its options' help
/// and its messages — in the language of `--lang` when given, else of the
/// locale, as the picker chooses.
///
/// ArgumentParser builds its help from these when it prints it, so
/// `LANG=ko_KR.UTF-8 backstep render --help` explains `render` in Korean.
/// Its own headings (`USAGE:`, `OPTIONS:`) stay as the library writes them.
public struct CommandWords: Sendable {
    public let words: Words

    public init(_ language: Language) { words = Words(language: language) }

    /// The words for this run: `--lang` on the command line, else the locale.
    public static var current: CommandWords {
        CommandWords(
            Language.chosen(
                option: langOption(in: CommandLine.arguments), environment: ProcessInfo.processInfo.environment))
    }

    /// The value of `--lang X` or `--lang=X`, read before the arguments are
    /// parsed: help is built before the options are known.
    static func langOption(in arguments: [String]) -> String? {
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang", i + 1 < arguments.count { return arguments[i + 1] }
            if argument.hasPrefix("--lang=") { return String(argument.dropFirst("--lang=".count)) }
        }
        return nil
    }

    private func pick(_ english: String, _ korean: String) -> String { words.pick(english, korean) }

    // MARK: - Commands

    public var backstep: String {
        pick(
            "Learn backpropagation by watching it happen, one node at a time.",
            "역전파가 일어나는 모습을 노드 하나씩 지켜보며 배웁니다.")
    }
    public var open: String {
        pick("Open a lesson, or a folder of lessons, in the terminal player.", "단원 파일이나 단원 폴더를 터미널 플레이어로 엽니다.")
    }
    public var check: String {
        pick("Check lessons and graph programs for errors before class.", "수업 전에 단원과 그래프 프로그램에 오류가 없는지 검사합니다.")
    }
    public var checkDiscussion: String {
        pick(
            """
            Parses every file, builds every graph and checks every directive against it \
            (training is not run). Prints each error with its line and a caret, then a summary. \
            Also warns about likely mistakes that still make a lesson (an indented directive, \
            every= past the training's length). Exits with status 1 when any file has an error.
            """,
            """
            모든 파일을 읽고 모든 그래프를 만든 뒤, 지시문 하나하나를 그 그래프에 맞춰 검사합니다 \
            (학습은 실행하지 않습니다). 오류마다 해당 줄과 캐럿(^)을 보여 주고 마지막에 요약을 출력합니다. \
            단원은 만들어지지만 실수일 가능성이 큰 것(들여 쓴 지시문, 학습 반복 수보다 큰 장면 간격)은 경고로 알려 줍니다. \
            오류가 있는 파일이 하나라도 있으면 상태 코드 1로 끝납니다.
            """)
    }
    public var eval: String {
        pick(
            "Evaluate every graph program in a lesson or .graph file: forward, backward, training.",
            "단원이나 .graph 파일에 있는 그래프 프로그램을 모두 실행합니다: 순전파, 역전파, 학습.")
    }
    public var evalDiscussion: String {
        pick(
            """
            With --json, prints the document described in graph-language.md. \
            On an error prints nothing on standard output, the diagnostics on standard error, and exits with status 1.
            """,
            """
            --json을 주면 graph-language.md에 적힌 형식의 문서를 출력합니다. \
            오류가 나면 표준 출력에는 아무것도 쓰지 않고, 진단을 표준 오류에 쓴 뒤 상태 코드 1로 끝납니다.
            """)
    }
    public var list: String {
        pick("List the lessons in a directory with their titles and summaries.", "폴더에 있는 단원을 제목, 요약과 함께 나열합니다.")
    }
    public var listDiscussion: String {
        pick(
            "Lessons are ordered by their front matter's 'order', then by file name.",
            "단원은 머리말의 'order' 순으로, 그다음 파일 이름 순으로 놓입니다.")
    }
    public var frames: String {
        pick(
            "Print the frames of every step of a lesson (what each key press shows).",
            "단원의 모든 단계를 장면별로 출력합니다 (키를 누를 때마다 보이는 것).")
    }
    public var render: String {
        pick("Print one screen of a lesson as text (no terminal needed).", "단원의 화면 하나를 텍스트로 출력합니다 (터미널이 필요 없습니다).")
    }
    public var export: String {
        pick(
            "Export a step's graph as Graphviz DOT (values and gradients in the labels).",
            "한 단계의 그래프를 Graphviz DOT으로 내보냅니다 (레이블에 값과 기울기를 적습니다).")
    }
    public var record: String {
        pick(
            "Record a walkthrough of a lesson as an asciinema v2 file (questions held longer, training played as in the player).",
            "단원을 처음부터 끝까지 넘겨 보는 과정을 asciinema v2 파일로 녹화합니다 (문제는 더 오래 보여 주고, 학습은 플레이어에서처럼 재생합니다).")
    }

    // MARK: - Arguments and options

    public var lessonFile: String { pick("A lesson file.", "단원 파일.") }
    public var lessonOrGraph: String {
        pick("A lesson (.md) or a graph program (.graph).", "단원 (.md) 또는 그래프 프로그램 (.graph).")
    }
    public var lessonOrDirectory: String {
        pick(
            "A lesson file or a directory of lessons (default: the bundled lessons).",
            "단원 파일이나 단원 폴더 (기본값: 함께 설치된 단원).")
    }
    public var lessonDirectory: String { pick("The directory of lessons.", "단원 폴더.") }
    public var checkPaths: String {
        pick(
            "Lesson files (.md), graph programs (.graph), or directories to search.",
            "단원 파일 (.md), 그래프 프로그램 (.graph), 또는 그런 파일을 찾을 폴더.")
    }
    public var language: String {
        pick(
            "Language of the bundled lessons and of the app: en or ko (default: the locale, LANG=ko_KR.UTF-8 is Korean).",
            "함께 설치된 단원과 앱의 언어: en 또는 ko (기본값: 로캘을 따르며, LANG=ko_KR.UTF-8이면 한국어).")
    }
    /// `--ambiguous`; `what` names the characters it matters for, `purpose` why (the carets of `check`).
    public func ambiguous(examples: String?, forCarets: Bool = false) -> String {
        let english = examples.map { " (\($0))" } ?? ""
        let korean = examples.map { "(\($0))" } ?? ""
        return pick(
            "How the terminal draws ambiguous-width characters\(english)\(forCarets ? ", for the carets" : ""): "
                + "narrow or wide (default: BACKSTEP_AMBIGUOUS, else narrow).",
            (forCarets ? "캐럿 위치를 맞추려면, " : "") + "터미널이 폭이 모호한 문자\(korean)를 그리는 방식: "
                + "narrow 또는 wide (기본값: BACKSTEP_AMBIGUOUS, 없으면 narrow).")
    }
    public var colorInPlayer: String {
        pick(
            "When to use colour (auto: when the terminal has it and NO_COLOR is unset).",
            "색을 쓸지 여부 (auto: 터미널이 색을 지원하고 NO_COLOR가 없을 때).")
    }
    public var colorInRender: String {
        pick(
            "When to use colour (auto: when standard output is a terminal and NO_COLOR is unset).",
            "색을 쓸지 여부 (auto: 표준 출력이 터미널이고 NO_COLOR가 없을 때).")
    }
    public var colorInRecording: String {
        pick(
            "When to use colour (auto: unless NO_COLOR is set; the recording is replayed in a terminal).",
            "색을 쓸지 여부 (auto: NO_COLOR가 없으면 씁니다. 녹화는 터미널에서 재생됩니다).")
    }
    public var startTheme: String { pick("The theme to start with (t switches).", "처음 쓸 테마 (t로 바꿉니다).") }
    public var theme: String { pick("The colour scheme.", "색 구성 (테마).") }
    public var size: String { pick("Screen size as WIDTHxHEIGHT.", "화면 크기, 너비x높이 (예: 80x24).") }
    public var renderStep: String {
        pick(
            """
            Step number, from 1. Only the steps up to it are played (no later training), so graph boxes \
            are sized for the values played so far, as while the player opens a lesson; --all plays everything.
            """,
            """
            단계 번호, 1부터. 그 단계까지만 실행하므로 (뒤의 학습은 실행하지 않습니다) 그래프 상자는 \
            플레이어가 단원을 여는 동안처럼 지금까지 계산된 값에 맞는 크기가 됩니다. --all은 모두 실행합니다.
            """)
    }
    public var renderFrame: String { pick("Frame number within the step, from 1.", "단계 안의 장면 번호, 1부터.") }
    public var renderAll: String {
        pick(
            "Print every frame of the lesson in order, each after a line '=== step S frame F'.",
            "단원의 모든 장면을 차례로 출력합니다. 장면마다 앞에 '=== step S frame F' 줄이 붙습니다.")
    }
    public var asciiOnly: String { pick("Print nothing outside ASCII.", "ASCII 밖의 문자는 출력하지 않습니다.") }
    public var drawASCII: String { pick("Draw with ASCII only.", "ASCII 문자로만 그립니다.") }
    public var json: String { pick("Print JSON.", "JSON으로 출력합니다.") }
    public var exportStep: String {
        pick(
            "Step number, from 1 (default: the last step that has a graph).",
            "단계 번호, 1부터 (기본값: 그래프가 있는 마지막 단계).")
    }
    public var dot: String {
        pick(
            "Write Graphviz DOT (the default, and the only format so far).",
            "Graphviz DOT으로 씁니다 (기본값이며, 지금은 이 형식뿐입니다).")
    }
    public var recording: String { pick("The recording to write (.cast).", "저장할 녹화 파일 (.cast).") }
    public var delay: String {
        pick(
            "Seconds between key presses (a question shows three times as long, its answer twice; training ticks as in the player).",
            "키를 누르는 간격 (초). 문제는 세 배, 정답은 두 배 동안 보여 주고, 학습은 플레이어의 속도로 재생합니다.")
    }

    // MARK: - Messages

    /// A path that is neither a file nor a folder, in the diagnostics' `path: error: …` form.
    public func noSuchPath(_ path: String) -> String {
        pick("\(path): error: no such file or directory", "\(path): error: 파일이나 폴더가 없습니다")
    }
    /// A lesson that cannot be opened: a missing or unreadable file in these words, a lesson's errors as diagnostics.
    public func describe(_ error: any Error) -> String {
        (error as? PlayerError).map { words.describe($0) } ?? "\(error)"
    }
    public func noLessons(in directory: String) -> String {
        pick("no lessons in \(directory)", "\(directory)에 단원이 없습니다")
    }
    public func minutes(_ count: Int) -> String { pick("\(count) min", "\(count)분") }
    public func hasErrors(_ path: String) -> String {
        pick("(has errors: run backstep check \(path))", "(오류 있음: backstep check \(path) 로 확인하세요)")
    }
    /// `check`'s last line.
    public func checked(files: Int, errors: Int, inFiles: Int, warnings: Int = 0) -> String {
        let english = "checked \(files) \(files == 1 ? "file" : "files"): \(errors) \(errors == 1 ? "error" : "errors")"
        return pick(
            english + (errors > 0 ? " in \(inFiles) \(inFiles == 1 ? "file" : "files")" : "")
                + (warnings > 0 ? ", \(warnings) \(warnings == 1 ? "warning" : "warnings")" : ""),
            "파일 \(files)개를 검사했습니다: 오류 \(errors)개" + (errors > 0 ? " (파일 \(inFiles)개)" : "")
                + (warnings > 0 ? ", 경고 \(warnings)개" : ""))
    }
    /// An unusable value of an environment variable, said once and then ignored.
    public func ignoredEnvironment(_ name: String, _ value: String, valid: [String]) -> String {
        pick(
            "backstep: ignoring \(name)=\(value) (valid values: \(valid.joined(separator: ", ")))",
            "backstep: \(name)=\(value) 값은 쓸 수 없어 무시합니다 (쓸 수 있는 값: \(valid.joined(separator: ", ")))")
    }
}
