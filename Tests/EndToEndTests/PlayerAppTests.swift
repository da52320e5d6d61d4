import Foundation
import Testing

/// The real `backstep` in tmux: open lessons, step through frames, answer, resize, quit.
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
final class PlayerAppTests {
    /// The progress folder of this test (each test gets a fresh instance), removed when it ends.
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-e2e-\(UUID().uuidString)").path

    deinit { try? FileManager.default.removeItem(atPath: state) }

    func start(_ args: [String], width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        return try TmuxSession([bin] + args, width: width, height: height, environment: ["XDG_STATE_HOME": state])
    }

    /// `backstep args` under a shell that reports, once it ends, its exit status and whether the tty is sane.
    func startReporting(_ args: [String], width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let script = """
            "$0" "$@"; s=$?; \
            if stty -a | tr ' ' '\\n' | grep -qx -e -echo -e -icanon; then t=raw; else t=sane; fi; \
            echo "AFTER status=$s tty=$t"; read _
            """
        return try TmuxSession(
            ["sh", "-c", script, bin] + args, width: width, height: height,
            environment: ["XDG_STATE_HOME": state])
    }

    /// After `backstep` ended under ``startReporting(_:width:height:)``: its status, a sane tty,
    /// the normal screen (not the alternate one) and a visible cursor.
    func expectRestored(_ tmux: TmuxSession, status: Int) throws {
        let screen = try tmux.waitFor(text: "AFTER status=")
        #expect(screen.contains { $0.hasPrefix("AFTER status=\(status) tty=sane") }, "\(screen)")
        #expect(
            !screen.contains { $0.contains("step ") || $0.contains("단계 ") },
            "the player's screen is still up: \(screen)")
        let modes = try tmux.run(["display-message", "-p", "-t", "0", "#{alternate_on} #{cursor_flag}"])
        #expect(modes.trimmingCharacters(in: .whitespacesAndNewlines) == "0 1", "alternate screen, cursor: \(modes)")
    }

    /// The pid of the program the reporting shell runs.
    func childPid(_ tmux: TmuxSession) throws -> Int32 {
        let shell = try tmux.pid
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").first.flatMap { Int32($0) })
    }

    @Test(arguments: ["lessons/01-chain-rule.md", "lessons/ko/01-chain-rule.md"])
    func chainRuleForwardAndBackward(_ lesson: String) throws {
        // The status line speaks the lesson's language.
        let (step, frame) = lesson.contains("/ko/") ? ("단계", "장면") : ("step", "frame")
        let tmux = try startReporting([Binary.file(lesson)])
        try tmux.waitFor(text: "\(step) 1/")
        // Jump to the backward step (5), predict mode off (P), then walk its frames: x and y get −4, z gets 3.
        try tmux.type("5")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "\(step) 5/")
        try tmux.sendKeys("P", "Right")
        let screen = try tmux.waitFor(text: "\(frame) 2/2").joined(separator: "\n")
        #expect(screen.contains("∂f/∂x = ∂f/∂q · ∂q/∂x = −4 × 1 = −4"))
        #expect(screen.contains("grad 3"))
        try tmux.sendKeys("Left")
        let back = try tmux.waitFor(text: "\(frame) 1/2").joined(separator: "\n")
        // At the top ∂f/∂f = 1, so the gradient is the local derivative, written once.
        #expect(back.contains("∂f/∂q = z = −4"))
        try tmux.sendKeys("q")
        try expectRestored(tmux, status: 0)
    }

    @Test func answersAQuestion() throws {
        let tmux = try start([Binary.file("lessons/01-chain-rule.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.type("4")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "step 4/")
        try tmux.waitFor(text: "your turn")
        try tmux.sendKeys("Enter")
        try tmux.type("1")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "right: 1")
        try tmux.sendKeys("C-c")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func trainingShowsTheLossFalling() throws {
        let tmux = try start([Binary.file("lessons/05-linear-regression.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.type("7")
        try tmux.sendKeys("Enter")
        let first = try loss(in: tmux.waitFor(text: "iteration 0/100"))
        try tmux.sendKeys("G")
        let last = try loss(in: tmux.waitFor(text: "iteration 100/100"))
        #expect(first > 10 && last < 0.08, "loss \(first) → \(last)")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func editingAValueRecomputesWhatFollows() throws {
        let tmux = try start([Binary.file("lessons/01-chain-rule.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.type("5")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "step 5/")
        try tmux.sendKeys("P", "G")
        try tmux.waitFor(text: "∂f/∂x = ∂f/∂q · ∂q/∂x = −4 × 1 = −4")
        // x is the first field; −2 becomes 3, so q = 8 and f = −32, while ∂f/∂x stays z = −4 and ∂f/∂z becomes q = 8.
        try tmux.sendKeys("e")
        try tmux.waitFor(text: "new x = -2")
        try tmux.sendKeys("BSpace", "BSpace")
        try tmux.type("3")
        try tmux.sendKeys("Enter")
        let screen = try tmux.waitFor(text: "x = 3: recomputed").joined(separator: "\n")
        #expect(screen.contains("[edited: r resets]"))
        #expect(screen.contains("−32"))
        try tmux.sendKeys("r")
        try tmux.waitFor(text: "values reset to the lesson's own")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func trainingPlaysByItselfAndStops() throws {
        let tmux = try start([Binary.file("lessons/05-linear-regression.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.type("7")
        try tmux.sendKeys("Enter")
        let first = try loss(in: tmux.waitFor(text: "iteration 0/100"))
        try tmux.sendKeys("a")
        // No more keys: the run plays to its end at 20 frames a second, then autoplay stops.
        let screen = try tmux.waitUntil("the run to end") { lines in
            lines.contains { $0.contains("iteration 100/100") } && !(lines.last?.contains("playing") ?? true)
        }
        #expect(try loss(in: screen) < first)
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func reopeningOffersToResume() throws {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let lesson = Binary.file("lessons/02-sigmoid-neuron.md")
        let first = try TmuxSession([bin, lesson], width: 100, height: 30, environment: ["XDG_STATE_HOME": state])
        try first.waitFor(text: "step 1/")
        try first.sendKeys("]", "]", "Right")
        try first.waitFor(text: "step 3/")
        try first.sendKeys("q")
        #expect(try first.waitForExit() == 0)
        let frame = try #require(FileManager.default.contents(atPath: state + "/backstep/progress.json"))
        #expect(String(decoding: frame, as: UTF8.self).contains("\"step\""))

        let again = try TmuxSession([bin, lesson], width: 100, height: 30, environment: ["XDG_STATE_HOME": state])
        try again.waitFor(text: "resume?")
        try again.waitFor(text: "You were at step 3")
        try again.sendKeys("Enter")
        try again.waitFor(text: "step 3/")
        try again.sendKeys("q")
        #expect(try again.waitForExit() == 0)

        let fresh = try TmuxSession([bin, lesson], width: 100, height: 30, environment: ["XDG_STATE_HOME": state])
        try fresh.waitFor(text: "resume?")
        try fresh.sendKeys("Escape")
        try fresh.waitUntil("the prompt to close") { lines in !lines.contains { $0.contains("resume?") } }
        #expect(try fresh.capture().last?.contains("step 1/") == true)
        try fresh.sendKeys("q")
        #expect(try fresh.waitForExit() == 0)
    }

    @Test func reloadShowsAnEditedFileAndKeepsTheLastGoodOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backstep-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lesson.md")
        let lesson = "# Reload\n\n## Sum\n\n```graph\na = 2\nb = 3\nc = a + b\n```\n\n@forward\n"
        try lesson.write(to: file, atomically: true, encoding: .utf8)
        let tmux = try start([file.path])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("]", "G")
        try tmux.waitFor(text: "c = a + b = 2 + 3 = 5")
        try lesson.replacingOccurrences(of: "a = 2", with: "a = 40").write(to: file, atomically: true, encoding: .utf8)
        try tmux.sendKeys("R")
        try tmux.waitFor(text: "reloaded")
        try tmux.waitFor(text: "c = a + b = 40 + 3 = 43")
        try lesson.replacingOccurrences(of: "a = 2", with: "a = (40").write(to: file, atomically: true, encoding: .utf8)
        try tmux.sendKeys("R")
        let kept = try tmux.waitFor(text: "not reloaded").joined(separator: "\n")
        #expect(kept.contains("line 6"))
        #expect(kept.contains("40 + 3 = 43"))
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    /// The number after "loss " on the training line.
    func loss(in screen: [String]) throws -> Double {
        let line = try #require(screen.first { $0.contains("iteration") })
        let text = try #require(line.components(separatedBy: "loss ").last?.split(separator: " ").first)
        return try #require(Double(text.replacingOccurrences(of: "−", with: "-")))
    }

    @Test func resizeKeepsWorkingAndSIGTERMRestores() throws {
        let tmux = try startReporting([Binary.file("lessons/02-sigmoid-neuron.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("]")
        try tmux.waitFor(text: "step 2/")
        try tmux.resize(width: 60, height: 20)
        try tmux.waitFor(text: "80×24 shows all")
        try tmux.resize(width: 200, height: 60)
        try tmux.sendKeys("Right")
        // Step 2 has one frame, so → opens step 3, laid out across all 200 columns.
        try tmux.waitUntil("step 3 on a wide screen") { lines in
            lines.last?.contains("step 3/") == true && lines.contains { $0.count > 150 }
        }
        #expect(kill(try childPid(tmux), SIGTERM) == 0)
        try expectRestored(tmux, status: 128 + Int(SIGTERM))
    }

    @Test func aMillionIterationsStayInterruptible() throws {
        let tmux = try start([Binary.file("lessons/05-linear-regression.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("7", "Enter", "e", "Tab", "BSpace", "BSpace", "BSpace")
        try tmux.type("1000000")
        try tmux.sendKeys("Enter")
        // The training runs behind the screen: keys still work while it counts up.
        try tmux.waitUntil("training under way") { lines in
            lines.last?.contains("recomputing with iters = 1000000 (") == true
        }
        try tmux.sendKeys("Left")
        try tmux.waitFor(text: "step 6/")
        try tmux.sendKeys("Escape")
        try tmux.waitFor(text: "iters = 1000000: recomputed, training stopped early (Esc)")
        try tmux.sendKeys("]", "G")
        try tmux.waitFor(text: "stopped")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func noColorStillMarksFocusWithAttributes() throws {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let tmux = try TmuxSession(
            [bin, Binary.file("lessons/01-chain-rule.md")], width: 100, height: 30,
            environment: ["NO_COLOR": "1", "XDG_STATE_HOME": "/nonexistent/backstep-e2e"])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("5", "Enter", "G")
        try tmux.waitFor(text: "step 5/11 · frame 2/2")
        let escaped = try tmux.capture(escapes: true).joined(separator: "\n")
        // No colour at all (SGR 30–38, 40–48, 90–107; 39 and 49 are the defaults), but reverse video (7) and bold (1) still show focus.
        let codes = escaped.components(separatedBy: "\u{1B}[").dropFirst().compactMap { $0.split(separator: "m").first }
            .flatMap { $0.split(separator: ";").compactMap { Int($0) } }
        #expect(
            !codes.contains { ((30...49).contains($0) && $0 != 39 && $0 != 49) || (90...107).contains($0) },
            "\(Set(codes).sorted())")
        #expect(codes.contains(7) && codes.contains(1), "\(Set(codes).sorted())")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func aLessonThatFailsLaterShowsItsErrors() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("b-\(UUID().uuidString.prefix(6)).md")
        defer { try? FileManager.default.removeItem(at: file) }
        let lesson =
            "# Broken\n\n## Fine\n\n```graph\na = 2\nb = a * 3\n```\n\n@forward\n\n## Later\n\n```graph\nx = zeros(2, 3)\ny = zeros(3, 2)\nz = x + y\n```\n"
        try lesson.write(to: file, atomically: true, encoding: .utf8)
        let tmux = try start([file.path])
        let screen = try tmux.waitFor(text: "This lesson has errors")
        #expect(screen.contains { $0.contains(":17:7: error: cannot add shapes (2, 3) and (3, 2) in x + y") })
        #expect(screen.contains { $0.hasSuffix("      ^") })
        try tmux.sendKeys("Enter")
        #expect(try tmux.waitForExit() == 0)
    }

    /// Korean under a locale without Hangul: said once, with the fix, instead of a screen of `?`.
    @Test func aPlainLocaleCannotShowKorean() throws {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let tmux = try TmuxSession(
            [bin, "--lang", "ko"], width: 100, height: 30,
            environment: ["LANG": "C", "LC_ALL": "C", "XDG_STATE_HOME": "/nonexistent/backstep-e2e"])
        let screen = try tmux.waitFor(text: "LANG=C.UTF-8 backstep --lang ko")
        #expect(screen.contains { $0.contains("한글을 표시할 수 없어") })
        #expect(try tmux.waitForExit() == 1)
    }

    @Test func aPlainLocaleGetsASCII() throws {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let tmux = try TmuxSession(
            [bin, Binary.file("lessons/01-chain-rule.md")], width: 100, height: 30,
            environment: ["LANG": "C", "LC_ALL": "C", "XDG_STATE_HOME": "/nonexistent/backstep-e2e"])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("5", "Enter")
        try tmux.waitFor(text: "step 5/")
        // Predict mode off: the numbers show.
        try tmux.sendKeys("P", "G")
        let screen = try tmux.waitFor(text: "df/dx = df/dq * dq/dx = -4 x 1 = -4")
        #expect(screen.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func pickerOpensBundledLessons() throws {
        let tmux = try start(["--lang", "ko"])
        // --lang ko speaks Korean in the picker and in the lesson; Korean lessons in a Korean list need no tag.
        let picker = try tmux.waitFor(text: "Enter 열기")
        #expect(!picker.contains { $0.contains("[ko]") || $0.contains("[한국어]") }, "\(picker)")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "단계 1/")
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "Enter 열기")
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func refusesWithoutATerminal() throws {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = [Binary.file("lessons/01-chain-rule.md")]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("backstep render"))
    }
}

/// The text commands that need no terminal: export and render.
@Suite struct TextCommandTests {
    func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = args
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, o, e)
    }

    /// DOT with or without `--dot`: the only format is the default.
    @Test(arguments: [["--dot"], []])
    func exportsDotWithValuesAndGradients(_ flag: [String]) throws {
        let result = try run(["export", Binary.file("lessons/01-chain-rule.md"), "--step", "5"] + flag)
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("digraph g {"))
        #expect(result.out.contains(#"label="x\n−2\ngrad −4""#))
        #expect(result.out.contains("n4 -> n5;"))
    }

    /// `check` prints a warning with its caret, counts it apart from errors, and still succeeds.
    @Test func checkWarnsWithoutFailing() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backstep-warn-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        try "# T\n\n## S\n\n```graph\nx = 1\ny = x * 2\n```\n\n  @forward\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try run(["check", file.path])
        #expect(result.status == 0)
        #expect(result.err.contains(":10:3: warning: this @forward is indented"))
        #expect(result.out.contains("checked 1 file: 0 errors, 1 warning"))
    }

    /// Every command refuses a mistyped `--color`, `--theme` or `--lang` the same way: status 2
    /// and the values that would work, before touching the terminal or the lesson.
    @Test(arguments: [
        (["render", "--color", "nevr"], "'auto', 'always' or 'never'"),
        (["record", "-o", "/dev/null", "--color", "nevr"], "'auto', 'always' or 'never'"),
        (["open", "--color", "nevr"], "'auto', 'always' or 'never'"),
        (["render", "--theme", "projecter"], "'default', 'projector', 'projector-light' or 'monochrome'"),
        (
            ["record", "-o", "/dev/null", "--theme", "projecter"],
            "'default', 'projector', 'projector-light' or 'monochrome'"
        ),
        (["open", "--theme", "projecter"], "'default', 'projector', 'projector-light' or 'monochrome'"),
        (["open", "--lang", "kr"], "'en' and 'ko'"),
    ])
    func mistypedOptionValuesAreRefusedWithTheChoices(_ arguments: [String], _ choices: String) throws {
        let lesson = Binary.file("lessons/01-chain-rule.md")
        let result = try run(Array(arguments.prefix(1)) + [lesson] + arguments.dropFirst())
        #expect(result.status == 2)
        #expect(result.err.contains("Please provide one of \(choices)"), "\(result.err)")
        #expect(result.out.isEmpty)
    }

    @Test func renderPrintsExactlyTheSize() throws {
        let result = try run([
            "render", Binary.file("lessons/ko/01-chain-rule.md"), "--step", "5", "--size", "70x20", "--ascii",
        ])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 20)
        #expect(lines.allSatisfy { $0.count <= 70 && $0.unicodeScalars.allSatisfy(\.isASCII) })
        let bad = try run(["render", Binary.file("lessons/01-chain-rule.md"), "--step", "99"])
        #expect(bad.status == 1)
        #expect(bad.err.contains("step 99 is out of range: this lesson has 11 steps (1–11)"))
    }
}
