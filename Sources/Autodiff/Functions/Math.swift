#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C math library under names that this module's variable functions do not shadow.
enum Math {
    static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    static func log(_ x: Double) -> Double { Glibc.log(x) }
    static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
}
