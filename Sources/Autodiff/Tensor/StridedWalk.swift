/// Walks every index of a shape in row-major order, keeping the flat offset of
/// the same index in two strided operands (a stride of 0 repeats along an axis).
///
/// One odometer for broadcasting, reductions and transposes, so the carry logic
/// is written once.
struct StridedWalk {
    let shape: [Int]
    let stridesA: [Int]
    let stridesB: [Int]

    init(shape: [Int], stridesA: [Int], stridesB: [Int]? = nil) {
        self.shape = shape
        self.stridesA = stridesA
        self.stridesB = stridesB ?? [Int](repeating: 0, count: shape.count)
    }

    /// Calls `body(k, offsetA, offsetB)` for the k-th index in row-major order.
    @inline(__always)
    func visit(_ body: (Int, Int, Int) -> Void) {
        let total = Tensor.elementCount(shape)
        guard total > 0 else { return }
        var index = [Int](repeating: 0, count: shape.count)
        var a = 0
        var b = 0
        for k in 0..<total {
            body(k, a, b)
            var d = shape.count - 1
            while d >= 0 {
                index[d] += 1
                a += stridesA[d]
                b += stridesB[d]
                if index[d] < shape[d] { break }
                a -= stridesA[d] * shape[d]
                b -= stridesB[d] * shape[d]
                index[d] = 0
                d -= 1
            }
        }
    }
}
