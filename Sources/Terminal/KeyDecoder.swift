import CNcursesw

/// Turns what `get_wch` returns into a ``TerminalKey``. Pure, so it is tested without a terminal.
enum KeyDecoder {
    /// A character read as text (`get_wch` returned OK).
    static func character(_ code: Int) -> TerminalKey? {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 3: return .interrupt
        default:
            guard code >= 32, let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: code)) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function key (`get_wch` returned KEY_CODE_YES).
    static func functionKey(_ code: Int) -> TerminalKey? {
        switch Int32(truncatingIfNeeded: code) {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1...KEY_F0 + 12: return .function(code - Int(KEY_F0))
        default: return nil
        }
    }
}
