import Player
import Rendering

/// What `backstep class` adds to the teacher's projected screen: how students
/// join and how many are here (on the title row), and on a question how many
/// answered, then, once revealed, a histogram of the answers with the right
/// ones marked (a box at the bottom right, over the step's text, never over
/// the question).
public struct ClassPanel {
    public let tally: AnswerTally?
    public let students: Int
    public let joinHint: String
    /// Whether the teacher's question shows its answer.
    public let revealed: Bool
    public let theme: Theme
    public let glyphs: GlyphSet
    /// The teacher's lesson's language.
    let words: Words

    /// The panel for the teacher's player as it is drawn now.
    public init(classroom: Classroom, state: PlayerState, glyphs: GlyphSet) {
        tally = classroom.tally(for: state)
        students = classroom.studentCount
        joinHint = classroom.joinHint
        revealed = state.currentAnswer?.revealed == true
        theme = state.theme
        words = state.words
        self.glyphs = glyphs
    }

    /// The most answers the histogram lists; the rest are summed on one line.
    static let maxBins = 5

    /// Draws over `buffer`, the teacher's screen.
    public func draw(into buffer: inout Buffer) {
        guard buffer.width >= 20, buffer.height >= 3 else { return }
        let badge = " \(words.students(students)) \(glyphs.middleDot) \(joinHint) "
        let text = truncate(badge, toWidth: buffer.width / 2, ellipsis: glyphs.ellipsis)
        buffer.setString(text, x: buffer.width - displayWidth(text), y: 0, style: theme.badge)
        guard let tally else { return }
        let lines = self.lines(tally)
        let width = Swift.min(Swift.max(lines.map { displayWidth($0.text) }.max() ?? 0, 24) + 4, buffer.width / 2)
        let height = Swift.min(lines.count + 2, buffer.height - 2)
        guard height >= 3 else { return }
        let area = Rect(x: buffer.width - width, y: buffer.height - 1 - height, width: width, height: height)
        buffer.render(
            Block(
                title: words.classTitle, border: .rounded, borderStyle: theme.focusBorder, titleStyle: theme.heading,
                glyphs: glyphs, clearsInside: true),
            in: area)
        for (row, line) in lines.prefix(height - 2).enumerated() {
            buffer.setString(line.text, x: area.x + 2, y: area.y + 1 + row, style: line.style, maxWidth: width - 4)
        }
    }

    /// The box's rows: the count, then (revealed) one bar per answer.
    func lines(_ tally: AnswerTally) -> [(text: String, style: Style)] {
        var lines = [(text: words.answered(tally.answered, of: tally.students), style: theme.strong)]
        guard revealed else { return lines }
        let shown = tally.bins.prefix(Self.maxBins)
        let labelWidth = shown.map { displayWidth($0.text) }.max() ?? 0
        let most = Swift.max(shown.map(\.count).max() ?? 1, 1)
        for bin in shown {
            let bar = String(repeating: glyphs.fullBlock, count: Swift.max(1, bin.count * 12 / most))
            let mark = bin.isRight ? (glyphs.isASCII ? " ok" : " ✓") : ""
            lines.append(
                (
                    text: "\(pad(bin.text, toWidth: labelWidth, alignment: .right)) \(bar) \(bin.count)\(mark)",
                    style: bin.isRight ? theme.answer : theme.text
                ))
        }
        let rest = tally.bins.dropFirst(Self.maxBins).reduce(0) { $0 + $1.count }
        if rest > 0 { lines.append((text: words.otherAnswers(rest), style: theme.secondary)) }
        if tally.bins.isEmpty { lines.append((text: words.noAnswers, style: theme.secondary)) }
        return lines
    }
}
