import Testing

@testable import Autodiff

/// Every expected number here was printed by NumPy 2.4 (`np.random` legacy
/// functions) on the same seeds; equality is exact, bit for bit.
@Suite struct RandomTests {
    @Test func rawOutputsMatchReferenceMT19937() {
        // 5489 is the reference implementation's default seed; 3499211612 its well-known first output.
        let reference = NumPyRandom(seed: 5489)
        #expect((0..<3).map { _ in reference.nextUInt32() } == [3_499_211_612, 581_869_302, 3_890_346_734])
        let zero = NumPyRandom(seed: 0)
        #expect(
            (0..<5).map { _ in zero.nextUInt32() } == [
                2_357_136_044, 2_546_248_239, 3_071_714_933, 3_626_093_760, 2_588_848_963,
            ])
    }

    @Test func seedingIsInitGenrandNotInitByArray() {
        let twister = MersenneTwister(seed: 0)
        #expect(Array(twister.key.prefix(4)) == [0, 1, 1_812_433_255, 1_900_727_105])
        #expect(twister.key.last == 1_796_872_496)
    }

    @Test func randMatchesNumPy() throws {
        let rng = NumPyRandom(seed: 0)
        #expect(
            try rng.rand([5]) == [
                0.5488135039273248, 0.7151893663724195, 0.6027633760716439,
                0.5448831829968969, 0.4236547993389047,
            ])
        rng.seed(4_294_967_295)
        #expect(try rng.rand([3]) == [0.0976320289940138, 0.9123828453026218, 0.78903530185164])
        rng.seed(123_456_789)
        #expect(try rng.rand([1, 3]) == [0.532833024789759, 0.5341366008904166, 0.509553035526467])
    }

    @Test func randAcrossManyRegenerations() throws {
        // 2,000 doubles take 4,000 words: six refills of the 624-word state.
        let rng = NumPyRandom(seed: 42)
        #expect(Fingerprint.of(try rng.rand([2000])) == 0xEE12_29F7_0966_9CFB)
    }

    @Test func scalarDrawsShareTheStream() {
        let rng = NumPyRandom(seed: 0)
        #expect(rng.rand() == 0.5488135039273248)
        #expect(rng.randn() == 0.7415917408091613)
        #expect(rng.randn() == 1.5529137219128164)
    }

    @Test func randnKeepsTheSecondValueAcrossOtherDraws() throws {
        let rng = NumPyRandom(seed: 0)
        #expect(
            try rng.randn([5]) == [
                1.764052345967664, 0.4001572083672233, 0.9787379841057392,
                2.240893199201458, 1.8675579901499675,
            ])
        // An odd count leaves a cached normal; uniform draws in between do not touch it.
        #expect(try rng.rand([2]) == [0.4375872112626925, 0.8917730007820798])
        #expect(try rng.randn([3]) == [-0.977277879876411, -0.10321885179355784, 0.41059850193837233])
    }

    @Test func reseedingForgetsTheCachedNormal() throws {
        let rng = NumPyRandom(seed: 0)
        _ = try rng.randn([1])
        rng.seed(0)
        #expect(try rng.randn([2]) == [1.764052345967664, 0.4001572083672233])
    }

    @Test func randnLongRun() throws {
        let rng = NumPyRandom(seed: 7)
        #expect(Fingerprint.of(try rng.randn([1001])) == 0x742B_6BC7_0123_52BA)
        #expect(rng.randn() == -0.9091182468293486)
    }

    @Test func shapesGiveProductCounts() throws {
        let rng = NumPyRandom(seed: 1)
        #expect(try rng.rand([2, 3, 4]).count == 24)
        #expect(try rng.rand([]).count == 1)
        #expect(try rng.randn([0, 5]).isEmpty)
    }

    @Test func negativeShapeThrows() {
        let rng = NumPyRandom(seed: 1)
        #expect(throws: AutodiffError.invalid(op: "rand", message: "negative dimensions are not allowed, got (2, -1)"))
        {
            try rng.rand([2, -1])
        }
        #expect(throws: AutodiffError.self) { try rng.randn([-3]) }
        #expect(throws: AutodiffError.self) { try rng.rand([Int.max, 4]) }
    }

    @Test func checkedSeedFollowsNumPyRange() throws {
        #expect(try NumPyRandom.checkedSeed(0) == 0)
        #expect(try NumPyRandom.checkedSeed(4_294_967_295) == UInt32.max)
        #expect(throws: AutodiffError.self) { try NumPyRandom.checkedSeed(-1) }
        #expect(throws: AutodiffError.self) { try NumPyRandom.checkedSeed(4_294_967_296) }
    }

    @Test func tensorConveniencesUseTheGivenGenerator() throws {
        let rng = NumPyRandom(seed: 0)
        let x = try Tensor.rand([3, 1], using: rng)
        #expect(x.shape == [3, 1])
        #expect(x.scalars == [0.5488135039273248, 0.7151893663724195, 0.6027633760716439])
        rng.seed(0)
        let z = try Tensor.randn([5], using: rng)
        #expect(z.shape == [5])
        #expect(z.scalars[0] == 1.764052345967664)
        #expect(throws: AutodiffError.self) { try Tensor.rand([-1], using: rng) }
    }
}
