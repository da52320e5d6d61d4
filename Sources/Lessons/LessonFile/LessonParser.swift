/// Reads a lesson file line by line into steps of prose, graph blocks and
/// directives, collecting every error instead of stopping at the first.
struct LessonParser {
    let file: SourceFile
    let limits: Limits
    private(set) var diagnostics: [Diagnostic] = []
    /// Likely mistakes that still make a lesson: `check` prints them.
    private(set) var warnings: [Diagnostic] = []

    private var title: String?
    private var steps: [Step] = []
    private var stepTitle = ""
    private var stepLine = 1
    private var stepIsIntroduction = true
    private var blocks: [StepBlock] = []
    /// `{frame=N}` tags of this step's prose, by the block's position among its prose blocks.
    private var proseFrames: [Int: Int] = [:]
    private var graphCount = 0
    private var tooManySteps = false

    /// The paragraph or list item being collected.
    private var pending: (kind: PendingKind, text: String)?
    private enum PendingKind {
        case paragraph
        case item(marker: String, depth: Int)
    }
    private var code: [String]?
    private var previousBlank = true

    init(file: SourceFile, limits: Limits) {
        self.file = file
        self.limits = limits
    }

    mutating func parse() -> Lesson {
        let (metadata, bodyStart, frontErrors) = FrontMatter.parse(file)
        diagnostics += frontErrors
        var directives = DirectiveParser(file: file, limits: limits)
        var index = bodyStart
        while index < file.lines.count {
            let text = file.lines[index]
            let number = index + 1
            index += 1
            let trimmed = text.trimmingCharacters(in: " \t")
            if trimmed.hasPrefix("```") {
                flushProse()
                let info = String(trimmed.dropFirst(3)).trimmingCharacters(in: " \t")
                var body: [(number: Int, text: String)] = []
                var closed = false
                while index < file.lines.count {
                    let line = file.lines[index]
                    index += 1
                    if line.trimmingCharacters(in: " \t") == "```" {
                        closed = true
                        break
                    }
                    body.append((index, line))
                }
                if !closed {
                    diagnostics.append(
                        file.diagnostic(
                            SourceLocation(line: number, column: 1 + leading(text)),
                            "this ``` block is never closed: add a line with ``` after it"))
                    // The block swallowed the rest of the file: its prose and directives read as
                    // code would only add errors that the missing ``` explains.
                    if info == "graph" { break }
                }
                if info == "graph" {
                    addGraph(body, fenceLine: number)
                } else {
                    blocks.append(.prose(.code(body.map(\.text))))
                }
                previousBlank = false
                continue
            }
            if text.hasPrefix("@") {
                flushProse()
                if let directive = directives.parse(text, line: number) {
                    blocks.append(.directive(directive))
                    warnAboutFrames(directive)
                }
                previousBlank = false
                continue
            }
            warnIfIndentedDirective(text, line: number)
            if let (level, heading) = headingLevel(text) {
                flushProse()
                switch level {
                case 1:
                    if title == nil && steps.isEmpty {
                        title = heading
                        if stepTitle.isEmpty { stepLine = number }
                    } else {
                        diagnostics.append(
                            file.diagnostic(
                                SourceLocation(line: number, column: 1),
                                "a lesson has one '# ' title; start a step with '## '"))
                    }
                case 2:
                    startStep(heading, line: number)
                default:
                    blocks.append(.prose(.heading(level: level, parseInline(heading))))
                }
                previousBlank = false
                continue
            }
            proseLine(text)
        }
        flushProse()
        finishStep()
        diagnostics += directives.diagnostics
        let lessonTitle = metadata.title ?? title ?? fileStem(file.name)
        if let first = steps.first, first.isIntroduction {
            steps[0] = Step(
                title: lessonTitle, line: first.line, isIntroduction: true, blocks: first.blocks,
                proseFrames: first.proseFrames)
        }
        var lesson = Lesson(
            file: file.name, metadata: metadata, title: lessonTitle, steps: steps, isGraphFile: false, sourceFile: file)
        lesson.warnings = warnings.sortedForPrinting()
        return lesson
    }

    private func headingLevel(_ text: String) -> (Int, String)? {
        guard text.hasPrefix("#") else { return nil }
        let hashes = text.prefix(while: { $0 == "#" }).count
        let rest = text.dropFirst(hashes)
        guard hashes <= 6, rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return (hashes, String(rest).trimmingCharacters(in: " \t#"))
    }

    private mutating func startStep(_ heading: String, line: Int) {
        finishStep()
        if heading.isEmpty {
            diagnostics.append(
                file.diagnostic(SourceLocation(line: line, column: 1), "a step needs a title after '## '"))
        }
        if steps.count >= limits.steps && !tooManySteps {
            tooManySteps = true
            diagnostics.append(
                file.diagnostic(
                    SourceLocation(line: line, column: 1),
                    "the lesson has more than \(limits.steps) steps (the step limit)"))
        }
        stepTitle = heading
        stepLine = line
        stepIsIntroduction = false
        previousBlank = true
    }

