// The one measure of terminal columns in the project: the Lessons module uses
// it to place carets under source lines, Rendering (which re-exports it) to lay
// out every screen, the Player and the command line through Rendering.

/// How a terminal draws the characters Unicode calls East Asian "ambiguous"
/// width (box drawing, `· × ∂ σ ≈ •`, arrows, Greek and Cyrillic letters):
/// one column almost everywhere, two in a terminal set up for CJK that way.
public enum AmbiguousWidth: String, Sendable, CaseIterable {
    case narrow, wide
}

/// Columns `s` takes where ambiguous-width characters are narrow (nearly every terminal).
public func displayWidth(_ s: String) -> Int { displayWidth(s, ambiguous: .narrow) }

/// Columns one grapheme cluster takes (0, 1 or 2) where ambiguous-width characters are narrow.
public func displayWidth(_ c: Character) -> Int { displayWidth(c, ambiguous: .narrow) }

/// Columns one scalar takes on its own (0, 1 or 2) where ambiguous-width characters are narrow.
public func displayWidth(_ scalar: Unicode.Scalar) -> Int { displayWidth(scalar, ambiguous: .narrow) }

/// How many terminal columns `s` takes: 2 for Hangul, CJK, fullwidth forms
/// and emoji, 0 for combining marks and other zero-width characters, 1 otherwise
/// (ambiguous-width characters count 2 when `ambiguous` is `.wide`).
///
/// Measured per grapheme cluster (what a terminal cell holds), so a base
/// letter with combining accents, a decomposed Hangul syllable or an emoji
/// sequence each count once. Control characters count 0.
public func displayWidth(_ s: String, ambiguous: AmbiguousWidth) -> Int {
    // Most screen text is ASCII, Latin, Greek and maths or box-drawing signs:
    // one column per scalar, no grapheme clusters to find.
    if ambiguous == .narrow {
        var count = 0
        var simple = true
        for scalar in s.unicodeScalars {
            guard WidthTable.isPlainNarrow(scalar.value) else {
                simple = false
                break
            }
            count += 1
        }
        if simple { return count }
    }
    var total = 0
    for character in s {
        total += displayWidth(character, ambiguous: ambiguous)
    }
    return total
}

/// Columns taken by one grapheme cluster (0, 1 or 2).
public func displayWidth(_ c: Character, ambiguous: AmbiguousWidth) -> Int {
    if let ascii = c.asciiValue {
        return (ascii >= 0x20 && ascii < 0x7F) ? 1 : 0
    }
    var scalars = c.unicodeScalars.makeIterator()
    guard let first = scalars.next() else { return 0 }
    var width = displayWidth(first, ambiguous: ambiguous)
    if width == 2 { return 2 }
    // A zero-width start (a lone combining mark, ZWJ) takes the widest of the rest.
    // An emoji-capable base followed by VS16 is drawn as an emoji: two columns.
    let baseIsEmoji = first.properties.isEmoji
    while let next = scalars.next() {
        if next.value == 0xFE0F, baseIsEmoji { return 2 }
        if width == 0 { width = displayWidth(next, ambiguous: ambiguous) }
    }
    return width
}

