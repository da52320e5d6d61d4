import App
import Classroom
import Player
import Rendering

/// Connects the teacher's player to the class: tells the classroom where the
/// teacher is, and draws the class panel over the teacher's screen.
final class ClassObserver: LessonRunObserver {
    private let classroom: Classroom
    private let glyphs: GlyphSet

    init(classroom: Classroom, glyphs: GlyphSet) {
        self.classroom = classroom
        self.glyphs = glyphs
    }

    var revision: Int { classroom.revision }

    func willDraw(_ state: PlayerState, on screen: inout Buffer) {
        classroom.teacherShows(state)
        ClassPanel(classroom: classroom, state: state, glyphs: glyphs).draw(into: &screen)
    }
}