    private mutating func finishStep() {
        guard !tooManySteps || steps.count < limits.steps else {
            blocks = []
            return
        }
        steps.append(
            Step(
                title: stepTitle, line: stepLine, isIntroduction: stepIsIntroduction, blocks: blocks,
                proseFrames: proseFrames))
        blocks = []
        proseFrames = [:]
    }

    private mutating func addGraph(_ body: [(number: Int, text: String)], fenceLine: Int) {
        guard graphCount < limits.graphs else {
            if graphCount == limits.graphs {
                diagnostics.append(
                    file.diagnostic(
                        SourceLocation(line: fenceLine, column: 1),
                        "the lesson has more than \(limits.graphs) graph blocks (the graph limit)"))
            }
            graphCount += 1
            return
        }
        let (program, errors) = Parser.parse(lines: body, maxDepth: limits.nestingDepth)
        diagnostics += errors.map { file.diagnostic($0.0, $0.1) }
        blocks.append(
            .graph(
                GraphBlock(
                    index: graphCount, line: body.first?.number ?? fenceLine + 1,
                    source: body.map(\.text), program: program)))
        graphCount += 1
    }

    // MARK: - Prose

    /// A directive only counts at the start of its line; indented, students see it as text.
    private mutating func warnIfIndentedDirective(_ text: String, line: Int) {
        let indent = leading(text)
        let rest = text.dropFirst(indent)
        guard indent > 0, rest.hasPrefix("@") else { return }
        let name = String(rest.dropFirst().prefix { $0.isLetter || $0 == "_" })
        guard DirectiveParser.names.contains(name) else { return }
        warnings.append(
            file.diagnostic(
                SourceLocation(line: line, column: indent + 1),
                "this @\(name) is indented, so it is shown as text and never run; start it at the beginning of the line",
                severity: .warning))
    }

    /// A training whose `every=` passes its length shows only its first and last frames.
    private mutating func warnAboutFrames(_ directive: Directive) {
        guard case .train(let options) = directive.kind, options.every > options.iterations else { return }
        let length = options.epochs.map { "epochs=\($0)" } ?? "iters=\(options.iterations)"
        warnings.append(
            file.diagnostic(
                directive.location(of: "every"),
                "every=\(options.every) is more than \(length): the training shows only its first and last frames",
                severity: .warning))
    }

    private mutating func proseLine(_ text: String) {
        let trimmed = text.trimmingCharacters(in: " \t")
        if trimmed.isEmpty {
            flushPending()
            if code != nil { code?.append("") }
            previousBlank = true
            return
        }
        let indent = indentWidth(text)
        if indent >= 4 && (code != nil || (previousBlank && pending == nil)) {
            code = (code ?? []) + [String(dropIndent(text, 4))]
            previousBlank = false
            return
        }
        flushCode()
        if let (marker, rest) = listMarker(trimmed) {
            flushPending()
            pending = (.item(marker: marker, depth: indent / 2), rest)
        } else if let current = pending, !previousBlank {
            pending = (current.kind, current.text + " " + trimmed)
        } else {
            flushPending()
            pending = (.paragraph, trimmed)
        }
        previousBlank = false
    }

    private func listMarker(_ trimmed: String) -> (String, String)? {
        if let first = trimmed.first, "-*+".contains(first), trimmed.dropFirst().first == " " {
            return (String(first), String(trimmed.dropFirst(2)).trimmingCharacters(in: " \t"))
        }
        let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 3 {
            let rest = trimmed.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
                return (String(digits) + String(mark), String(rest.dropFirst(2)).trimmingCharacters(in: " \t"))
            }
        }
        return nil
    }

    private mutating func flushPending() {
        guard let p = pending else { return }
        let (text, frame) = FrameTag.split(p.text)
        if let frame { proseFrames[blocks.filter { if case .prose = $0 { true } else { false } }.count] = frame }
        switch p.kind {
        case .paragraph: blocks.append(.prose(.paragraph(parseInline(text))))
        case .item(let marker, let depth):
            blocks.append(.prose(.listItem(marker: marker, depth: depth, parseInline(text))))
        }
        pending = nil
    }

    private mutating func flushCode() {
        guard var lines = code else { return }
        while lines.last == "" { lines.removeLast() }
        blocks.append(.prose(.code(lines)))
        code = nil
    }

    private mutating func flushProse() {
        flushPending()
        flushCode()
    }

    private func indentWidth(_ text: String) -> Int {
        var width = 0
        for c in text {
            if c == " " { width += 1 } else if c == "\t" { width += 4 - width % 4 } else { break }
        }
        return width
    }

    private func dropIndent(_ text: String, _ n: Int) -> Substring {
        var width = 0
        var s = Substring(text)
        while width < n, let c = s.first, c == " " || c == "\t" {
            width += c == "\t" ? 4 - width % 4 : 1
            s = s.dropFirst()
        }
        return s
    }

    private func leading(_ text: String) -> Int { text.prefix(while: { $0 == " " || $0 == "\t" }).count }
}

/// `lessons/01-chain-rule.md` → `01-chain-rule`.
func fileStem(_ path: String) -> String {
    let base = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
    return String(base[..<dot])
}
