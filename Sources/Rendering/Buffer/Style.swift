/// Text attributes that do not depend on colour.
///
/// Themes lean on these so that nothing is told by colour alone.
public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Modifiers(rawValue: 1 << 0)
    public static let reverse = Modifiers(rawValue: 1 << 1)
    public static let underline = Modifiers(rawValue: 1 << 2)
    /// Present for completeness; the built-in themes never use it (unreadable when projected).
    public static let dim = Modifiers(rawValue: 1 << 3)
}

/// How a cell looks: foreground, background and modifiers.
public struct Style: Equatable, Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var modifiers: Modifiers

    public init(fg: Color = .default, bg: Color = .default, modifiers: Modifiers = []) {
        self.fg = fg
        self.bg = bg
        self.modifiers = modifiers
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style with `extra` modifiers added.
    public func adding(_ extra: Modifiers) -> Style {
        var s = self
        s.modifiers.formUnion(extra)
        return s
    }

    /// This style with `other`'s non-default colours and its modifiers laid on top.
    public func patched(with other: Style) -> Style {
        var s = self
        if other.fg != .default { s.fg = other.fg }
        if other.bg != .default { s.bg = other.bg }
        s.modifiers.formUnion(other.modifiers)
        return s
    }

    /// The same style with every colour removed (modifiers kept).
    public var withoutColor: Style { Style(modifiers: modifiers) }
}

/// One column of a row: a grapheme and its style.
///
/// A double-width grapheme sits in its first column; the second column holds
/// the empty symbol `""` so that every row has exactly `width` cells.
public struct Cell: Equatable, Hashable, Sendable {
    /// One grapheme, `" "` when blank, `""` for the second column of a wide grapheme.
    public var symbol: String
    public var style: Style

    public init(symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell()

    /// True for the second column of a wide grapheme.
    public var isContinuation: Bool { symbol.isEmpty }
}
