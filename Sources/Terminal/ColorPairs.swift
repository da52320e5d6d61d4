import CNcursesw
import Rendering

/// Maps a cell's colours to ncurses colour pairs, made on first use and cached.
struct ColorPairs {
    let mode: ColorMode
    private var pairs: [PairKey: Int16] = [:]
    private var next: Int16 = 1
    private let limit: Int

    struct PairKey: Hashable { let fg: Int16; let bg: Int16 }

    /// Colours the terminal has: 8-colour terminals get the 16-colour index without its bright bit.
    private let colorCount: Int

    init(mode: ColorMode, limit: Int, colorCount: Int) {
        self.mode = mode
        self.limit = limit
        self.colorCount = colorCount
    }

    /// The terminal's colour number for `color` in this mode; -1 is the terminal's default.
    func number(_ color: Color) -> Int16 {
        switch mode {
        case .none: return -1
        case .ansi256: return color.index256.map { Int16($0) } ?? -1
        case .ansi16: return color.index16.map { Int16(colorCount >= 16 ? $0 : $0 & 7) } ?? -1
        }
    }

    /// The pair for a foreground and background, or 0 (default colours) when out of pairs.
    mutating func pair(fg: Color, bg: Color) -> Int16 {
        guard mode != .none else { return 0 }
        let key = PairKey(fg: number(fg), bg: number(bg))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        guard Int(next) < limit else { return 0 }
        let pair = next
        init_pair(pair, key.fg, key.bg)
        pairs[key] = pair
        next += 1
        return pair
    }
}
