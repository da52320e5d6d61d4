/// The look of every role on screen, so widgets never pick colours themselves.
///
/// Four built-in themes: `default` (Okabe–Ito colours, xterm-256, on the
/// terminal's own background), two for a projected screen that set their own
/// background, `projector` (light on black) and `projector-light` (dark on
/// white), with every colour at a contrast of at least 7:1 (WCAG AAA), bold
/// text and half-block charts, and `monochrome` (no colour, for `NO_COLOR`). Every role that carries meaning also has a non-colour cue:
/// forward focus is bold, backward focus is reverse, errors are bold; the
/// screens add glyphs (`▶`, `◀`, signs) as well.
public struct Theme: Equatable, Sendable {
    /// The name `Theme.named(_:)` knows it by.
    public var name: String
    /// Ordinary prose.
    public var text: Style
    public var heading: Style
    /// Less important text (hints, units); never dim.
    public var secondary: Style
    /// **bold** spans in prose.
    public var strong: Style
    /// `code` spans in prose.
    public var code: Style
    /// Graph inputs (x).
    public var inputNode: Style
    /// Constants and targets.
    public var dataNode: Style
    /// Learnable parameters (W, b).
    public var paramNode: Style
    /// Function boxes (+, ×, sin, matmul).
    public var functionNode: Style
    public var edge: Style
    /// The node being evaluated in a forward frame (bold).
    public var forwardFocus: Style
    /// The node being differentiated in a backward frame (reverse).
    public var backwardFocus: Style
    public var gradient: Style
    public var value: Style
    public var error: Style
    /// Questions and the answer field.
    public var question: Style
    public var answer: Style
    public var chartLine: Style
    public var chartPoints: Style
    public var chartFit: Style
    public var chartAxis: Style
    /// A warning badge on a chart (`NaN/Inf ×3`).
    public var badge: Style
    public var statusBar: Style
    /// Key names in hints.
    public var key: Style
    public var border: Style
    /// The border of the focused panel (drawn heavy as well).
    public var focusBorder: Style
    /// How charts draw their lines (projector: half blocks).
    public var chartMarker: ChartMarker
    /// True when the theme uses no colour at all.
    public var isMonochrome: Bool
    /// The text colour and the background the theme sets for the whole screen, under
    /// every role that leaves them to the terminal (`.default` keeps the terminal's own).
    public var foreground: Color = .default
    public var background: Color = .default

    /// The names `named(_:)` accepts.
    public static let names = ["default", "projector", "projector-light", "monochrome"]

    /// The built-in theme called `name`, or nil.
    public static func named(_ name: String) -> Theme? {
        switch name.lowercased() {
        case "default": return .default
        case "projector", "projector-dark", "dark": return .projector
        case "projector-light", "light": return .projectorLight
        case "monochrome", "mono", "no-color": return .monochrome
        default: return nil
        }
    }

    /// Okabe–Ito colours on the terminal's own background.
    public static let `default` = Theme(
        name: "default",
        text: .plain,
        heading: Style(fg: .orange, modifiers: .bold),
        secondary: Style(fg: .gray),
        strong: Style(modifiers: .bold),
        code: Style(fg: .bluishGreen),
        inputNode: Style(fg: .skyBlue),
        dataNode: Style(fg: .bluishGreen),
        paramNode: Style(fg: .orange),
        functionNode: Style(fg: .reddishPurple),
        edge: .plain,
        forwardFocus: Style(fg: .yellow, modifiers: .bold),
        backwardFocus: Style(fg: .vermillion, modifiers: .reverse),
        gradient: Style(fg: .vermillion),
        value: .plain,
        error: Style(fg: .vermillion, modifiers: .bold),
        question: Style(fg: .skyBlue, modifiers: .bold),
        answer: Style(fg: .bluishGreen, modifiers: .bold),
        chartLine: Style(fg: .skyBlue),
        chartPoints: Style(fg: .orange),
        chartFit: Style(fg: .bluishGreen, modifiers: .bold),
        chartAxis: .plain,
        badge: Style(fg: .vermillion, modifiers: [.bold, .reverse]),
        statusBar: Style(fg: .white, bg: .blue),
        key: Style(modifiers: .bold),
        border: .plain,
        focusBorder: Style(fg: .yellow, modifiers: .bold),
        chartMarker: .braille,
        isMonochrome: false)

