/// A student's terminal size, as the SSH client reported it (`pty-req`, `window-change`),
/// clamped to what a screen can be drawn at.
///
/// Clients may claim anything (0×0, 2³¹ columns); the buffer for a screen is
/// width × height cells, so the size is bounded before any buffer is made.
struct WindowSize: Equatable, Sendable {
    let width: Int
    let height: Int

    static let minimum = (width: 10, height: 3)
    static let maximum = (width: 400, height: 150)
    /// What a client that never says its size gets.
    static let standard = WindowSize(width: 80, height: 24)

    init(width: Int, height: Int) {
        self.width = Swift.min(Swift.max(width, Self.minimum.width), Self.maximum.width)
        self.height = Swift.min(Swift.max(height, Self.minimum.height), Self.maximum.height)
    }
}
