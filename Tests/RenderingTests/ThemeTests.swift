import Testing

@testable import Rendering

@Suite struct ThemeTests {
    let all: [Theme] = [.default, .projector, .monochrome]

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
