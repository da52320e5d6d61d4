import Foundation
import Lessons
import Player
import Rendering
import Terminal

/// One lesson open in the terminal: plays it in the background, shows its
/// first step as soon as that is ready, and turns keys, autoplay ticks and
/// finished plays into screens until the student leaves.
///
/// All it decides itself is timing (when to tick, when to poll a play) and
/// where progress is saved; what a key does is `PlayerState`'s business and
/// what is drawn is `Screen`'s.
final class LessonRun {
    enum Outcome: Equatable {
        /// The student left the lesson (q, Ctrl-C, Esc on an error).
        case closed
        /// Enter on the closing screen: the student wants the next lesson.
        case next
        /// A signal ended the run; its number.
        case signal(Int32)
    }

    private let session: any Console
    private let path: String
    private var progress: ProgressStore
    private let glyphs: GlyphSet
    /// The theme the lesson opens with; the one it ends with is read back by the app.
    private(set) var theme: Theme
    /// The app's words until the lesson (and its language) is known.
    private let words: Words

    private var job: BackgroundPlay?
    private var nextTick: ContinuousClock.Instant?
    private var tickInterval: Duration = .zero
    private var lastSaved: ContinuousClock.Instant?
    private var unsavedPlace: FrameRef?
    private let clock = ContinuousClock()
    /// Sees each screen before it is drawn and may draw over it (`backstep class`).
    var observer: (any LessonRunObserver)?
    /// How often (ms) the screen looks for an observer's news while no key is pressed.
    static let observerPollMs = 100
    /// Whether `q` leads back to a lesson list (the status line says so) or quits.
    private let leadsToList: Bool
    private var score: Score?
    private var done = false
    /// The link to `backstep present`, when the player listens for one.
    var link: PresenterLink?
    /// The redraw counter on the status line, for tests.
    var showsRevision = false

    init(
        session: any Console, path: String, progress: ProgressStore, glyphs: GlyphSet, theme: Theme,
        words: Words = Language.en.words, leadsToList: Bool = false
    ) {
        self.leadsToList = leadsToList
        self.session = session
        self.words = words
        self.path = path
        self.progress = progress
        self.glyphs = glyphs
        self.theme = theme
    }

    /// Plays the lesson until the student leaves it.
    func run() -> Outcome {
        let text: LessonText
        do {
            text = try LessonText(path: path)
        } catch {
            return showError("\(error)")
        }
        let opening = BackgroundPlay(PlayRequest(text: text, purpose: .open))
        job = opening
        switch waitForFirstSteps(opening) {
        case .failure(let outcome): return outcome
        case .success(var state):
            state.theme = theme
            state.showsRevision = showsRevision
            state.leadsToList = leadsToList
            if let saved = progress.entry(for: path) {
                state.offerResume(at: FrameRef(step: saved.step, frame: saved.frame), score: saved.score)
            }
            link?.open(lesson: path)
            let outcome = loop(&state)
            job?.stop()
            theme = state.theme
            save(force: true)
            return outcome
        }
    }

    // MARK: - Opening

    private enum Opened {
        case success(PlayerState)
        case failure(Outcome)
    }

    /// Shows "opening…" until the first step has been played (usually at once) or the play fails.
    private func waitForFirstSteps(_ opening: BackgroundPlay) -> Opened {
        // The first step is usually ready in a millisecond: wait for it rather than draw "opening…" first.
        _ = opening.waitForNews(milliseconds: 150)
        while true {
            if let partial = opening.takePartial() {
                var state = PlayerState(opening: partial, request: opening.request)
                if let result = opening.result {
                    if case .failure(let error) = result {
                        job = nil
                        return .failure(showError(Self.errorText(error, path, words)))
                    }
                    _ = state.finishPlay(result)
                }
                if state.playing == nil { job = nil }
                return .success(state)
            }
            if let result = opening.result {
                switch result {
                case .success(let trace):
                    job = nil
                    return .success(PlayerState(opening: trace, request: opening.request))
                case .failure(let error):
                    job = nil
                    return .failure(showError(Self.errorText(error, path, words)))
                }
            }
            drawNote(
                words.opening(path, ellipsis: glyphs.ellipsis)
                    + (opening.iterations > 0 ? "\n\n" + words.trainingIterations(opening.iterations) : "")
                    + "\n\n" + words.qStops)
            guard let key = session.readKey(timeoutMs: 20) else { continue }
            switch key {
            case .signal(let number):
                opening.stop()
                return .failure(.signal(number))
            case .character("q"), .ctrlC, .escape:
                opening.stop()
                return .failure(.closed)
            default: continue
            }
        }
    }

    // MARK: - Playing

