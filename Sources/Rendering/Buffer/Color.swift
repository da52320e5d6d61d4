/// A terminal colour: the terminal's default, or an xterm-256 palette index.
///
/// Every colour also knows a 16-colour fallback, so an 8/16-colour terminal
/// still gets a sensible hue. The named colours are the Okabe–Ito
/// colour-blind-safe palette mapped to their nearest xterm-256 entries.
public struct Color: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The xterm-256 index, or nil for the terminal's default colour.
    public let index256: UInt8?
    /// The nearest of the 16 basic colours (0–15), or nil for the default colour.
    public let index16: UInt8?

    init(index256: UInt8?, index16: UInt8?) {
        self.index256 = index256
        self.index16 = index16
    }

    /// The terminal's own foreground or background.
    public static let `default` = Color(index256: nil, index16: nil)
    public static let black = Color(index256: 0, index16: 0)
    public static let white = Color(index256: 15, index16: 15)
    /// A mid grey (xterm 245) that stays readable on dark and light backgrounds.
    public static let gray = Color(index256: 245, index16: 7)
    /// Okabe–Ito orange.
    public static let orange = Color(index256: 178, index16: 3)
    /// Okabe–Ito sky blue.
    public static let skyBlue = Color(index256: 74, index16: 14)
    /// Okabe–Ito bluish green.
    public static let bluishGreen = Color(index256: 36, index16: 2)
    /// Okabe–Ito yellow.
    public static let yellow = Color(index256: 221, index16: 11)
    /// Okabe–Ito blue.
    public static let blue = Color(index256: 25, index16: 4)
    /// Okabe–Ito vermillion.
    public static let vermillion = Color(index256: 166, index16: 1)
    /// Okabe–Ito reddish purple.
    public static let reddishPurple = Color(index256: 175, index16: 13)

    /// Any xterm-256 colour; its 16-colour fallback is the nearest basic colour.
    public static func indexed(_ index: UInt8) -> Color {
        Color(index256: index, index16: nearestBasic(index))
    }

    public var description: String {
        guard let index256 else { return "default" }
        return "indexed(\(index256))"
    }

    /// The nearest of the 16 xterm basic colours, by squared RGB distance.
    static func nearestBasic(_ index: UInt8) -> UInt8 {
        if index < 16 { return index }
        let target = rgb(index)
        var best: UInt8 = 0
        var bestDistance = Int.max
        for (i, c) in basicRGB.enumerated() {
            let d =
                (c.0 - target.0) * (c.0 - target.0) + (c.1 - target.1) * (c.1 - target.1)
                + (c.2 - target.2) * (c.2 - target.2)
            if d < bestDistance {
                bestDistance = d
                best = UInt8(i)
            }
        }
        return best
    }

    /// RGB of an xterm-256 entry (cube 16–231, grey ramp 232–255).
    static func rgb(_ index: UInt8) -> (Int, Int, Int) {
        let i = Int(index)
        if i < 16 { return basicRGB[i] }
        if i >= 232 {
            let v = 8 + 10 * (i - 232)
            return (v, v, v)
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let c = i - 16
        return (levels[c / 36], levels[(c / 6) % 6], levels[c % 6])
    }

    static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}

/// How many colours an output may use.
public enum ColorMode: String, Equatable, Sendable, CaseIterable {
    /// No colour; bold, reverse and underline still apply.
    case none
    /// The 8/16 basic colours.
    case ansi16
    /// The xterm-256 palette.
    case ansi256
}
