import Autodiff
import Testing

/// A small seeded generator so test inputs are random but repeatable.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [lo, hi).
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * Double(next() >> 11) / Double(1 << 53)
    }
    mutating func tensor(_ shape: [Int], _ lo: Double = -2, _ hi: Double = 2) -> Tensor {
        let n = shape.reduce(1, *)
        return (try? Tensor(shape: shape, scalars: (0..<n).map { _ in uniform(lo, hi) })) ?? Tensor(0)
    }
}

/// |a − b| within `rel` of |b| (or of 1 near zero).
func close(_ a: Double, _ b: Double, rel: Double = 1e-12) -> Bool {
    abs(a - b) <= rel * Swift.max(1, abs(b))
}

func close(_ a: Tensor?, _ b: Tensor, rel: Double = 1e-12) -> Bool {
    guard let a, a.shape == b.shape else { return false }
    return zip(a.scalars, b.scalars).allSatisfy { close($0, $1, rel: rel) }
}
