import Lessons

/// One page the clicker turned without leaving the frame, and how to turn it back.
enum ClickerPage: Equatable, Sendable {
    /// The step's text scrolled on from `from` lines.
    case text(from: Int)
    /// A small screen switched panels, from `shift` (and the text seen before).
    case panel(shift: Int, textSeen: Int)
}

extension PlayerState {
    // MARK: - The clicker

    /// PageDown, all a presenter's clicker has to go forward with: it reveals an
    /// unanswered question (or the next number to predict), starts a training run
    /// and ends a running one, pages through what the screen keeps out of view (the
    /// rest of a step's text; on a small screen the panels behind the frame's own),
    /// and only then moves on a frame. ← → and space still move frame by frame.
    mutating func clickerNext() -> [PlayerEffect] {
        if isAsking { return reveal() }
        if let effects = clickerTraining() { return effects }
        if let shown = clickerView, turnPage(shown) { return [] }
        let before = place
        let effects = stopping(nextFrame())
        if place != before { setPanelShift(0) }
        return effects
    }

    /// PageUp: back through the pages PageDown turned on this frame, then a frame back
    /// (to the frame's own panel on a small screen). An answer once revealed stays revealed.
    mutating func clickerBack() -> [PlayerEffect] {
        if let last = clickerTrail.last {
            setClickerTrail(Array(clickerTrail.dropLast()))
            switch last {
            case .text(let from): setProseScroll(from)
            case .panel(let shift, let seen):
                setPanelShift(shift)
                setTextSeen(seen)
            }
            return []
        }
        let before = place
        let effects = stopping(previousFrame())
        if place != before { setPanelShift(0) }
        return effects
    }

    /// The screen the app draws on, as the clicker sees it; nil before the first draw.
    private var clickerView: ClickerView? {
        guard let view else { return nil }
        return ClickerView(self, width: view.width, height: view.height, glyphs: view.glyphs)
    }

    /// Turns one page of what is out of view; false when everything has been shown.
    private mutating func turnPage(_ shown: ClickerView) -> Bool {
        let onText = shown.panels.isEmpty || shown.panels[shown.offset].panel == .prose
        if let text = shown.text, onText {
            setTextSeen(Swift.max(textSeen, shown.textBlocks))
            if text.scroll < text.overflow {
                setClickerTrail(clickerTrail + [.text(from: text.scroll)])
                setProseScroll(Swift.min(text.scroll + text.page, text.overflow))
                return true
            }
        }
        guard shown.offset + 1 < shown.panels.count else { return false }
        for i in (shown.offset + 1)..<shown.panels.count where shown.panels[i].hidden {
            // The text once a step, and again when a frame adds to it.
            if shown.panels[i].panel == .prose, textSeen >= shown.textBlocks { continue }
            setClickerTrail(clickerTrail + [.panel(shift: panelShift, textSeen: textSeen)])
            setPanelShift(i)
            if shown.panels[i].panel == .prose { setTextSeen(shown.textBlocks) }
            return true
        }
        return false
    }

    /// A training step: PageDown runs it (its first iterations one by one), ends it
    /// while it runs, resumes it when paused; nil where PageDown just moves on.
    private mutating func clickerTraining() -> [PlayerEffect]? {
        guard let run = trainingRun else { return nil }
        switch run {
        case .ready:
            return toggleAutoplay()
        case .running:
            var end = frame
            while let played = playedStep, played.frames.indices.contains(end + 1),
                case .training = played.frames[end + 1]
            {
                end += 1
            }
            setAutoplay(nil)
            moveTo(step: step, frame: end)
            return moved()
        case .paused where autoplay != nil:
            return toggleAutoplay()
        case .paused, .done:
            return nil
        }
    }

    // MARK: - A blank screen

    /// `.` (which many clickers send) and `B`: an empty screen; any key brings the lesson back.
    mutating func blankScreen() -> [PlayerEffect] {
        setOverlay(.blank)
        return []
    }
}
