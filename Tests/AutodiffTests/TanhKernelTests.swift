import CKernels
import Testing

@testable import Autodiff

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct TanhKernelTests {
    /// Units in the last place between two doubles of the same sign.
    func ulps(_ a: Double, _ b: Double) -> Double {
        a == b ? 0 : abs(a - b) / Swift.max(a.ulp, b.ulp)
    }

    @Test func agreesWithTheCLibraryWithinThreeUlp() {
        var worst = 0.0
        // A sweep over the range where tanh is not yet ±1, densest near 0.
        for i in -40_000...40_000 {
            let x = Double(i) / 2_000
            worst = Swift.max(worst, ulps(Math.tanhKernel(x), tanh(x)))
        }
        for e in -300 ... -1 {
            let x = pow(10, Double(e)) * 1.2345
            worst = Swift.max(worst, ulps(Math.tanhKernel(x), tanh(x)))
            worst = Swift.max(worst, ulps(Math.tanhKernel(-x), tanh(-x)))
        }
        #expect(worst <= 3)
    }

    @Test func edgeValues() {
        #expect(Math.tanhKernel(0) == 0)
        #expect(Math.tanhKernel(-0.0).sign == .minus)
        #expect(Math.tanhKernel(25) == 1)
        #expect(Math.tanhKernel(-25) == -1)
        #expect(Math.tanhKernel(.infinity) == 1)
        #expect(Math.tanhKernel(-.infinity) == -1)
        #expect(Math.tanhKernel(.nan).isNaN)
        #expect(Math.tanhKernel(1e-300) == 1e-300)
    }

    @Test func sigmoidOfLargeInputsSaturates() {
        let s = Tensor([-800, -40, 0, 40, 800]).sigmoidElements()
        #expect(s.scalars == [0, 0, 0.5, 1, 1])
    }
}

/// The sigmoid built for AVX2 / AVX-512 (CKernels) gives, bit for bit, what the
/// Swift loop gives: the losses of steps 43 and 48 depend on it.
@Suite struct WideSigmoidTests {
    static func inputs() -> [Double] {
        var values: [Double] = [
            0, -0.0, 1, -1, 39.9, 40, 40.1, -40.1, 1e300, -1e300, .infinity, -.infinity, .nan,
            .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .ulpOfOne, 1e-300, -1e-300,
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            values.append((unit - 0.5) * 100)
            values.append((unit - 0.5) * 0.01)
        }
        return values
    }

    @Test func matchesTheSwiftKernelBitForBit() throws {
        let x = Self.inputs()
        var wide = [Double](repeating: 0, count: x.count)
        let done = x.withUnsafeBufferPointer { xs in
            wide.withUnsafeMutableBufferPointer { ys in backstep_sigmoid(xs.baseAddress!, ys.baseAddress!, xs.count) }
        }
        // On a CPU without AVX2 the kernel declines and the Swift loop is all there is.
        guard done == 1 else { return }
        for (v, w) in zip(x, wide) {
            let swift = Math.tanhKernel(v * 0.5) * 0.5 + 0.5
            #expect(swift.bitPattern == w.bitPattern || (swift.isNaN && w.isNaN), "σ(\(v)): \(swift) vs \(w)")
        }
    }

    @Test func tensorsTakeEitherPathWithTheSameResult() throws {
        let x = Self.inputs()
        // 64 elements and up go to the wide kernel; fewer run the Swift loop.
        let wide = Tensor(x).sigmoidElements()
        let narrow = x.map { Tensor([$0]).sigmoidElements().scalars[0] }
        for (a, b) in zip(wide.scalars, narrow) { #expect(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)) }
    }
}
