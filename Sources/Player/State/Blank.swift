import Autodiff
import Lessons

/// One number of a frame the student predicts in predict mode: a node's value
/// going forward, the gradient a function sends an input going back, or the
/// running total where that gradient is added (`+=`).
public struct Blank: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The output of a forward function.
        case value
        /// upstream × local: the share one input receives.
        case share
        /// The input's gradient after `+=`: previous + share.
        case total
    }

    public let kind: Kind
    public let node: Int
    public let answer: Double
    /// Forward: the inputs' values. Backward: the upstream gradient (one element).
    let inputs: [Double]
    let upstream: Double?
    /// The local derivative of this input, when the function is element-wise.
    let local: Double?
    /// The local derivatives of the function's other inputs (a product of the wrong pair uses one).
    let otherLocals: [Double]
    /// The gradient the input had before this share (for a total).
    let previous: Double?
    /// This frame's share (for a total).
    let share: Double?

    /// The numbers of `frame` a student predicts: scalars only (a tensor is worked).
    static func blanks(of frame: Frame) -> [Blank] {
        switch frame {
        case .forward(let f):
            guard let out = f.output.value.scalar, f.output.value.rank == 0 else { return [] }
            return [
                Blank(
                    kind: .value, node: f.output.node, answer: out, inputs: f.inputs.compactMap { $0.value.scalar },
                    upstream: nil, local: nil, otherLocals: [], previous: nil, share: nil)
            ]
        case .backward(let b):
            guard b.upstream.rank == 0, let upstream = b.upstream.scalar else { return [] }
            var result: [Blank] = []
            let locals = b.inputs.map { $0.local?.rank == 0 ? $0.local?.scalar : nil }
            for (i, input) in b.inputs.enumerated() where input.receivesGradient {
                guard input.gradient.rank == 0, let share = input.gradient.scalar else { continue }
                let others = locals.enumerated().compactMap { j, l in j == i ? nil : l }
                result.append(
                    Blank(
                        kind: .share, node: input.node, answer: share, inputs: [], upstream: upstream, local: locals[i],
                        otherLocals: others, previous: nil, share: nil))
                if input.accumulated, let previous = input.previous?.scalar, let total = input.total.scalar {
                    result.append(
                        Blank(
                            kind: .total, node: input.node, answer: total, inputs: [], upstream: upstream,
                            local: locals[i], otherLocals: others, previous: previous, share: share))
                }
            }
            return result
        default:
            return []
        }
    }

    /// Whether `typed` is this number as the screen shows it: to four significant
    /// digits, or correctly rounded when the student wrote at least two decimals.
    func accepts(_ typed: Double, decimals: Int?) -> Bool {
        Self.close(typed, answer, decimals: decimals)
    }

    static func close(_ typed: Double, _ answer: Double, decimals: Int?) -> Bool {
        guard typed.isFinite else { return false }
        let error = abs(typed - answer)
        if error <= 1e-9 + Swift.max(abs(answer), 1) * 1e-4 { return true }
        if let d = decimals, d >= 2, d <= 12 {
            var unit = 1.0
            for _ in 0..<d { unit /= 10 }
            return error <= unit / 2 + 1e-12
        }
        return false
    }

    /// Decimals written after the point of a plain number (`0.51` → 2); nil for an expression.
    static func decimals(_ typed: String) -> Int? {
        var text = Substring(typed.filter { $0 != " " })
        if let first = text.first, "-−+".contains(first) { text = text.dropFirst() }
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }) else { return nil }
        guard let point = text.firstIndex(where: { $0 == "." || $0 == "," }) else { return 0 }
        return text.distance(from: point, to: text.endIndex) - 1
    }
}
