// Element-wise arithmetic on raw tensors (no graph), with broadcasting.

extension Tensor {
    // Disfavoured so that `2 * t` picks the number overload rather than a literal tensor.
    @_disfavoredOverload
    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try a.zipWith(b, op: "add", +) }
    @_disfavoredOverload
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try a.zipWith(b, op: "sub", -) }
    @_disfavoredOverload
    public static func * (a: Tensor, b: Tensor) throws -> Tensor { try a.zipWith(b, op: "mul", *) }
    @_disfavoredOverload
    public static func / (a: Tensor, b: Tensor) throws -> Tensor { try a.zipWith(b, op: "div", /) }
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    public static func + (a: Tensor, b: Double) -> Tensor { a.map { $0 + b } }
    public static func - (a: Tensor, b: Double) -> Tensor { a.map { $0 - b } }
    public static func * (a: Tensor, b: Double) -> Tensor { a.map { $0 * b } }
    public static func / (a: Tensor, b: Double) -> Tensor { a.map { $0 / b } }
    public static func + (a: Double, b: Tensor) -> Tensor { b.map { a + $0 } }
    public static func - (a: Double, b: Tensor) -> Tensor { b.map { a - $0 } }
    public static func * (a: Double, b: Tensor) -> Tensor { b.map { a * $0 } }
    public static func / (a: Double, b: Tensor) -> Tensor { b.map { a / $0 } }
}
