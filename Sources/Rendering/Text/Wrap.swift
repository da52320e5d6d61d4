/// Wraps styled text to a width measured in terminal columns.
///
/// Lines break at spaces; a word that does not fit moves to the next line and
/// only a word longer than a whole line is cut. Between two wide characters
/// (Hangul syllables, CJK ideographs) a line may break anywhere, as Unicode
/// line breaking allows, so Korean fills its lines instead of leaving holes;
/// such a break keeps at least two characters on each side.
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
        let words = splitWords(spans)
        var out: [StyledLine] = []
        var current: [Glyph] = []
        var currentWidth = 0
        var prefixWidth = firstPrefix?.width ?? 0

        func room() -> Int { max(1, width - prefixWidth) }

        func flush() {
            var line = StyledLine()
            if out.isEmpty, let firstPrefix {
                line.append(firstPrefix.text, style: firstPrefix.style)
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

        for word in words {
            let separator = current.isEmpty ? 0 : 1
            if currentWidth + separator + word.width <= room() {
                if separator == 1 { current.append(word.space) }
                current += word.glyphs
                currentWidth += separator + word.width
                continue
            }
            var rest = word.glyphs[...]
            // Wide text may break inside the word to fill the rest of this line,
            // but never leaving a lone syllable on either side of the break.
            if !current.isEmpty,
                let cut = breakPoint(rest, fitting: room() - currentWidth - 1, hard: false, keep: 2)
            {
                current.append(word.space)
                current += rest[..<cut]
                rest = rest[cut...]
                flush()
            } else if !current.isEmpty {
                flush()
            }
            while glyphWidth(rest) > room() {
                let cut =
                    breakPoint(rest, fitting: room(), hard: false)
                    ?? breakPoint(rest, fitting: room(), hard: true)
                    ?? rest.index(after: rest.startIndex)
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

    static func glyphWidth(_ glyphs: ArraySlice<Glyph>) -> Int {
        glyphs.reduce(0) { $0 + $1.width }
    }

    /// The furthest index at which `glyphs` may break with the part before it
    /// no wider than `room`: between two wide characters, or anywhere when
    /// `hard`. Nil when no such break leaves a non-empty first part.
    /// `keep` is the fewest wide characters allowed on each side of a break
    /// between wide characters (so a syllable is never left alone).
    static func breakPoint(_ glyphs: ArraySlice<Glyph>, fitting room: Int, hard: Bool, keep: Int = 1) -> ArraySlice<
        Glyph
    >.Index? {
        guard room > 0 else { return nil }
        let wideTotal = glyphs.reduce(0) { $0 + ($1.width == 2 ? 1 : 0) }
        var wideBefore = 0
        var used = 0
        var best: Int? = nil
        var i = glyphs.startIndex
        while i < glyphs.endIndex {
            used += glyphs[i].width
            if used > room { break }
            if glyphs[i].width == 2 { wideBefore += 1 }
            let next = i + 1
            if next < glyphs.endIndex {
                if hard {
                    best = next
                } else if glyphs[i].width == 2, glyphs[next].width == 2,
                    wideBefore >= keep, wideTotal - wideBefore >= keep
                {
                    best = next
                }
            }
            i = next
        }
        return best
    }
}
