@_exported import SnapshotSupport

@testable import Rendering

/// Renders `widget` into a fresh `width`×`height` buffer.
func rendered(_ widget: some Widget, width: Int, height: Int) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    buffer.render(widget, in: buffer.area)
    return buffer
}

extension String {
    /// The string without trailing spaces (for comparing rows of a screen).
    func trimmedTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
