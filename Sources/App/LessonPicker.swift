import Lessons
import Player
import Rendering
import Terminal

/// The list of lessons that `backstep` opens with: titles, summaries, language
/// and progress, one highlighted. Pure state; keys move the highlight.
struct LessonPicker {
    /// One row of the list.
    struct Entry {
        let summary: LessonSummary
        /// Fraction of the lesson's steps seen, 0…1, if it was opened before.
        var progress: Double?
        /// Predictions and answers right at the first try, from the progress file.
        var score: Score?
        init(summary: LessonSummary, progress: Double? = nil, score: Score? = nil) {
            self.summary = summary
            self.progress = progress
            self.score = score
        }
    }

    /// What a key press asks the app to do.
    enum Choice: Equatable {
        case none
        case open(path: String)
        case quit
    }

    private(set) var entries: [Entry]
    private(set) var selected = 0
    let title: String
    let words: Words

    init(entries: [Entry], title: String = "Backstep", words: Words = Language.en.words) {
        self.entries = entries
        self.title = title
        self.words = words
    }

    /// Highlights entry `index` (clamped to the list).
    mutating func select(_ index: Int) { selected = Swift.min(Swift.max(index, 0), Swift.max(entries.count - 1, 0)) }

    /// Highlights the first lesson not finished yet: where a class left off.
    mutating func selectFirstUnfinished() {
        select(entries.firstIndex { ($0.progress ?? 0) < 1 } ?? 0)
    }

    /// Moves the highlight or chooses a lesson.
    ///
    /// A presenter's clicker has only PageDown and PageUp: PageDown opens the highlighted
    /// lesson (the list opens on the first one not finished), PageUp moves the highlight
    /// up, from the first lesson round to the last, so every lesson can be reached.
    mutating func handle(_ key: Key) -> Choice {
        switch key {
        case .down, .right, .character("j"), .character("n"), .character(" "):
            selected = Swift.min(selected + 1, Swift.max(entries.count - 1, 0))
        case .up, .left, .character("k"), .character("p"), .backspace:
            selected = Swift.max(selected - 1, 0)
        case .pageUp:
            selected = selected > 0 ? selected - 1 : Swift.max(entries.count - 1, 0)
        case .pageDown:
            if entries.indices.contains(selected) { return .open(path: entries[selected].summary.path) }
        case .home, .character("g"):
            selected = 0
        case .end, .character("G"):
            selected = Swift.max(entries.count - 1, 0)
        case .enter:
            if entries.indices.contains(selected) { return .open(path: entries[selected].summary.path) }
        case .character("q"), .escape, .ctrlC:
            return .quit
        case .character(let c) where c.isNumber:
            if let n = c.wholeNumberValue, n >= 1, n <= entries.count { selected = n - 1 }
        default:
            break
        }
        return .none
    }

    /// The picker drawn into a buffer of the given size.
    func render(width: Int, height: Int, theme: Theme, glyphs: GlyphSet) -> Buffer {
        var buffer = Buffer(width: Swift.max(width, 0), height: Swift.max(height, 0))
        guard width > 0, height > 0 else { return buffer }
        let area = buffer.area
        let body = Rect(x: 0, y: 0, width: area.width, height: Swift.max(area.height - 1, 0))
        let block = Block(
            title: " \(title) ", border: .rounded, borderStyle: theme.border,
            titleStyle: theme.heading, glyphs: glyphs)
        buffer.render(block, in: body)
        let inner = body.inner(1)
        guard !inner.isEmpty else { return statusLine(into: &buffer, theme: theme, glyphs: glyphs) }
        if entries.isEmpty {
            buffer.setString(
                words.noLessonsFound, x: inner.x + 1, y: inner.y,
                style: theme.text, maxWidth: inner.width - 1)
            return statusLine(into: &buffer, theme: theme, glyphs: glyphs)
        }
        // Two rows a lesson (title, summary) when there is room, else one.
        let rowsPer = inner.height >= entries.count * 2 || inner.height >= 8 ? 2 : 1
        let visible = Swift.max(inner.height / rowsPer, 1)
        let first = Swift.min(Swift.max(selected - visible + 1, 0), Swift.max(entries.count - visible, 0))
        for (row, index) in (first..<Swift.min(first + visible, entries.count)).enumerated() {
            let entry = entries[index]
            let y = inner.y + row * rowsPer
            let isSelected = index == selected
            let marker = isSelected ? glyphs.forwardMark : " "
            var line = "\(marker) \(index + 1). \(entry.summary.title)"
            // A lesson in another language than the list's says which (a tag like `ko` means nothing to a student).
            if let tag = entry.summary.language, Language(tag: tag) != words.language {
                line += "  [\(Language(tag: tag).name)]"
            }
            if let minutes = entry.summary.minutes { line += "  " + words.minutes(minutes) }
            if entry.summary.hasErrors { line += "  " + words.hasErrors }
            let progress =
                (entry.score.map { words.rightAtFirstTry($0) + " · " } ?? "")
                + (entry.progress.map { progressText($0) } ?? "")
            let style = isSelected ? theme.strong.adding(.reverse) : theme.text
            let progressWidth = displayWidth(progress)
            let titleWidth = Swift.max(inner.width - progressWidth - 2, 1)
            buffer.setString(
                pad(truncate(line, toWidth: titleWidth, ellipsis: glyphs.ellipsis), toWidth: titleWidth),
                x: inner.x, y: y, style: style, maxWidth: titleWidth)
            if !progress.isEmpty {
                buffer.setString(progress, x: inner.right - progressWidth - 1, y: y, style: theme.secondary)
            }
            if rowsPer == 2, let summary = entry.summary.summary {
                buffer.setString(
                    truncate(summary, toWidth: Swift.max(inner.width - 6, 1), ellipsis: glyphs.ellipsis),
                    x: inner.x + 5, y: y + 1, style: theme.secondary, maxWidth: inner.width - 6)
            }
        }
        return statusLine(into: &buffer, theme: theme, glyphs: glyphs)
    }

    private func progressText(_ fraction: Double) -> String {
        let percent = Int((Swift.min(Swift.max(fraction, 0), 1) * 100).rounded())
        return percent >= 100 ? words.done : "\(percent)%"
    }

    private func statusLine(into buffer: inout Buffer, theme: Theme, glyphs: GlyphSet) -> Buffer {
        let keys = words.pickerKeys
        let text = glyphs.isASCII ? words.pickerKeysASCII : keys
        let status = StatusLine(
            left: StyledLine(text, style: theme.statusBar),
            right: StyledLine("\(entries.isEmpty ? 0 : selected + 1)/\(entries.count)", style: theme.statusBar),
            style: theme.statusBar, glyphs: glyphs)
        buffer.render(status, in: Rect(x: 0, y: buffer.height - 1, width: buffer.width, height: 1))
        buffer.paint(theme)
        return buffer
    }
}
