/// A place in a source file: 1-based line and column.
///
/// Columns count characters (grapheme clusters), so a Korean syllable or an
/// emoji is one column; the caret under a diagnostic is placed by display width.
public struct SourceLocation: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in characters.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }

    /// The location `n` characters further along the same line.
    func advanced(by n: Int) -> SourceLocation { SourceLocation(line: line, column: column + n) }
}
