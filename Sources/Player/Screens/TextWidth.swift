import Rendering

/// Display width with a fast path for the text the screens make most: ASCII,
/// Latin, Greek and the maths and box-drawing signs, all one column per
/// scalar. Anything else (Hangul, emoji, combining marks) goes to
/// `displayWidth`, which measures grapheme clusters.
enum TextWidth {
    static func columns(_ s: String) -> Int {
        var count = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7F {
                count += 1
                continue
            }
            if isNarrow(v) {
                count += 1
                continue
            }
            return displayWidth(s)
        }
        return count
    }

    /// Scalars that always take one column and never join a neighbour.
    private static func isNarrow(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0..<0x300, 0x370..<0x400, 0x1D00..<0x1DC0, 0x2010..<0x2028, 0x2030..<0x205F, 0x2070..<0x20A0,
            0x2190..<0x2300, 0x2500..<0x25A0, 0x25A0..<0x2600:
            return true
        default: return false
        }
    }
}
