import Player
import Testing

@testable import Classroom

@Suite struct TerminalInputTests {
    func keys(_ chunks: [UInt8]...) -> [PlayerKey] {
        var input = TerminalInput()
        return chunks.flatMap { input.keys(from: $0) }
    }

    @Test func textAndControls() {
        #expect(keys(Array("a5 ".utf8)) == [.character("a"), .character("5"), .character(" ")])
        #expect(keys([13, 10, 127, 8, 9, 3]) == [.enter, .enter, .backspace, .backspace, .tab, .ctrlC])
        // Other control bytes are no keys.
        #expect(keys([0, 1, 2, 4, 0x1C, 0x1F]).isEmpty)
    }

    @Test func escapeSequences() {
        let arrows = Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}OA\u{1B}OD".utf8)
        #expect(keys(arrows) == [.up, .down, .right, .left, .up, .left])
        let pages = Array("\u{1B}[5~\u{1B}[6~\u{1B}[1~\u{1B}[4~\u{1B}[3~\u{1B}[Z\u{1B}[1;5C".utf8)
        #expect(keys(pages) == [.pageUp, .pageDown, .home, .end, .delete, .backTab, .right])
        // A lone ESC ending a read is the Escape key; two in a row are two.
        #expect(keys([0x1B]) == [.escape])
        #expect(keys([0x1B, 0x1B]) == [.escape, .escape])
    }

    @Test func sequencesAndCharactersSplitAcrossReads() {
        #expect(keys([0x1B, UInt8(ascii: "[")], [UInt8(ascii: "6"), UInt8(ascii: "~")]) == [.pageDown])
        let korean = Array("한".utf8)
        #expect(keys([korean[0]], Array(korean[1...])) == [.character("한")])
    }

    @Test func garbageIsDropped() {
        // Invalid UTF-8, a lone continuation byte, C1 controls, a mouse report and an endless CSI.
        #expect(keys([0xFF, 0xFE, 0x80, 0xC2, 0x85]).isEmpty)
        #expect(keys(Array("\u{1B}[<0;10;5M".utf8)).isEmpty)
        let endless = [0x1B, UInt8(ascii: "[")] + [UInt8](repeating: UInt8(ascii: "1"), count: 5000)
        #expect(keys(endless + Array("~x".utf8)) == [.character("x")])
        // Random bytes never trap, and what comes after them still arrives.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let noise = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            var input = TerminalInput()
            _ = input.keys(from: noise)
            let after = input.keys(from: Array("\u{1B}\u{1B}q".utf8))
            #expect(after.last == .character("q"))
        }
    }
}
