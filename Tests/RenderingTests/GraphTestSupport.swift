@testable import Rendering

/// SplitMix64: a tiny seeded generator, so random graphs are the same on every run.
struct GraphTestRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (inclusive).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, int(0...i)) }
    }
}

enum RandomGraphs {
    static let words = [
        "x", "W", "b", "sin", "matmul", "σ", "(2, 3)", "1.5", "−0.25", "가중치", "exp", "0.909",
        "[[1, 2],", " [3, 4]]", "sum_to", "∂y/∂x",
    ]

    /// A random DAG: nodes added in a shuffled order with scattered ids, each
    /// node with 0–3 inputs from earlier ones (a repeat now and then), boxes of
    /// 1–4 lines, a few labelled edges.
    static func make(
        seed: UInt64, nodes count: Int, maxInputs: Int = 3, window: Int? = nil,
        narrowOnly: Bool = false
    ) throws -> GraphModel {
        var random = GraphTestRandom(seed: seed)
        let words = narrowOnly ? Self.words.filter { displayWidth($0) == $0.count } : Self.words
        var insertion = Array(0..<count)
        random.shuffle(&insertion)
        var model = GraphModel()
        for v in insertion {
            let lineCount = random.chance(70) ? 1 : random.int(2...4)
            let lines = (0..<lineCount).map { _ in words[random.int(0...(words.count - 1))] }
            try model.addNode(id: v * 7 + 3, lines: lines, kind: random.chance(50) ? .function : .variable)
        }
        var edges: [(Int, Int)] = []
        for v in 1..<max(1, count) {
            let inputs = random.int(0...maxInputs)
            for _ in 0..<inputs {
                let lowest = window.map { max(0, v - $0) } ?? 0
                edges.append((random.int(lowest...(v - 1)), v))
            }
        }
        random.shuffle(&edges)
        let shapes = ["(2, 3)", "()", "(3,)", "(10, 1)"]
        for (a, b) in edges {
            let label = random.chance(25) ? shapes[random.int(0...3)] : nil
            try model.addEdge(from: a * 7 + 3, to: b * 7 + 3, label: label)
        }
        return model
    }
}

/// Plain text of a drawn layout, trailing spaces trimmed.
func graphText(_ layout: GraphLayout, glyphs: GlyphSet = .unicode) -> String {
    var buffer = Buffer(width: layout.width, height: layout.height)
    buffer.render(GraphView(layout: layout, glyphs: glyphs), in: buffer.area)
    return buffer.lines().map { line in
        var s = Substring(line)
        while s.hasSuffix(" ") { s.removeLast() }
        return String(s)
    }.joined(separator: "\n")
}
