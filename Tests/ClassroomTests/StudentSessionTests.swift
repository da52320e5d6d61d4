import Foundation
import Lessons
import Player
import Rendering
import Testing

@testable import Classroom

/// Students following a teacher, without a network: the session's bytes in and screens out.
@Suite struct StudentSessionTests {
    static let lesson = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lessons/01-chain-rule.md").path

    let classroom = Classroom()
    var teacher: PlayerState

    init() throws {
        teacher = try PlayerState(path: Self.lesson)
        classroom.teacherShows(teacher)
    }

    func student(_ width: Int = 80, _ height: Int = 24) -> StudentSession {
        let id = classroom.join {}
        return StudentSession(
            id: id, classroom: classroom, size: WindowSize(width: width, height: height), colors: .none,
            glyphs: .unicode)
    }

    mutating func teacherPresses(_ keys: [PlayerKey]) {
        for key in keys { _ = teacher.handle(key) }
        classroom.teacherShows(teacher)
    }

    @Test mutating func followsTheTeacherUntilFreed() throws {
        var alice = student()
        var bob = student(64, 20)
        teacherPresses([.character("]"), .character("]")])
        alice.teacherMoved()
        bob.teacherMoved()
        #expect(alice.state?.step == 2)
        #expect(bob.state?.step == 2)
        #expect(alice.render().text.contains("following the teacher"))
        // Bob steps alone; the teacher moves on without him, then he follows again.
        _ = bob.receive(Array("f]".utf8))
        #expect(bob.state?.step == 3)
        teacherPresses([.character("[")])
        bob.teacherMoved()
        alice.teacherMoved()
        #expect(bob.state?.step == 3)
        #expect(alice.state?.step == 1)
        #expect(bob.render().text.contains("on your own (teacher: step 2)"))
        _ = bob.receive(Array("F".utf8))
        #expect(bob.state?.step == 1)
        // A following student's own moves are undone, with a note saying why.
        _ = alice.receive(Array("]".utf8))
        #expect(alice.state?.step == 1)
        #expect(alice.render().text.contains("f to step alone"))
    }

    @Test mutating func answersAreCountedAndRevealed() throws {
        var students = [student(), student(), student(100, 30)]
        // Step 4 asks ∂f/∂f (answer 1).
        teacherPresses(PlayerKey.typing("4") + [.enter])
        for i in students.indices { students[i].teacherMoved() }
        #expect(classroom.tally(for: teacher)?.answered == 0)
        _ = students[0].receive(Array("1\r".utf8))
        _ = students[1].receive(Array("2\r".utf8))
        _ = students[2].receive(Array("3\r2\r".utf8))
        let tally = try #require(classroom.tally(for: teacher))
        #expect(tally.students == 3)
        #expect(tally.answered == 3)
        #expect(tally.bins.first == AnswerTally.Bin(text: "2", count: 2, isRight: false))
        #expect(tally.bins.contains(AnswerTally.Bin(text: "1", count: 1, isRight: true)))
        // Each student sees their own result; the one who was right already sees the answer.
        #expect(students[0].state?.currentAnswer?.lastWasRight == true)
        #expect(students[1].state?.currentAnswer?.lastWasRight == false)
        #expect(students[1].state?.currentAnswer?.revealed == false)
        // `v` is the teacher's: a student cannot reveal.
        _ = students[1].receive(Array("v".utf8))
        #expect(students[1].state?.currentAnswer?.revealed == false)
        // The teacher reveals: every student sees the answer; the teacher's panel shows the histogram.
        teacherPresses([.character("v")])
        for i in students.indices { students[i].teacherMoved() }
        #expect(students.allSatisfy { $0.state?.currentAnswer?.revealed == true })
        var screen = Screen.render(teacher, width: 100, height: 30)
        ClassPanel(classroom: classroom, state: teacher, glyphs: .unicode).draw(into: &screen)
        let text = screen.text
        #expect(text.contains("3 of 3 answered"))
        #expect(text.contains("2 ████████████ 2"))
        #expect(text.contains("1 ██████ 1 ✓"))
        #expect(text.contains("3 students"))
    }

    @Test mutating func anySizeDrawsAndLeavingIsClean() {
        var s = student(0, 0)
        #expect(s.render().width == WindowSize.minimum.width)
        s.resize(WindowSize(width: 1 << 30, height: 1 << 30))
        let huge = s.screen()
        #expect(s.render().width == WindowSize.maximum.width)
        #expect(!huge.isEmpty)
        s.resize(WindowSize(width: 12, height: 4))
        #expect(!s.screen().isEmpty)
        let leaves = s.receive(Array("q".utf8))
        #expect(leaves)
        classroom.leave(s.id)
        #expect(classroom.studentCount == 0)
    }

    @Test mutating func teacherOnlyKeysAndGarbageDoNothingHarmful() {
        var s = student()
        _ = s.receive(Array("eR".utf8))
        #expect(s.state?.playing == nil)
        #expect(s.state?.input == InputMode.none)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let noise = (0..<256).map { _ in UInt8.random(in: 0...255, using: &generator) }
                .filter { $0 != UInt8(ascii: "q") && $0 != 3 }
            _ = s.receive(noise)
            _ = s.screen()
        }
        #expect(s.state != nil)
    }
}
