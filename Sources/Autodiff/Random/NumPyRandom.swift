#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A random number generator that reproduces NumPy's legacy global generator
/// (`np.random.seed`, `rand`, `randn`, `permutation`, `shuffle`, `randint`)
/// bit for bit, so DeZero's examples give the book's numbers.
///
/// ```swift
/// let rng = NumPyRandom(seed: 0)          // np.random.seed(0)
/// let x = try rng.rand([100, 1])          // np.random.rand(100, 1), row-major
/// ```
///
/// Draws are serialised by a lock, so sharing one generator between threads is
/// safe, but only a single thread sees NumPy's sequence. ``global`` plays the
/// part of `np.random`'s hidden global state.
public final class NumPyRandom: @unchecked Sendable {
    /// The shared generator that DeZero-style code draws from when no generator
    /// is passed, as DeZero draws from `np.random`. It starts as if seeded with 0
    /// (NumPy would start from OS entropy); call ``seed(_:)`` to choose.
    public static let global = NumPyRandom(seed: 0)

    private let lock = GeneratorLock()
    private var twister: MersenneTwister
    /// The second value of the last polar Box–Muller pair, returned by the next
    /// normal draw; cleared by reseeding, as NumPy's `has_gauss` flag is.
    private var cachedGauss: Double?

    /// A generator in the state `np.random.seed(seed)` leaves.
    public init(seed: UInt32 = 0) {
        twister = MersenneTwister(seed: seed)
    }

    /// Reseeds in place, like `np.random.seed(seed)`; also forgets a cached normal.
    public func seed(_ seed: UInt32) {
        lock.withLock {
            twister = MersenneTwister(seed: seed)
            cachedGauss = nil
        }
    }

    /// Checks a seed as NumPy does (it must lie in 0...2³²−1) and returns it.
    /// - Throws: ``AutodiffError/invalid(op:message:)`` for a seed out of range.
    public static func checkedSeed(_ value: Int) throws -> UInt32 {
        guard let seed = UInt32(exactly: value) else {
            throw AutodiffError.invalid(op: "seed", message: "seed must be between 0 and 2**32 - 1, got \(value)")
        }
        return seed
    }

    // MARK: - Raw draws

    /// The next raw 32-bit output of MT19937.
    public func nextUInt32() -> UInt32 {
        lock.withLock { twister.next32() }
    }

    // MARK: - Uniform

    /// One draw from [0, 1): `np.random.rand()` (`random_sample`).
    public func rand() -> Double {
        lock.withLock { twister.nextDouble() }
    }

    /// `np.random.rand(*shape)` as row-major scalars; `[]` gives one value.
    /// - Throws: ``AutodiffError/invalid(op:message:)`` for a negative dimension.
    public func rand(_ shape: [Int]) throws -> [Double] {
        uniforms(count: try Self.elementCount(shape, op: "rand"))
    }

    /// `count` uniform draws in order; a count below one gives none.
    func uniforms(count: Int) -> [Double] {
        lock.withLock {
            var values = [Double](repeating: 0, count: Swift.max(0, count))
            for index in values.indices { values[index] = twister.nextDouble() }
            return values
        }
    }

    // MARK: - Normal

    /// One standard normal draw: `np.random.randn()`.
    public func randn() -> Double {
        lock.withLock { nextGauss() }
    }

    /// `np.random.randn(*shape)` as row-major scalars; `[]` gives one value.
    /// - Throws: ``AutodiffError/invalid(op:message:)`` for a negative dimension.
    public func randn(_ shape: [Int]) throws -> [Double] {
        normals(count: try Self.elementCount(shape, op: "randn"))
    }

    /// `count` standard normal draws in order; a count below one gives none.
    func normals(count: Int) -> [Double] {
        lock.withLock {
            var values = [Double](repeating: 0, count: Swift.max(0, count))
            for index in values.indices { values[index] = nextGauss() }
            return values
        }
    }

    /// NumPy's `legacy_gauss`: the polar method makes two normals from one
    /// accepted point and hands out the second on the following call. Callers hold the lock.
    private func nextGauss() -> Double {
        if let cached = cachedGauss {
            cachedGauss = nil
            return cached
        }
        var x1 = 0.0
        var x2 = 0.0
        var r2 = 0.0
        repeat {
            x1 = 2.0 * twister.nextDouble() - 1.0
            x2 = 2.0 * twister.nextDouble() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = sqrt(-2.0 * log(r2) / r2)
        cachedGauss = f * x1
        return f * x2
    }

    // MARK: - Shared helpers

    /// Runs `body` on the twister under the lock (for the integer draws in other files).
    func withTwister<T>(_ body: (inout MersenneTwister) throws -> T) rethrows -> T {
        try lock.withLock { try body(&twister) }
    }

    /// The element count of `shape`, rejecting negative or overflowing sizes as NumPy does.
    static func elementCount(_ shape: [Int], op: String) throws -> Int {
        var count = 1
        for dimension in shape {
            guard dimension >= 0 else {
                throw AutodiffError.invalid(
                    op: op, message: "negative dimensions are not allowed, got \(formatShape(shape))")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else {
                throw AutodiffError.invalid(op: op, message: "shape \(formatShape(shape)) is too large")
            }
            count = product
        }
        return count
    }
}
