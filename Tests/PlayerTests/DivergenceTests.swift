import Lessons
import Player
import Rendering
import Testing

/// A learning rate of 10 on the two-layer net: the loss overflows, the screen
/// says so (the numbers, the chart's NaN/Inf badge, a message), training stops
/// there, and the lesson goes on to its next step.
@Suite struct DivergenceTests {
    /// Lesson 06's net and data with lr = 10 instead of 0.2, then the plots and a step after them.
    static let lesson = """
        # Divergence

        ## Train too fast

        ```graph
        seed(0)
        data x = rand(100, 1)
        data y = sin(2 * pi * x) + rand(100, 1)
        param W1 = 0.01 * randn(1, 10)
        param b1 = zeros(10)
        param W2 = 0.01 * randn(10, 1)
        param b2 = zeros(1)
        a = linear(x, W1, b1)
        h = sigmoid(a)
        y_pred = linear(h, W2, b2)
        loss = mean_squared_error(y, y_pred)
        ```

        @train loss lr=10 iters=10000 every=1000 optimizer=sgd

        ## The loss curve

        @plot loss

        ## The fit

        @plot data x y fit=y_pred

        ## Afterwards

        ```graph
        a = 2
        b = a * 3
        ```

        @forward

        """

    func opened() throws -> PlayerState {
        try PlayerState(text: LessonText(file: "divergence.md", text: Self.lesson))
    }

    /// The training frames of the first step.
    func trainingFrames(_ state: PlayerState) throws -> [TrainingFrame] {
        let played = try #require(state.trace.steps.dropFirst().first)
        return played.frames.compactMap { if case .training(let f) = $0 { return f } else { return nil } }
    }

    @Test func trainingStopsAtTheFirstNonFiniteLoss() throws {
        let state = try opened()
        let frames = try trainingFrames(state)
        let last = try #require(frames.last)
        guard case .diverged(let at) = last.status else {
            Issue.record("the run should diverge, not \(last.status)")
            return
        }
        // 10,000 iterations were asked for; it stops within the first thousand, where the loss overflows.
        #expect(at > 0 && at < 1000)
        #expect(last.losses.count == at + 1)
        #expect(!last.losses[at].isFinite)
        #expect(last.losses[..<at].allSatisfy { $0.isFinite })
        // The last frame holds the params of that iteration (no update followed it) and says so,
        // in the frame's data too (what `backstep frames --json` prints).
        #expect(last.iteration == at)
        var shown = state
        shown.press([.character("]"), .character("G")])
        #expect(shown.screen().contains("iteration \(at)/10000"), "\(shown.screen())")
        // The loss chart spans the iterations run, not the 10,000 planned (its axis would end at 10000).
        #expect(!shown.screen().replacingOccurrences(of: "/10000", with: "").contains("10000"), "\(shown.screen())")
    }

    @Test(arguments: [(100, 30), (80, 24), (200, 60), (60, 20)])
    func theLastTrainingFrameShowsTheDivergence(_ size: (Int, Int)) throws {
        var state = try opened()
        state.press([.character("]"), .character("G")])
        #expect(state.step == 1 && state.frame == state.frameCount - 1)
        let screen = state.screen(size.0, size.1)
        // The numbers: the loss is written as inf (or nan).
        #expect(screen.contains("loss inf") || screen.contains("loss nan"), "\(screen)")
        // The message, wrapped to the column (so checked word by word).
        #expect(screen.contains("diverged"), "\(screen)")
        if size.1 >= 24 {
            #expect(screen.contains("stopped") && screen.contains("goes on"), "\(screen)")
            // The loss chart counts the values it cannot draw.
            #expect(screen.contains("NaN/Inf"), "\(screen)")
        }
    }

    @Test func asciiScreenSaysItInASCII() throws {
        var state = try opened()
        state.press([.character("]"), .character("G")])
        let screen = state.screen(100, 30, ascii: true)
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(screen.contains("diverged"))
        #expect(screen.contains("-> goes on"))
    }

    @Test func thePlotsAfterwardsShowItToo() throws {
        var state = try opened()
        state.press([.character("]"), .character("]")])
        let lossPlot = state.screen()
        #expect(lossPlot.contains("The loss curve"))
        #expect(lossPlot.contains("last inf") || lossPlot.contains("last nan"), "\(lossPlot)")
        #expect(lossPlot.contains("NaN/Inf"), "\(lossPlot)")
        #expect(lossPlot.contains("diverged"), "\(lossPlot)")
        state.press([.character("]")])
        let fit = state.screen()
        #expect(fit.contains("The fit"))
        // The fitted values are huge or not numbers: the screen says the fit cannot be drawn with the data.
        #expect(fit.contains("off the chart") || fit.contains("NaN/Inf"), "\(fit)")
    }

    @Test func rightArrowGoesOnToTheNextStep() throws {
        var state = try opened()
        state.press([.character("]"), .character("G")])
        let stepAfter = state.step + 1
        // Past the training step's last frame, → carries on through the plots to the step after them.
        for _ in 0..<3 { state.press([.right]) }
        #expect(state.step == stepAfter + 2)
        let screen = state.screen()
        #expect(screen.contains("Afterwards"))
        state.press([.character("G")])
        #expect(state.screen().contains("b = a × 3 = 2 × 3 = 6") || state.screen().contains("= 6"))
    }
}
