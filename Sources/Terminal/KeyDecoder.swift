import CNcursesw

/// Turns what `get_wch` returns into a ``Key``. Pure, so it is tested without a terminal.
enum KeyDecoder {
    /// A character `get_wch` read as text (it returned OK); nil for codes that are not keys.
    static func character(_ code: Int) -> Key? {
        switch code {
        // nonl() makes Enter arrive as CR; a terminal in other modes may send LF.
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 3: return .ctrlC
        case 0: return .control("@")
        case 1...26:
            return Unicode.Scalar(UInt32(code) + 0x60).map { .control(Character($0)) }
        case 28...31:
            return Unicode.Scalar(UInt32(code) + 0x40).map { .control(Character($0)) }
        default:
            // C1 controls and invalid scalars (surrogates, beyond U+10FFFF) are not keys.
            guard code >= 0xA0 || (code >= 0x20 && code < 0x7F),
                let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: code))
            else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A key ncurses decoded from an escape sequence (`get_wch` returned KEY_CODE_YES).
    static func functionKey(_ code: Int) -> Key? {
        if let key = functionKeys[code] { return key }
        let f0 = Int(bs_key_f0())
        if code > f0, code <= f0 + 63 { return .function(code - f0) }
        return nil
    }

    /// ncurses key codes and the keys they stand for. The keypad's corner keys
    /// (A1, A3, C1, C3) mean Home, PageUp, End and PageDown on a numeric keypad.
    static let functionKeys: [Int: Key] = {
        let pairs: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_SR, .up), (KEY_SF, .down), (KEY_SLEFT, .left), (KEY_SRIGHT, .right),
            (KEY_NPAGE, .pageDown), (KEY_PPAGE, .pageUp), (KEY_HOME, .home), (KEY_END, .end),
            (KEY_A1, .home), (KEY_A3, .pageUp), (KEY_C1, .end), (KEY_C3, .pageDown),
            (KEY_SHOME, .home), (KEY_SEND, .end), (KEY_SNEXT, .pageDown), (KEY_SPREVIOUS, .pageUp),
            (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_SDC, .delete), (KEY_IC, .insert),
            (KEY_ENTER, .enter), (KEY_BTAB, .backTab), (KEY_RESIZE, .resize),
        ]
        var table: [Int: Key] = [:]
        for (code, key) in pairs { table[Int(code)] = key }
        return table
    }()

    /// Escape sequences terminals send for common keys that their `TERM`'s
    /// terminfo may not list: tmux sends Home as `ESC [1~` while
    /// xterm-256color's entry says `ESC O H`, and each arrow has a normal and an
    /// application form. The session teaches ncurses any of them it does not
    /// already know (`define_key`), so they arrive as one key, not four.
    static let extraSequences: [(sequence: String, code: Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ("\u{1B}[A", KEY_UP), ("\u{1B}OA", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}OB", KEY_DOWN),
        ("\u{1B}[C", KEY_RIGHT), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT), ("\u{1B}OD", KEY_LEFT),
        ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC), ("\u{1B}[2~", KEY_IC),
        ("\u{1B}[Z", KEY_BTAB),
    ]
}
