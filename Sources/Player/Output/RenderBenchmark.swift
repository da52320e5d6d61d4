import Lessons
import Rendering

/// The workload of the render benchmark: a lesson whose graph has about 60
/// nodes, drawn at 200×60 on a backward frame, with the layout made from
/// scratch (`layoutAndRender`) or taken from the cache (`render`).
public enum RenderBenchmark {
    /// A lesson with one layered graph of 8 input leaves and 26 functions in
    /// layers of 7, 6, 5, 4, 3 and 1 (each function adds its output too): 60
    /// nodes, each function fed by two values of the layer before (every fourth is a
    /// sin of one), like a small net.
    public static func lessonText() -> String {
        var lines = ["# Benchmark", "", "## Graph", "", "```graph"]
        var previous: [String] = []
        for i in 0..<8 {
            lines.append("x\(i) = \(Double(i % 5) * 0.5 - 1)")
            previous.append("x\(i)")
        }
        let ops = ["+", "*", "-"]
        var k = 0
        for size in [7, 6, 5, 4, 3, 1] {
            var layer: [String] = []
            for i in 0..<size {
                let a = previous[i % previous.count]
                let b = previous[(i + 1) % previous.count]
                let expr = k % 4 == 3 ? "sin(\(a))" : "\(a) \(ops[k % 3]) \(b)"
                lines.append("v\(layer.count)_\(size) = \(expr)")
                layer.append("v\(layer.count)_\(size)")
                k += 1
            }
            previous = layer
        }
        lines += ["```", "", "@forward", "", "## Back", "", "@backward \(previous[0])"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A player on the middle backward frame of the benchmark lesson.
    public static func state() throws(PlayerError) -> PlayerState {
        var state = try PlayerState(text: LessonText(file: "benchmark.md", text: lessonText()))
        let step = state.stepCount - 1
        try state.go(step: step, frame: state.frameCount(ofStep: step) / 2)
        return state
    }

    /// Lays the graph out (an empty layout cache) and draws one frame.
    public static func layoutAndRender(_ state: PlayerState, width: Int = 200, height: Int = 60) -> Buffer {
        var fresh = state
        fresh.resetLayouts()
        return Screen.render(fresh, width: width, height: height, glyphs: .unicode)
    }

    /// Draws one frame with the layout already cached (what a key press costs).
    public static func render(_ state: PlayerState, width: Int = 200, height: Int = 60) -> Buffer {
        Screen.render(state, width: width, height: height, glyphs: .unicode)
    }
}
