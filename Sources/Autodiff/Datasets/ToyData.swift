#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inputs `x` and targets `y` of a one-dimensional regression problem, both of
/// shape (n, 1).
public struct RegressionData: Equatable, Sendable {
    /// The inputs, shape (n, 1).
    public let x: Tensor
    /// The noisy targets, shape (n, 1).
    public let y: Tensor

    /// Pairs inputs with targets.
    public init(x: Tensor, y: Tensor) {
        self.x = x
        self.y = y
    }
}

/// The toy regression data of DeZero's steps 42 and 43, drawn exactly as the
/// book's scripts draw it so that training reproduces the book's losses.
///
/// Both leave `generator` where the scripts leave `np.random`, so the weights a
/// script draws next (step 43's `W1` and `W2`) come from the same place in the stream.
public enum ToyData {
    /// How many points each toy set has, as in the book.
    public static let count = 100

    /// Step 42's line: `x = rand(100, 1)`, `y = 5 + 2x + rand(100, 1)`.
    /// - Parameters:
    ///   - seed: the seed given to `np.random.seed` first; `nil` draws from the generator's current state.
    ///   - generator: where to draw from; the shared ``NumPyRandom/global`` by default, like DeZero.
    public static func linear(seed: UInt32? = 0, using generator: NumPyRandom = .global) -> RegressionData {
        if let seed { generator.seed(seed) }
        let x = generator.uniforms(count: count)
        let noise = generator.uniforms(count: count)
        // Same association as NumPy evaluates `5 + 2 * x + noise`: (5 + 2x) + noise.
        let y = zip(x, noise).map { 5 + 2 * $0 + $1 }
        return RegressionData(x: column(x), y: column(y))
    }

    /// Step 43's sine wave: `x = rand(100, 1)`, `y = sin(2πx) + rand(100, 1)`.
    /// - Parameters:
    ///   - seed: the seed given to `np.random.seed` first; `nil` draws from the generator's current state.
    ///   - generator: where to draw from; the shared ``NumPyRandom/global`` by default, like DeZero.
    public static func sine(seed: UInt32? = 0, using generator: NumPyRandom = .global) -> RegressionData {
        if let seed { generator.seed(seed) }
        let x = generator.uniforms(count: count)
        let noise = generator.uniforms(count: count)
        // NumPy forms the Python float 2π first and multiplies x by it.
        let twoPi = 2 * Double.pi
        let y = zip(x, noise).map { sin(twoPi * $0) + $1 }
        return RegressionData(x: column(x), y: column(y))
    }

    private static func column(_ values: [Double]) -> Tensor {
        Tensor(unchecked: [values.count, 1], values)
    }
}
