// Display width for placing carets under source lines. The Lessons module does
// not depend on Rendering, so it carries this small table of its own: wide East
// Asian ranges and emoji take two columns, combining marks none.

/// The number of terminal columns `character` takes: 0, 1 or 2.
func characterWidth(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    return scalarWidth(first)
}

/// The number of terminal columns `text` takes.
func displayWidth(_ text: String) -> Int {
    text.reduce(0) { $0 + characterWidth($1) }
}

private func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v == 0 || v == 0x200B || v == 0x200D { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if scalar.properties.isEmojiPresentation { return 2 }
    for range in wideRanges where range.contains(v) { return 2 }
    return 1
}

private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x231A...0x231B, 0x2329...0x232A,
    0x2E80...0x303E,  // CJK radicals, punctuation
    0x3041...0x33FF,  // kana, CJK symbols
    0x3400...0x4DBF,  // CJK extension A
    0x4E00...0x9FFF,  // CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul Jamo extended A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19, 0xFE30...0xFE6F,
    0xFF00...0xFF60, 0xFFE0...0xFFE6,  // full-width forms
    0x1F300...0x1F64F, 0x1F900...0x1F9FF,
    0x20000...0x3FFFD,  // CJK extensions B and beyond
]
