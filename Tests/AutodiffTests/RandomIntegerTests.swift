import Testing

@testable import Autodiff

/// `permutation`, `shuffle` and `randint` against NumPy 2.4's legacy
/// `RandomState` on the same seeds (exact).
@Suite struct RandomIntegerTests {
    @Test func permutationMatchesNumPy() {
        let rng = NumPyRandom(seed: 0)
        #expect(rng.permutation(10) == [2, 8, 4, 9, 1, 6, 7, 3, 0, 5])
        rng.seed(0)
        let long = rng.permutation(300)
        #expect(Array(long.prefix(12)) == [208, 188, 12, 221, 239, 136, 230, 206, 52, 108, 290, 15])
        #expect(zip(long, 0...).reduce(0) { $0 + $1.0 * $1.1 } == 6_681_567)
        rng.seed(0)
        #expect(Fingerprint.of(rng.permutation(1000)) == 0xBA23_67A4_6D22_AA5D)
    }

    @Test func permutationOfNothing() {
        let rng = NumPyRandom(seed: 0)
        #expect(rng.permutation(0).isEmpty)
        #expect(rng.permutation(-4).isEmpty)
        #expect(rng.permutation(1) == [0])
        // Neither of these drew anything.
        #expect(rng.rand() == 0.5488135039273248)
    }

    @Test func shuffleMatchesNumPyOnAList() {
        let rng = NumPyRandom(seed: 0)
        var values = Array(0..<8)
        rng.shuffle(&values)
        #expect(values == [6, 2, 1, 7, 3, 0, 5, 4])
        rng.seed(0)
        var letters = Array("abcdefgh")
        rng.shuffle(&letters)
        #expect(String(letters) == "gcbhdafe")
    }

    @Test func randintMatchesNumPy() throws {
        let rng = NumPyRandom(seed: 0)
        #expect(try rng.randint(0, 10, count: 10) == [5, 0, 3, 3, 7, 9, 3, 5, 2, 4])
        rng.seed(0)
        #expect(try rng.randint(-3, 1_000_000, count: 5) == [985_769, 305_708, 435_826, 117_949, 963_392])
        rng.seed(0)
        #expect(try rng.randint(0, 1 << 40, count: 3) == [741_280_623_151, 506_137_267_392, 291_447_657_211])
        rng.seed(0)
        #expect(try rng.randint(0, 1 << 32, count: 3) == [2_357_136_044, 2_546_248_239, 3_071_714_933])
        rng.seed(0)
        #expect(try rng.randint(7) == 4)
        #expect(try rng.randint(3, 4) == 3)
        #expect(try rng.randint(0, 100) == 47)
        rng.seed(3)
        #expect(Fingerprint.of(try rng.randint(-50, 77, count: 5000)) == 0xF6FB_9139_70CE_D336)
    }

    @Test func randintRejectsEmptyRanges() {
        let rng = NumPyRandom(seed: 0)
        #expect(throws: AutodiffError.invalid(op: "randint", message: "low >= high (5 >= 5)")) {
            try rng.randint(5, 5)
        }
        #expect(throws: AutodiffError.self) { try rng.randint(0) }
        #expect(throws: AutodiffError.self) { try rng.randint(0, 3, count: -1) }
    }

    @Test func randintAtTheEdgesOfInt() throws {
        let rng = NumPyRandom(seed: 0)
        let wide = try rng.randint(Int.min, Int.max, count: 100)
        #expect(wide.allSatisfy { $0 < Int.max })
        let single = try rng.randint(Int.max - 1, Int.max, count: 3)
        #expect(single == [Int.max - 1, Int.max - 1, Int.max - 1])
    }

    @Test func maskCoversValue() {
        #expect(NumPyRandom.mask(covering: 0) == 0)
        #expect(NumPyRandom.mask(covering: 1) == 1)
        #expect(NumPyRandom.mask(covering: 9) == 15)
        #expect(NumPyRandom.mask(covering: 1 << 40) == (1 << 41) - 1)
    }
}
