/// Wraps styled text to a width measured in terminal columns.
///
/// Lines break at spaces; a word that does not fit moves to the next line and
/// only a word longer than a whole line is cut. Korean is treated the same way:
/// it is written with spaces between words (어절), and a word split between
/// syllables (`받습 / 니다`) reads as two words, so it is split only when it
/// cannot fit on a line of its own. No line starts with closing punctuation.
/// Maths stays together where it is short: `= −4` does not lose its number to
/// the next line, nor `(2, 3)` its second half.
public enum Wrap {
    /// Wraps `spans` into lines of at most `width` columns.
    ///
    /// - Parameters:
    ///   - firstPrefix: drawn before the first line (a bullet, say).
    ///   - indent: columns of blank space before every later line (a hanging indent).
    /// - Returns: at least one line; each is no wider than `width` unless a
    ///   single character is wider than the room left for it.
    public static func lines(_ spans: [Span], width: Int, firstPrefix: Span? = nil, indent: Int = 0) -> [StyledLine] {
        let width = max(1, width)
        let words = keepingMathTogether(splitWords(spans))
        var out: [StyledLine] = []
        var current: [Glyph] = []
        var currentWidth = 0
        var prefixWidth = firstPrefix?.width ?? 0

        func room() -> Int { max(1, width - prefixWidth) }

        func flush() {
            var line = StyledLine()
            if out.isEmpty {
                // The first line has its prefix, if any, and never the continuation indent:
                // its room was measured without one.
                if let firstPrefix { line.append(firstPrefix.text, style: firstPrefix.style) }
            } else if indent > 0 {
                line.append(String(repeating: " ", count: min(indent, width - 1)), style: .plain)
            }
            var text = ""
            var style = current.first?.style ?? .plain
            for glyph in current {
                if glyph.style != style {
                    line.append(text, style: style)
                    text = ""
                    style = glyph.style
                }
                text.append(glyph.character)
            }
            if !text.isEmpty { line.append(text, style: style) }
            out.append(line)
            current = []
            currentWidth = 0
            prefixWidth = min(indent, width - 1)
        }

        var queue = words[...]
        while let word = queue.popFirst() {
            // Maths kept together that no line could hold goes back to its words.
            if word.parts.count > 1, word.width > room() {
                queue = word.parts[...] + queue
                continue
            }
            let separator = current.isEmpty ? 0 : 1
            if currentWidth + separator + word.width <= room() {
                if separator == 1 { current.append(word.space) }
                current += word.glyphs
                currentWidth += separator + word.width
                continue
            }
            if !current.isEmpty { flush() }
            // Only a word longer than a whole line is split, as full as each line allows.
            var rest = word.glyphs[...]
            while glyphWidth(rest) > room() {
                let cut = splitPoint(rest, fitting: room())
                current += rest[..<cut]
                rest = rest[cut...]
                flush()
            }
            current += rest
            currentWidth = glyphWidth(rest)
        }
        if !current.isEmpty || out.isEmpty { flush() }
        return out
    }

    /// One grapheme with its width and style.
    struct Glyph {
        let character: Character
        let width: Int
        let style: Style
    }

    struct Word {
        var glyphs: [Glyph]
        var width: Int
        /// The space before the word, in the style it had in the text.
        var space: Glyph
        /// The words joined into this one by ``keepingMathTogether(_:)``.
        var parts: [Word] = []
    }

    static func splitWords(_ spans: [Span]) -> [Word] {
        var words: [Word] = []
        var glyphs: [Glyph] = []
        var width = 0
        var space = Glyph(character: " ", width: 1, style: .plain)
        for span in spans {
            for character in span.text {
                if character == " " || character == "\t" || character.isNewline {
                    if !glyphs.isEmpty {
                        words.append(Word(glyphs: glyphs, width: width, space: space))
                        glyphs = []
                        width = 0
                    }
                    space = Glyph(character: " ", width: 1, style: span.style)
                    continue
                }
                let w = displayWidth(character)
                glyphs.append(Glyph(character: character, width: w, style: span.style))
                width += w
            }
        }
        if !glyphs.isEmpty { words.append(Word(glyphs: glyphs, width: width, space: space)) }
        return words
    }

    /// Words joined (with their space) where a break would split short maths: an
    /// operator from its operands (`t = x + c`, with `≈ × · + −`), and the inside
    /// of a bracket group up to ``mathGroupWidth`` columns (`(2, 3)`, `[2, 0]`).
    static func keepingMathTogether(_ words: [Word]) -> [Word] {
        var out: [Word] = []
        var depth = 0
        var glueNext = false
        for word in words {
            let isOperator = operators.contains(String(word.glyphs.map(\.character)))
            if var last = out.last {
                let glue = glueNext || isOperator || depth > 0
                glueNext = isOperator
                if glue, last.width + 1 + word.width <= mathGroupWidth {
                    if last.parts.isEmpty { last.parts = [last] }
                    last.parts.append(word)
                    last.glyphs.append(word.space)
                    last.glyphs += word.glyphs
                    last.width += 1 + word.width
                    out[out.count - 1] = last
                    depth = Swift.max(0, depth + bracketBalance(word.glyphs))
                    continue
                }
            }
            out.append(word)
            depth = Swift.max(0, bracketBalance(word.glyphs))
        }
        return out
    }

    /// Operators that stay with the operands on either side.
    static let operators: Set<String> = ["=", "≈", "×", "·", "+", "−", "-", "+=", "→"]
    /// The widest maths kept on one line by ``keepingMathTogether(_:)``.
    static let mathGroupWidth = 16

    /// Opening minus closing brackets in a word.
    static func bracketBalance(_ glyphs: [Glyph]) -> Int {
        glyphs.reduce(0) { n, g in
            switch g.character {
            case "(", "[": return n + 1
            case ")", "]": return n - 1
            default: return n
            }
        }
    }

    static func glyphWidth(_ glyphs: ArraySlice<Glyph>) -> Int {
        glyphs.reduce(0) { $0 + $1.width }
    }

    /// Where to split a word too long for its line: after as many glyphs as
    /// fit in `room` (at least one), moved back so that the next line does not
    /// start with closing punctuation (`)`, `.`, `,`, `다.`'s full stop…).
    static func splitPoint(_ glyphs: ArraySlice<Glyph>, fitting room: Int) -> ArraySlice<Glyph>.Index {
        var used = 0
        var cut = glyphs.startIndex
        while cut < glyphs.endIndex, used + glyphs[cut].width <= room {
            used += glyphs[cut].width
            cut += 1
        }
        if cut == glyphs.startIndex { return glyphs.index(after: cut) }
        var safe = cut
        while safe < glyphs.endIndex, safe > glyphs.startIndex + 1, closing.contains(glyphs[safe].character) {
            safe -= 1
        }
        return closing.contains(glyphs[safe].character) ? cut : safe
    }

    /// Characters a line never starts with: closing brackets and quotes, and
    /// the punctuation that ends a clause or sentence.
    static let closing: Set<Character> = [
        ")", "]", "}", ">", ".", ",", ";", ":", "!", "?", "%", "»", "’", "”", "…", "、", "。", "，", "．", "：",
        "；", "？", "！", "）", "］", "」", "』", "〉", "》", "】", "〕",
    ]
}
