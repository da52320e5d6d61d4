/// A backend for web pages: each frame drawn becomes a `<pre class="screen">`
/// in ``lastFrame``, the cells' colours and modifiers as inline CSS, every
/// text escaped. `backstep handout` puts one per frame in a page; the page
/// supplies ``stylesheet`` (the font, the screen's default colours).
public final class HTMLBackend: Backend {
    public let size: TerminalSize
    /// How many colours the page may use (`.none`: modifiers only).
    public let colors: ColorMode
    /// The last frame drawn: exactly `size.height` rows of `size.width` cells.
    public private(set) var lastFrame = ""

    public init(width: Int, height: Int, colors: ColorMode = .ansi256) {
        size = TerminalSize(width: width, height: height)
        self.colors = colors
    }

    public func draw(_ buffer: Buffer) {
        var screen = Buffer(width: size.width, height: size.height)
        screen.blit(buffer, x: 0, y: 0)
        lastFrame =
            "<pre class=\"screen\" style=\"width:\(size.width)ch\">"
            + screen.htmlLines(colors: colors).joined(separator: "\n") + "</pre>"
    }

    /// Every frame is written whole; nothing to force.
    public func forceFullRedraw() {}

    /// What a page around the frames needs: a monospace font, the terminal's
    /// default colours `fg` on `bg` (CSS colours), and the cell-wide blocks of
    /// non-ASCII text. Printing keeps the colours, as the screen shows them.
    public static func stylesheet(fg: String, bg: String) -> String {
        """
        pre.screen { --fg: \(fg); --bg: \(bg); color: var(--fg); background: var(--bg); \
        font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK KR", "D2Coding", Menlo, Consolas, monospace; \
        font-size: 13px; line-height: 1.25; padding: 0.5em; box-sizing: content-box; overflow-x: auto; \
        white-space: pre; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        pre.screen span.u, pre.screen span.u1, pre.screen span.u2 { display: inline-block; vertical-align: top; }
        pre.screen span.u1 { width: 1ch; }
        pre.screen span.u2 { width: 2ch; }
        """
    }
}
