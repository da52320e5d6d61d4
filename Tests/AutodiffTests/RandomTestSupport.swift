/// FNV-1a over the little-endian bytes of each value: a fingerprint of every
/// bit of a long array, matched against the same fingerprint computed in
/// Python on NumPy's output (see the reference numbers in each test).
enum Fingerprint {
    static func of(_ values: [Double]) -> UInt64 {
        of(words: values.map(\.bitPattern))
    }

    static func of(_ values: [Int]) -> UInt64 {
        of(words: values.map { UInt64(bitPattern: Int64($0)) })
    }

    private static func of(words: [UInt64]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for word in words {
            for byteIndex in 0..<8 {
                hash ^= (word >> (8 * UInt64(byteIndex))) & 0xFF
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }
}
