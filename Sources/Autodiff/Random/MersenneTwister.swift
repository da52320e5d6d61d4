/// The MT19937 Mersenne Twister as NumPy's legacy `RandomState` runs it:
/// 624 words of state, seeded word by word from one 32-bit integer.
///
/// A value type so that the generator class can keep it behind its lock and
/// tests can copy a state to replay it.
struct MersenneTwister: Equatable, Sendable {
    static let stateLength = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    private(set) var key: [UInt32]
    /// Index of the next word to temper; `stateLength` means "regenerate first".
    private(set) var position: Int

    /// Seeds the state as `np.random.seed(n)` does for an integer `n`
    /// (Matsumoto and Nishimura's `init_genrand`, not `init_by_array`).
    init(seed: UInt32) {
        var key = [UInt32](repeating: 0, count: Self.stateLength)
        var value = seed
        for index in 0..<Self.stateLength {
            key[index] = value
            // The multiplier and the `index + 1` term come from the reference
            // initialisation; arithmetic wraps modulo 2^32 on purpose.
            value = 1_812_433_253 &* (value ^ (value >> 30)) &+ UInt32(index + 1)
        }
        self.key = key
        self.position = Self.stateLength
    }

    /// The next tempered 32-bit output.
    mutating func next32() -> UInt32 {
        if position >= Self.stateLength { regenerate() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Two outputs joined high word first, as NumPy's `mt19937_next64`.
    mutating func next64() -> UInt64 {
        let high = UInt64(next32())
        let low = UInt64(next32())
        return high << 32 | low
    }

    /// A double in [0, 1) with 53 random bits: NumPy's legacy `random_sample`.
    mutating func nextDouble() -> Double {
        let a = Double(next32() >> 5)
        let b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// Refills all 624 words at once (the "twist").
    private mutating func regenerate() {
        let n = Self.stateLength
        let m = Self.shift
        key.withUnsafeMutableBufferPointer { words in
            for i in 0..<n {
                let y = (words[i] & Self.upperMask) | (words[(i + 1) % n] & Self.lowerMask)
                let mixed = (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
                words[i] = words[(i + m) % n] ^ mixed
            }
        }
        position = 0
    }
}
