import App
import Foundation
import Player
import Rendering
import Terminal
import Testing

/// The interactive app — picker, lesson, progress, errors, resizes, signals —
/// driven through a ``TestBackend`` with scripted keys: the loop the terminal
/// runs, without tmux.
@Suite struct AppLoopTests {
    /// Runs the app on `console` until it returns, and checks the script was followed to its end.
    func run(
        _ paths: [String], on console: ScriptedConsole, progress: URL, theme: Theme? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int32? {
        let signal = PlayerApp(session: console, theme: theme, progressFile: progress).run(paths: paths)
        for problem in console.problems { Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation) }
        return signal
    }

    @Test func pickerOpensALessonAndShowsHowFarTheStudentGot() throws {
        let scratch = try Scratch()
        let console = ScriptedConsole([
            .waitFor("Enter open"), .key(.down), .key(.enter), .waitFor("step 1/"),
            .key(.character("]")), .waitFor("step 2/"), .key(.character("q")),
            .waitFor("Enter open"), .key(.character("q")),
        ])
        let signal = run(
            [Repo.lesson("01-chain-rule.md"), Repo.lesson("02-sigmoid-neuron.md")], on: console,
            progress: scratch.progressFile)
        #expect(signal == nil)
        // Back in the picker: the second lesson is still highlighted (reverse video) and shows its progress.
        let lines = console.backend.buffer.lines()
        let styles = console.backend.buffer.styleLines()
        let row = try #require(lines.firstIndex { $0.contains("2. ") }, "\(console.screen)")
        #expect(lines[row].contains("%"), "\(lines[row])")
        #expect(styles[row].contains("#") || styles[row].contains("R"), "\(styles[row])")
        let first = try #require(lines.firstIndex { $0.contains("1. ") })
        #expect(!styles[first].contains("R") && !styles[first].contains("#"), "\(styles[first])")
    }

    @Test func oneLessonOpensAtOnceAndWalksTheBackwardPass() throws {
        let scratch = try Scratch()
        let console = ScriptedConsole([
            .waitFor("step 1/"), .key(.character("5")), .key(.enter), .waitFor("step 5/"),
            // Predict mode off (P): the numbers show as the frames go.
            .key(.character("P")), .key(.right), .waitFor("frame 2/2"), .key(.character("q")),
        ])
        #expect(run([Repo.lesson("01-chain-rule.md")], on: console, progress: scratch.progressFile) == nil)
        let atLastKey = try #require(console.screensAtKeys.last)
        #expect(atLastKey.contains("∂f/∂x = ∂f/∂q · ∂q/∂x = −4 × 1 = −4"), "\(atLastKey)")
        #expect(console.screensAtKeys.first?.contains("step 5/") == false)
    }

    @Test func reopeningOffersToResumeWhereTheStudentLeft() throws {
        let scratch = try Scratch()
        let lesson = Repo.lesson("02-sigmoid-neuron.md")
        let first = ScriptedConsole([
            .waitFor("step 1/"), .key(.character("]")), .key(.character("]")), .key(.right), .waitFor("step 3/"),
            .key(.character("q")),
        ])
        #expect(run([lesson], on: first, progress: scratch.progressFile) == nil)
        #expect(FileManager.default.fileExists(atPath: scratch.progressFile.path))

        let again = ScriptedConsole([
            .waitFor("You were at step 3"), .key(.enter), .waitFor("step 3/"), .key(.character("q")),
        ])
        #expect(run([lesson], on: again, progress: scratch.progressFile) == nil)
    }

    @Test func resizesAndCtrlLRedrawAtTheNewSize() throws {
        let scratch = try Scratch()
        let console = ScriptedConsole([
            .waitFor("step 1/"), .resize(width: 60, height: 20), .waitFor("80×24 shows all"),
            .key(.control("l")), .resize(width: 160, height: 45), .waitFor("step 1/"), .key(.character("q")),
        ])
        #expect(run([Repo.lesson("02-sigmoid-neuron.md")], on: console, progress: scratch.progressFile) == nil)
        #expect(console.backend.fullRedraws == 1)
        #expect(console.backend.size == TerminalSize(width: 160, height: 45))
        // The last frame was drawn for the last size: its bottom row (the status line) is not blank.
        #expect(console.backend.buffer.lines().last?.contains("step 1/") == true, "\(console.screen)")
    }

    @Test func aSignalEndsTheRunWithItsNumber() throws {
        let scratch = try Scratch()
        let console = ScriptedConsole([.waitFor("step 1/"), .key(.signal(SIGTERM))])
        #expect(run([Repo.lesson("01-chain-rule.md")], on: console, progress: scratch.progressFile) == SIGTERM)
    }

