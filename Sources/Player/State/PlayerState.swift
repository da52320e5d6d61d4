import Foundation
import Lessons
import Rendering

/// Everything the player shows, and how keys change it: the lesson, the
/// place in it (step and frame), the look (theme, detail), and the modes
/// (help, typing an answer, a step number or an edit, autoplay).
///
/// It is a value with no terminal in it: the app feeds it keys with
/// `handle(_:)` and timer ticks with `tick()`, carries out the returned
/// effects, and draws `Screen.render(self, …)`. Tests script it the same way.
///
/// ```swift
/// var state = try PlayerState(path: "lessons/01-chain-rule.md")
/// for key in PlayerKey.typing("5") + [.enter, .right] { _ = state.handle(key) }
/// let buffer = Screen.render(state, width: 80, height: 24, glyphs: .unicode)
/// ```
public struct PlayerState {
    /// The lesson as played (re-played after an edit).
    public private(set) var trace: LessonTrace
    /// The lesson's text, when known: edits need it.
    public private(set) var text: LessonText?
    /// Layouts of the graphs, kept across frames so stepping only restyles them.
    private(set) var layouts: LayoutCache

    /// The step on screen, from 0.
    public private(set) var step = 0
    /// The frame of that step, from 0.
    public private(set) var frame = 0

    public var theme: Theme = .default
    /// Whether the status line ends with the redraw counter `#N` (every key and tick
    /// handled adds one): for tests that count keys in a real terminal, not for students.
    public var showsRevision = false
    public var detail: Detail = .values
    public private(set) var overlay: PlayerOverlay = .none
    public private(set) var input: InputMode = .none
    /// Answers per `@ask` frame.
    public private(set) var answers: [FrameRef: AnswerState] = [:]
    /// Answers per predicted number.
    public private(set) var blankAnswers: [BlankRef: AnswerState] = [:]
    /// The score of answers cleared by an edit or a reset: the student earned it.
    var earlierScore = Score()
    /// The score saved with the place a reopened lesson offers to resume.
    var resumeScore: Score?
    /// Predict mode as `P` set it; nil follows the lesson (`@backward f predict`).
    public private(set) var predictMode: Bool?
    /// Whether `q` leads back to a lesson list (the status line and closing screen say so) or quits.
    public var leadsToList = false
    /// The running or paused animation, if any.
    public private(set) var autoplay: Autoplay?
    /// The autoplay speed, an index into `Autoplay.speeds`.
    public private(set) var speed = Autoplay.defaultSpeed
    /// A one-line note for the student (an edit's result, a step that does not exist).
    public private(set) var message: String?
    /// Lines of the step's text scrolled past (↓ ↑, `j` `k`); the screen clamps it to the text.
    public private(set) var proseScroll = 0
    /// The revealed block (`followedProse`) the student scrolled away from: the text
    /// follows the next block a frame reveals, not this one again.
    public private(set) var proseScrolledFrom: Int?
    /// Columns `<` `>` have scrolled the step's code blocks sideways (they are clipped, never wrapped).
    public private(set) var codeScroll = 0
    /// How far `H` `J` `K` `L` have moved the graph from where the frame puts it,
    /// in cells; every move to another frame brings the frame's own view back.
    public private(set) var graphPan = GraphPoint.zero
    /// The node inspector (`i`) when open: the selected node and how far its panel is scrolled.
    public private(set) var inspector: Inspector?
    /// Groups (layer and model calls, by name) the student opened (false) or closed (true)
    /// with `o` `O`; the others start as the lesson's `groups:` says.
    public private(set) var groupToggles: [String: Bool] = [:]
    /// On a small screen, how many panels past the frame's own one `Tab` has moved.
    public private(set) var panelShift = 0
    /// The screen the app draws the state on, so keys that depend on what is
    /// shown (`H` `J` `K` `L` pan the graph) can work it out; nil before the first.
    public var view: ScreenView?
    /// Counts every key and tick handled, shown in the status line so tests can wait for a redraw.
    public private(set) var revision = 0
    /// The play under way (opening, an edit, a reset, a reload), until ``finishPlay(_:)``.
    public private(set) var playing: PlayRequest?
    /// Training iterations the play under way has run, for the status line.
    public private(set) var playProgress = 0
    /// While a training run plays, the iteration on screen between two recorded frames
    /// (the loss chart grows one step at a time); nil otherwise.
    public private(set) var trainingCursor: Int?
    /// Whether Esc asked the play under way to stop its training early.
    public private(set) var playStopRequested = false
    /// A place asked for (a resume, a step number) whose step is still being played.
    public private(set) var waitingFor: FrameRef?
    /// What the clicker's PageDown has paged through on this frame (text scrolled, panels
    /// shown), last first, so PageUp goes back through it before going back a frame.
    private(set) var clickerTrail: [ClickerPage] = []
    /// Blocks of the step's text the clicker has shown on a small screen, so PageDown
    /// shows the text once a step (and again when a frame adds to it).
    private(set) var textSeen = 0

