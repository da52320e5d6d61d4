/// The look of every role on screen, so widgets never pick colours themselves.
///
/// Three built-in themes: `default` (Okabe–Ito colours, xterm-256), `projector`
/// (high contrast, bold, half-block charts) and `monochrome` (no colour, for
/// `NO_COLOR`). Every role that carries meaning also has a non-colour cue:
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

    /// The names `named(_:)` accepts.
    public static let names = ["default", "projector", "monochrome"]

    /// The built-in theme called `name`, or nil.
    public static func named(_ name: String) -> Theme? {
        switch name.lowercased() {
        case "default": return .default
        case "projector": return .projector
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

    /// High contrast for a projected screen: bold text, bright colours, half-block charts.
    public static let projector = Theme(
        name: "projector",
        text: Style(modifiers: .bold),
        heading: Style(fg: .yellow, modifiers: [.bold, .underline]),
        secondary: Style(modifiers: .bold),
        strong: Style(fg: .yellow, modifiers: .bold),
        code: Style(fg: .skyBlue, modifiers: .bold),
        inputNode: Style(fg: .skyBlue, modifiers: .bold),
        dataNode: Style(fg: .bluishGreen, modifiers: .bold),
        paramNode: Style(fg: .orange, modifiers: .bold),
        functionNode: Style(fg: .reddishPurple, modifiers: .bold),
        edge: Style(modifiers: .bold),
        forwardFocus: Style(fg: .black, bg: .yellow, modifiers: .bold),
        backwardFocus: Style(fg: .vermillion, modifiers: [.bold, .reverse]),
        gradient: Style(fg: .vermillion, modifiers: .bold),
        value: Style(modifiers: .bold),
        error: Style(fg: .vermillion, modifiers: [.bold, .underline]),
        question: Style(fg: .skyBlue, modifiers: [.bold, .underline]),
        answer: Style(fg: .bluishGreen, modifiers: .bold),
        chartLine: Style(fg: .skyBlue, modifiers: .bold),
        chartPoints: Style(fg: .orange, modifiers: .bold),
        chartFit: Style(fg: .bluishGreen, modifiers: .bold),
        chartAxis: Style(modifiers: .bold),
        badge: Style(fg: .vermillion, modifiers: [.bold, .reverse]),
        statusBar: Style(modifiers: [.bold, .reverse]),
        key: Style(modifiers: [.bold, .underline]),
        border: Style(modifiers: .bold),
        focusBorder: Style(fg: .yellow, modifiers: .bold),
        chartMarker: .halfBlock,
        isMonochrome: false)

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
