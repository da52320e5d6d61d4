extension Buffer {
    /// Rows with SGR escape sequences for their styles, each ending in a reset.
    ///
    /// `.none` keeps bold, reverse, underline (and dim) but no colour, as
    /// `NO_COLOR` asks. A row in the default style has no escapes at all.
    public func ansiLines(colors: ColorMode) -> [String] {
        var out: [String] = []
        out.reserveCapacity(height)
        for row in 0..<height {
            var line: [UInt8] = []
            line.reserveCapacity(width * 3)
            var current = Style.plain
            let base = row * width
            for col in 0..<width {
                let code = codes[base + col]
                if code == Buffer.continuation { continue }
                let style = colors == .none ? styles[base + col].withoutColor : styles[base + col]
                if style != current {
                    line.append(contentsOf: Buffer.sgr(style, colors: colors).utf8)
                    current = style
                }
                appendUTF8(code, to: &line)
            }
            if current != .plain { line.append(contentsOf: "\u{1B}[0m".utf8) }
            out.append(String(decoding: line, as: UTF8.self))
        }
        return out
    }

    /// The full SGR sequence for `style`, starting from a reset.
    static func sgr(_ style: Style, colors: ColorMode) -> String {
        var codes = ["0"]
        if style.modifiers.contains(.bold) { codes.append("1") }
        if style.modifiers.contains(.dim) { codes.append("2") }
        if style.modifiers.contains(.underline) { codes.append("4") }
        if style.modifiers.contains(.reverse) { codes.append("7") }
        switch colors {
        case .none:
            break
        case .ansi16:
            if let fg = style.fg.index16 { codes.append(fg < 8 ? "\(30 + Int(fg))" : "\(90 + Int(fg) - 8)") }
            if let bg = style.bg.index16 { codes.append(bg < 8 ? "\(40 + Int(bg))" : "\(100 + Int(bg) - 8)") }
        case .ansi256:
            if let fg = style.fg.index256 { codes.append("38;5;\(fg)") }
            if let bg = style.bg.index256 { codes.append("48;5;\(bg)") }
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
