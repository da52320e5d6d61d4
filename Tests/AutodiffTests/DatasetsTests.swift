import Testing

@testable import Autodiff

/// The toy data against what NumPy 2.4 and dezero 0.0.13 produce for the same
/// seeds: fingerprints cover every bit of every element (see `Fingerprint`),
/// single values make a failure readable.
@Suite struct DatasetsTests {
    @Test func step42LineMatchesNumPy() {
        let rng = NumPyRandom(seed: 99)
        let data = ToyData.linear(using: rng)
        #expect(data.x.shape == [100, 1])
        #expect(data.y.shape == [100, 1])
        #expect(data.x.scalars[0] == 0.5488135039273248)
        #expect(data.y.scalars[0] == 6.77544354465088)
        #expect(data.x.scalars[99] == 0.004695476192547066)
        #expect(data.y.scalars[99] == 5.443807577943215)
        #expect(Fingerprint.of(data.x.scalars) == 0x3C47_FAEE_5D64_A9B9)
        #expect(Fingerprint.of(data.y.scalars) == 0x2102_52D3_95FC_B7D3)
        // The generator is left where the script leaves np.random.
        #expect(rng.rand() == 0.3117958819941026)
    }

    @Test func step43SineMatchesNumPy() throws {
        let rng = NumPyRandom(seed: 99)
        let data = ToyData.sine(using: rng)
        #expect(data.x.shape == [100, 1])
        #expect(data.y.scalars[0] == 0.3758981660305391)
        #expect(data.y.scalars[99] == 0.46391489293006294)
        #expect(Fingerprint.of(data.x.scalars) == 0x3C47_FAEE_5D64_A9B9)
        #expect(Fingerprint.of(data.y.scalars) == 0xB2CF_D1A9_2D48_0A1D)
        // Step 43 draws W1 = 0.01 · randn(1, 10) next; the stream continues from there.
        _ = try rng.randn([1, 10])
        #expect(rng.randn() == -1.0002153473895647)
    }

    @Test func seedNilContinuesTheStream() {
        let rng = NumPyRandom(seed: 0)
        let data = ToyData.linear(seed: nil, using: rng)
        #expect(data.x.scalars[0] == 0.5488135039273248)
    }

    @Test func spiralTrainMatchesDeZero() {
        let rng = NumPyRandom(seed: 5)
        let data = getSpiral(train: true, using: rng)
        #expect(data.x.shape == [300, 2])
        #expect(data.labels.count == 300)
        #expect(Array(data.x.scalars.prefix(2)) == [-0.1398138850927353, -0.007216573692858219])
        #expect(Array(data.x.scalars.suffix(2)) == [0.025064952671527863, 0.07597202062606812])
        #expect(Array(data.labels.prefix(10)) == [1, 1, 2, 0, 1, 2, 0, 0, 1, 2])
        #expect(Fingerprint.of(data.x.scalars) == 0xFC64_358E_1AF6_1645)
        #expect(Fingerprint.of(data.labels) == 0xC7A4_C4D2_742C_5B45)
        // Step 48 goes on drawing from the state get_spiral leaves.
        #expect(rng.rand() == 0.8646111339647672)
    }

    @Test func spiralTestMatchesDeZero() {
        let rng = NumPyRandom(seed: 5)
        let data = getSpiral(train: false, using: rng)
        #expect(Array(data.x.scalars.prefix(2)) == [0.13246452808380127, 0.13620993494987488])
        #expect(Array(data.x.scalars.suffix(2)) == [-0.16662900149822235, 0.03368643671274185])
        #expect(Array(data.labels.prefix(10)) == [0, 1, 0, 1, 2, 2, 1, 2, 2, 0])
        #expect(Fingerprint.of(data.x.scalars) == 0x8A5C_84BE_F280_757F)
        #expect(Fingerprint.of(data.labels) == 0xA79F_0FE5_3495_7505)
        #expect(rng.rand() == 0.4325824939257069)
    }

    @Test func spiralLabelsAsTensor() {
        let data = getSpiral(train: true, using: NumPyRandom())
        #expect(data.t.shape == [300])
        #expect(data.t.scalars == data.labels.map(Double.init))
        // 100 points per class, every coordinate a float32 value.
        #expect((0..<3).map { c in data.labels.filter { $0 == c }.count } == [100, 100, 100])
        #expect(data.x.scalars.allSatisfy { Double(Float($0)) == $0 })
    }
}