    /// A projected screen, light on black: bold text, bright colours, half-block charts.
    /// It sets its own black background, so a light terminal does not wash it out.
    public static let projector = Theme(
        name: "projector",
        text: Style(modifiers: .bold),
        heading: Style(fg: .indexed(221), modifiers: [.bold, .underline]),
        secondary: Style(fg: .indexed(252), modifiers: .bold),
        strong: Style(fg: .indexed(221), modifiers: .bold),
        code: Style(fg: .indexed(117), modifiers: .bold),
        inputNode: Style(fg: .indexed(117), modifiers: .bold),
        dataNode: Style(fg: .indexed(78), modifiers: .bold),
        paramNode: Style(fg: .indexed(214), modifiers: .bold),
        functionNode: Style(fg: .indexed(213), modifiers: .bold),
        edge: Style(modifiers: .bold),
        forwardFocus: Style(fg: .indexed(16), bg: .indexed(221), modifiers: .bold),
        backwardFocus: Style(fg: .indexed(209), modifiers: [.bold, .reverse]),
        gradient: Style(fg: .indexed(209), modifiers: .bold),
        value: Style(modifiers: .bold),
        error: Style(fg: .indexed(209), modifiers: [.bold, .underline]),
        question: Style(fg: .indexed(117), modifiers: [.bold, .underline]),
        answer: Style(fg: .indexed(78), modifiers: .bold),
        chartLine: Style(fg: .indexed(117), modifiers: .bold),
        chartPoints: Style(fg: .indexed(214), modifiers: .bold),
        chartFit: Style(fg: .indexed(78), modifiers: .bold),
        chartAxis: Style(modifiers: .bold),
        badge: Style(fg: .indexed(209), modifiers: [.bold, .reverse]),
        statusBar: Style(modifiers: [.bold, .reverse]),
        key: Style(modifiers: [.bold, .underline]),
        border: Style(modifiers: .bold),
        focusBorder: Style(fg: .indexed(221), modifiers: .bold),
        chartMarker: .halfBlock,
        isMonochrome: false,
        foreground: .indexed(231),
        background: .indexed(16))

    /// A projected screen, dark on white, for a bright room: the projector theme's roles
    /// in dark colours on its own white background.
    public static let projectorLight = Theme(
        name: "projector-light",
        text: Style(modifiers: .bold),
        heading: Style(fg: .indexed(19), modifiers: [.bold, .underline]),
        secondary: Style(fg: .indexed(236), modifiers: .bold),
        strong: Style(fg: .indexed(17), modifiers: .bold),
        code: Style(fg: .indexed(23), modifiers: .bold),
        inputNode: Style(fg: .indexed(19), modifiers: .bold),
        dataNode: Style(fg: .indexed(22), modifiers: .bold),
        paramNode: Style(fg: .indexed(52), modifiers: .bold),
        functionNode: Style(fg: .indexed(90), modifiers: .bold),
        edge: Style(modifiers: .bold),
        forwardFocus: Style(fg: .indexed(16), bg: .indexed(229), modifiers: .bold),
        backwardFocus: Style(fg: .indexed(124), modifiers: [.bold, .reverse]),
        gradient: Style(fg: .indexed(124), modifiers: .bold),
        value: Style(modifiers: .bold),
        error: Style(fg: .indexed(124), modifiers: [.bold, .underline]),
        question: Style(fg: .indexed(19), modifiers: [.bold, .underline]),
        answer: Style(fg: .indexed(22), modifiers: .bold),
        chartLine: Style(fg: .indexed(19), modifiers: .bold),
        chartPoints: Style(fg: .indexed(88), modifiers: .bold),
        chartFit: Style(fg: .indexed(22), modifiers: .bold),
        chartAxis: Style(modifiers: .bold),
        badge: Style(fg: .indexed(124), modifiers: [.bold, .reverse]),
        statusBar: Style(modifiers: [.bold, .reverse]),
        key: Style(modifiers: [.bold, .underline]),
        border: Style(modifiers: .bold),
        focusBorder: Style(fg: .indexed(19), modifiers: .bold),
        chartMarker: .halfBlock,
        isMonochrome: false,
        foreground: .indexed(16),
        background: .indexed(231))

    /// No colour at all; bold, reverse and underline carry every distinction.
    public static let monochrome = Theme(
        name: "monochrome",
        text: .plain,
        heading: Style(modifiers: [.bold, .underline]),
        secondary: .plain,
        strong: Style(modifiers: .bold),
        code: Style(modifiers: .underline),
        inputNode: .plain,
        dataNode: .plain,
        paramNode: .plain,
        functionNode: .plain,
        edge: .plain,
        forwardFocus: Style(modifiers: .bold),
        backwardFocus: Style(modifiers: .reverse),
        gradient: Style(modifiers: .underline),
        value: .plain,
        error: Style(modifiers: [.bold, .underline]),
        question: Style(modifiers: .bold),
        answer: Style(modifiers: .underline),
        chartLine: .plain,
        chartPoints: .plain,
        chartFit: Style(modifiers: .bold),
        chartAxis: .plain,
        badge: Style(modifiers: [.bold, .reverse]),
        statusBar: Style(modifiers: .reverse),
        key: Style(modifiers: .bold),
        border: .plain,
        focusBorder: Style(modifiers: .bold),
        chartMarker: .braille,
        isMonochrome: true)
}

extension Theme {
    /// `style` as the screen shows it on this theme: the colours it leaves to the
    /// terminal become the theme's own, and reverse swaps them.
    public func resolved(_ style: Style) -> (fg: Color, bg: Color) {
        let fg = style.fg == .default ? foreground : style.fg
        let bg = style.bg == .default ? background : style.bg
        return style.modifiers.contains(.reverse) ? (bg, fg) : (fg, bg)
    }
}

extension Buffer {
    /// Lays `theme`'s own foreground and background under every cell that leaves its
    /// colours to the terminal, so a theme that sets a background covers the whole screen.
    public mutating func paint(_ theme: Theme) {
        guard theme.foreground != .default || theme.background != .default else { return }
        for i in styles.indices {
            if styles[i].fg == .default { styles[i].fg = theme.foreground }
            if styles[i].bg == .default { styles[i].bg = theme.background }
        }
    }
}
