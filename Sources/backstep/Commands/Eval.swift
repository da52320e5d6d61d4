import ArgumentParser
import Autodiff
import Foundation
import Lessons
import Player

/// `backstep eval FILE [--json]`: values and gradients of every graph program.
struct Eval: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: said.eval, discussion: said.evalDiscussion)
    }

    @Argument(help: ArgumentHelp(said.lessonOrGraph))
    var file: String

    @Flag(help: ArgumentHelp(said.json))
    var json = false

    func run() throws {
        let evaluation: Evaluation
        do {
            let lesson = try LessonLoader.load(path: file)
            evaluation = try Evaluation(lesson: lesson)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.rendered) }
            throw ExitCode(1)
        }
        if json {
            print(evaluation.json.rendered())
            return
        }
        for (i, graph) in evaluation.graphs.enumerated() {
            if i > 0 { print("") }
            print(
                "graph \(i + 1)" + (graph.step.map { " (\($0))" } ?? "") + (graph.output.map { ", output \($0)" } ?? "")
            )
            let width = graph.variables.map(\.name.count).max() ?? 1
            for v in graph.variables {
                let name = v.name.padding(to: width)
                let grad = v.grad.map { "grad " + oneLine($0) } ?? "no grad"
                print(
                    "  \(name)  \(v.kind.rawValue.padding(to: 12)) \(formatShape(v.value.shape).padding(to: 9)) \(oneLine(v.value))   \(grad)"
                )
            }
            if let training = graph.training {
                let last = training.losses.last.map { Tensor.shortest($0) } ?? "-"
                print("  trained \(training.losses.count) iterations, last loss \(last)")
                for (name, value) in training.parameters { print("    \(name) = \(oneLine(value))") }
            }
        }
    }
}

/// A tensor on one line as the screens write it (its shape and `…` when cut short, never a cut number).
func oneLine(_ t: Tensor) -> String { TensorText.inline(t, limit: 4, digits: 6) }

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