    /// A player at the start of `trace`.
    /// - Parameter text: the lesson's text, so `e` can change values and replay it.
    public init(trace: LessonTrace, text: LessonText? = nil) {
        self.trace = trace
        self.text = text
        layouts = LayoutCache()
    }

    /// Loads, plays and opens the lesson at `path`.
    /// - Throws: ``PlayerError`` when the file cannot be read, has errors or has no steps.
    public init(path: String) throws(PlayerError) {
        let text = try LessonText(path: path)
        try self.init(text: text)
    }

    /// Plays and opens a lesson from its text.
    /// - Throws: ``PlayerError`` when the lesson has errors or no steps.
    public init(text: LessonText) throws(PlayerError) {
        let trace: LessonTrace
        do {
            trace = try text.trace()
        } catch {
            throw .lesson(error)
        }
        guard !trace.steps.isEmpty else { throw .empty }
        self.init(trace: trace, text: text)
    }

    // MARK: - Where we are

    /// Steps played so far: all of them, except while a lesson is still opening.
    public var stepCount: Int { trace.steps.count }

    /// Steps in the lesson, played or not.
    public var totalSteps: Int { trace.lesson.steps.count }

    /// Frames of step `s` (at least 1 for a step that exists).
    public func frameCount(ofStep s: Int) -> Int {
        trace.steps.indices.contains(s) ? Swift.max(trace.steps[s].frames.count, 1) : 0
    }

    public var frameCount: Int { frameCount(ofStep: step) }

    /// The step on screen, if the lesson has any.
    public var playedStep: PlayedStep? { trace.steps.indices.contains(step) ? trace.steps[step] : nil }

    /// The frame on screen.
    public var currentFrame: Frame? {
        guard let played = playedStep, played.frames.indices.contains(frame) else { return nil }
        return played.frames[frame]
    }

    public var place: FrameRef { FrameRef(step: step, frame: frame) }

    /// The question on screen and where it stands, when the frame is an `@ask`.
    public var currentAnswer: AnswerState? {
        guard case .ask? = currentFrame else { return nil }
        return answers[place] ?? AnswerState()
    }

    /// Milliseconds between autoplay ticks while playing; nil when not playing.
    public var tickInterval: Int? {
        guard let autoplay, !autoplay.isPaused else { return nil }
        // Training frames are samples of a run: they play as a live chart, 20 frames a second at the default speed.
        return (trainingRun != nil ? Autoplay.trainingSpeeds : Autoplay.speeds)[speed]
    }

    /// Where a training step's run stands, when the step trains.
    public var trainingRun: TrainingRun? {
        guard let played = playedStep,
            played.frames.contains(where: { if case .training = $0 { return true } else { return false } })
        else { return nil }
        if let autoplay { return autoplay.isPaused ? .paused : .running }
        if frame >= frameCount - 1 { return .done }
        return frame == 0 ? .ready : .paused
    }

    /// Moves to frame `frame` of step `step` (both from 0).
    /// - Throws: ``PlayerError`` naming the valid range (numbers from 1) when either is outside the lesson.
    public mutating func go(step: Int, frame: Int = 0) throws(PlayerError) {
        guard trace.steps.indices.contains(step) else { throw .stepOutOfRange(step + 1, count: stepCount) }
        let count = frameCount(ofStep: step)
        guard (0..<count).contains(frame) else { throw .frameOutOfRange(frame + 1, step: step + 1, count: count) }
        moveTo(step: step, frame: frame)
    }

    /// Sets the place; leaving a step ends its animation and resets the small-screen panel.
    mutating func moveTo(step newStep: Int, frame newFrame: Int) {
        trainingCursor = nil
        graphPan = .zero
        clickerTrail = []
        if newStep != step {
            textSeen = 0
            panelShift = 0
            proseScroll = 0
            proseScrolledFrom = nil
            codeScroll = 0
            autoplay = nil
        }
        step = newStep
        frame = newFrame
        followInspector()
    }

