import Lessons
import Player
import Rendering

/// One student's screen: their own player, following the teacher's step and
/// frame until they press `f`, answering questions for themselves.
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
    private var writer: ScreenWriter
    private var input = TerminalInput()
    private(set) var state: PlayerState?
    private var generation = 0
    /// Whether the student's place is the teacher's (`F`), or their own (`f`).
    private(set) var following = true
    /// A short note on the class line (why a key did nothing), until the next key.
    private var note: String?
    /// Milliseconds between the student's own autoplay ticks, when their animation runs.
    private(set) var tickInterval: Int?

    /// Keys that belong to the teacher in class: `v` reveals answers for everyone,
    /// `e` and `R` would replay the lesson on the teacher's machine.
    static let teacherKeys: Set<PlayerKey> = [.character("v"), .character("e"), .character("R")]

    init(id: Int, classroom: Classroom, size: WindowSize, colors: ColorMode, glyphs: GlyphSet) {
        self.id = id
        self.classroom = classroom
        self.size = size
        self.glyphs = glyphs
        writer = ScreenWriter(colors: colors)
        teacherMoved()
    }

    /// What the student sees changed size.
    mutating func resize(_ newSize: WindowSize) { size = newSize }

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
        switch key {
        case .character("f") where state?.input == InputMode.none:
            following = false
            return false
        case .character("F") where state?.input == InputMode.none:
            following = true
            teacherMoved()
            return false
        default:
            break
        }
        guard var player = state else { return key == .character("q") || key == .ctrlC }
        if Self.teacherKeys.contains(key), player.input == .none {
            note =
                key == .character("v")
                ? "the teacher reveals the answer" : "in class, the lesson is the teacher's to change"
            return false
        }
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
            note = "following the teacher: f to step alone"
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

    /// The student's own animation ticked.
    mutating func tick() {
        guard var player = state else { return }
        for effect in player.tick() {
            if case .autoplay(let milliseconds) = effect { tickInterval = milliseconds }
        }
        state = player
    }

    /// Catches up with the class: a lesson played anew, the teacher's place, a revealed answer.
    mutating func teacherMoved() {
        let view = classroom.view
        if let lesson = view.lesson, lesson.generation != generation {
            var player = PlayerState(trace: lesson.trace, text: lesson.text)
            if let old = state {
                player.theme = old.theme
                player.detail = old.detail
                if !following { try? player.go(step: old.step, frame: old.frame) }
            }
            state = player
            generation = lesson.generation
        }
        guard var player = state else { return }
        if following, player.place != view.place {
            try? player.go(step: view.place.step, frame: view.place.frame)
            tickInterval = nil
        }
        if view.revealed.contains(player.place), player.currentAnswer?.revealed == false {
            if player.input != .none { _ = player.handle(.escape) }
            _ = player.handle(.character("v"))
        }
        state = player
    }

    /// The bytes that bring the student's terminal to the screen as it is now.
    mutating func screen() -> [UInt8] { writer.update(to: render()) }

    /// Forgets what the terminal shows, so the next screen is drawn whole.
    mutating func redrawAll() { writer.invalidate() }

    /// The student's screen: the player at the terminal's full size, with where
    /// the student stands in class (following, or on their own) at the right
    /// of its status line, over the key hints (`?` still lists the keys).
    func render() -> Buffer {
        guard let state else {
            var buffer = Buffer(width: size.width, height: size.height)
            buffer.setString(
                "The lesson is opening\(glyphs.ellipsis)", x: 1, y: 0, style: .plain, maxWidth: size.width - 1)
            return buffer
        }
        var buffer = Screen.render(state, width: size.width, height: size.height, glyphs: glyphs)
        let teacher = classroom.view.place
        let dot = glyphs.middleDot
        let text =
            note
            ?? (following
                ? "following the teacher \(dot) f: step alone"
                : "on your own (teacher: step \(teacher.step + 1)) \(dot) F: follow")
        // The status line's left part (`step 4/11 · frame 1/1 · #0`) stays in view.
        let room = Swift.max(size.width - 28, size.width / 2)
        let shown = " " + truncate(text, toWidth: Swift.max(room - 2, 1), ellipsis: glyphs.ellipsis) + " "
        buffer.setString(
            shown, x: Swift.max(size.width - displayWidth(shown), 0), y: size.height - 1, style: state.theme.badge,
            maxWidth: size.width)
        return buffer
    }
}
