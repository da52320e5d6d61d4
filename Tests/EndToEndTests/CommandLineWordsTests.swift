import Foundation
import Testing

/// The command line speaks the locale's language (or `--lang`'s): help,
/// listings, summaries and messages, run on the real binary.
@Suite struct CommandLineWordsTests {
    func run(_ arguments: [String], lang: String, extra: [String: String] = [:]) throws -> CleanSpawn.Result {
        let backstep = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        var environment = ["LANG": lang, "PATH": "/usr/bin:/bin"]
        environment.merge(extra) { $1 }
        return try CleanSpawn.run(backstep, arguments, environment: environment)
    }

    /// Hangul syllables in `text`, and the English words of more than three letters outside identifiers.
    func englishWords(_ text: String, allowing allowed: Set<String>) -> [String] {
        text.split { !$0.isLetter || !$0.isASCII }.map(String.init).filter {
            $0.count > 3 && !allowed.contains($0.lowercased())
        }
    }

    @Test(arguments: ["render", "check", "list", "open", "eval", "frames", "export", "record", "handout"])
    func helpIsKoreanInAKoreanLocale(_ command: String) throws {
        let help = try run([command, "--help"], lang: "ko_KR.UTF-8").output
        #expect(help.contains { ("가"..."힣").contains($0) }, "\(help)")
        // ArgumentParser's own headings and the option names stay; no English sentence is left.
        let allowed: Set<String> = [
            "overview", "usage", "options", "arguments", "backstep", "show", "help", "information", "version",
            "default", "values", "file", "step", "frame", "size", "ascii", "color", "theme", "ambiguous", "narrow",
            "wide", "auto", "always", "never", "projector", "light", "monochrome", "json", "path", "lang", "paths",
            "graph",
            "directory", "output", "delay", "graphviz", "asciinema", "cast", "lesson", "front", "order", "width",
            "height", "backstep_ambiguous", "no_color", "utf", "ko_kr", "language", "lessons", "markdown", "html",
            command,
        ]
        #expect(englishWords(help, allowing: allowed).isEmpty, "\(englishWords(help, allowing: allowed))\n\(help)")
    }

    @Test func helpIsEnglishElsewhere() throws {
        let help = try run(["render", "--help"], lang: "C.UTF-8").output
        #expect(help.contains("Print one screen of a lesson as text"), "\(help)")
        #expect(!help.contains { ("가"..."힣").contains($0) })
        // --lang outranks the locale.
        let korean = try run(["render", "--lang", "ko", "--help"], lang: "C.UTF-8").output
        #expect(korean.contains("단원의 화면 하나를"), "\(korean)")
    }

    @Test func listingsSummariesAndMessagesFollowTheLocale() throws {
        let list = try run(["list", Binary.file("lessons/ko")], lang: "ko_KR.UTF-8")
        #expect(list.output.contains("15분") && !list.output.contains(" min"), "\(list.output)")
        let check = try run(["check", Binary.file("lessons/ko")], lang: "ko_KR.UTF-8")
        #expect(check.output.contains("개를 검사했습니다: 오류 0개"), "\(check.output)")
        let english = try run(["check", Binary.file("lessons/ko")], lang: "C.UTF-8")
        #expect(english.output.contains("files: 0 errors"), "\(english.output)")
        let missing = try run(["render", "no-such-lesson.md"], lang: "ko_KR.UTF-8")
        #expect(missing.status == 1)
        #expect(missing.errors.contains("no-such-lesson.md: error: 파일이 없습니다"), "\(missing.errors)")
    }

    @Test func aMistypedAmbiguousSettingIsSaidNotIgnored() throws {
        let result = try run(
            ["check", Binary.file("lessons/01-chain-rule.md")], lang: "C.UTF-8", extra: ["BACKSTEP_AMBIGUOUS": "wdie"])
        #expect(result.status == 0)
        #expect(
            result.errors.contains("ignoring BACKSTEP_AMBIGUOUS=wdie (valid values: narrow, wide)"), "\(result.errors)")
    }
}
