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
        let stopped = playStopRequested ? ", training stopped early (Esc)" : ""
        setPlaying(nil)
        switch (request.purpose, result) {
        case (.open, .success(let trace)):
            extend(trace: trace)
            if !stopped.isEmpty { setMessage("the lesson's training was stopped early (Esc)") }
            return goToAwaitedPlace()
        case (.open, .failure(let error)):
            setWaitingFor(nil)
            setMessage("the rest of the lesson does not play: \(Self.firstLine(of: error))")
            return [.bell]
        case (_, .success(let trace)):
            replace(trace: trace, text: request.text)
            switch request.purpose {
            case .edit(let label, let value): setMessage("\(label) = \(value): recomputed" + stopped)
            case .reset: setMessage("values reset to the lesson's own" + stopped)
            case .reload, .open: setMessage("reloaded \(request.text.file)" + stopped)
            }
            return moved()
        case (_, .failure(let error)):
            switch request.purpose {
            case .edit(let label, let value):
                setMessage("\(label) = \(value) does not work: \(Self.firstLine(of: error))")
            case .reset, .open: setMessage("the lesson's own values do not play: \(Self.firstLine(of: error))")
            case .reload: setMessage("not reloaded, still the last good version: \(Self.firstLine(of: error))")
            }
            return [.bell]
        }
    }

    /// Starts `request` unless another play is under way.
    mutating func startPlay(_ request: PlayRequest) -> [PlayerEffect] {
        if let playing {
            setMessage("still \(playing.activity); Esc stops its training")
            return [.bell]
        }
        setAutoplay(nil)
        setPlaying(request)
        return [.play(request)]
    }

    /// `R`: the lesson file as it is on disk now; the edits made with `e` are dropped.
    mutating func reload() -> [PlayerEffect] {
        guard let text else {
            setMessage("reloading needs the lesson's file")
            return [.bell]
        }
        do {
            return startPlay(PlayRequest(text: try LessonText(path: text.file), purpose: .reload))
        } catch {
            setMessage("not reloaded: \(error)")
            return [.bell]
        }
    }

    /// Esc while a play is under way: its training stops where it is.
    mutating func stopPlay() -> [PlayerEffect] {
        guard let playing else { return [] }
        setMessage("stopping: \(playing.activity)")
        markPlayStopRequested()
        return [.stopPlay]
    }

    // MARK: - Places not played yet

    /// Asks for `ref`; a step not played yet is opened when it is.
    mutating func goOrWait(_ ref: FrameRef) -> [PlayerEffect] {
        guard ref.step < stepCount else {
            setWaitingFor(ref)
            setMessage("step \(ref.step + 1) opens as soon as it has been played")
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
    mutating func notPlayedYet() -> [PlayerEffect] {
        setWaitingFor(FrameRef(step: stepCount, frame: 0))
        setMessage(
            "step \(stepCount + 1) is still being played" + (playProgress > 0 ? " (training)" : "")
                + "; it opens when ready")
        return []
    }

    // MARK: - Resuming

    /// Reopening a lesson left at `ref`: asks whether to resume there.
    public mutating func offerResume(at ref: FrameRef) {
        guard ref.step > 0 || ref.frame > 0, ref.step < totalSteps else { return }
        setOverlay(.resume(ref))
    }

    mutating func handleResume(_ key: PlayerKey, _ ref: FrameRef) -> [PlayerEffect] {
        switch key {
        case .enter, .character("y"), .character("Y"):
            setOverlay(.none)
            return goOrWait(ref)
        case .escape, .character("n"), .character("N"):
            setOverlay(.none)
            return []
        case .character("q"):
            return [.quit]
        default:
            return []
        }
    }

    static func firstLine(of error: PlayerError) -> String {
        if case .lesson(let lessonError) = error, let d = lessonError.diagnostics.first {
            return "line \(d.location.line): \(d.message)"
        }
        return error.description
    }
}
