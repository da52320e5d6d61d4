import Lessons

extension PlayerState {
    /// A player on the first steps of a lesson still being played by `request`
    /// (``PlayRequest/Purpose/open``); later steps arrive through
    /// ``receivePartial(_:)`` and ``finishPlay(_:)``.
    public init(opening partial: LessonTrace, request: PlayRequest) {
        self.init(trace: partial, text: request.text)
        if !partial.isComplete { setPlaying(request) }
    }

    /// More of the lesson being opened has been played.
    public mutating func receivePartial(_ partial: LessonTrace) -> [PlayerEffect] {
        guard playing?.purpose == .open, partial.steps.count > stepCount else { return [] }
        bumpRevision()
        extend(trace: partial)
        return goToAwaitedPlace()
    }

    /// The play under way has finished: the new lesson replaces the old one
    /// (keeping the place as far as it exists), or its error is shown and the
    /// old one stays.
    public mutating func finishPlay(_ result: Result<LessonTrace, PlayerError>) -> [PlayerEffect] {
        guard let request = playing else { return [] }
        bumpRevision()
        let stopped = playStopRequested ? words.stoppedEarlySuffix : ""
        setPlaying(nil)
        switch (request.purpose, result) {
        case (.open, .success(let trace)):
            extend(trace: trace)
            if !stopped.isEmpty { setMessage(words.trainingStoppedEarly) }
            return goToAwaitedPlace()
        case (.open, .failure(let error)):
            setWaitingFor(nil)
            setMessage(words.restDoesNotPlay(Self.firstLine(of: error, words)))
            return [.bell]
        case (_, .success(let trace)):
            replace(trace: trace, text: request.text)
            switch request.purpose {
            case .edit(let label, let value): setMessage(words.recomputed(label, value) + stopped)
            case .reset: setMessage(words.valuesReset + stopped)
            case .reload, .open: setMessage(words.reloaded(request.text.file) + stopped)
            }
            return moved()
        case (_, .failure(let error)):
            switch request.purpose {
            case .edit(let label, let value):
                setMessage(words.editFails(label, value, Self.firstLine(of: error, words)))
            case .reset, .open: setMessage(words.ownValuesFail(Self.firstLine(of: error, words)))
            case .reload: setMessage(words.notReloadedKept(Self.firstLine(of: error, words)))
            }
            return [.bell]
        }
    }

    /// Starts `request` unless another play is under way.
    mutating func startPlay(_ request: PlayRequest) -> [PlayerEffect] {
        if let playing {
            setMessage(words.stillPlaying(words.activity(playing)))
            return [.bell]
        }
        setAutoplay(nil)
        setPlaying(request)
        return [.play(request)]
    }

    /// `R`: the lesson file as it is on disk now; the edits made with `e` are dropped.
    mutating func reload() -> [PlayerEffect] {
        guard let text else {
            setMessage(words.reloadNeedsFile)
            return [.bell]
        }
        do {
            return startPlay(PlayRequest(text: try LessonText(path: text.file), purpose: .reload))
        } catch {
            setMessage(words.notReloaded("\(error)"))
            return [.bell]
        }
    }

    /// Esc while a play is under way: its training stops where it is.
    mutating func stopPlay() -> [PlayerEffect] {
        guard let playing else { return [] }
        setMessage(words.stopping(words.activity(playing)))
        markPlayStopRequested()
        return [.stopPlay]
    }

    // MARK: - Places not played yet

    /// Asks for `ref`; a step not played yet is opened when it is.
    mutating func goOrWait(_ ref: FrameRef) -> [PlayerEffect] {
        guard ref.step < stepCount else {
            setWaitingFor(ref)
            setMessage(words.stepOpensWhenPlayed(ref.step + 1))
            return []
        }
        setWaitingFor(nil)
        moveTo(step: ref.step, frame: Swift.min(Swift.max(ref.frame, 0), frameCount(ofStep: ref.step) - 1))
        return stopping(moved())
    }

    private mutating func goToAwaitedPlace() -> [PlayerEffect] {
        guard let ref = waitingFor, ref.step < stepCount else { return [] }
        setMessage(nil)
        return goOrWait(ref)
    }

    /// Keys that go past the steps played so far: the next step opens as soon as it is played.
    mutating func notPlayedYet(step target: Int? = nil) -> [PlayerEffect] {
        // → past the played steps while `]` or a step number already waits for a later one keeps that wait.
        let awaited = target ?? Swift.max(waitingFor?.step ?? stepCount, stepCount)
        setWaitingFor(FrameRef(step: awaited, frame: 0))
        setMessage(
            words.stepStillPlaying(awaited + 1, training: playProgress > 0))
        return []
    }

    // MARK: - Resuming

    /// Reopening a lesson left at `ref` with `score` earned: asks whether to resume
    /// there (the score goes on) or start over (a new score).
    public mutating func offerResume(at ref: FrameRef, score: Score? = nil) {
        guard ref.step > 0 || ref.frame > 0, ref.step < totalSteps else { return }
        resumeScore = score
        setOverlay(.resume(ref))
    }

    mutating func handleResume(_ key: PlayerKey, _ ref: FrameRef) -> [PlayerEffect] {
        switch key {
        // A clicker answers too: PageDown resumes, PageUp starts over.
        case .enter, .character("y"), .character("Y"), .pageDown:
            setOverlay(.none)
            if let resumeScore { earlierScore = resumeScore }
            return goOrWait(ref)
        case .escape, .character("n"), .character("N"), .pageUp:
            setOverlay(.none)
            return []
        case .character("q"):
            return [.quit]
        default:
            return []
        }
    }

    static func firstLine(of error: PlayerError, _ words: Words) -> String {
        if case .lesson(let lessonError) = error, let d = lessonError.diagnostics.first {
            return words.atLine(d.location.line, d.message)
        }
        return error.description
    }
}
