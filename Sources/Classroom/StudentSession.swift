import Lessons
import Player
import Rendering

/// One student's screen: their own player, following the teacher's step and
/// frame until they press `f`, answering questions and predicting numbers for
/// themselves, in their own language when the lesson has a version in it.
///
/// It knows nothing of SSH: bytes in, bytes out, so tests drive it directly.
/// The connection calls ``receive(_:)`` with what the student typed,
/// ``resize(_:)`` on a window change, ``teacherMoved()`` when the class changed,
/// and ``screen()`` for the bytes that bring their terminal up to date.
struct StudentSession {
    let id: Int
    private let classroom: Classroom
    private(set) var size: WindowSize
    private let glyphs: GlyphSet
    private let backend: StreamBackend
    private var input = TerminalInput()
    private(set) var state: PlayerState?
    /// The lesson the player shows (its generation) and the round of answers it belongs to.
    private var shown: (generation: Int, round: Int)?
    /// The language the student asked for (their locale, or `T`); nil: the teacher's.
    private(set) var language: Language?
    /// Whether the student's place is the teacher's (`F`), or their own (`f`).
    private(set) var following = true
    /// Whether the student chose predict mode themselves (`P`); until then it is the teacher's.
    private var ownPredictMode = false
    /// A short note on the class line (why a key did nothing), until the next key.
    private var note: String?
    /// Milliseconds between the student's own autoplay ticks, when their animation runs.
    private(set) var tickInterval: Int?

    /// Keys that belong to the teacher in class: `v` reveals answers for everyone,
    /// `e` and `R` would replay the lesson on the teacher's machine.
    static let teacherKeys: Set<PlayerKey> = [.character("v"), .character("e"), .character("R")]

    init(
        id: Int, classroom: Classroom, size: WindowSize, colors: ColorMode, glyphs: GlyphSet,
        language: Language? = nil
    ) {
        self.id = id
        self.classroom = classroom
        self.size = size
        self.glyphs = glyphs
        self.language = language
        backend = StreamBackend(width: size.width, height: size.height, colors: colors, ascii: glyphs.isASCII)
        teacherMoved()
    }

    /// What the student sees changed size.
    mutating func resize(_ newSize: WindowSize) {
        size = newSize
        backend.resize(width: newSize.width, height: newSize.height)
    }

    /// The words of the screen: the lesson's language, else the one asked for.
    private var words: Words { state?.words ?? (language ?? .en).words }

    /// Handles what the student typed. Returns true when they asked to leave (`q`, Ctrl-C).
    mutating func receive(_ bytes: some Sequence<UInt8>) -> Bool {
        let keys = input.keys(from: bytes)
        for key in keys {
            if handle(key) { return true }
        }
        return false
    }

    /// One key; true when it asks to leave.
    private mutating func handle(_ key: PlayerKey) -> Bool {
        note = nil
        let typing = state.map { $0.input != InputMode.none } ?? false
        switch key {
        case .character("f") where !typing:
            following = false
            return false
        case .character("F") where !typing:
            following = true
            teacherMoved()
            return false
        case .character("T") where !typing:
            switchLanguage()
            return false
        default:
            break
        }
        guard var player = state else { return key == .character("q") || key == .ctrlC }
        // `v` on a number the student predicts is their own business; on a question it is the teacher's.
        let ownReveal = key == .character("v") && player.currentAnswer == nil && player.openBlank != nil
        if Self.teacherKeys.contains(key), !typing, !ownReveal {
            note = key == .character("v") ? words.teacherReveals : words.teachersToChange
            return false
        }
        if key == .character("P"), !typing { ownPredictMode = true }
        // `H` `J` `K` `L` pan the graph as it fits this student's window.
        player.view = ScreenView(width: size.width, height: size.height, glyphs: glyphs)
        let before = player.place
        let attempts = player.answers[before]?.attempts ?? 0
        let effects = player.handle(key)
        if let answer = player.answers[before], answer.attempts > attempts, let value = answer.lastValue {
            classroom.answer(value, by: id, at: before)
        }
        if following, player.place != before {
            // While following, the teacher moves the class: stay at their place.
            let place = classroom.view.place
            try? player.go(step: place.step, frame: place.frame)
            note = words.stillFollowing
        }
        state = player
        for effect in effects {
            switch effect {
            case .quit: return true
            case .autoplay(let milliseconds): tickInterval = milliseconds
            case .moved, .bell, .play, .stopPlay, .scored, .finished, .nextLesson: break
            }
        }
        return false
    }

