import Player

/// Turns the bytes a student's terminal sends into player keys.
///
/// The backstep terminal app reads keys through ncurses; over SSH there is no
/// ncurses, only the bytes of the remote terminal, so this is the small decoder
/// for what terminals send: UTF-8 text, control characters and the common
/// escape sequences for arrows, Home/End, PageUp/PageDown, Delete and
/// Shift-Tab. Anything else (mouse reports, unknown sequences, invalid UTF-8,
/// other control bytes) is dropped, never passed on.
struct TerminalInput {
    /// Bytes of a UTF-8 character or an escape sequence cut off at the end of a read.
    private var pending: [UInt8] = []

    /// The longest escape sequence kept while waiting for its end; longer ones are garbage.
    static let maxSequence = 16

    /// The keys in `bytes`, continuing any sequence the previous read cut off.
    ///
    /// A lone ESC at the end of a read is the Escape key: terminals send a
    /// sequence in one write, and a human presses Escape on its own.
    mutating func keys(from bytes: some Sequence<UInt8>) -> [PlayerKey] {
        var input = pending
        input.append(contentsOf: bytes)
        pending = []
        var keys: [PlayerKey] = []
        var i = 0
        while i < input.count {
            let byte = input[i]
            if byte == 0x1B {
                switch Self.escape(input, from: i) {
                case .key(let key, let length):
                    if let key { keys.append(key) }
                    i += length
                case .incomplete:
                    pending = Array(input[i...])
                    return keys
                }
                continue
            }
            if byte < 0x80 {
                if let key = Self.ascii(byte) { keys.append(key) }
                i += 1
                continue
            }
            let length = Self.utf8Length(byte)
            guard length > 1 else {
                i += 1
                continue
            }
            guard i + length <= input.count else {
                // A character split across reads: keep its first bytes for the next one.
                pending = Array(input[i...])
                return keys
            }
            let scalarBytes = input[i..<(i + length)]
            if scalarBytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }),
                let character = String(validating: scalarBytes, as: UTF8.self)?.first,
                !character.isASCII, character.unicodeScalars.first.map({ $0.value >= 0xA0 }) ?? false
            {
                keys.append(.character(character))
                i += length
            } else {
                i += 1
            }
        }
        return keys
    }

    private static func ascii(_ byte: UInt8) -> PlayerKey? {
        switch byte {
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 9: return .tab
        case 3: return .ctrlC
        case 0x20..<0x7F: return .character(Character(Unicode.Scalar(byte)))
        default: return nil
        }
    }

    /// 2, 3 or 4 for a UTF-8 lead byte; 0 for a continuation or invalid byte.
    private static func utf8Length(_ byte: UInt8) -> Int {
        switch byte {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    private enum Escape {
        /// The key (nil for a sequence that means nothing here) and the bytes it took.
        case key(PlayerKey?, length: Int)
        /// The read ended inside a sequence.
        case incomplete
    }

    private static func escape(_ input: [UInt8], from start: Int) -> Escape {
        let next = start + 1
        guard next < input.count else { return .key(.escape, length: 1) }
        switch input[next] {
        case UInt8(ascii: "["):
            // CSI: parameters and intermediates (0x20…0x3F), then one final byte (0x40…0x7E).
            var end = next + 1
            while end < input.count, (0x20...0x3F).contains(input[end]) { end += 1 }
            if end - start > maxSequence {
                // Too long to be a key: garbage, dropped with its final byte if it has one.
                let final = end < input.count && (0x40...0x7E).contains(input[end])
                return .key(nil, length: end - start + (final ? 1 : 0))
            }
            guard end < input.count else { return .incomplete }
            let final = input[end]
            guard (0x40...0x7E).contains(final) else { return .key(nil, length: end - start) }
            let parameters = String(decoding: input[(next + 1)..<end], as: UTF8.self)
            return .key(csi(parameters, final), length: end - start + 1)
        case UInt8(ascii: "O"):
            guard next + 1 < input.count else { return .incomplete }
            return .key(ss3(input[next + 1]), length: 3)
        case 0x1B:
            // Two Escapes in a row: the first one is a key of its own.
            return .key(.escape, length: 1)
        default:
            // Alt+key arrives as ESC then the key: the player has no Alt bindings, so it is the key.
            return .key(nil, length: 1)
        }
    }

    private static func csi(_ parameters: String, _ final: UInt8) -> PlayerKey? {
        // Modifiers arrive as `1;5C` (Ctrl-Right): the key is the same.
        let first = parameters.split(separator: ";").first.map(String.init) ?? ""
        switch (first, Character(Unicode.Scalar(final))) {
        case (_, "A"): return .up
        case (_, "B"): return .down
        case (_, "C"): return .right
        case (_, "D"): return .left
        case (_, "H"): return .home
        case (_, "F"): return .end
        case (_, "Z"): return .backTab
        case ("1", "~"), ("7", "~"): return .home
        case ("4", "~"), ("8", "~"): return .end
        case ("5", "~"): return .pageUp
        case ("6", "~"): return .pageDown
        case ("3", "~"): return .delete
        default: return nil
        }
    }

    private static func ss3(_ byte: UInt8) -> PlayerKey? {
        switch Character(Unicode.Scalar(byte)) {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        default: return nil
        }
    }
}
