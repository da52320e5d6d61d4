import Rendering

/// The screen size the text commands take (the text itself comes from `TextBackend`).
public enum ScreenText {
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
