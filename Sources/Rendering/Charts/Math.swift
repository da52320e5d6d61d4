#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The libm functions the charts need, so other files stay free of platform imports.
enum ChartMath {
    static func log10(_ x: Double) -> Double { libmLog10(x) }

    /// 10 raised to `k`.
    static func pow10(_ k: Double) -> Double { libmPow(10, k) }
}

private func libmLog10(_ x: Double) -> Double { log10(x) }
private func libmPow(_ a: Double, _ b: Double) -> Double { pow(a, b) }
