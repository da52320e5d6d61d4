import CNcursesw
import Testing

@testable import Terminal

/// What `get_wch` codes become, without a terminal.
@Suite struct KeyDecoderTests {
    @Test func printableCharactersIncludingKorean() {
        #expect(KeyDecoder.character(Int(UInt8(ascii: "q"))) == .character("q"))
        #expect(KeyDecoder.character(Int(UInt8(ascii: " "))) == .character(" "))
        #expect(KeyDecoder.character(0xD55C) == .character("한"))
        #expect(KeyDecoder.character(0xE9) == .character("é"))
    }

    @Test func controlBytes() {
        #expect(KeyDecoder.character(13) == .enter)
        #expect(KeyDecoder.character(10) == .enter)
        #expect(KeyDecoder.character(27) == .escape)
        #expect(KeyDecoder.character(127) == .backspace)
        #expect(KeyDecoder.character(8) == .backspace)
        #expect(KeyDecoder.character(9) == .tab)
        #expect(KeyDecoder.character(3) == .ctrlC)
        #expect(KeyDecoder.character(12) == .control("l"))
        #expect(KeyDecoder.character(1) == .control("a"))
        #expect(KeyDecoder.character(28) == .control("\\"))
    }

    @Test func codesThatAreNoKeys() {
        #expect(KeyDecoder.character(0x85) == nil)  // C1 control
        #expect(KeyDecoder.character(0xD800) == nil)  // lone surrogate
        #expect(KeyDecoder.character(0x110000) == nil)
        #expect(KeyDecoder.character(-1) == nil)
        #expect(KeyDecoder.functionKey(Int(KEY_MOUSE)) == nil)
    }

    @Test func functionKeys() {
        #expect(KeyDecoder.functionKey(Int(KEY_UP)) == .up)
        #expect(KeyDecoder.functionKey(Int(KEY_LEFT)) == .left)
        #expect(KeyDecoder.functionKey(Int(KEY_NPAGE)) == .pageDown)
        #expect(KeyDecoder.functionKey(Int(KEY_PPAGE)) == .pageUp)
        #expect(KeyDecoder.functionKey(Int(KEY_HOME)) == .home)
        #expect(KeyDecoder.functionKey(Int(KEY_END)) == .end)
        #expect(KeyDecoder.functionKey(Int(KEY_BACKSPACE)) == .backspace)
        #expect(KeyDecoder.functionKey(Int(KEY_DC)) == .delete)
        #expect(KeyDecoder.functionKey(Int(KEY_BTAB)) == .backTab)
        #expect(KeyDecoder.functionKey(Int(KEY_ENTER)) == .enter)
        #expect(KeyDecoder.functionKey(Int(KEY_RESIZE)) == .resize)
        #expect(KeyDecoder.functionKey(Int(KEY_SRIGHT)) == .right)
        #expect(KeyDecoder.functionKey(Int(KEY_F0) + 1) == .function(1))
        #expect(KeyDecoder.functionKey(Int(KEY_F0) + 12) == .function(12))
        #expect(KeyDecoder.functionKey(Int(KEY_F0)) == nil)
    }

    @Test func extraSequencesAreEscapeSequencesOfKnownKeys() {
        for extra in KeyDecoder.extraSequences {
            #expect(extra.sequence.hasPrefix("\u{1B}") && extra.sequence.count >= 3)
            #expect(KeyDecoder.functionKey(Int(extra.code)) != nil, "\(extra.sequence.debugDescription)")
        }
        #expect(Set(KeyDecoder.extraSequences.map(\.sequence)).count == KeyDecoder.extraSequences.count)
    }

    @Test func signalExitStatus() {
        #expect(Key.signal(15).signalExitStatus == 143)
        #expect(Key.character("q").signalExitStatus == nil)
    }
}
