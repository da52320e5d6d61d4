import Foundation
import Testing

/// The real `backstep` in tmux: open lessons, step through frames, answer, resize, quit.
@Suite(.serialized, .enabled(if: Binary.tmuxAvailable, "tmux is not installed"))
struct PlayerAppTests {
    func start(_ args: [String], width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let bin = try #require(Binary.backstep, "\(Binary.missingBackstep)")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-e2e-\(UUID().uuidString)").path
        return try TmuxSession([bin] + args, width: width, height: height, environment: ["XDG_STATE_HOME": state])
    }

    @Test(arguments: ["lessons/01-chain-rule.md", "lessons/ko/01-chain-rule.md"])
    func chainRuleForwardAndBackward(_ lesson: String) throws {
        let tmux = try start([Binary.file(lesson)])
        try tmux.waitFor(text: "step 1/")
        // Jump to the backward step (5), then walk its frames: x and y get −4, z gets 3.
        try tmux.type("5")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "step 5/")
        try tmux.sendKeys("Right")
        let screen = try tmux.waitFor(text: "frame 2/2").joined(separator: "\n")
        #expect(screen.contains("∂f/∂x = ∂f/∂q · ∂q/∂x = −4 × 1 = −4"))
        #expect(screen.contains("grad 3"))
        try tmux.sendKeys("Left")
        let back = try tmux.waitFor(text: "frame 1/2").joined(separator: "\n")
        #expect(back.contains("∂f/∂q = ∂f/∂f · ∂f/∂q = 1 × (−4) = −4"))
        try tmux.sendKeys("q")
        #expect(try tmux.waitForExit() == 0)
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
        let tmux = try start([Binary.file("lessons/04-linear-regression.md")])
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

    /// The number after "loss " on the training line.
    func loss(in screen: [String]) throws -> Double {
        let line = try #require(screen.first { $0.contains("iteration") })
        let text = try #require(line.components(separatedBy: "loss ").last?.split(separator: " ").first)
        return try #require(Double(text.replacingOccurrences(of: "−", with: "-")))
    }

    @Test func resizeKeepsWorkingAndSIGTERMRestores() throws {
        let tmux = try start([Binary.file("lessons/02-sigmoid-neuron.md")])
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("]")
        try tmux.waitFor(text: "step 2/")
        try tmux.resize(width: 60, height: 20)
        try tmux.waitFor(text: "80×24 shows all")
        try tmux.resize(width: 200, height: 60)
        try tmux.sendKeys("Right")
        try tmux.waitUntil("a wide screen") { lines in lines.contains { $0.contains("step 1/") || $0.contains("step 2/") } }
        try tmux.kill(signal: SIGTERM)
        #expect(try tmux.waitForExit() == 128 + Int(SIGTERM))
    }

    @Test func pickerOpensBundledLessons() throws {
        let tmux = try start(["--lang", "ko"])
        try tmux.waitFor(text: "[ko]")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "step 1/")
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "Enter open")
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
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, o, e)
    }

    @Test func exportsDotWithValuesAndGradients() throws {
        let result = try run(["export", Binary.file("lessons/01-chain-rule.md"), "--step", "5", "--dot"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("digraph g {"))
        #expect(result.out.contains(#"label="x\n−2\ngrad −4""#))
        #expect(result.out.contains("n4 -> n5;"))
    }

    @Test func renderPrintsExactlyTheSize() throws {
        let result = try run(["render", Binary.file("lessons/ko/01-chain-rule.md"), "--step", "5", "--size", "70x20", "--ascii"])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 20)
        #expect(lines.allSatisfy { $0.count <= 70 && $0.unicodeScalars.allSatisfy(\.isASCII) })
        let bad = try run(["render", Binary.file("lessons/01-chain-rule.md"), "--step", "99"])
        #expect(bad.status == 1)
        #expect(bad.err.contains("steps 1...11"))
    }
}
