import Lessons
import Rendering

extension PlayerState {
    /// Changes the state for one key press and says what the app must do.
    ///
    /// Keys (also in the help overlay): → `l` space `n` next frame, ← `h`
    /// Backspace `p` previous frame (past a step's end comes the next step, and
    /// back); PageDown PageUp the same for a clicker, which first reveals a
    /// question and pages through what the screen hides; `.` `B` blank the
    /// screen; `]` `[` steps; `g` `G` (Home End) first and last
    /// frame; digits then Enter jump to a step; `f` `b` play the forward or
    /// backward pass; `a` plays the step or pauses and resumes (space pauses
    /// and resumes too); `+` `-` speed; `e` edit a value; `r` reset values; on a question,
    /// type a number and Enter to check it, `v` to reveal; `t` theme; `z`
    /// detail; ↓ ↑ (`j` `k`) scroll the step's text, `<` `>` its code sideways; `H` `J` `K` `L` pan a graph larger than its
    /// panel; Tab the next panel on a small screen; `R` reloads the
    /// file; `i` opens the node inspector (← → node, ↑ ↓ scroll, `<` `>` columns, Esc closes);
    /// `o` `O` open and close layer and model groups; Esc stops a training being played; `?` help (Esc or `?` closes it); `q` or Ctrl-C quits.
    public mutating func handle(_ key: PlayerKey) -> [PlayerEffect] {
        bumpRevision()
        let interval = tickInterval
        var effects = dispatch(key)
        // Whatever started, stopped or sped up the animation, the app hears of it once.
        if tickInterval != interval { effects.append(.autoplay(milliseconds: tickInterval)) }
        return effects
    }

    private mutating func dispatch(_ key: PlayerKey) -> [PlayerEffect] {
        if key == .ctrlC { return [.quit] }
        if overlay == .blank {
            // Any key brings the lesson back, and does nothing else.
            setOverlay(.none)
            return []
        }
        if case .resume(let ref) = overlay { return handleResume(key, ref) }
        if overlay == .closing { return handleClosing(key) }
        if case .nudge(let shown) = overlay {
            if key == .character("d") { return nudge(after: shown.input) }
            setOverlay(.none)
            if key == .escape { return [] }
        }
        if overlay == .help {
            switch key {
            case .escape, .character("?"): setOverlay(.none)
            case .character("q"): return [.quit]
            default: break
            }
            return []
        }
        switch input {
        case .none: break
        case .stepNumber(let typed): return handleStepNumber(key, typed)
        case .answer(let typed): return handleAnswer(key, typed)
        case .edit(let session): return handleEdit(key, session)
        }
        setMessage(nil)
        return handleNavigation(key)
    }

    /// Keys when nothing is being typed.
    mutating func handleNavigation(_ key: PlayerKey) -> [PlayerEffect] {
        // What PageDown paged through is turned back by PageUp only until another key moves things.
        if key != .pageDown && key != .pageUp { setClickerTrail([]) }
        // The open inspector takes its keys; the others (space, `n`, `p`, `[` `]`) still step the lesson.
        if let effects = handleInspector(key) { return effects }
        switch key {
        case .character(" ") where autoplay.map({ !$0.isPaused }) ?? false:
            return pause()
        case .character(" ") where autoplay?.isPaused ?? false:
            return toggleAutoplay()
        case .pageDown:
            return clickerNext()
        case .pageUp:
            return clickerBack()
        case .character("."), .character("B"):
            return blankScreen()
        case .right, .character("l"), .character(" "), .character("n"):
            return stopping(nextFrame())
        case .left, .character("h"), .backspace, .character("p"):
            return stopping(previousFrame())
        case .down, .character("j"):
            scrollProse(by: 1)
            return []
        case .up, .character("k"):
            scrollProse(by: -1)
            return []
        case .character("<"), .character(">"):
            scrollCode(by: key == .character(">") ? 8 : -8)
            return []
        case .character("]"):
            // Presses made while a step is still being played add up: `]]` goes two steps on.
            // Past the last step while one is still awaited: keep waiting for the last.
            let target = Swift.min((waitingFor?.step ?? step) + 1, waitingFor == nil ? totalSteps : totalSteps - 1)
            if target >= stepCount, target < totalSteps { return notPlayedYet(step: target) }
            guard target < stepCount else {
                // After the last step, as after its last frame: the closing screen.
                setOverlay(.closing)
                return stopping([.finished(score)])
            }
            setWaitingFor(nil)
            moveTo(step: target, frame: 0)
            return moved()
        case .character("["):
            guard step > 0 else { return stopping([.bell]) }
            moveTo(step: step - 1, frame: 0)
            return moved()
        case .character("g"), .home:
            moveTo(step: step, frame: 0)
            return stopping(moved())
        case .character("G"), .end:
            moveTo(step: step, frame: frameCount - 1)
            return stopping(moved())
        case .character(let c) where isAsking && Self.answerStarts.contains(c):
            // On a frame that asks, what is typed is the answer, a leading `-` included.
            setInput(.answer(String(c)))
            return []
        case .character(let c) where c.isASCII && c.isNumber && asksOnThisFrame:
            // An answer typed once more after the question closed must not jump to a step.
            setMessage(words.alreadyAnswered)
            return [.bell]
        case .character(let c) where c.isASCII && c.isNumber:
            setInput(.stepNumber(String(c)))
            return []
        case .character(":"), .character("#"):
            // Jumping to a step from any frame, a question's included.
            setInput(.stepNumber(""))
            return []
        case .enter:
            if isAsking { setInput(.answer("")) }
            return []
        case .character("P"):
            return togglePredict()
        case .character("i"):
            return toggleInspector()
        case .character("o"):
            return toggleGroup(all: false)
        case .character("O"):
            return toggleGroup(all: true)
        case .character("d"):
            return nudge(after: nil)
        case .character("v"):
            return reveal()
        case .character("f"): return play(.forward)
        case .character("b"): return play(.backward)
        case .character("a"): return toggleAutoplay()
        case .character("+"), .character("="):
            setSpeed(speed + 1)
            return []
        case .character("-"), .character("_"):
            setSpeed(speed - 1)
            return []
        case .character("e"): return startEdit()
        case .character("r"): return resetValues()
        case .character("R"): return reload()
        case .character("t"):
            theme =
                PlayerState.themes[
                    ((PlayerState.themes.firstIndex { $0.name == theme.name } ?? 0) + 1) % PlayerState.themes.count]
            setMessage(words.themeSwitched(theme.name))
            return []
        case .character("z"):
            detail = detail.next
            return []
        case .tab:
            shiftPanel()
            return []
        case .character("H"): return panGraph(dx: -1, dy: 0)
        case .character("L"): return panGraph(dx: 1, dy: 0)
        case .character("K"): return panGraph(dx: 0, dy: -1)
        case .character("J"): return panGraph(dx: 0, dy: 1)
        case .character("?"):
            setOverlay(.help)
            return []
        case .character("q"):
            return [.quit]
        case .escape:
            return stopping(stopPlay())
        default:
            return []
        }
    }

