import Foundation
import Testing

/// `backstep handout` on the real binary: the format follows the output's
/// extension, a name it cannot tell is refused before anything is written.
@Suite struct HandoutCommandTests {
    func run(_ arguments: [String]) throws -> CleanSpawn.Result {
        let backstep = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        return try CleanSpawn.run(backstep, arguments, environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
    }

    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("backstep-handout-\(getpid())-" + name).path
    }

    @Test func writesMarkdownOrHTMLByTheExtension() throws {
        let markdown = temporary("ko.md")
        let html = temporary("ko.html")
        defer {
            try? FileManager.default.removeItem(atPath: markdown)
            try? FileManager.default.removeItem(atPath: html)
        }
        let lesson = Binary.file("lessons/ko/01-chain-rule.md")
        #expect(try run(["handout", lesson, "-o", markdown]).status == 0)
        #expect(try run(["handout", lesson, "--output", html, "--size", "100x30"]).status == 0)
        let md = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(md.hasPrefix("# 연쇄 법칙") && md.contains("## 정답") && md.contains("```text\n"), "\(md.prefix(400))")
        #expect(!md.contains("v 정답 보기"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<html lang=\"ko\">"))
        #expect(page.contains("<pre class=\"screen\" style=\"width:100ch\">"))
        // --lang names the document's own words; the screens keep the lesson's.
        let english = try run(["handout", lesson, "-o", markdown, "--lang", "en"])
        #expect(english.status == 0)
        let mixed = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(mixed.contains("## Answer key") && mixed.contains("단계 1/"), "\(mixed.prefix(400))")
    }

    @Test func anUnknownExtensionOrAMissingLessonIsRefused() throws {
        let pdf = temporary("x.pdf")
        let refused = try run(["handout", Binary.file("lessons/01-chain-rule.md"), "-o", pdf])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("name it .md (Markdown) or .html (web page)"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: pdf))
        let missing = try run(["handout", "no-such-lesson.md", "-o", temporary("y.md")])
        #expect(missing.status == 1 && missing.errors.contains("no-such-lesson.md"), "\(missing.errors)")
        let unwritable = try run(["handout", Binary.file("lessons/01-chain-rule.md"), "-o", "/nonexistent/dir/z.md"])
        #expect(unwritable.status == 1 && unwritable.errors.contains("cannot write /nonexistent/dir/z.md"))
    }
}
