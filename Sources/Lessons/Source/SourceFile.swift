/// The text of one lesson or graph file, split into lines, with its name.
///
/// Made from raw bytes: a UTF-8 byte order mark is dropped, CRLF and LF both end
/// a line, and a line that is not valid UTF-8 is kept (with U+FFFD in place of
/// the bad bytes) and reported as an error at the first bad byte.
public struct SourceFile: Equatable, Sendable {
    /// The name diagnostics print, usually the path as given.
    public let name: String
    /// The lines without their line endings.
    public let lines: [String]
    /// One error per line that is not valid UTF-8.
    public let encodingErrors: [Diagnostic]
    /// The size of the file in bytes.
    public let byteCount: Int

    /// Decodes `bytes`.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        byteCount = bytes.count
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var lines: [String] = []
        var errors: [Diagnostic] = []
        var lineStart = start
        var index = start
        func finishLine(end: Int) {
            var stop = end
            if stop > lineStart && bytes[stop - 1] == 0x0D { stop -= 1 }
            let decoded = SourceFile.decode(bytes[lineStart..<stop])
            lines.append(decoded.text)
            if let column = decoded.badColumn {
                errors.append(
                    Diagnostic(
                        file: name, location: SourceLocation(line: lines.count, column: column),
                        message: "this line is not valid UTF-8 (save the file as UTF-8)", sourceLine: decoded.text))
            }
        }
        while index < bytes.count {
            if bytes[index] == 0x0A {
                finishLine(end: index)
                lineStart = index + 1
            }
            index += 1
        }
        // A final line without a newline still counts; an empty tail after a newline does not.
        if lineStart < bytes.count || lines.isEmpty { finishLine(end: bytes.count) }
        self.lines = lines
        encodingErrors = errors
    }

    /// Text that is already a string (tests, `.graph` snippets).
    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// Line `number` (from 1), or an empty string past the end.
    public func line(_ number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// A diagnostic at `location` in this file, with the source line filled in.
    func diagnostic(_ location: SourceLocation, _ message: String, severity: Diagnostic.Severity = .error)
        -> Diagnostic
    {
        Diagnostic(
            file: name, location: location, message: message, sourceLine: line(location.line), severity: severity)
    }

    /// The line decoded, and the column (in characters) of the first invalid byte, if any.
    static func decode(_ bytes: ArraySlice<UInt8>) -> (text: String, badColumn: Int?) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var bad = false
        var goodPrefix: String?
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                if !bad {
                    bad = true
                    goodPrefix = String(scalars)
                }
                scalars.append("\u{FFFD}")
            }
        }
        let text = String(scalars)
        guard bad, let prefix = goodPrefix else { return (text, nil) }
        return (text, prefix.count + 1)
    }
}
