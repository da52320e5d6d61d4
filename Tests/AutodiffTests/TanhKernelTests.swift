import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Autodiff

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
            worst = Swift.max(worst, ulps(Math.tanhKernel(x), Glibc.tanh(x)))
        }
        for e in -300 ... -1 {
            let x = Glibc.pow(10, Double(e)) * 1.2345
            worst = Swift.max(worst, ulps(Math.tanhKernel(x), Glibc.tanh(x)))
            worst = Swift.max(worst, ulps(Math.tanhKernel(-x), Glibc.tanh(-x)))
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
