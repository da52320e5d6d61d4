/// How many terminal columns `s` takes: 2 for Hangul, CJK, fullwidth forms
/// and emoji, 0 for combining marks and other zero-width characters, 1 otherwise.
///
/// Measured per grapheme cluster (what a terminal cell holds), so a base
/// letter with combining accents, a decomposed Hangul syllable or an emoji
/// sequence each count once. Control characters count 0.
public func displayWidth(_ s: String) -> Int {
    var total = 0
    for character in s {
        total += displayWidth(character)
    }
    return total
}

/// Columns taken by one grapheme cluster (0, 1 or 2).
public func displayWidth(_ c: Character) -> Int {
    if let ascii = c.asciiValue {
        return (ascii >= 0x20 && ascii < 0x7F) ? 1 : 0
    }
    var scalars = c.unicodeScalars.makeIterator()
    guard let first = scalars.next() else { return 0 }
    var width = displayWidth(first)
    if width == 2 { return 2 }
    // A zero-width start (a lone combining mark, ZWJ) takes the widest of the rest.
    // An emoji-capable base followed by VS16 is drawn as an emoji: two columns.
    let baseIsEmoji = first.properties.isEmoji
    while let next = scalars.next() {
        if next.value == 0xFE0F, baseIsEmoji { return 2 }
        if width == 0 { width = displayWidth(next) }
    }
    return width
}

/// Columns taken by one Unicode scalar on its own (0, 1 or 2).
public func displayWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x7F { return v >= 0x20 ? 1 : 0 }
    if v < 0xA0 { return 0 }  // DEL and C1 controls
    if v < 0x300 { return 1 }  // Latin-1 and Latin Extended: never wide or combining
    if WidthTable.contains(WidthTable.zero, v) { return 0 }
    if WidthTable.contains(WidthTable.wide, v) { return 2 }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format:
        return 0
    default:
        break
    }
    return properties.isEmojiPresentation ? 2 : 1
}

/// Compact range tables for the cases Unicode's general category does not
/// settle: East Asian Wide/Fullwidth blocks, and Hangul Jamo vowels and
/// finals that wcwidth treats as zero-width (they join the leading consonant).
enum WidthTable {
    /// Zero-width ranges beyond combining marks (checked before `wide`).
    static let zero: [ClosedRange<UInt32>] = [
        0x1160...0x11FF,  // Hangul Jamo medial vowels and final consonants
        0x200B...0x200F,  // zero width space, joiners, direction marks
        0x2028...0x202E,
        0x2060...0x206F,
        0x3099...0x309A,  // kana voicing marks (combining)
        0xD7B0...0xD7FF,  // Hangul Jamo Extended-B
        0xFE00...0xFE0F,  // variation selectors
        0xFE20...0xFE2F,  // combining half marks
        0xFEFF...0xFEFF,
        0xE0000...0xE0FFF,  // tags, variation selectors supplement
    ]

    /// East Asian Wide and Fullwidth ranges (emoji come from isEmojiPresentation).
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo leading consonants
        0x2329...0x232A,
        0x2E80...0x303E,  // CJK radicals, symbols and punctuation (incl. ideographic space)
        0x3041...0x33FF,  // kana, bopomofo, Hangul compatibility Jamo, CJK compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,
        0x16FE0...0x16FE4,
        0x17000...0x18CFF,  // Tangut
        0x1B000...0x1B2FF,  // kana supplement, Nushu
        0x1F200...0x1F202,
        0x1F210...0x1F23B,
        0x1F240...0x1F248,
        0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x20000...0x2FFFD,  // CJK extensions B–F
        0x30000...0x3FFFD,
    ]

    /// Binary search in sorted, disjoint ranges.
    static func contains(_ table: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        guard let firstRange = table.first, v >= firstRange.lowerBound else { return false }
        var lo = 0
        var hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let r = table[mid]
            if v < r.lowerBound {
                hi = mid - 1
            } else if v > r.upperBound {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
