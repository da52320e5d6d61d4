import Foundation

/// Reads lesson files (`.md`) and bare graph programs (`.graph`) into ``Lesson``s.
///
/// ```swift
/// let lesson = try LessonLoader.load(path: "lessons/01-chain-rule.md")
/// let trace = try LessonTrace(lesson: lesson)      // runs the graphs, makes the frames
/// ```
/// Loading checks the syntax of everything: front matter, directives and their
/// options, graph programs. Names and shapes are checked when the graphs run
/// (``LessonTrace``, ``LessonChecker``).
public enum LessonLoader {
    /// Reads and parses the file at `path`.
    /// - Throws: ``LessonError`` with every syntax error, or an unreadable or too large file.
    public static func load(path: String, limits: Limits = .standard) throws(LessonError) -> Lesson {
        let (lesson, diagnostics) = loadCollecting(path: path, limits: limits)
        guard let lesson, diagnostics.isEmpty else { throw LessonError(diagnostics) }
        return lesson
    }

    /// Parses a lesson (or, when `file` ends in `.graph`, a graph program) from bytes.
    /// - Throws: ``LessonError`` with every syntax error.
    public static func parse(_ bytes: [UInt8], file: String, limits: Limits = .standard) throws(LessonError) -> Lesson {
        let (lesson, diagnostics) = parseCollecting(bytes, file: file, limits: limits)
        guard let lesson, diagnostics.isEmpty else { throw LessonError(diagnostics) }
        return lesson
    }

    /// Parses `text` as the contents of `file`.
    public static func parse(text: String, file: String, limits: Limits = .standard) throws(LessonError) -> Lesson {
        try parse(Array(text.utf8), file: file, limits: limits)
    }

    /// The lesson as far as it parsed, and every error.
    static func loadCollecting(path: String, limits: Limits) -> (Lesson?, [Diagnostic]) {
        func failure(_ message: String) -> (Lesson?, [Diagnostic]) {
            (
                nil,
                [Diagnostic(file: path, location: SourceLocation(line: 1, column: 1), message: message, sourceLine: "")]
            )
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return failure("no such file")
        }
        if isDirectory.boolValue { return failure("is a directory, not a lesson file") }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int, size > limits.fileBytes
        {
            return failure("the file has \(size) bytes, more than \(limits.fileBytes) (the file size limit)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return failure("cannot read the file") }
        return parseCollecting([UInt8](data), file: path, limits: limits)
    }

    static func parseCollecting(_ bytes: [UInt8], file: String, limits: Limits) -> (Lesson?, [Diagnostic]) {
        if bytes.count > limits.fileBytes {
            return (
                nil,
                [
                    Diagnostic(
                        file: file, location: SourceLocation(line: 1, column: 1),
                        message:
                            "the file has \(bytes.count) bytes, more than \(limits.fileBytes) (the file size limit)",
                        sourceLine: "")
                ]
            )
        }
        let source = SourceFile(name: file, bytes: bytes)
        if file.hasSuffix(".graph") { return parseGraphFile(source, limits: limits) }
        var parser = LessonParser(file: source, limits: limits)
        let lesson = parser.parse()
        return (lesson, (source.encodingErrors + parser.diagnostics).sortedForPrinting())
    }

    /// A `.graph` file: one step with its program, played forward and then backward.
    private static func parseGraphFile(_ source: SourceFile, limits: Limits) -> (Lesson?, [Diagnostic]) {
        let lines = source.lines.enumerated().map { (number: $0.offset + 1, text: $0.element) }
        let (program, errors) = Parser.parse(lines: lines, maxDepth: limits.nestingDepth)
        let block = GraphBlock(index: 0, line: 1, source: source.lines, program: program)
        let at = SourceLocation(line: 1, column: 1)
        let blocks: [StepBlock] = [
            .graph(block),
            .directive(Directive(kind: .forward, location: at, argumentLocations: [:], answer: nil)),
            .directive(Directive(kind: .backward(target: nil), location: at, argumentLocations: [:], answer: nil)),
        ]
        let title = fileStem(source.name)
        let step = Step(title: title, line: 1, isIntroduction: true, blocks: blocks)
        let lesson = Lesson(
            file: source.name, metadata: LessonMetadata(), title: title, steps: [step], isGraphFile: true,
            sourceFile: source)
        let diagnostics = source.encodingErrors + errors.map { source.diagnostic($0.0, $0.1) }
        return (lesson, diagnostics.sortedForPrinting())
    }
}