    mutating func setMessage(_ text: String?) { message = text }
    mutating func setOverlay(_ o: PlayerOverlay) { overlay = o }
    mutating func setInput(_ mode: InputMode) { input = mode }
    mutating func setAutoplay(_ a: Autoplay?) { autoplay = a }
    mutating func setSpeed(_ s: Int) { speed = Swift.min(Swift.max(s, 0), Autoplay.speeds.count - 1) }
    mutating func setAnswer(_ a: AnswerState, at ref: FrameRef) { answers[ref] = a }
    mutating func clearAnswers() {
        // Answers go (the numbers they were about may change); what they scored stays.
        earlierScore = score
        answers = [:]
        blankAnswers = [:]
    }
    mutating func setBlankAnswer(_ a: AnswerState, at ref: BlankRef) { blankAnswers[ref] = a }
    /// Sets predict mode as `P` would (nil: the lesson's own); `backstep class` sets a student's to the teacher's.
    public mutating func setPredictMode(_ on: Bool?) { predictMode = on }
    mutating func shiftPanel() { panelShift += 1 }
    mutating func setPanelShift(_ shift: Int) { panelShift = Swift.max(shift, 0) }
    /// Scrolls the text to `lines`, which stops it following the block a frame revealed.
    mutating func setProseScroll(_ lines: Int) {
        proseScrolledFrom = followedProse ?? proseScrolledFrom
        proseScroll = Swift.min(Swift.max(lines, 0), 500)
    }
    mutating func setClickerTrail(_ trail: [ClickerPage]) { clickerTrail = trail }
    mutating func setTextSeen(_ blocks: Int) { textSeen = blocks }
    mutating func setGraphPan(_ pan: GraphPoint) { graphPan = pan }
    mutating func setInspector(_ i: Inspector?) { inspector = i }
    mutating func setGroupToggles(_ toggles: [String: Bool]) { groupToggles = toggles }
    /// A fresh, empty layout cache (for measuring the layout's cost).
    mutating func resetLayouts() { layouts = LayoutCache() }
    /// `j` `k`: the text scrolled on from where the screen shows it.
    mutating func scrollProse(by lines: Int) {
        let shown = view.flatMap { ClickerView(self, width: $0.width, height: $0.height, glyphs: $0.glyphs)?.text }
        // From a followed block shown with free rows under the text, up goes from the text's end.
        setProseScroll((shown.map { Swift.min($0.scroll, $0.overflow) } ?? proseScroll) + lines)
    }
    mutating func scrollCode(by columns: Int) { codeScroll = Swift.min(Swift.max(codeScroll + columns, 0), 500) }
    mutating func bumpRevision() { revision &+= 1 }
    mutating func setPlaying(_ request: PlayRequest?) {
        playing = request
        playProgress = 0
        playStopRequested = false
    }
    mutating func markPlayStopRequested() { playStopRequested = true }
    mutating func setTrainingCursor(_ iteration: Int?) { trainingCursor = iteration }
    mutating func setWaitingFor(_ ref: FrameRef?) { waitingFor = ref }
    /// Takes a longer played-so-far trace of the same lesson: the graphs and steps already
    /// shown do not change, so the layouts, answers and place stay.
    mutating func extend(trace longer: LessonTrace) { trace = longer }

    /// Notes how far the play under way has trained (the app reads it off ``BackgroundPlay``).
    public mutating func notePlayProgress(iterations: Int) { playProgress = iterations }

    /// Takes the answers and predict mode of `other`, a player of the same lesson in
    /// another language (`backstep class`: a student switching language keeps their score).
    public mutating func adoptAnswers(of other: PlayerState) {
        answers = other.answers
        blankAnswers = other.blankAnswers
        predictMode = other.predictMode
    }

    /// Replaces the lesson after an edit or a reset, keeping the place as far as it still exists.
    mutating func replace(trace newTrace: LessonTrace, text newText: LessonText?) {
        trace = newTrace
        text = newText
        layouts.removeAll()
        clearAnswers()
        autoplay = nil
        let s = Swift.min(step, Swift.max(stepCount - 1, 0))
        step = s
        frame = Swift.min(frame, Swift.max(frameCount(ofStep: s) - 1, 0))
        // A selection that no longer names a node of its graph starts anew.
        if let open = inspector, !selectableNodes(open.graph).contains(open.node) {
            inspector = defaultSelection(open.graph).map { Inspector(graph: open.graph, node: $0) }
        }
        followInspector()
    }
}
