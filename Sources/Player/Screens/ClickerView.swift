import Lessons
import Rendering

/// What a screen keeps out of view that a clicker's PageDown pages through before
/// it moves on: the rest of a step's text cut by its panel, and on a small screen
/// the panels behind the one shown. Worked out from ``ScreenAreas`` as drawing does,
/// so the keys and the screen agree.
struct ClickerView {
    /// The text panel is on screen: where it is scrolled, how far it can go, and a page of it.
    struct Text: Equatable {
        var scroll: Int
        var overflow: Int
        var page: Int
    }

    /// The text, when it is on screen.
    var text: Text?
    /// Blocks of the step's text shown now (a block tied to a later frame waits for it).
    var textBlocks: Int
    /// On a small screen: the panels in `Tab`'s order starting with the frame's own, and
    /// whether each keeps something out of view when the frame's own panel is shown.
    var panels: [(panel: StepContent.Panel, hidden: Bool)] = []
    /// On a small screen, how many panels past the frame's own one is shown (0 on a full screen).
    var offset = 0

    init?(_ state: PlayerState, width: Int, height: Int, glyphs: GlyphSet) {
        guard width > 0, height > 0, let played = state.playedStep else { return nil }
        let context = ScreenContext(state: state, glyphs: glyphs)
        let content = StepContent(context, played: played)
        let areas = ScreenAreas(content, width: width, height: height)
        textBlocks = content.prose.shownBlocks
        if let area = areas.prose {
            let fit = content.prose.fitting(in: area, border: areas.proseBorder)
            // A page keeps one line of the last for context.
            text = Text(scroll: fit.scroll, overflow: fit.overflow, page: Swift.max(fit.inner.height - 1, 1))
        }
        let all = areas.compactPanels
        guard !all.isEmpty else { return }
        let first = content.defaultPanelIndex(all)
        offset = state.panelShift % all.count
        // What the frame's own panel leaves out (a strip under the graph may show the whole chain rule).
        var own = state
        own.setPanelShift(0)
        let ownAreas = ScreenAreas(
            StepContent(ScreenContext(state: own, glyphs: glyphs), played: played),
            width: width, height: height)
        panels = (0..<all.count).map { i in
            let panel = all[(first + i) % all.count]
            return (panel, i > 0 && ownAreas.hiddenPanels.contains(panel))
        }
    }
}
