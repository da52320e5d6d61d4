import Foundation
import Testing

@testable import Autodiff

/// Every function's one backward formula, checked four ways on random shapes
/// (broadcasting included): the numbers-only pass (with any fast path) equals
/// the generic formula on tensors and the recorded formula on variables, all
/// match central differences, and for element-wise functions the screens'
/// local gradient times the upstream, summed to each input's shape, is the
/// same gradient.
@Suite struct FunctionPropertyTests {
    /// A function under test: how to draw inputs, and the one call that applies it.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// Input shapes from a random draw.
        let shapes: @Sendable (inout SplitMix64) -> [[Int]]
        let range: ClosedRange<Double>
        /// Inputs that take no gradient (labels), by position, with their values.
        let fixed: @Sendable ([[Int]]) -> [Int: Tensor]
        let apply: @Sendable ([Variable]) throws -> Variable
        var testDescription: String { name }

        init(
            _ name: String, range: ClosedRange<Double> = -2...2,
            fixed: @escaping @Sendable ([[Int]]) -> [Int: Tensor] = { _ in [:] },
            shapes: @escaping @Sendable (inout SplitMix64) -> [[Int]],
            apply: @escaping @Sendable ([Variable]) throws -> Variable
        ) {
            (self.name, self.range, self.fixed, self.shapes, self.apply) = (name, range, fixed, shapes, apply)
        }
    }

    /// A shape of rank 0 to 3 with sizes 1 to 3.
    static func shape(_ r: inout SplitMix64, rank: Int? = nil) -> [Int] {
        (0..<(rank ?? Int(r.next() % 4))).map { _ in 1 + Int(r.next() % 3) }
    }

    /// Two shapes that broadcast: the second drops leading axes or has some axes of 1, or they swap.
    static func broadcastPair(_ r: inout SplitMix64) -> [[Int]] {
        let a = shape(&r)
        var b = Array(a.dropFirst(Int(r.next() % UInt64(a.count + 1))))
        for i in b.indices where r.next() % 2 == 0 { b[i] = 1 }
        return r.next() % 2 == 0 ? [a, b] : [b, a]
    }

    static func unary(_ r: inout SplitMix64) -> [[Int]] { [shape(&r)] }
    static func matrix(_ r: inout SplitMix64) -> [[Int]] { [shape(&r, rank: 2)] }

    static let cases: [Case] = [
        Case("Add", shapes: broadcastPair, apply: { try $0[0] + $0[1] }),
        Case("Sub", shapes: broadcastPair, apply: { try $0[0] - $0[1] }),
        Case("Mul", shapes: broadcastPair, apply: { try $0[0] * $0[1] }),
        Case("Div", range: 0.5...2, shapes: broadcastPair, apply: { try $0[0] / $0[1] }),
        Case("Neg", shapes: unary, apply: { -$0[0] }),
        Case("Pow", range: 0.5...2, shapes: unary, apply: { try pow($0[0], -1.5) }),
        Case("Exp", shapes: unary, apply: { try exp($0[0]) }),
        Case("Log", range: 0.5...3, shapes: unary, apply: { try log($0[0]) }),
        Case("Sin", shapes: unary, apply: { try sin($0[0]) }),
        Case("Cos", shapes: unary, apply: { try cos($0[0]) }),
        Case("Tanh", shapes: unary, apply: { try tanh($0[0]) }),
        Case("Sigmoid", shapes: unary, apply: { try sigmoid($0[0]) }),
        Case("ReLU", shapes: unary, apply: { try relu($0[0]) }),
        Case("Square", shapes: unary, apply: { try square($0[0]) }),
        Case("AddConstant", shapes: unary, apply: { $0[0] + 1.5 }),
        Case("SubConstant", shapes: unary, apply: { 1.5 - $0[0] }),
        Case("MulConstant", shapes: unary, apply: { $0[0] * -2.5 }),
        Case("DivConstant", range: 0.5...2, shapes: unary, apply: { 0.75 / $0[0] }),
        Case("Clip", shapes: unary, apply: { try clip($0[0], -1, 1) }),
        Case("Sum", shapes: { [shape(&$0, rank: 3)] }, apply: { try sum($0[0], axes: [0, -1]) }),
        Case("Extremum", shapes: matrix, apply: { try max($0[0], axis: 1, keepdims: true) }),
        Case("Reshape", shapes: { _ in [[2, 3]] }, apply: { try reshape($0[0], [3, -1]) }),
        Case("Transpose", shapes: { _ in [[2, 3, 4]] }, apply: { try transpose($0[0], axes: [1, 2, 0]) }),
        Case("BroadcastTo", shapes: { _ in [[3, 1]] }, apply: { try broadcastTo($0[0], [2, 3, 2]) }),
        Case("SumTo", shapes: { _ in [[2, 3, 2]] }, apply: { try sumTo($0[0], [3, 1]) }),
        // Any NumPy index: a repeated list (scatter-add), a reversed slice, and a negative
        // integer apart from the list (so the list's axis goes first).
        Case(
            "GetItem", shapes: { r in [[3, 1 + Int(r.next() % 3), 2]] },
            apply: { try getItem($0[0], [.list([2, 0, 2]), .range(start: nil, stop: nil, step: -1), .at(-1)]) }),
        Case(
            "GetItemGrad", shapes: { _ in [[3, 2]] }, apply: { try GetItemGrad([1, 0, 1], inShape: [2, 2])($0[0]) }),
        Case(
            "MatMul", shapes: { r in [[1 + Int(r.next() % 3), 3], [3, 1 + Int(r.next() % 3)]] },
            apply: {
                try matmul($0[0], $0[1])
            }),
        Case("LinearFunction", shapes: { _ in [[4, 3], [3, 2], [2]] }, apply: { try linear($0[0], $0[1], $0[2]) }),
        Case("Softmax", shapes: matrix, apply: { try softmax($0[0]) }),
        Case("LogSoftmax", shapes: matrix, apply: { try logSoftmax($0[0], axis: 1) }),
        Case(
            "SoftmaxCrossEntropy", fixed: { _ in [1: Tensor([0, 3, 1])] }, shapes: { _ in [[3, 4], [3]] },
            apply: {
                try softmaxCrossEntropy($0[0], $0[1])
            }),
        Case(
            "MeanSquaredError", shapes: { r in [[4, 1], r.next() % 2 == 0 ? [4, 1] : [1]] },
            apply: {
                try meanSquaredError($0[0], $0[1])
            }),
    ]

    @Test(arguments: cases)
    func oneFormulaFourWays(_ c: Case) throws {
        var r = SplitMix64(state: UInt64(c.name.unicodeScalars.reduce(7) { $0 &* 31 &+ UInt64($1.value) }))
        for _ in 0..<6 {
            let shapes = c.shapes(&r)
            let fixed = c.fixed(shapes)
            let values = shapes.enumerated().map { i, s in
                fixed[i] ?? r.tensor(s, c.range.lowerBound, c.range.upperBound)
            }
            try check(c, values, fixed: Set(fixed.keys), &r)
        }
    }

    private func check(_ c: Case, _ values: [Tensor], fixed: Set<Int>, _ r: inout SplitMix64) throws {
        let xs = values.map { Variable($0) }
        let y = try c.apply(xs)
        let f = try #require(y.creator)
        #expect(String(describing: type(of: f)) == c.name)
        let gy = r.tensor(y.shape)
        let shapes = "\(c.name) \(values.map { formatShape($0.shape) })"

        // The numbers-only pass, as backward runs it (fast paths included).
        let plainGradients = try f.plainBackward(gy, y)
        let plain = (0..<plainGradients.count).map { plainGradients[$0] }
        // The formula itself on tensors, and recorded on variables.
        let generic = try f.backward(gy, values, y.data)
        let recorded = try Config.with(backprop: true) {
            try f.backward(RecordedGradient(constant: gy), xs.map(RecordedGradient.init), RecordedGradient(y))
                .map(\.value)
        }
        #expect(plain.count == values.count && generic.count == values.count && recorded.count == values.count)
        let locals = f.localGradients()
        #expect(
            (locals != nil) == f.kind.isElementwise, "\(shapes): a local gradient exactly for element-wise functions")

        for i in values.indices where i < plain.count && i < recorded.count && i < generic.count {
            #expect(plain[i] == generic[i], "\(shapes): input \(i), fast path = formula")
            #expect(close(recorded[i], plain[i]), "\(shapes): input \(i), recorded = plain")
            guard !fixed.contains(i) else { continue }
            let numerical = try numericalGradient(
                of: { xi in
                    var inputs = xs
                    inputs[i] = Variable(xi)
                    let out = try Config.withNoGrad { try c.apply(inputs) }
                    return Tensor((try out.data * gy).scalars.reduce(0, +))
                }, at: values[i])
            #expect(close(plain[i], numerical, rel: 1e-5), "\(shapes): input \(i), plain = numerical")
            if let locals, i < locals.count {
                let chained = try (locals[i] * gy).sumTo(values[i].shape)
                #expect(close(chained, plain[i]), "\(shapes): input \(i), local × upstream = plain")
            }
        }
    }

    /// Every function class in Sources/Autodiff/Functions has a case above.
    @Test func everyFunctionIsCovered() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Autodiff/Functions")
        var classes: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(whereSeparator: { " :{".contains($0) })
                guard let k = words.firstIndex(of: "class"), k + 2 < words.count,
                    words[k + 2].hasSuffix("Function")
                else { continue }
                classes.insert(String(words[k + 1]))
            }
        }
        #expect(!classes.isEmpty)
        let missing = classes.subtracting(Self.cases.map(\.name))
        #expect(missing.isEmpty, "functions without a property case: \(missing.sorted())")
    }
}
