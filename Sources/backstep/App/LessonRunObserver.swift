import Classroom
import Player
import Rendering

/// Watches a ``LessonRun`` for `backstep class`: tells the classroom where the
/// teacher is, and draws the class (who is here, who answered) over the teacher's screen.
final class LessonRunObserver {
    /// How often the teacher's screen looks for news from the class while no key is pressed.
    static let pollMs = 100

    private let classroom: Classroom
    private let glyphs: GlyphSet

    init(classroom: Classroom, glyphs: GlyphSet) {
        self.classroom = classroom
        self.glyphs = glyphs
    }

    /// Changes when the class changed (a student joined, left or answered): the screen is drawn again.
    var revision: Int { classroom.revision }

    /// Called with every screen the teacher is about to see.
    func willDraw(_ state: PlayerState, on screen: inout Buffer) {
        classroom.teacherShows(state)
        ClassPanel(classroom: classroom, state: state, glyphs: glyphs).draw(into: &screen)
    }
}