/// Columns taken by one Unicode scalar on its own (0, 1 or 2).
public func displayWidth(_ scalar: Unicode.Scalar, ambiguous: AmbiguousWidth) -> Int {
    let v = scalar.value
    if v < 0x7F { return v >= 0x20 ? 1 : 0 }
    if v < 0xA0 { return 0 }  // DEL and C1 controls
    if ambiguous == .wide, isAmbiguousWidth(scalar) { return 2 }
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

    /// East Asian Width "A" (Unicode 14), less the marks and formats that take no column.
    static let ambiguous: [ClosedRange<UInt32>] = [
        0xA1...0xA1, 0xA4...0xA4, 0xA7...0xA8, 0xAA...0xAA, 0xAE...0xAE, 0xB0...0xB4, 0xB6...0xBA, 0xBC...0xBF,
        0xC6...0xC6, 0xD0...0xD0, 0xD7...0xD8, 0xDE...0xE1, 0xE6...0xE6, 0xE8...0xEA, 0xEC...0xED, 0xF0...0xF0,
        0xF2...0xF3, 0xF7...0xFA, 0xFC...0xFC, 0xFE...0xFE, 0x101...0x101, 0x111...0x111, 0x113...0x113,
        0x11B...0x11B, 0x126...0x127, 0x12B...0x12B, 0x131...0x133, 0x138...0x138, 0x13F...0x142, 0x144...0x144,
        0x148...0x14B, 0x14D...0x14D, 0x152...0x153, 0x166...0x167, 0x16B...0x16B, 0x1CE...0x1CE, 0x1D0...0x1D0,
        0x1D2...0x1D2, 0x1D4...0x1D4, 0x1D6...0x1D6, 0x1D8...0x1D8, 0x1DA...0x1DA, 0x1DC...0x1DC, 0x251...0x251,
        0x261...0x261, 0x2C4...0x2C4, 0x2C7...0x2C7, 0x2C9...0x2CB, 0x2CD...0x2CD, 0x2D0...0x2D0, 0x2D8...0x2DB,
        0x2DD...0x2DD, 0x2DF...0x2DF, 0x391...0x3A1, 0x3A3...0x3A9, 0x3B1...0x3C1, 0x3C3...0x3C9, 0x401...0x401,
        0x410...0x44F, 0x451...0x451, 0x2010...0x2010, 0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D,
        0x2020...0x2022, 0x2024...0x2027, 0x2030...0x2030, 0x2032...0x2033, 0x2035...0x2035, 0x203B...0x203B,
        0x203E...0x203E, 0x2074...0x2074, 0x207F...0x207F, 0x2081...0x2084, 0x20AC...0x20AC, 0x2103...0x2103,
        0x2105...0x2105, 0x2109...0x2109, 0x2113...0x2113, 0x2116...0x2116, 0x2121...0x2122, 0x2126...0x2126,
        0x212B...0x212B, 0x2153...0x2154, 0x215B...0x215E, 0x2160...0x216B, 0x2170...0x2179, 0x2189...0x2189,
        0x2190...0x2199, 0x21B8...0x21B9, 0x21D2...0x21D2, 0x21D4...0x21D4, 0x21E7...0x21E7, 0x2200...0x2200,
        0x2202...0x2203, 0x2207...0x2208, 0x220B...0x220B, 0x220F...0x220F, 0x2211...0x2211, 0x2215...0x2215,
        0x221A...0x221A, 0x221D...0x2220, 0x2223...0x2223, 0x2225...0x2225, 0x2227...0x222C, 0x222E...0x222E,
        0x2234...0x2237, 0x223C...0x223D, 0x2248...0x2248, 0x224C...0x224C, 0x2252...0x2252, 0x2260...0x2261,
        0x2264...0x2267, 0x226A...0x226B, 0x226E...0x226F, 0x2282...0x2283, 0x2286...0x2287, 0x2295...0x2295,
        0x2299...0x2299, 0x22A5...0x22A5, 0x22BF...0x22BF, 0x2312...0x2312, 0x2460...0x24E9, 0x24EB...0x254B,
        0x2550...0x2573, 0x2580...0x258F, 0x2592...0x2595, 0x25A0...0x25A1, 0x25A3...0x25A9, 0x25B2...0x25B3,
        0x25B6...0x25B7, 0x25BC...0x25BD, 0x25C0...0x25C1, 0x25C6...0x25C8, 0x25CB...0x25CB, 0x25CE...0x25D1,
        0x25E2...0x25E5, 0x25EF...0x25EF, 0x2605...0x2606, 0x2609...0x2609, 0x260E...0x260F, 0x261C...0x261C,
        0x261E...0x261E, 0x2640...0x2640, 0x2642...0x2642, 0x2660...0x2661, 0x2663...0x2665, 0x2667...0x266A,
        0x266C...0x266D, 0x266F...0x266F, 0x269E...0x269F, 0x26BF...0x26BF, 0x26C6...0x26CD, 0x26CF...0x26D3,
        0x26D5...0x26E1, 0x26E3...0x26E3, 0x26E8...0x26E9, 0x26EB...0x26F1, 0x26F4...0x26F4, 0x26F6...0x26F9,
        0x26FB...0x26FC, 0x26FE...0x26FF, 0x273D...0x273D, 0x2776...0x277F, 0x2B56...0x2B59, 0x3248...0x324F,
        0xFFFD...0xFFFD, 0x1F100...0x1F10A, 0x1F110...0x1F12D, 0x1F130...0x1F169, 0x1F170...0x1F18D,
        0x1F18F...0x1F190, 0x1F19B...0x1F1AC,
    ]

    /// Scalars that take one column in a narrow terminal and never join a
    /// neighbour: printable ASCII, Latin-1 and Latin Extended, Greek and
    /// Cyrillic, punctuation, arrows, maths signs, box drawing and shapes.
    static func isPlainNarrow(_ v: UInt32) -> Bool {
        switch v {
        case 0x20..<0x7F, 0xA0..<0x300, 0x370..<0x483, 0x48A..<0x530, 0x1D00..<0x1DC0, 0x2010..<0x2028,
            0x2030..<0x205F, 0x2070..<0x20A0, 0x2190..<0x231A, 0x231C..<0x2329, 0x232B..<0x23E9, 0x2500..<0x25FD:
            return true
        default: return false
        }
    }

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

/// True for a character Unicode gives East Asian "ambiguous" width.
public func isAmbiguousWidth(_ scalar: Unicode.Scalar) -> Bool {
    WidthTable.contains(WidthTable.ambiguous, scalar.value)
}
