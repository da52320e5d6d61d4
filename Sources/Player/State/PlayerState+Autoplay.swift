import Lessons

extension PlayerState {
    /// Advances a running animation by one frame; the app calls it every
    /// `tickInterval` milliseconds. At the end of what it plays the
    /// animation stops (and says so with an `.autoplay(milliseconds: nil)` effect).
    public mutating func tick() -> [PlayerEffect] {
        guard let autoplay, !autoplay.isPaused else { return [] }
        bumpRevision()
        if autoplay.scope == .step, let effects = tickTraining() { return effects }
        guard let next = nextFrame(in: autoplay.scope) else {
            setAutoplay(nil)
            return [.autoplay(milliseconds: nil)]
        }
        moveTo(step: step, frame: next)
        var effects = moved()
        if self.nextFrame(in: autoplay.scope) == nil {
            setAutoplay(nil)
            effects.append(.autoplay(milliseconds: nil))
        }
        return effects
    }

    /// Ticks through a training run an iteration at a time at first, then faster
    /// (at most a hundredth of the run a tick), not frame by frame: the loss chart
    /// grows smoothly between the recorded frames (whose parameters and fit stay on
    /// screen until the next one).
    /// Nil when the frame on screen is not in a training run.
    private mutating func tickTraining() -> [PlayerEffect]? {
        guard let played = playedStep, case .training(let shown)? = currentFrame else { return nil }
        let recorded: [(index: Int, frame: TrainingFrame)] = played.frames.enumerated().compactMap { i, f in
            if case .training(let t) = f { return (i, t) } else { return nil }
        }
        // The run is the training frames from this one on, up to the next frame of another kind.
        let run = recorded.drop { $0.index < frame }.enumerated().prefix { $0.offset == $0.element.index - frame }.map(
            \.element)
        guard let last = run.last, last.index > frame else { return nil }
        let total = last.frame.iteration
        // The first iterations one by one, then steps a quarter as long as the way come, up to
        // a hundredth of the run: a divergence is seen growing, a long run still ends soon.
        let at = trainingCursor ?? shown.iteration
        let next = at + Swift.max(1, Swift.min(shown.iterations / 100, at / 4))
        guard next < total, let sample = run.last(where: { $0.frame.iteration <= next }) else {
            moveTo(step: step, frame: last.index)
            setAutoplay(nil)
            return moved() + [PlayerEffect.autoplay(milliseconds: nil)]
        }
        var effects: [PlayerEffect] = []
        if sample.index != frame {
            moveTo(step: step, frame: sample.index)
            effects = moved()
        }
        setTrainingCursor(sample.frame.iteration == next ? nil : next)
        return effects
    }

    /// The frame after the current one that `scope` plays, if any.
    private func nextFrame(in scope: Autoplay.Scope) -> Int? {
        guard let played = playedStep else { return nil }
        let next = frame + 1
        guard played.frames.indices.contains(next) else { return nil }
        return Self.matches(played.frames[next], scope) ? next : nil
    }

    static func matches(_ frame: Frame, _ scope: Autoplay.Scope) -> Bool {
        switch (scope, frame) {
        case (.step, _), (.forward, .forward), (.backward, .backward): return true
        default: return false
        }
    }

    /// `f` / `b`: play the forward or backward frames of this step from their
    /// start (or from here, when already inside them). A step without them
    /// plays the next step that has them.
    mutating func play(_ scope: Autoplay.Scope) -> [PlayerEffect] {
        guard let target = firstFrame(of: scope) else {
            setMessage(scope == .forward ? words.noForwardAhead : words.noBackwardAhead)
            return [.bell]
        }
        var effects: [PlayerEffect] = []
        if target.step != step || !(currentFrame.map { Self.matches($0, scope) } ?? false) {
            moveTo(step: target.step, frame: target.frame)
            effects = moved()
        }
        setAutoplay(Autoplay(scope: scope))
        if nextFrameExists(scope) == false { setAutoplay(nil) }
        return effects
    }

    private func nextFrameExists(_ scope: Autoplay.Scope) -> Bool { nextFrame(in: scope) != nil }

    /// The first frame of `scope` in this step, else in a later step.
    private func firstFrame(of scope: Autoplay.Scope) -> FrameRef? {
        for s in step..<stepCount {
            if let f = trace.steps[s].frames.firstIndex(where: { Self.matches($0, scope) }) {
                return FrameRef(step: s, frame: f)
            }
        }
        return nil
    }

    /// `a`: pause a running animation, resume a paused one, or play the rest of the step.
    mutating func toggleAutoplay() -> [PlayerEffect] {
        if var autoplay {
            autoplay.isPaused.toggle()
            setAutoplay(autoplay)
            return []
        }
        var effects: [PlayerEffect] = []
        // At the end of a step, `a` replays it from the start (a training run again).
        if frame >= frameCount - 1, frameCount > 1 {
            moveTo(step: step, frame: 0)
            effects = moved()
        }
        guard frame + 1 < frameCount else { return effects + [.bell] }
        setAutoplay(Autoplay(scope: .step))
        return effects
    }

    mutating func pause() -> [PlayerEffect] {
        if var autoplay {
            autoplay.isPaused = true
            setAutoplay(autoplay)
        }
        return []
    }
}
