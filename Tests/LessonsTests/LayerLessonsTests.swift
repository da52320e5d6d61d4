import Autodiff
import Foundation
import Testing

@testable import Lessons

/// Lessons 10 and 11 (both languages): their numbers against DeZero.
@Suite struct LayerLessonsTests {
    /// Step 48 in float64, from DeZero 0.0.13 (Tests/Reference/dezero-extension.json).
    nonisolated(unsafe) static let step48: [String: Any] = {
        let path = repositoryPath("Tests/Reference/dezero-extension.json")
        let json = FileManager.default.contents(atPath: path).flatMap { try? JSONSerialization.jsonObject(with: $0) }
        return ((json as? [String: Any])?["step48"] as? [String: Any]) ?? [:]
    }()

    @Test(arguments: LessonContentTests.languages) func layersAndModels(_ language: String) throws {
        let e = try LessonContentTests.evaluate(language + "10-layers-and-models.md")
        let layer = try LessonContentTests.graph(e, output: "y", with: ["L.W", "L.b"])
        #expect(layer["L.W"]?.value.shape == [2, 3] && layer["L.W"]?.kind == .param)
        #expect(layer["L.b"]?.value == Tensor.zeros([3]))
        let model = try LessonContentTests.graph(e, output: "loss", with: ["M.l0.W", "M.l0.b", "M.l1.W", "M.l1.b"])
        let losses = try #require(model.training?.losses)
        #expect(losses.count == 10_000)
        // DeZero's step 45 (seed 0, MLP((10, 1)), lr 0.2) starts and stalls at these losses.
        #expect(abs(losses[0] - 0.8165178479901415) < 1e-12)
        #expect(abs(losses[999] - 0.24990576760784539) < 1e-9)
        #expect(abs(losses[4999] - 0.12321133661428167) < 1e-9)
    }

    @Test(arguments: LessonContentTests.languages) func spiral(_ language: String) throws {
        let e = try LessonContentTests.evaluate(language + "11-softmax-and-spiral.md")
        let scores = try LessonContentTests.graph(e, output: "loss", with: ["z", "p"])
        #expect(abs((scores["loss"]?.value.scalar ?? 0) - 0.41703001627783376) < 1e-12)
        #expect(scores["z"]?.grad?.scalars.first.map { abs($0 + 0.3409988611140321) < 1e-12 } == true)

        let trained = try LessonContentTests.graph(e, output: "loss", with: ["M.l0.W", "acc"])
        let epochs = try #require(trained.training?.epochLosses)
        let expected = (Self.step48["epoch_losses"] as? [Double]) ?? []
        try #require(expected.count == 300 && epochs.count == 300)
        #expect(zip(epochs, expected).allSatisfy { abs($0 - $1) <= 1e-9 })

        let test = try LessonContentTests.graph(e, output: "test_acc", with: ["M.l0.W"])
        let bookAccuracy = (Self.step48["test_accuracy"] as? Double) ?? 0
        #expect(test["test_acc"]?.value.scalar == bookAccuracy)
        // The last question counts the points it gets wrong: 300 × (1 − accuracy).
        let source = try String(
            contentsOfFile: LessonContentTests.path(language + "11-softmax-and-spiral.md"), encoding: .utf8)
        #expect(source.contains("answer=17 tolerance=0.5"))
        #expect(abs(300 * (1 - bookAccuracy) - 17) < 0.5)
        // The later graph uses the trained parameters.
        #expect(test["M.l0.W"]?.value == trained.training?.parameters.first { $0.0 == "M.l0.W" }?.1)
    }
}
