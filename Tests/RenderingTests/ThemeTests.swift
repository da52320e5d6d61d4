import Foundation
import Testing

@testable import Rendering

@Suite struct ThemeTests {
    let all: [Theme] = [.default, .projector, .projectorLight, .monochrome]

    @Test func namedThemes() {
        for name in Theme.names { #expect(Theme.named(name)?.name == name) }
        #expect(Theme.named("nope") == nil)
    }

    @Test func okabeItoIndices() {
        #expect(
            [Color.orange, .skyBlue, .bluishGreen, .yellow, .blue, .vermillion, .reddishPurple].map(\.index256)
                == [178, 74, 36, 221, 25, 166, 175])
        #expect(Color.indexed(196).index16 == 9)
        #expect(Color.default.index256 == nil)
    }

    func roles(_ t: Theme) -> [Style] {
        [
            t.text, t.heading, t.secondary, t.strong, t.code, t.inputNode, t.dataNode, t.paramNode, t.functionNode,
            t.edge, t.forwardFocus, t.backwardFocus, t.gradient, t.value, t.error, t.question, t.answer,
            t.chartLine, t.chartPoints, t.chartFit, t.chartAxis, t.badge, t.statusBar, t.key, t.border, t.focusBorder,
        ]
    }

    @Test func noThemeUsesDimAndFocusIsNotColourAlone() {
        for theme in all {
            for style in roles(theme) { #expect(!style.modifiers.contains(.dim), "\(theme.name)") }
            #expect(theme.forwardFocus.modifiers.contains(.bold))
            #expect(theme.backwardFocus.modifiers.contains(.reverse))
            #expect(!theme.error.modifiers.isEmpty)
            #expect(!theme.heading.modifiers.isEmpty)
        }
    }

    @Test func monochromeHasNoColourAndProjectorUsesHalfBlocks() {
        for style in roles(.monochrome) { #expect(style.fg == .default && style.bg == .default) }
        #expect(Theme.projector.chartMarker == .halfBlock)
        #expect(Theme.default.chartMarker == .braille)
        #expect(!Theme.projector.text.modifiers.isEmpty)
    }
}

/// The projector themes set their own background, and every role on them reads at
/// WCAG AAA contrast (7:1), worked out from the palette's own RGB values.
@Suite struct ProjectorContrastTests {
    /// sRGB 0–255 → linear light → relative luminance (WCAG 2.x).
    static func luminance(_ color: Color) -> Double {
        let (r, g, b) = Color.rgb(color.index256 ?? 0)
        func linear(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    static func contrast(_ a: Color, _ b: Color) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (Swift.max(la, lb) + 0.05) / (Swift.min(la, lb) + 0.05)
    }

    @Test func theFormulaMatchesWCAG() {
        #expect(abs(Self.contrast(.indexed(16), .indexed(231)) - 21) < 0.01)
        #expect(abs(Self.contrast(.indexed(231), .indexed(231)) - 1) < 1e-9)
        // The old projector title colour on a white screen: the 1.4:1.
        #expect(abs(Self.contrast(.indexed(221), .indexed(231)) - 1.39) < 0.01)
    }

    @Test(arguments: [Theme.projector, .projectorLight])
    func everyRoleReadsAtSevenToOne(_ theme: Theme) {
        #expect(theme.background.index256 != nil && theme.foreground.index256 != nil)
        // Palette entries 16–255 are fixed RGB; 0–15 are the terminal's to choose.
        #expect((theme.background.index256 ?? 0) >= 16 && (theme.foreground.index256 ?? 0) >= 16)
        let roles = ThemeTests().roles(theme)
        #expect(roles.count == 26)
        for (i, style) in roles.enumerated() {
            let (fg, bg) = theme.resolved(style)
            #expect(fg.index256 != nil && bg.index256 != nil, "\(theme.name) role \(i)")
            #expect((fg.index256 ?? 0) >= 16 && (bg.index256 ?? 0) >= 16, "\(theme.name) role \(i)")
            let ratio = Self.contrast(fg, bg)
            #expect(ratio >= 7, "\(theme.name) role \(i): \(fg) on \(bg) is \(ratio):1")
        }
    }

    @Test func aThemedBufferHasNoTerminalColourLeft() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.setString("ab", x: 0, y: 0, style: Theme.projectorLight.heading)
        buffer.paint(.projectorLight)
        for cell in buffer.cells {
            #expect(cell.style.fg != .default && cell.style.bg == .indexed(231))
        }
        #expect(buffer.style(x: 0, y: 0).fg == .indexed(19))
        // A theme on the terminal's own background leaves the cells alone.
        var plain = Buffer(width: 2, height: 1)
        plain.paint(.default)
        #expect(plain.cells.allSatisfy { $0.style == .plain })
    }
}