    @Test func aLessonThatFailsLaterShowsItsErrorsUntilAKey() throws {
        let scratch = try Scratch()
        let broken = try scratch.write(
            "# Broken\n\n## Fine\n\n```graph\na = 2\nb = a * 3\n```\n\n@forward\n\n## Later\n\n"
                + "```graph\nx = zeros(2, 3)\ny = zeros(3, 2)\nz = x + y\n```\n",
            to: "broken.md")
        // Wide enough for the error line with its temporary path: code blocks are not wrapped.
        let console = ScriptedConsole(width: 200, [.waitFor("This lesson has errors"), .key(.enter)])
        #expect(run([broken], on: console, progress: scratch.progressFile) == nil)
        #expect(
            console.screen.contains(":17:7: error: cannot add shapes (2, 3) and (3, 2) in x + y"), "\(console.screen)")
    }

    @Test func aMissingFileIsANoteNotACrash() throws {
        let scratch = try Scratch()
        let console = ScriptedConsole([.waitFor("Press any key"), .key(.character("x"))])
        #expect(
            run([scratch.folder.appendingPathComponent("gone.md").path], on: console, progress: scratch.progressFile)
                == nil)
        #expect(console.screen.contains("gone.md"), "\(console.screen)")
    }

    @Test func trainingPlaysByItselfToTheEnd() throws {
        let scratch = try Scratch()
        let console = ScriptedConsole([
            .waitFor("step 1/"), .key(.character("7")), .key(.enter), .waitFor("iteration 0/100"),
            .key(.character("a")), .waitFor("iteration 100/100"), .key(.character("q")),
        ])
        #expect(run([Repo.lesson("05-linear-regression.md")], on: console, progress: scratch.progressFile) == nil)
    }

    @Test func aTerminalWithoutUTF8OrColourGetsASCIIAndTheMonochromeTheme() throws {
        let scratch = try Scratch()
        let console = ScriptedConsole([
            .waitFor("step 1/"), .key(.character("5")), .key(.enter), .waitFor("step 5/"), .key(.character("P")),
            .key(.character("G")),
            .waitFor("frame 2/2"), .key(.character("q")),
        ])
        console.isUTF8 = false
        console.colorMode = .none
        #expect(run([Repo.lesson("01-chain-rule.md")], on: console, progress: scratch.progressFile) == nil)
        let screen = try #require(console.screensAtKeys.last)
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
        #expect(screen.contains("df/dx = df/dq * dq/dx = -4 x 1 = -4"), "\(screen)")
    }

    @Test func thePickerSpeaksTheChosenLanguage() throws {
        let scratch = try Scratch()
        let console = ScriptedConsole([.waitFor("Enter 열기"), .key(.character("q"))])
        let signal = PlayerApp(session: console, theme: nil, language: .ko, progressFile: scratch.progressFile)
            .run(paths: [Repo.lesson("ko/01-chain-rule.md"), Repo.lesson("ko/02-sigmoid-neuron.md")])
        #expect(signal == nil)
        #expect(console.problems.isEmpty, "\(console.problems)")
    }

    @Test func theThemeChosenInThePickerCarriesIntoTheLesson() throws {
        let scratch = try Scratch()
        let console = ScriptedConsole([
            .waitFor("Enter open"), .key(.enter), .waitFor("step 1/"), .key(.character("q")), .waitFor("Enter open"),
            .key(.character("q")),
        ])
        _ = run(
            [Repo.lesson("01-chain-rule.md"), Repo.lesson("02-sigmoid-neuron.md")], on: console,
            progress: scratch.progressFile, theme: .monochrome)
        // Monochrome draws with modifiers only: no cell of the last screen has a colour.
        #expect(console.backend.buffer.cells.allSatisfy { $0.style.fg == .default && $0.style.bg == .default })
    }

    /// A clicker in the lesson list (issue 17): the list opens on the first lesson not
    /// finished, PageDown opens the highlighted one, PageUp moves up, round to the last.
    @Test func theListTakesAClicker() throws {
        let scratch = try Scratch()
        let lessons = [Repo.lesson("01-chain-rule.md"), Repo.lesson("02-sigmoid-neuron.md")]
        var store = ProgressStore(file: scratch.progressFile)
        store.record(
            ProgressStore.Entry(step: 10, frame: 0, stepCount: 11, updated: Date(), done: true), for: lessons[0])
        let console = ScriptedConsole([
            // The first lesson is done: the list opens on the second, and PageDown opens it.
            .waitFor("Enter open"), .key(.pageDown), .waitFor("A sigmoid neuron"), .waitFor("step 1/11"),
            .key(.character("q")),
            // PageUp moves up to the first; PageUp again goes round to the last (2/2).
            .waitFor("Enter open"), .key(.pageUp), .waitFor("1/2"), .key(.pageUp), .waitFor("2/2"),
            .key(.pageUp), .waitFor("1/2"), .key(.pageDown), .waitFor("step 1/11"), .key(.character("q")),
            .waitFor("Enter open"), .key(.character("q")),
        ])
        #expect(run(lessons, on: console, progress: scratch.progressFile) == nil)
    }
}
