/// Random tensors drawn as NumPy's `np.random.rand` / `randn` draw them.
extension Tensor {
    /// `np.random.rand(*shape)`: uniform on [0, 1), drawn from `generator`
    /// (the shared ``NumPyRandom/global`` by default, as DeZero uses `np.random`).
    /// - Throws: ``AutodiffError/invalid(op:message:)`` for a negative dimension.
    public static func rand(_ shape: [Int], using generator: NumPyRandom = .global) throws -> Tensor {
        Tensor(unchecked: shape, try generator.rand(shape))
    }

    /// `np.random.randn(*shape)`: standard normal, drawn from `generator`.
    /// - Throws: ``AutodiffError/invalid(op:message:)`` for a negative dimension.
    public static func randn(_ shape: [Int], using generator: NumPyRandom = .global) throws -> Tensor {
        Tensor(unchecked: shape, try generator.randn(shape))
    }
}