    private func loop(_ state: inout PlayerState) -> Outcome {
        var drawn: (revision: Int, size: TerminalSize, progress: Int, observed: Int)?
        while true {
            if let job {
                if let partial = job.takePartial() { perform(state.receivePartial(partial), &state) }
                state.notePlayProgress(iterations: job.iterations)
                if let result = job.result {
                    self.job = nil
                    // A lesson whose later steps fail is a broken lesson: say everything that is wrong, as `check` would.
                    if job.request.purpose == .open, case .failure(let error) = result {
                        return showError(Self.errorText(error, path, words))
                    }
                    perform(state.finishPlay(result), &state)
                }
            }
            if let due = nextTick, clock.now >= due {
                // Keep the beat even when a frame took long; never run ahead to catch up.
                nextTick = Swift.max(due + tickInterval, clock.now)
                perform(state.tick(), &state)
            }
            if let link {
                // The presenter's keys drive this player as its own do.
                for request in link.poll() {
                    let effects: [PlayerEffect]
                    switch request {
                    case .key(let key): effects = state.handle(key)
                    case .go(let step): effects = state.jump(toStep: step)
                    }
                    if perform(effects, &state) { return effects.contains(.nextLesson) ? .next : .closed }
                }
            }
            let now = (state.revision, session.size, state.playProgress, observer?.revision ?? 0)
            if drawn.map({ $0 != now }) ?? true {
                // Keys that depend on what is shown (panning the graph) work it out from the screen's size.
                state.view = ScreenView(width: session.size.width, height: session.size.height, glyphs: glyphs)
                var screen = Screen.render(
                    state, width: session.size.width, height: session.size.height, glyphs: glyphs)
                observer?.willDraw(state, on: &screen)
                session.draw(screen)
                drawn = now
            }
            link?.show(state.place)
            guard let key = session.readKey(timeoutMs: waitTime()) else {
                save(force: false)
                continue
            }
            switch key {
            case .signal(let number): return .signal(number)
            case .resize: drawn = nil
            case .control("l"):
                session.forceFullRedraw()
                drawn = nil
            default:
                guard let playerKey = PlayerKey(key) else { continue }
                let effects = state.handle(playerKey)
                if perform(effects, &state) { return effects.contains(.nextLesson) ? .next : .closed }
            }
        }
    }

    /// How long to wait for a key: until the next autoplay tick, a short poll
    /// while a play runs, else long (signals and resizes still wake the read).
    private func waitTime() -> Int {
        var wait = 1000
        // A presenter is let in within a quarter of a second, and its keys are taken at once.
        if let link { wait = link.isConnected ? 50 : 250 }
        if job != nil { wait = 50 }
        if observer != nil { wait = Swift.min(wait, Self.observerPollMs) }
        if let due = nextTick {
            let left = clock.now.duration(to: due)
            let ms = Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            wait = Swift.min(wait, Swift.max(ms, 0))
        }
        return wait
    }

    /// Carries out what the state asked for; true when it asked to leave.
    @discardableResult
    private func perform(_ effects: [PlayerEffect], _ state: inout PlayerState) -> Bool {
        var quit = false
        for effect in effects {
            switch effect {
            case .quit: quit = true
            case .moved(let step, let frame):
                unsavedPlace = FrameRef(step: step, frame: frame)
                save(force: false, stepCount: state.totalSteps)
            case .autoplay(let milliseconds):
                if let milliseconds {
                    tickInterval = .milliseconds(milliseconds)
                    nextTick = clock.now + tickInterval
                } else {
                    nextTick = nil
                }
            case .bell: break
            case .play(let request):
                job?.stop()
                job = BackgroundPlay(request)
            case .stopPlay: job?.stop()
            case .scored(let score):
                self.score = score
                unsavedPlace = unsavedPlace ?? state.place
                save(force: true, stepCount: state.totalSteps)
            case .finished(let score):
                self.score = score
                done = true
                unsavedPlace = state.place
                save(force: true, stepCount: state.totalSteps)
            case .nextLesson: quit = true
            }
        }
        return quit
    }

    // MARK: - Progress

    private var stepCount = 0

    /// Saves the place at most twice a second while it changes (autoplay moves
    /// 20 times a second), and always when leaving.
    private func save(force: Bool, stepCount count: Int? = nil) {
        if let count { stepCount = count }
        guard let place = unsavedPlace else { return }
        if !force, let last = lastSaved, last.duration(to: clock.now) < .milliseconds(500) { return }
        progress.update(
            path, step: place.step, frame: place.frame, stepCount: stepCount, done: done, score: score)
        unsavedPlace = nil
        lastSaved = clock.now
    }

    // MARK: - Notes

    private func drawNote(_ text: String) {
        var buffer = Buffer(width: session.size.width, height: session.size.height)
        buffer.render(Prose(text, theme: theme, glyphs: glyphs), in: buffer.area.inner(1))
        buffer.paint(theme)
        session.draw(buffer)
    }

    static func errorText(_ error: PlayerError, _ path: String, _ words: Words) -> String {
        words.lessonHasErrors(path) + "\n\n```\n\(error)\n```"
    }

    /// Shows `text` until a key is pressed.
    private func showError(_ text: String) -> Outcome {
        while true {
            drawNote(text + "\n\n" + words.pressAnyKey)
            guard let key = session.readKey(timeoutMs: 1000) else { continue }
            if case .signal(let number) = key { return .signal(number) }
            if key != .resize { return .closed }
        }
    }
}
