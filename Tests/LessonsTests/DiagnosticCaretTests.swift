import Testing
import TextWidth

@testable import Lessons

/// Carets stand under the column they name when the line holds Hangul, and
/// under ambiguous-width characters as the terminal draws them.
@Suite struct DiagnosticCaretTests {
    func caretColumn(_ rendered: String) -> Int {
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.last.map { $0.count - 1 } ?? -1
    }

    @Test func caretUnderKoreanText() {
        // "기울기 = " is 3 syllables (6 columns) and 3 more: the caret stands at column 9.
        let d = Diagnostic(
            file: "ko.md", location: SourceLocation(line: 1, column: 7), message: "m", sourceLine: "기울기 = zz")
        #expect(caretColumn(d.rendered) == 9)
    }

    @Test func caretFollowsAmbiguousWidth() {
        let d = Diagnostic(
            file: "a.md", location: SourceLocation(line: 1, column: 5), message: "m", sourceLine: "σ·× zz")
        #expect(caretColumn(d.rendered) == 4)
        #expect(caretColumn(d.rendered(ambiguous: .wide)) == 7)
    }
}
