import Rendering

/// Maps a cell's colours to ncurses colour pairs, defining each pair the first
/// time it is needed and reusing it after.
///
/// Pure apart from `define`, which the session points at `init_pair`, so the
/// mapping and the cache are tested without a terminal.
struct ColorPairs {
    /// A terminal colour number: 0–255, or -1 for the terminal's default.
    struct PairKey: Hashable {
        let fg: Int16
        let bg: Int16
    }

    let mode: ColorMode
    /// Colours the terminal has (`COLORS`): 8-colour terminals lose the bright bit.
    let colorCount: Int
    /// Pairs that can be defined (`COLOR_PAIRS`, capped by `init_pair`'s short).
    let pairLimit: Int
    /// Whether -1 (the terminal's own colours) is allowed (`use_default_colors` succeeded).
    let defaultColors: Bool
    private let define: (_ pair: Int16, _ fg: Int16, _ bg: Int16) -> Void

    private(set) var pairs: [PairKey: Int16] = [:]
    private var next: Int16 = 1

    init(
        mode: ColorMode, colorCount: Int, pairLimit: Int, defaultColors: Bool,
        define: @escaping (_ pair: Int16, _ fg: Int16, _ bg: Int16) -> Void
    ) {
        self.mode = mode
        self.colorCount = colorCount
        self.pairLimit = min(pairLimit, Int(Int16.max))
        self.defaultColors = defaultColors
        self.define = define
    }

    /// The terminal's number for `color` in this mode; -1 is the terminal's default.
    func number(_ color: Color) -> Int16 {
        let index: UInt8?
        switch mode {
        case .none: return -1
        case .ansi256: index = color.index256
        case .ansi16: index = color.index16.map { colorCount >= 16 ? $0 : $0 & 7 }
        }
        guard let index, Int(index) < max(colorCount, 1) else { return -1 }
        return Int16(index)
    }

    /// The pair for a foreground and background: 0 (the terminal's colours) for
    /// default on default, in no-colour mode, or once every pair is used up.
    mutating func pair(fg: Color, bg: Color) -> Int16 {
        guard mode != .none else { return 0 }
        var key = PairKey(fg: number(fg), bg: number(bg))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if !defaultColors {
            // Without default colours pair 0 is white on black, so stand in for them.
            key = PairKey(fg: key.fg == -1 ? 7 : key.fg, bg: key.bg == -1 ? 0 : key.bg)
        }
        if let existing = pairs[key] { return existing }
        guard Int(next) < pairLimit else { return 0 }
        let pair = next
        define(pair, key.fg, key.bg)
        pairs[key] = pair
        next += 1
        return pair
    }
}
