// Element-wise arithmetic on raw tensors (no graph), with broadcasting.

extension Tensor {
    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try a.zipWith(b, op: "add", +) }
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try a.zipWith(b, op: "sub", -) }
    public static func * (a: Tensor, b: Tensor) throws -> Tensor { try a.zipWith(b, op: "mul", *) }
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

extension Tensor {
    /// `self = self + other` for tensors of one shape, element by element in place
    /// (the same sums as `+`, without a new buffer when this one is not shared).
    mutating func addInPlace(_ other: Tensor) {
        other.withElements { b in
            withMutableElements { o in
                for i in 0..<Swift.min(o.count, b.count) { o[i] = o[i] + b[i] }
            }
        }
    }

    /// `self = self + g`, as a gradient sum: in place when the shapes are the
    /// same, broadcast otherwise. A failed sum leaves `self` as it was.
    mutating func accumulate(_ g: Tensor) throws {
        if shape == g.shape { addInPlace(g) } else { self = try self + g }
    }
}
