/// Integer draws of NumPy's legacy generator: `permutation`, `shuffle` and
/// `randint`, all built on masked rejection so they consume the same raw
/// outputs NumPy does.
extension NumPyRandom {
    /// `np.random.permutation(n)`: `0..<n` shuffled; empty for `n <= 0` (as `arange` gives).
    public func permutation(_ n: Int) -> [Int] {
        var values = Array(0..<Swift.max(0, n))
        shuffle(&values)
        return values
    }

    /// `np.random.shuffle(x)` on a 1-d sequence (or along the first axis when
    /// the elements are rows): Fisher–Yates from the back, each index drawn by
    /// legacy `random_interval`.
    public func shuffle<C: MutableCollection & RandomAccessCollection>(_ collection: inout C) {
        let n = collection.count
        guard n > 1 else { return }
        withTwister { twister in
            for i in stride(from: n - 1, through: 1, by: -1) {
                let j = Int(Self.interval(UInt64(i), &twister))
                let a = collection.index(collection.startIndex, offsetBy: i)
                let b = collection.index(collection.startIndex, offsetBy: j)
                collection.swapAt(a, b)
            }
        }
    }

    /// `np.random.randint(low, high)`: one integer in `low..<high`.
    /// - Throws: ``AutodiffError/invalid(op:message:)`` when `low >= high`.
    public func randint(_ low: Int, _ high: Int) throws -> Int {
        try randint(low, high, count: 1)[0]
    }

    /// `np.random.randint(high)`: one integer in `0..<high`.
    /// - Throws: ``AutodiffError/invalid(op:message:)`` when `high <= 0`.
    public func randint(_ high: Int) throws -> Int {
        try randint(0, high)
    }

    /// `np.random.randint(low, high, size=count)` with NumPy's default int64 dtype.
    /// - Throws: ``AutodiffError/invalid(op:message:)`` when `low >= high` or `count < 0`.
    public func randint(_ low: Int, _ high: Int, count: Int) throws -> [Int] {
        guard low < high else {
            throw AutodiffError.invalid(op: "randint", message: "low >= high (\(low) >= \(high))")
        }
        guard count >= 0 else {
            throw AutodiffError.invalid(op: "randint", message: "negative dimensions are not allowed, got (\(count),)")
        }
        // The span high - 1 - low always fits in 64 unsigned bits, even when the Int subtraction would overflow.
        let span = UInt64(bitPattern: Int64(high - 1)) &- UInt64(bitPattern: Int64(low))
        return withTwister { twister in
            var values = [Int](repeating: low, count: count)
            for index in 0..<count {
                values[index] = low &+ Int(truncatingIfNeeded: Self.bounded(span, &twister))
            }
            return values
        }
    }

    // MARK: - NumPy's bounded draws

    /// The smallest all-ones bit mask that covers `value`.
    static func mask(covering value: UInt64) -> UInt64 {
        var mask = value
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        mask |= mask >> 32
        return mask
    }

    /// Legacy `random_interval(max)`: a value in `0...max`, masking raw draws
    /// and rejecting those above `max`; 32-bit draws while `max` fits in 32 bits.
    static func interval(_ max: UInt64, _ twister: inout MersenneTwister) -> UInt64 {
        if max == 0 { return 0 }
        let mask = mask(covering: max)
        if max <= UInt64(UInt32.max) {
            while true {
                let value = UInt64(twister.next32()) & mask
                if value <= max { return value }
            }
        }
        while true {
            let value = twister.next64() & mask
            if value <= max { return value }
        }
    }

    /// `random_bounded_uint64` with masking, as legacy `randint` uses: like
    /// ``interval(_:_:)`` except that a full 32- or 64-bit span takes one raw draw unmasked.
    static func bounded(_ span: UInt64, _ twister: inout MersenneTwister) -> UInt64 {
        if span == 0 { return 0 }
        if span == UInt64(UInt32.max) { return UInt64(twister.next32()) }
        if span == UInt64.max { return twister.next64() }
        return interval(span, &twister)
    }
}
