import Autodiff
import Testing

/// Every function's backward against central differences, including broadcasting.
@Suite struct GradientCheckTests {
    typealias Graph = ([Variable]) throws -> Variable

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let shapes: [[Int]]
        let range: ClosedRange<Double>
        let build: @Sendable ([Variable]) throws -> Variable
        var testDescription: String { "\(name) \(shapes.map(formatShape).joined(separator: " "))" }
        init(
            _ name: String, _ shapes: [[Int]], range: ClosedRange<Double> = -2...2,
            _ build: @escaping @Sendable ([Variable]) throws -> Variable
        ) {
            self.name = name
            self.shapes = shapes
            self.range = range
            self.build = build
        }
    }

    static let broadcastPairs: [[[Int]]] = [
        [[2, 3], [2, 3]], [[2, 3], [3]], [[2, 3], [2, 1]], [[], [2, 3]], [[2, 1], [1, 3]],
    ]

    static let cases: [Case] = {
        var cases: [Case] = []
        for shapes in broadcastPairs {
            cases.append(Case("add", shapes) { try $0[0] + $0[1] })
            cases.append(Case("sub", shapes) { try $0[0] - $0[1] })
            cases.append(Case("mul", shapes) { try $0[0] * $0[1] })
            cases.append(Case("div", shapes, range: 0.5...2) { try $0[0] / $0[1] })
        }
        cases += [
            Case("neg", [[2, 3]]) { -$0[0] },
            Case("pow 3", [[2, 3]]) { try pow($0[0], 3) },
            Case("pow -1.5", [[4]], range: 0.5...2) { try pow($0[0], -1.5) },
            Case("exp", [[2, 3]]) { try exp($0[0]) },
            Case("log", [[2, 3]], range: 0.5...3) { try log($0[0]) },
            Case("sin", [[2, 3]]) { try sin($0[0]) },
            Case("cos", [[2, 3]]) { try cos($0[0]) },
            Case("tanh", [[2, 3]]) { try tanh($0[0]) },
            Case("sigmoid", [[2, 3]]) { try sigmoid($0[0]) },
            Case("relu", [[2, 3]]) { try relu($0[0]) },
            Case("square", [[2, 3]]) { try square($0[0]) },
            Case("sum", [[2, 3]]) { try sum(try $0[0] * $0[0]) },
            Case("sum axis 0", [[2, 3]]) { try sum(try $0[0] * $0[0], axes: [0]) },
            Case("sum axis -1 keepdims", [[2, 3]]) { try sum(try $0[0] * $0[0], axes: [-1], keepdims: true) },
            Case("sum_to (1,3)", [[2, 3]]) { try sumTo(try $0[0] * $0[0], [1, 3]) },
            Case("sum_to (3,)", [[2, 3]]) { try sumTo(try $0[0] * $0[0], [3]) },
            Case("broadcast_to", [[3]]) { try broadcastTo(try $0[0] * $0[0], [2, 3]) },
            Case("reshape", [[2, 3]]) { try reshape(try $0[0] * $0[0], [3, -1]) },
            Case("transpose", [[2, 3]]) { try transpose(try $0[0] * $0[0]) },
            Case("transpose axes", [[2, 3, 4]]) { try transpose(try $0[0] * $0[0], axes: [1, 2, 0]) },
            Case("matmul", [[2, 3], [3, 4]]) { try matmul($0[0], $0[1]) },
            Case("matmul (2,1)·(1,3)", [[2, 1], [1, 3]]) { try matmul($0[0], $0[1]) },
            Case("matmul vector", [[3], [3, 2]]) { try matmul($0[0], $0[1]) },
            Case("linear", [[4, 3], [3, 2], [2]]) { try linear($0[0], $0[1], $0[2]) },
            Case("max", [[2, 3]]) { try max($0[0]) },
            Case("max axis 1", [[2, 3]]) { try max($0[0], axis: 1) },
            Case("min axis 0 keepdims", [[2, 3]]) { try min($0[0], axis: 0, keepdims: true) },
            Case("clip", [[2, 3]]) { try clip($0[0], -1, 1) },
            Case("get_item", [[3, 2]]) { try getItem($0[0], rows: [0, 2, 0]) },
            Case("softmax", [[2, 3]]) { try sum(try softmax($0[0]) * Variable(Tensor.arange(6).reshaped([2, 3]))) },
            Case("softmax_cross_entropy", [[3, 4]]) { try softmaxCrossEntropy($0[0], Variable(Tensor([0, 3, 1]))) },
            Case("mean_squared_error", [[5, 1], [5, 1]]) { try meanSquaredError($0[0], $0[1]) },
            Case("x + c", [[2, 3]]) { $0[0] + 1.5 },
            Case("c + x", [[2, 3]]) { 1.5 + $0[0] },
            Case("x - c", [[2, 3]]) { $0[0] - 1.5 },
            Case("c - x", [[2, 3]]) { 1.5 - $0[0] },
            Case("x * c", [[2, 3]]) { $0[0] * -2.5 },
            Case("c * x", [[2, 3]]) { -2.5 * $0[0] },
            Case("x / c", [[2, 3]]) { $0[0] / 0.75 },
            Case("c / x", [[2, 3]], range: 0.5...2) { 0.75 / $0[0] },
            Case("composite", [[2, 3], [3]]) { try sum(try tanh(try $0[0] * $0[1]) / (try exp($0[1]) + 1.0)) },
        ]
        return cases
    }()

    @Test(arguments: cases)
    func backwardMatchesCentralDifferences(_ c: Case) throws {
        var rng = SplitMix64(state: UInt64(c.name.utf8.reduce(5) { $0 &* 31 &+ UInt64($1) }))
        var inputs = c.shapes.map { rng.tensor($0, c.range.lowerBound, c.range.upperBound) }
        // Keep clip and relu away from their kinks, where the two slopes disagree.
        if c.name == "clip" || c.name == "relu" {
            inputs = inputs.map { $0.map { abs(abs($0) - 1) < 0.05 || abs($0) < 0.05 ? $0 + 0.2 : $0 } }
        }
        let checks = try gradientCheck(inputs, tolerance: 1e-6, c.build)
        for (i, check) in checks.enumerated() {
            #expect(check.passed, "input \(i): analytic \(check.analytic) numerical \(check.numerical)")
            #expect(check.analytic.shape == c.shapes[i])
        }
    }
}
