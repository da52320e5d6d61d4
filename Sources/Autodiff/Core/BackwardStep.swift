/// What one function did during backward: reported in order so the screens can
/// write out the chain rule for it (upstream × local = downstream).
public struct BackwardStep {
    /// The function whose backward just ran.
    public let function: Function
    /// The gradient arriving from above (∂L/∂y).
    public let upstream: Tensor
    /// The gradient this function passed to each input (∂L/∂xᵢ), already summed to its shape.
    public let inputGrads: [Tensor]
}
