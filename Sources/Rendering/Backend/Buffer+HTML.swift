extension Buffer {
    /// Rows as HTML for a `<pre>`: runs of one style in `<span style="…">`, text escaped.
    ///
    /// The terminal's default colours are the CSS variables `--fg` and `--bg`
    /// (a reversed cell swaps them), so the page around the screen chooses them.
    /// Text outside ASCII goes in an inline block as wide as its cells (`2ch` a
    /// Hangul syllable, `1ch` a box line; classes `u1` and `u2`, else `u` with
    /// its width), so a font that draws it wider or narrower never shifts the
    /// columns after it. `.none` keeps the modifiers
    /// and drops every colour, as `NO_COLOR` asks.
    public func htmlLines(colors: ColorMode) -> [String] {
        (0..<height).map { row in
            var line = ""
            var run = ""
            var runStyle = Style.plain
            func flush() {
                guard !run.isEmpty else { return }
                let css = Buffer.css(runStyle, colors: colors)
                line += css.isEmpty ? run : "<span style=\"\(css)\">" + run + "</span>"
                run = ""
            }
            var col = 0
            while col < width {
                let i = row * width + col
                let code = codes[i]
                let wide = col + 1 < width && codes[i + 1] == Buffer.continuation
                let style = styles[i]
                if style != runStyle {
                    flush()
                    runStyle = style
                }
                if code == Buffer.continuation {
                    // An orphaned right half (never left by `put`): a blank cell keeps the row's width.
                    run += " "
                    col += 1
                    continue
                }
                let symbol = self.symbol(code)
                if code < 0x80 {
                    run += Buffer.htmlEscaped(symbol)
                } else {
                    // Neighbouring non-ASCII cells share one block, as wide as all of them.
                    var text = Buffer.htmlEscaped(symbol)
                    var cells = wide ? 2 : 1
                    var next = col + cells
                    while next < width {
                        let j = row * width + next
                        guard codes[j] >= 0x80, codes[j] != Buffer.continuation, styles[j] == style else { break }
                        let w = next + 1 < width && codes[j + 1] == Buffer.continuation ? 2 : 1
                        text += Buffer.htmlEscaped(self.symbol(codes[j]))
                        cells += w
                        next += w
                    }
                    // The common widths have classes of their own (a screen has hundreds of box lines).
                    let block =
                        cells <= 2 ? "<span class=\"u\(cells)\">" : "<span class=\"u\" style=\"width:\(cells)ch\">"
                    run += block + text + "</span>"
                    col = next
                    continue
                }
                col += wide ? 2 : 1
            }
            flush()
            return line
        }
    }

    /// The CSS for `style`; empty for the default look.
    static func css(_ style: Style, colors: ColorMode) -> String {
        func rgb(_ color: Color) -> String? {
            let index: UInt8?
            switch colors {
            case .none: index = nil
            case .ansi16: index = color.index16
            case .ansi256: index = color.index256
            }
            guard let index else { return nil }
            let (r, g, b) = Color.rgb(index)
            return "#" + [r, g, b].map { hex2($0) }.joined()
        }
        var fg = rgb(style.fg) ?? "var(--fg)"
        var bg = rgb(style.bg)
        if style.modifiers.contains(.reverse) {
            (fg, bg) = (bg ?? "var(--bg)", fg)
        }
        var parts: [String] = []
        if fg != "var(--fg)" { parts.append("color:" + fg) }
        if let bg { parts.append("background:" + bg) }
        if style.modifiers.contains(.bold) { parts.append("font-weight:bold") }
        if style.modifiers.contains(.underline) { parts.append("text-decoration:underline") }
        if style.modifiers.contains(.dim) { parts.append("opacity:0.6") }
        return parts.joined(separator: ";")
    }

    private static func hex2(_ v: Int) -> String {
        let digits = Array("0123456789abcdef")
        let c = Swift.min(Swift.max(v, 0), 255)
        return String([digits[c / 16], digits[c % 16]])
    }

    /// `text` safe inside an HTML element or a quoted attribute: `& < > " '` as entities.
    public static func htmlEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
