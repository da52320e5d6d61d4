import Testing

@testable import Rendering

/// The backends a test or a pipe draws to: what they keep of a frame.
@Suite struct BackendTests {
    func frame() -> Buffer {
        var buffer = Buffer(width: 6, height: 2)
        buffer.setString("ab", x: 0, y: 0, style: Style(modifiers: .bold))
        buffer.setString("한", x: 2, y: 0, style: Style(modifiers: .reverse))
        buffer.setString("x", x: 5, y: 1, style: Style(fg: .orange, modifiers: [.bold, .reverse]))
        return buffer
    }

    @Test func testBackendKeepsTheScreenClippedToItsSize() {
        let backend = TestBackend(width: 4, height: 3)
        backend.draw(frame())
        #expect(backend.buffer.lines() == ["ab한", "    ", "    "])
        #expect(backend.drawCount == 1)
        backend.resize(width: 2, height: 1)
        #expect(backend.size == TerminalSize(width: 2, height: 1))
        #expect(backend.buffer.lines() == ["  "])
    }

    @Test func styleLinesMarkModifiersColumnByColumn() {
        #expect(frame().styleLines() == ["BBRR", ".....#"])
    }

    @Test func textBackendWritesRowsWithOrWithoutEscapes() {
        let plain = TextBackend(width: 6, height: 2, colors: nil)
        plain.draw(frame())
        #expect(plain.lastFrame == "ab한  \n     x")
        let ascii = TextBackend(
            width: 6, height: 2, colors: nil, ascii: true, clearsScreen: true, lineSeparator: "\r\n")
        ascii.draw(frame())
        #expect(ascii.lastFrame == "\u{1B}[H\u{1B}[2Jab?  \r\n     x")
        let colored = TextBackend(width: 6, height: 2, colors: .ansi256)
        colored.draw(frame())
        #expect(colored.lastFrame.contains("\u{1B}[0;1;7;38;5;178mx\u{1B}[0m"), "\(colored.lastFrame)")
    }
}
