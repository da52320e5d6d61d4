import Foundation
import Lessons
import Player
import Synchronization

/// What the whole class shares: the teacher's lesson (and its translation) and
/// place in it, which questions and predicted numbers the teacher revealed,
/// predict mode, each student's answers, and who is here.
///
/// The teacher's player writes it (``teacherShows(_:)``) on its own thread;
/// each student's session reads it on its connection's thread. Everything is
/// behind one lock held only to copy values in or out, so a student never
/// holds up the teacher, and the teacher wakes students by a callback that only
/// schedules work on their threads.
public final class Classroom: Sendable {
    /// The lesson as a player has it; a new generation whenever it was played again.
    struct Lesson: Sendable {
        let trace: LessonTrace
        let text: LessonText?
        let generation: Int
        var language: Language { Language(tag: trace.lesson.metadata.language) }
    }

    /// A number the teacher's screen predicts: the frame and which of its numbers.
    struct BlankKey: Hashable, Sendable {
        let place: FrameRef
        let index: Int
    }

    /// What a student needs to follow.
    struct View: Sendable {
        let lesson: Lesson?
        /// The lesson in the other language, with the teacher's edits, once played.
        let translation: Lesson?
        let place: FrameRef
        let revealed: Set<FrameRef>
        let revealedBlanks: Set<BlankKey>
        /// The teacher's predict mode (`P`), for students who did not choose their own.
        let predictMode: Bool?
        /// Changes when the teacher played the lesson anew (an edit, a reset): answers start over.
        let round: Int

        /// The lesson in `language` when there is a version in it with the teacher's
        /// steps and frames, else the teacher's.
        func lesson(in language: Language?) -> Lesson? {
            guard let language, let lesson, lesson.language != language, let translation,
                translation.language == language, Self.sameFrames(lesson.trace, translation.trace)
            else { return lesson }
            return translation
        }

        /// Whether every step both have played has the same frames in both (a
        /// training stopped early has fewer: then the places would not agree).
        static func sameFrames(_ a: LessonTrace, _ b: LessonTrace) -> Bool {
            zip(a.steps, b.steps).allSatisfy { $0.frames.count == $1.frames.count }
        }
    }

    private struct Shared {
        var lesson: Lesson?
        var translation: Lesson?
        /// The teacher's text the translation was (or is being) played for.
        var translatedFrom: LessonText?
        var nextGeneration = 1
        var round = 0
        var place = FrameRef(step: 0, frame: 0)
        var revealed: Set<FrameRef> = []
        var revealedBlanks: Set<BlankKey> = []
        var predictMode: Bool?
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
    /// The lesson file in the class's other language, as written (no edits).
    private let translationSource: LessonText?

    /// - Parameter translation: the lesson in another language (`lessons/ko/…` beside
    ///   `lessons/…`), for students who speak it; see ``LessonTranslation``.
    public init(translation: LessonText? = nil) {
        translationSource = translation
    }

    /// How students join, shown on the teacher's screen (`ssh -p 2222 HOST`); set once the server listens.
    public var joinHint: String {
        get { hint.withLock { $0 } }
        set { hint.withLock { $0 = newValue } }
    }

    // MARK: - The teacher

    /// Takes the teacher's player as it is drawn: its place, what it revealed,
    /// its predict mode, and its lesson when that was played anew. Wakes the
    /// students when anything changed.
    public func teacherShows(_ state: PlayerState) {
        let place = state.place
        let revealed = state.currentAnswer?.revealed == true
        let blanks = state.blanks(at: place).indices.filter { state.blankState(place, $0).revealed }
        let stepCount = state.stepCount
        let playing = state.playing != nil
        let (wake, translate): ([@Sendable () -> Void], LessonText?) = shared.withLock { s in
            var changed = false
            // A finished play (opening, an edit, a reset) or more steps ready: the lesson is new.
            if s.lesson == nil || stepCount != s.lastStepCount || (s.wasPlaying && !playing) {
                s.lesson = Lesson(trace: state.trace, text: state.text, generation: s.nextGeneration)
                s.nextGeneration += 1
                if s.wasPlaying && !playing {
                    s.revealed = []
                    s.revealedBlanks = []
                    s.answers = [:]
                    s.round += 1
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
            for index in blanks where s.revealedBlanks.insert(BlankKey(place: place, index: index)).inserted {
                changed = true
            }
            if s.predictMode != state.predictMode {
                s.predictMode = state.predictMode
                changed = true
            }
            var translate: LessonText?
            if translationSource != nil, let text = state.text, s.translatedFrom != text {
                s.translatedFrom = text
                s.translation = nil
                translate = text
            }
            return (changed ? Array(s.students.values) : [], translate)
        }
        for wakeUp in wake { wakeUp() }
        if let translate { startTranslation(for: translate) }
    }

    /// Plays the translation with the teacher's edits away from the teacher's
    /// thread; students who asked for its language get it once it is ready.
    private func startTranslation(for teacherText: LessonText) {
        guard let source = translationSource, let text = source.carryingEdits(of: teacherText) else { return }
        DispatchQueue.global().async {
            // A newer edit makes this play obsolete: stop its training.
            let result = PlayRequest(text: text, purpose: .open).run(shouldStop: {
                self.shared.withLock { $0.translatedFrom != teacherText }
            })
            guard case .success(let trace) = result else { return }
            self.translationPlayed(trace, text: text, for: teacherText)
        }
    }

    private func translationPlayed(_ trace: LessonTrace, text: LessonText, for teacherText: LessonText) {
        let wake: [@Sendable () -> Void] = shared.withLock { s in
            guard s.translatedFrom == teacherText else { return [] }
            s.translation = Lesson(trace: trace, text: text, generation: s.nextGeneration)
            s.nextGeneration += 1
            return Array(s.students.values)
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

    /// Whether students of the other language see the lesson in it yet (for tests and the teacher).
    var translationReady: Bool { shared.withLock { $0.translation != nil } }

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

    /// What a student follows: the lesson, the teacher's place, what the teacher revealed.
    var view: View {
        shared.withLock {
            View(
                lesson: $0.lesson, translation: $0.translation, place: $0.place, revealed: $0.revealed,
                revealedBlanks: $0.revealedBlanks, predictMode: $0.predictMode, round: $0.round)
        }
    }
}
