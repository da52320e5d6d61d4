import ArgumentParser
import Foundation
import Lessons
import Player

/// Writes a step's graph as Graphviz DOT, with values and gradients in the
/// labels, like DeZero's `plot_dot_graph`: `backstep export L.md | dot -Tpng -o g.png`.
struct Export: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: said.export) }

    @Argument(help: ArgumentHelp(said.lessonOrGraph))
    var file: String

    @Option(help: ArgumentHelp(said.exportStep))
    var step: Int?

    // DOT is the only format, so it is also the default; the flag stays for scripts that name it.
    @Flag(help: ArgumentHelp(said.dot))
    var dot = false

    func run() throws {
        let trace: LessonTrace
        do {
            trace = try LessonTrace(path: file)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
        let words = Language(tag: trace.lesson.metadata.language).words
        if let step, !(1...Swift.max(trace.steps.count, 1)).contains(step) {
            FileHandle.standardError.write(
                Data(
                    "error: \(words.describe(PlayerError.stepOutOfRange(step, count: trace.steps.count)))\n".utf8))
            throw ExitCode(1)
        }
        let last = (step.map { $0 - 1 } ?? trace.steps.count - 1)
        let snapshot = stride(from: last, through: 0, by: -1).lazy
            .compactMap { trace.steps[$0].frames.last?.snapshot }.first
        guard let snapshot, trace.graphs.indices.contains(snapshot.graph) else {
            FileHandle.standardError.write(Data("error: no graph at or before step \(last + 1)\n".utf8))
            throw ExitCode(1)
        }
        print(Self.dot(trace.graphs[snapshot.graph], snapshot))
    }

    static func dot(_ graph: GraphStructure, _ snapshot: GraphSnapshot) -> String {
        // DOT strings escape quotes and backslashes; "\n" (backslash, n) breaks a label's line.
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        }
        var lines = ["digraph g {", "  rankdir=LR;"]
        for node in graph.nodes {
            if node.kind.isVariable {
                var parts = [node.label]
                if let v = node.id < snapshot.values.count ? snapshot.values[node.id] : nil {
                    parts.append(TensorText.value(v))
                }
                if let g = node.id < snapshot.grads.count ? snapshot.grads[node.id] : nil {
                    parts.append("grad " + TensorText.value(g))
                }
                let color = node.kind == .param ? "lightblue" : node.kind == .data ? "lightgray" : "orange"
                lines.append(
                    "  n\(node.id) [label=\"\(parts.map(escaped).joined(separator: "\\n"))\", color=\(color), style=filled]"
                )
            } else {
                lines.append(
                    "  n\(node.id) [label=\"\(escaped(node.label))\", color=lightblue, style=filled, shape=box]")
            }
        }
        for edge in graph.edges { lines.append("  n\(edge.from) -> n\(edge.to);") }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
