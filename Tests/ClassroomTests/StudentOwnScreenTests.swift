import Foundation
import Lessons
import Player
import Rendering
import Testing

@testable import Classroom

/// What each student has of their own in class: their language, their
/// predictions and score, and the graph panned to fit their window.
@Suite struct StudentOwnScreenTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lessons").path

    func student(
        _ classroom: Classroom, _ width: Int = 100, _ height: Int = 30, language: Language? = nil
    ) -> StudentSession {
        StudentSession(
            id: classroom.join {}, classroom: classroom, size: WindowSize(width: width, height: height),
            colors: .none, glyphs: .unicode, language: language)
    }

    func teacher(_ name: String, _ classroom: Classroom, _ keys: [PlayerKey] = []) throws -> PlayerState {
        var state = try PlayerState(path: Self.lessons + "/" + name)
        for key in keys { _ = state.handle(key) }
        classroom.teacherShows(state)
        return state
    }

    /// Waits (at most 30 s) for the translation, played away from the teacher's thread.
    func waitForTranslation(_ classroom: Classroom) async throws {
        for _ in 0..<300 where !classroom.translationReady { try await Task.sleep(for: .milliseconds(100)) }
        #expect(classroom.translationReady)
    }

    @Test func eachStudentReadsTheLessonInTheirLanguage() async throws {
        let korean = try LessonText(path: Self.lessons + "/ko/01-chain-rule.md")
        let classroom = Classroom(translation: korean)
        var teacher = try teacher("01-chain-rule.md", classroom)
        try await waitForTranslation(classroom)
        var kim = student(classroom, language: .ko)
        var ann = student(classroom)
        #expect(kim.state?.words.language == .ko)
        #expect(ann.state?.words.language == .en)
        #expect(kim.render().text.contains("선생님을 따라가는 중"))
        #expect(ann.render().text.contains("following the teacher"))
        // Both follow the teacher to the question of step 4 (∂f/∂f = 1) and answer it; the tally has both.
        for key in PlayerKey.typing("4") + [.enter] { _ = teacher.handle(key) }
        classroom.teacherShows(teacher)
        kim.teacherMoved()
        ann.teacherMoved()
        #expect(kim.state?.place == teacher.place && ann.state?.place == teacher.place)
        #expect(kim.render().text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
        #expect(!ann.render().text.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
        _ = kim.receive(Array("1\r".utf8))
        _ = ann.receive(Array("2\r".utf8))
        #expect(classroom.tally(for: teacher)?.answered == 2)
        // `T` switches language and keeps the student's answer and place.
        _ = kim.receive(Array("T".utf8))
        #expect(kim.state?.words.language == .en)
        #expect(kim.state?.currentAnswer?.lastWasRight == true)
        #expect(kim.state?.place == teacher.place)
        _ = ann.receive(Array("T".utf8))
        #expect(ann.state?.words.language == .ko)
        #expect(ann.state?.currentAnswer?.attempts == 1 && ann.state?.currentAnswer?.lastWasRight == false)
        #expect(ann.render().text.contains("0/1 정답"))
        // The teacher's reveal reaches both languages.
        _ = teacher.handle(.character("v"))
        classroom.teacherShows(teacher)
        kim.teacherMoved()
        ann.teacherMoved()
        #expect(kim.state?.currentAnswer?.revealed == true && ann.state?.currentAnswer?.revealed == true)
    }

    @Test func theTeachersEditsReachTheTranslation() async throws {
        let korean = try LessonText(path: Self.lessons + "/ko/01-chain-rule.md")
        let classroom = Classroom(translation: korean)
        var teacher = try teacher("01-chain-rule.md", classroom, [.character("]")])
        try await waitForTranslation(classroom)
        // The teacher edits the first input (x = -2 → 3) and the lesson plays again.
        var effects = teacher.handle(.character("e"))
        for key in [PlayerKey.backspace, .backspace] + PlayerKey.typing("3") + [.enter] {
            effects += teacher.handle(key)
        }
        classroom.teacherShows(teacher)
        guard case .play(let request)? = effects.last(where: { if case .play = $0 { true } else { false } }) else {
            Issue.record("the edit should play the lesson again")
            return
        }
        _ = teacher.finishPlay(request.run())
        classroom.teacherShows(teacher)
        try await waitForTranslation(classroom)
        let kim = student(classroom, language: .ko)
        let edited = try #require(kim.state?.text)
        #expect(edited.isEdited)
        #expect(edited.file.hasSuffix("ko/01-chain-rule.md"))
        // Every value the forward passes compute is the edited one, in both languages.
        let outputs = Self.forwardOutputs(teacher)
        #expect(outputs.first == 8, "q = x + y = 3 + 5")
        #expect(Self.forwardOutputs(try #require(kim.state)) == outputs)
        #expect(Self.forwardOutputs(try PlayerState(text: korean)) != outputs)
    }

    static func forwardOutputs(_ state: PlayerState) -> [Double] {
        state.trace.steps.flatMap(\.frames).compactMap { frame in
            if case .forward(let f) = frame { return f.output.value.scalar }
            return nil
        }
    }

    @Test func aLessonWithoutTranslationStaysInItsLanguage() throws {
        let classroom = Classroom()
        _ = try teacher("01-chain-rule.md", classroom)
        var kim = student(classroom, language: .ko)
        #expect(kim.state?.words.language == .en)
        _ = kim.receive(Array("T".utf8))
        #expect(kim.render().text.contains("no Korean version"))
        #expect(kim.state?.words.language == .en)
    }

    @Test func predictionsAndScoresArePerStudent() throws {
        let classroom = Classroom()
        // Step 5's backward asks for its numbers; its second frame asks for two gradients, −4 and −4.
        var teacher = try teacher("01-chain-rule.md", classroom, PlayerKey.typing("5") + [.enter, .right])
        #expect(teacher.blanks(at: teacher.place).map(\.answer) == [-4, -4])
        var alice = student(classroom)
        var bob = student(classroom)
        var carol = student(classroom)
        _ = alice.receive(Array("-4\r".utf8))
        _ = bob.receive(Array("4\r".utf8))
        #expect(alice.state?.openBlank == 1)
        #expect(bob.state?.openBlank == 0)
        #expect(carol.state?.openBlank == 0)
        #expect(alice.state?.score == Score(right: 1, asked: 1))
        #expect(bob.state?.score == Score(right: 0, asked: 1))
        #expect(alice.render().text.contains("1/1 right · following the teacher · f: step alone"))
        // On a narrower window the class line keeps the status line's left part whole and drops the key first.
        var dan = student(classroom, 80, 24)
        _ = dan.receive(Array("-4\r".utf8))
        let line = dan.render().text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.contains("predict on (P)"), "\(line)")
        #expect(line.hasSuffix("1/1 right · following the teacher "), "\(line)")
        // Predictions are not the class's questions: the teacher's screen is untouched.
        #expect(teacher.openBlank == 0)
        #expect(classroom.tally(for: teacher) == nil)
        // `v` on a number of one's own reveals it for that student only.
        _ = bob.receive(Array("v".utf8))
        #expect(bob.state?.openBlank == 1)
        #expect(carol.state?.openBlank == 0)
        // The teacher reveals the first number: everyone who has not got it sees it.
        _ = teacher.handle(.character("v"))
        classroom.teacherShows(teacher)
        for s in [0, 1, 2] {
            switch s {
            case 0: alice.teacherMoved()
            case 1: bob.teacherMoved()
            default: carol.teacherMoved()
            }
        }
        #expect(carol.state?.openBlank == 1)
        #expect(alice.state?.openBlank == 1 && bob.state?.openBlank == 1)
        #expect(alice.state?.score == Score(right: 1, asked: 1))
        // Predict mode follows the teacher's `P` unless the student chose their own.
        _ = carol.receive(Array("P".utf8))
        #expect(carol.state?.isPredicting == false)
        _ = teacher.handle(.character("P"))
        classroom.teacherShows(teacher)
        alice.teacherMoved()
        carol.teacherMoved()
        #expect(teacher.isPredicting == false)
        #expect(alice.state?.isPredicting == false)
        #expect(alice.state?.openBlank == nil)
        _ = teacher.handle(.character("P"))
        classroom.teacherShows(teacher)
        alice.teacherMoved()
        carol.teacherMoved()
        #expect(alice.state?.isPredicting == true)
        #expect(carol.state?.isPredicting == false, "carol chose for herself")
    }

    @Test func aFreedStudentPansAGraphTooWideForTheirWindow() throws {
        let classroom = Classroom()
        // The two-layer net's step 4: a graph wider than its panel at 100×30.
        let teacher = try teacher(
            "06-two-layer-net.md", classroom, [.character("]"), .character("]"), .character("]")])
        var small = student(classroom, 100, 30)
        var large = student(classroom, 160, 48)
        #expect(small.state?.step == 3)
        let before = small.render().text
        #expect(before.contains("more ▶"))
        _ = small.receive(Array("f".utf8))
        _ = large.receive(Array("f".utf8))
        // Pan right until the drawing ends (the pan stops changing).
        func panRight(_ s: inout StudentSession) -> Int {
            var pan = s.state?.graphPan.x ?? 0
            for _ in 0..<30 {
                _ = s.receive(Array("L".utf8))
                guard let now = s.state?.graphPan.x, now != pan else { break }
                pan = now
            }
            return pan
        }
        let smallPan = panRight(&small)
        let panned = small.render().text
        #expect(panned.contains("◀ more"))
        #expect(!panned.contains("more ▶"))
        #expect(panned.contains("loss"))
        // The view comes from each student's own window: a wider one has less to pan.
        let largePan = panRight(&large)
        #expect(smallPan > largePan)
        #expect(teacher.graphPan == .zero)
        // Back with H.
        _ = small.receive(Array("H".utf8))
        #expect(small.state?.graphPan.x ?? 0 < smallPan)
    }
}