    /// `T`: the lesson in the class's other language, or back.
    private mutating func switchLanguage() {
        let view = classroom.view
        let current = state?.words.language ?? language ?? .en
        let other: Language = current == .ko ? .en : .ko
        guard view.lesson(in: other)?.language == other else {
            note = words.noVersion(in: other)
            return
        }
        language = other
        teacherMoved()
    }

    /// The student's own animation ticked.
    mutating func tick() {
        guard var player = state else { return }
        for effect in player.tick() {
            if case .autoplay(let milliseconds) = effect { tickInterval = milliseconds }
        }
        state = player
    }

    /// Catches up with the class: a lesson played anew (or ready in the student's
    /// language), the teacher's place, predict mode and what the teacher revealed.
    mutating func teacherMoved() {
        let view = classroom.view
        if let lesson = view.lesson(in: language),
            shown.map({ $0.generation != lesson.generation || $0.round != view.round }) ?? true
        {
            var player = PlayerState(trace: lesson.trace, text: lesson.text)
            if let old = state {
                player.theme = old.theme
                player.detail = old.detail
                // The same round in another language (or more steps played): the student's answers stay.
                if shown?.round == view.round { player.adoptAnswers(of: old) }
                if !following { try? player.go(step: old.step, frame: old.frame) }
            }
            state = player
            shown = (lesson.generation, view.round)
        }
        guard var player = state else { return }
        if following, player.place != view.place {
            try? player.go(step: view.place.step, frame: view.place.frame)
            tickInterval = nil
        }
        if !ownPredictMode, player.predictMode != view.predictMode { player.setPredictMode(view.predictMode) }
        if view.revealed.contains(player.place), player.currentAnswer?.revealed == false {
            if player.input != .none { _ = player.handle(.escape) }
            _ = player.handle(.character("v"))
        }
        // Numbers to predict are revealed in order: the teacher's revealed ones are the first few.
        while let open = player.openBlank, view.revealedBlanks.contains(.init(place: player.place, index: open)) {
            if player.input != .none { _ = player.handle(.escape) }
            _ = player.handle(.character("v"))
        }
        state = player
    }

    /// The bytes that bring the student's terminal to the screen as it is now.
    mutating func screen() -> [UInt8] {
        backend.draw(render())
        return backend.takeOutput()
    }

    /// Forgets what the terminal shows, so the next screen is drawn whole.
    mutating func redrawAll() { backend.forceFullRedraw() }

    /// The student's screen: the player at the terminal's full size, with where
    /// the student stands in class (following, or on their own) and their score
    /// at the right of its status line, over the key hints (`?` still lists the keys).
    func render() -> Buffer {
        guard let state else {
            var buffer = Buffer(width: size.width, height: size.height)
            buffer.setString(
                words.lessonOpening(ellipsis: glyphs.ellipsis), x: 1, y: 0, style: .plain, maxWidth: size.width - 1)
            return buffer
        }
        var buffer = Screen.render(state, width: size.width, height: size.height, glyphs: glyphs)
        let teacher = classroom.view.place
        let dot = glyphs.middleDot
        let score = state.score
        // The status line's left part (`step 4/11 · frame 1/1 · predict on (P)`) stays in view, up to half the row.
        let status = buffer.lines().last ?? ""
        let left = status.range(of: "  ").map { displayWidth(String(status[..<$0.lowerBound])) } ?? 0
        let room = Swift.max(Swift.max(size.width - left - 1, size.width / 2) - 2, 1)
        // The longest that fits: score, place and key; then without the key; then the place alone.
        func place(hint: Bool) -> String {
            following
                ? words.following(dot: dot, hint: hint)
                : words.onYourOwn(teacherStep: teacher.step + 1, dot: dot, hint: hint)
        }
        let scored = score.asked > 0 ? words.rightAtFirstTry(score) + " \(dot) " : ""
        let candidates =
            note.map { [$0] } ?? [scored + place(hint: true), scored + place(hint: false), place(hint: false)]
        let text = candidates.first { displayWidth($0) <= room } ?? candidates[candidates.count - 1]
        let shown = " " + truncate(text, toWidth: room, ellipsis: glyphs.ellipsis) + " "
        buffer.setString(
            shown, x: Swift.max(size.width - displayWidth(shown), 0), y: size.height - 1, style: state.theme.badge,
            maxWidth: size.width)
        return buffer
    }
}
