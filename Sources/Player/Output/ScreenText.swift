import Rendering

/// A screen as lines of text for a file or a pipe: plain, or with ANSI
/// colour escapes; in ASCII mode nothing outside ASCII gets through.
public enum ScreenText {
    /// Exactly `buffer.height` lines, each `buffer.width` columns wide before escapes.
    /// - Parameter colors: nil for plain text.
    public static func lines(_ buffer: Buffer, colors: ColorMode?, ascii: Bool) -> [String] {
        var lines = colors.map { buffer.ansiLines(colors: $0) } ?? buffer.lines()
        // Screens drawn with ASCII glyphs are ASCII already; this guards against anything a lesson smuggles in.
        if ascii {
            lines = lines.map { String(String.UnicodeScalarView($0.unicodeScalars.map { $0.isASCII ? $0 : "?" })) }
        }
        return lines
    }

    /// Parses `WIDTHxHEIGHT` (also `W×H`), each from 1 to 1000.
    /// - Throws: ``ScreenSizeError`` naming the expected form.
    public static func size(_ text: String) throws(ScreenSizeError) -> (width: Int, height: Int) {
        let parts = text.lowercased().replacingOccurrences(of: "×", with: "x").split(
            separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w),
            (1...1000).contains(h)
        else {
            throw ScreenSizeError(text: text)
        }
        return (w, h)
    }
}

/// A screen size that is not `WIDTHxHEIGHT` with both from 1 to 1000.
public struct ScreenSizeError: Error, Equatable, CustomStringConvertible {
    public let text: String
    public init(text: String) { self.text = text }
    public var description: String {
        "'\(text)' is not a screen size: use WIDTHxHEIGHT with each from 1 to 1000, like 80x24"
    }
}
