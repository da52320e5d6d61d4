import Autodiff
import Testing

/// The replay writes each function's value and gradients into the tensors of its
/// last pass (``GraphReplay``): these hold every function that has such an
/// in-place form, in each of its shape cases and in the cases it hands to the
/// allocating code, bit for bit equal to the same graph built again.
@Suite struct GraphReplayKernelTests {
    /// One graph: its params' shapes and how its output is made from them and a data leaf.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let params: [[Int]]
        let data: [Int]
        let build: @Sendable ([Variable], Variable) throws -> Variable
        var testDescription: String { name }
    }

    static func binary(
        _ name: String, _ a: [Int], _ b: [Int], _ f: @escaping @Sendable (Variable, Variable) throws -> Variable
    ) -> Case {
        Case(name: name, params: [a, b], data: [1]) { p, _ in try f(p[0], p[1]) }
    }

    static func unary(_ name: String, _ shape: [Int], _ f: @escaping @Sendable (Variable) throws -> Variable) -> Case {
        Case(name: name, params: [shape], data: [1]) { p, _ in try f(p[0]) }
    }

    static let shapePairs: [(String, [Int], [Int])] = [
        ("same shape", [3, 4], [3, 4]), ("a row", [3, 4], [4]), ("a row of one", [3, 4], [1, 4]),
        ("a number", [3, 4], []), ("a number first", [], [3, 4]), ("a row first", [4], [3, 4]),
        ("a column (strided)", [3, 1], [1, 4]), ("one element each", [1, 1], [1]),
    ]

    static let cases: [Case] =
        shapePairs.flatMap { name, a, b in
            [
                binary("add, \(name)", a, b) { try $0 + $1 },
                binary("sub, \(name)", a, b) { try $0 - $1 },
                binary("mul, \(name)", a, b) { try $0 * $1 },
                // The divisor kept away from zero.
                binary("div, \(name)", a, b) { try $0 / (exp($1)) },
            ]
        } + [
            unary("neg", [3, 4]) { neg($0) },
            unary("pow", [3, 4]) { try pow($0, 3) },
            unary("square", [2, 5]) { try square($0) },
            unary("exp", [3, 4]) { try exp($0) },
            unary("log", [3, 4]) { try log(try $0 * $0 + 1) },
            unary("sin", [3, 4]) { try sin($0) },
            unary("cos", [3, 4]) { try cos($0) },
            unary("tanh", [3, 4]) { try tanh($0) },
            unary("sigmoid", [3, 4]) { try sigmoid($0) },
            unary("sigmoid, 72 elements (the vector kernel)", [8, 9]) { try sigmoid($0) },
            unary("relu", [3, 4]) { try relu($0) },
            unary("constants", [3, 4]) { x in try ((2 - (x + 1.5)) * 3 - 0.5) / 4 + 2 / exp(x) },
            unary("one element", []) { x in try tanh(try sigmoid(x * 2) * x + x) },
            binary("matmul, wide", [4, 3], [3, 5]) { try matmul($0, $1) },
            binary("matmul, a column", [10, 1], [1, 1]) { try matmul($0, $1) },
            binary("matmul, 1-d left", [3], [3, 2]) { try matmul($0, $1) },
            binary("matmul, 1-d right", [4, 3], [3]) { try matmul($0, $1) },
            Case(name: "linear with a bias", params: [[3, 5], [5]], data: [4, 3]) { p, x in
                try linear(x, p[0], p[1])
            },
            Case(name: "linear with a bias row", params: [[3, 5], [1, 5]], data: [4, 3]) { p, x in
                try linear(x, p[0], p[1])
            },
            Case(name: "linear without a bias", params: [[3, 2]], data: [4, 3]) { p, x in try linear(x, p[0]) },
            Case(name: "linear, one output", params: [[3, 1], [1]], data: [4, 3]) { p, x in
                try linear(x, p[0], p[1])
            },
            unary("sum of everything", [3, 4]) { try sum($0) * $0 },
            unary("sum keeping dims", [3, 4]) { try sum($0, keepdims: true) * $0 },
            unary("sum over an axis", [3, 4]) { try sum($0, axes: [0]) },
            unary("sum_to a row", [3, 4]) { try sumTo($0, [1, 4]) },
            unary("sum_to a number", [3, 4]) { try sumTo($0, []) },
            unary("broadcast_to", [4]) { try broadcastTo($0, [3, 4]) },
            Case(name: "mean squared error", params: [[10, 1]], data: [10, 1]) { p, y in
                try meanSquaredError(y, p[0])
            },
            Case(name: "mean squared error, broadcast", params: [[10, 1]], data: [1]) { p, y in
                try meanSquaredError(p[0], y)
            },
            Case(name: "softmax cross-entropy", params: [[5, 3]], data: [5]) { p, _ in
                try softmaxCrossEntropy(p[0], Variable(Tensor([0, 2, 1, 1, 0])))
            },
            unary("a param used twice, a node used twice", [3, 4]) { x in
                let h = try tanh(x)
                return try h * h + x * sigmoid(h)
            },
            Case(name: "the regression of issue 21", params: [[1, 1], [1]], data: [10, 1]) { p, x in
                try meanSquaredError(try x * 2 + 5, try matmul(x, p[0]) + p[1])
            },
        ]

    static func bits(_ t: Tensor?) -> [UInt64] {
        (t?.shape.map(UInt64.init) ?? [9]) + (t?.scalars.map(\.bitPattern) ?? [])
    }

    /// The loss: the output weighted by fixed numbers (so the upstream gradient is not all ones).
    static func loss(_ y: Variable, weights: Tensor) throws -> Variable {
        try sum(y * Variable(weights))
    }

    @Test(arguments: cases)
    func replayWritesWhatARebuiltGraphComputes(_ c: Case) throws {
        var random = SplitMix64(state: UInt64(c.name.utf8.count) &* 7919)
        let params = c.params.map { Parameter(random.tensor($0)) }
        let x = Variable(random.tensor(c.data))
        let y = try c.build(params, x)
        let weights = random.tensor(y.shape)
        let loss = try Self.loss(y, weights: weights)
        let replay = try #require(GraphReplay(outputs: [y], loss: loss, leaves: params))
        // Kept from a pass, as a training frame keeps its values: later passes must not change them.
        var kept: [(Tensor, [UInt64])] = []
        for pass in 0..<4 {
            for p in params { p.data = try p.data + random.tensor(p.shape, -0.3, 0.3) }
            x.data = random.tensor(c.data)
            try replay.forward()
            let grads = try replay.backward()
            let rebuilt = params.map { Parameter($0.data) }
            let y2 = try c.build(rebuilt, Variable(x.data))
            let loss2 = try Self.loss(y2, weights: weights)
            try loss2.backward()
            #expect(Self.bits(y.data) == Self.bits(y2.data), "pass \(pass): value")
            #expect(Self.bits(loss.data) == Self.bits(loss2.data), "pass \(pass): loss")
            for (k, p) in rebuilt.enumerated() {
                #expect(Self.bits(grads[k]) == Self.bits(p.grad?.data), "pass \(pass): gradient of param \(k)")
            }
            kept.append((y.data, Self.bits(y.data)))
            if let g = grads.first, let g { kept.append((g, Self.bits(g))) }
        }
        for (t, b) in kept { #expect(Self.bits(t) == b, "a kept value changed") }
    }
}
