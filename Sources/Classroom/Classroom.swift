import Lessons
import Player
import Synchronization

/// What the whole class shares: the teacher's lesson and place in it, which
/// questions the teacher revealed, each student's answers, and who is here.
///
/// The teacher's player writes it (``teacherShows(_:)``) on its own thread;
/// each student's session reads it on its connection's thread. Everything is
/// behind one lock held only to copy values in or out, so a student never
/// holds up the teacher, and the teacher wakes students by a callback that only
/// schedules work on their threads.
public final class Classroom: Sendable {
    /// The lesson as the teacher's player has it; a new generation whenever it was played again.
    struct Lesson: Sendable {
        let trace: LessonTrace
        let text: LessonText?
        let generation: Int
    }

    /// What a student needs to follow.
    struct View: Sendable {
        let lesson: Lesson?
        let place: FrameRef
        let revealed: Set<FrameRef>
    }

    private struct Shared {
        var lesson: Lesson?
        var place = FrameRef(step: 0, frame: 0)
        var revealed: Set<FrameRef> = []
        /// Per question, each student's last answer.
        var answers: [FrameRef: [Int: Double]] = [:]
        var students: [Int: @Sendable () -> Void] = [:]
        var nextStudent = 0
        var revision = 0
        var lastStepCount = -1
        var wasPlaying = false
    }

    private let shared = Mutex(Shared())
    private let hint = Mutex("")

    public init() {}

    /// How students join, shown on the teacher's screen (`ssh -p 2222 HOST`); set once the server listens.
    public var joinHint: String {
        get { hint.withLock { $0 } }
        set { hint.withLock { $0 = newValue } }
    }

    // MARK: - The teacher

    /// Takes the teacher's player as it is drawn: its place, what it revealed,
    /// and its lesson when that was played anew. Wakes the students when anything changed.
    public func teacherShows(_ state: PlayerState) {
        let place = state.place
        let revealed = state.currentAnswer?.revealed == true
        let stepCount = state.stepCount
        let playing = state.playing != nil
        let wake: [@Sendable () -> Void] = shared.withLock { s in
            var changed = false
            // A finished play (opening, an edit, a reset) or more steps ready: the lesson is new.
            if s.lesson == nil || stepCount != s.lastStepCount || (s.wasPlaying && !playing) {
                s.lesson = Lesson(trace: state.trace, text: state.text, generation: (s.lesson?.generation ?? 0) + 1)
                if s.wasPlaying && !playing {
                    s.revealed = []
                    s.answers = [:]
                }
                changed = true
            }
            s.lastStepCount = stepCount
            s.wasPlaying = playing
            if s.place != place {
                s.place = place
                changed = true
            }
            if revealed, !s.revealed.contains(place) {
                s.revealed.insert(place)
                changed = true
            }
            return changed ? Array(s.students.values) : []
        }
        for wakeUp in wake { wakeUp() }
    }

    /// Counts students' answers at the teacher's question, if the teacher's screen shows one.
    public func tally(for state: PlayerState) -> AnswerTally? {
        guard case .ask(let ask)? = state.currentFrame else { return nil }
        let ref = state.place
        let (students, answers) = shared.withLock { s in (s.students.count, Array((s.answers[ref] ?? [:]).values)) }
        return AnswerTally(students: students, answers: answers, accepts: ask.accepts)
    }

    /// Students connected now.
    public var studentCount: Int { shared.withLock { $0.students.count } }

    /// Changes with every student who joins, leaves or answers: the teacher's screen redraws on it.
    public var revision: Int { shared.withLock { $0.revision } }

    // MARK: - Students

    /// Adds a student; `wake` is called (on the teacher's thread) whenever the teacher moves.
    /// - Returns: the student's number, for ``leave(_:)`` and ``answer(_:by:at:)``.
    func join(wake: @escaping @Sendable () -> Void) -> Int {
        shared.withLock { s in
            let id = s.nextStudent
            s.nextStudent += 1
            s.students[id] = wake
            s.revision &+= 1
            return id
        }
    }

    /// Removes a student; their answers stay in the counts.
    func leave(_ id: Int) {
        shared.withLock { s in
            if s.students.removeValue(forKey: id) != nil { s.revision &+= 1 }
        }
    }

    /// Records a student's answer to the question at `ref` (a later one replaces it).
    func answer(_ value: Double, by id: Int, at ref: FrameRef) {
        shared.withLock { s in
            s.answers[ref, default: [:]][id] = value
            s.revision &+= 1
        }
    }

    /// What a student follows: the lesson, the teacher's place, the revealed questions.
    var view: View { shared.withLock { View(lesson: $0.lesson, place: $0.place, revealed: $0.revealed) } }
}
