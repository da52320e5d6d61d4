import ArgumentParser
import Autodiff
import Lessons

/// `backstep frames FILE [--json]`: the frames every step plays.
struct Frames: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: said.frames) }

    @Argument(help: ArgumentHelp(said.lessonOrGraph))
    var file: String

    @Flag(help: ArgumentHelp(said.json))
    var json = false

    func run() throws {
        let trace: LessonTrace
        do {
            trace = try LessonTrace(lesson: try LessonLoader.load(path: file))
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.rendered) }
            throw ExitCode(1)
        }
        if json {
            print(trace.json.rendered())
            return
        }
        for (i, played) in trace.steps.enumerated() {
            print("\(i + 1). \(played.step.title)")
            for frame in played.frames { print("   " + describe(frame, trace)) }
        }
    }

    private func describe(_ frame: Frame, _ trace: LessonTrace) -> String {
        func name(_ v: NodeValue) -> String { v.label.isEmpty ? "·" : v.label }
        switch frame {
        case .still: return "still"
        case .forward(let f):
            let args = f.inputs.map { "\(name($0))=\(oneLine($0.value))" }.joined(separator: ", ")
            return
                "forward \(f.index + 1)/\(f.count): \(f.label)(\(args)) → \(name(f.output)) = \(oneLine(f.output.value))"
        case .backward(let f):
            let parts = f.inputs.map { input -> String in
                let op = input.accumulated ? "+=" : "="
                return "\(input.label.isEmpty ? "·" : input.label).grad \(op) \(oneLine(input.gradient))"
            }
            return "backward \(f.index + 1)/\(f.count): \(f.label) gy=\(oneLine(f.upstream)): "
                + parts.joined(separator: ", ")
        case .training(let f):
            let params = f.parameters.map { "\($0.label)=\(oneLine($0.value))" }.joined(separator: " ")
            return "training \(f.iteration)/\(f.iterations): loss \(Tensor.shortest(f.loss)) \(params)"
        case .lossPlot(let f): return "plot loss: \(f.losses.count) iterations"
        case .dataPlot(let f):
            return "plot data: \(f.x.label) vs \(f.y.label)" + (f.fit.map { ", fit \($0.label)" } ?? "")
        case .ask(let f):
            return
                "ask \"\(f.question.text)\" answer \(Tensor.shortest(f.answer)) ± \(Tensor.shortest(f.question.tolerance))"
        case .check(let f):
            let parts = f.results.map { "\($0.name) \($0.passed ? "ok" : "FAILED") (\(Tensor.shortest($0.maxError)))" }
            return "check: " + parts.joined(separator: ", ")
        }
    }
}
