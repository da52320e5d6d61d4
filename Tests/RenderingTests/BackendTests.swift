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

    @Test func streamBackendSendsOnlyChangedRows() {
        let backend = StreamBackend(width: 10, height: 3, colors: .none)
        var buffer = Buffer(width: 10, height: 3)
        buffer.setString("one", x: 0, y: 0, style: .plain)
        backend.draw(buffer)
        let first = String(decoding: backend.takeOutput(), as: UTF8.self)
        #expect(first.contains("\u{1B}[2J"))
        #expect(first.contains("\u{1B}[1;1Hone") && first.contains("\u{1B}[3;1H"))
        #expect(backend.takeOutput().isEmpty)
        backend.draw(buffer)
        #expect(backend.takeOutput().isEmpty)
        buffer.setString("two", x: 0, y: 1, style: .plain)
        backend.draw(buffer)
        #expect(String(decoding: backend.takeOutput(), as: UTF8.self) == "\u{1B}[2;1Htwo       ")
        // A new size, or a forced redraw, rewrites everything.
        backend.resize(width: 12, height: 3)
        backend.draw(buffer)
        let resized = String(decoding: backend.takeOutput(), as: UTF8.self)
        #expect(resized.contains("\u{1B}[2J") && resized.contains("\u{1B}[3;1H"))
        backend.forceFullRedraw()
        backend.draw(buffer)
        #expect(String(decoding: backend.takeOutput(), as: UTF8.self).contains("\u{1B}[1;1Hone"))
        // An ASCII terminal gets no other bytes.
        let ascii = StreamBackend(width: 6, height: 2, colors: .ansi16, ascii: true)
        ascii.draw(frame())
        #expect(ascii.takeOutput().allSatisfy { $0 < 0x80 })
    }
}
