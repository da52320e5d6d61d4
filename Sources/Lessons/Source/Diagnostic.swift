import TextWidth

/// One error (or, from `check`, a warning) in a lesson or graph file, at a line and column.
///
/// ``rendered`` prints it the way compilers do:
/// ```
/// lessons/01.md:12:5: error: unknown function 'sigmod' — did you mean 'sigmoid'?
/// y = sigmod(x)
///     ^
/// ```
public struct Diagnostic: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The file name as given on the command line.
    public var file: String
    /// Where the error is.
    public var location: SourceLocation
    /// What is wrong, naming the names and shapes involved.
    public var message: String
    /// The whole source line, for the excerpt under the message.
    public var sourceLine: String
    /// An error stops the lesson from opening; a warning is a likely mistake that does not.
    public var severity: Severity = .error

    /// How bad a ``Diagnostic`` is.
    public enum Severity: String, Equatable, Hashable, Sendable {
        case error, warning
    }

    public init(
        file: String, location: SourceLocation, message: String, sourceLine: String, severity: Severity = .error
    ) {
        self.file = file
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
        self.severity = severity
    }

    public var line: Int { location.line }
    public var column: Int { location.column }

    /// `FILE:LINE:COL: error: MESSAGE` (or `warning:`).
    public var description: String {
        "\(file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }

    /// The header line, the source line and a caret under the column (the
    /// header alone when there is no source line to quote).
    ///
    /// The caret is placed by display width (a Hangul syllable takes two
    /// columns); tabs are copied so the terminal lines them up the same way.
    public var rendered: String { rendered(ambiguous: .narrow) }

    /// ``rendered`` for a terminal that draws ambiguous-width characters
    /// (`σ`, `·`, Greek letters) as `ambiguous` says.
    public func rendered(ambiguous: AmbiguousWidth) -> String {
        // A file-level error (no such file, too large) has no line to quote.
        guard !sourceLine.isEmpty else { return description }
        var caret = ""
        for (index, character) in sourceLine.enumerated() where index < location.column - 1 {
            caret +=
                character == "\t" ? "\t" : String(repeating: " ", count: displayWidth(character, ambiguous: ambiguous))
        }
        let excess = location.column - 1 - sourceLine.count
        if excess > 0 { caret += String(repeating: " ", count: excess) }
        return description + "\n" + sourceLine + "\n" + caret + "^"
    }
}

extension Array where Element == Diagnostic {
    /// In file order: by line, then column; duplicates removed.
    func sortedForPrinting() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return sorted { ($0.location, $0.message) < ($1.location, $1.message) }.filter { seen.insert($0).inserted }
    }
}

/// Every error found in a file, in order; what loading or checking throws.
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// At least one diagnostic.
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Every diagnostic rendered with its excerpt, separated by newlines.
    public var description: String { diagnostics.map(\.rendered).joined(separator: "\n") }
}
