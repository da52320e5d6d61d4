/// An error from a tensor operation, such as shapes that do not broadcast.
///
/// Every case names the operation and the shapes involved, so that the message
/// can be shown to a student as it is.
public enum AutodiffError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two shapes that do not broadcast against each other.
    case broadcast(op: String, lhs: [Int], rhs: [Int])
    /// A matrix product whose inner dimensions differ.
    case matmul(lhs: [Int], rhs: [Int])
    /// An axis outside `-rank..<rank`.
    case axis(op: String, axis: Int, rank: Int)
    /// A reshape to a shape with another element count.
    case reshape(from: [Int], to: [Int])
    /// A tensor whose element count does not fit its shape.
    case elementCount(shape: [Int], count: Int)
    /// A shape that cannot be reached from another (`sum_to`, `broadcast_to`).
    case shapeTarget(op: String, from: [Int], to: [Int])
    /// Any other misuse, with its message.
    case invalid(op: String, message: String)

    public var description: String {
        switch self {
        case .broadcast(let op, let lhs, let rhs):
            return "\(op): shapes \(formatShape(lhs)) and \(formatShape(rhs)) cannot be broadcast together"
        case .matmul(let lhs, let rhs):
            let inner = lhs.last ?? 1
            let other = rhs.count >= 2 ? rhs[rhs.count - 2] : (rhs.first ?? 1)
            return "matmul: shapes \(formatShape(lhs)) and \(formatShape(rhs)) do not align (\(inner) ≠ \(other))"
        case .axis(let op, let axis, let rank):
            return "\(op): axis \(axis) is out of bounds for a tensor of rank \(rank)"
        case .reshape(let from, let to):
            let n = from.reduce(1, *)
            return
                "reshape: cannot reshape a tensor of shape \(formatShape(from)) (\(n) elements) into \(formatShape(to))"
        case .elementCount(let shape, let count):
            return "tensor: shape \(formatShape(shape)) needs \(shape.reduce(1, *)) elements, got \(count)"
        case .shapeTarget(let op, let from, let to):
            return "\(op): cannot go from shape \(formatShape(from)) to \(formatShape(to))"
        case .invalid(let op, let message):
            return "\(op): \(message)"
        }
    }
}

/// Formats a shape the way NumPy prints it: `()`, `(6,)`, `(2, 3)`.
public func formatShape(_ shape: [Int]) -> String {
    if shape.count == 1 { return "(\(shape[0]),)" }
    return "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