    /// Moves the graph's view a third of the panel that way, as far as the
    /// drawing goes; a bell when the graph fits or is already at that edge.
    mutating func panGraph(dx: Int, dy: Int) -> [PlayerEffect] {
        guard let view,
            let viewport = Screen.graphViewport(self, width: view.width, height: view.height, glyphs: view.glyphs)
        else { return [.bell] }
        let target = viewport.panned(dx: dx, dy: dy)
        guard target != viewport.shown else { return [.bell] }
        setGraphPan(GraphPoint(x: target.x - viewport.automatic.x, y: target.y - viewport.automatic.y))
        return []
    }

    /// The themes `t` cycles through, in order.
    public static let themes: [Theme] = [.default, .projector, .projectorLight, .monochrome]

    // MARK: - Moving

    /// One frame on; past the step's last frame, the next step's first.
    @discardableResult
    mutating func nextFrame() -> [PlayerEffect] {
        if frame + 1 < frameCount {
            moveTo(step: step, frame: frame + 1)
        } else if step + 1 < stepCount {
            moveTo(step: step + 1, frame: 0)
        } else if step + 1 < totalSteps {
            return notPlayedYet()
        } else {
            // Past the last frame: the closing screen.
            setOverlay(.closing)
            return [.finished(score)]
        }
        return moved()
    }

    /// One frame back; before the step's first frame, the previous step's last.
    mutating func previousFrame() -> [PlayerEffect] {
        if frame > 0 {
            moveTo(step: step, frame: frame - 1)
        } else if step > 0 {
            moveTo(step: step - 1, frame: frameCount(ofStep: step - 1) - 1)
        } else {
            return [.bell]
        }
        return moved()
    }

    func moved() -> [PlayerEffect] { [.moved(step: step, frame: frame)] }

    /// `effects`, after stopping any animation (a manual move takes over from autoplay).
    mutating func stopping(_ effects: [PlayerEffect]) -> [PlayerEffect] {
        setAutoplay(nil)
        return effects
    }

    // MARK: - Typing a step number

    private mutating func handleStepNumber(_ key: PlayerKey, _ typed: String) -> [PlayerEffect] {
        switch key {
        case .character(let c) where c.isASCII && c.isNumber:
            if typed.count < 6 { setInput(.stepNumber(typed + String(c))) }
            return []
        case .backspace:
            setInput(typed.isEmpty ? .none : .stepNumber(String(typed.dropLast())))
            return []
        case .escape:
            setInput(.none)
            return []
        case .enter:
            setInput(.none)
            if typed.isEmpty { return [] }
            guard let n = Int(typed), (1...totalSteps).contains(n) else {
                setMessage(words.noSuchStep(typed, total: totalSteps))
                return [.bell]
            }
            return goOrWait(FrameRef(step: n - 1, frame: 0))
        default:
            // Any other key drops the number and does its own job.
            setInput(.none)
            setMessage(nil)
            return handleNavigation(key)
        }
    }
}
