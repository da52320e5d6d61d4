/// Updates parameters from their gradients, like DeZero's `Optimizer`.
///
/// Parameters without a gradient are skipped. State (momentum, Adam's moments)
/// is kept per parameter object.
public class Optimizer {
    /// Functions run on the parameters before each update (weight decay, clipping).
    public var hooks: [([Parameter]) -> Void] = []

    public init() {}

    /// Updates every parameter of `model` that has a gradient.
    public func update(_ model: Layer) { update(model.params()) }

    /// Updates every parameter in `params` that has a gradient.
    public func update(_ params: [Parameter]) {
        let withGrad = params.filter { $0.grad != nil }
        for hook in hooks { hook(withGrad) }
        willUpdate()
        for p in withGrad {
            if let g = p.grad?.data { updateOne(p, grad: g) }
        }
    }

    func willUpdate() {}
    func updateOne(_ p: Parameter, grad: Tensor) {}

    /// `a - b` for tensors of one shape (a parameter and its update).
    static func minus(_ a: Tensor, _ b: Tensor) -> Tensor {
        (try? a - b) ?? a
    }
}

/// Plain gradient descent: `p -= lr * grad`.
public final class SGD: Optimizer {
    public var lr: Double
    public init(lr: Double = 0.01) { self.lr = lr }
    override func updateOne(_ p: Parameter, grad: Tensor) {
        p.data = Optimizer.minus(p.data, lr * grad)
    }
}

/// Gradient descent with momentum: `v = momentum·v − lr·grad; p += v`.
public final class MomentumSGD: Optimizer {
    public var lr: Double
    public var momentum: Double
    private var velocities: [ObjectIdentifier: Tensor] = [:]
    public init(lr: Double = 0.01, momentum: Double = 0.9) {
        self.lr = lr
        self.momentum = momentum
    }
    override func updateOne(_ p: Parameter, grad: Tensor) {
        let v0 = velocities[ObjectIdentifier(p)] ?? Tensor.full(like: p.data, 0)
        let v = Optimizer.minus(momentum * v0, lr * grad)
        velocities[ObjectIdentifier(p)] = v
        p.data = (try? p.data + v) ?? p.data
    }
}

/// Adam, with the bias correction folded into the learning rate as DeZero does.
public final class Adam: Optimizer {
    public var alpha: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    private var t = 0
    private var moments: [ObjectIdentifier: (m: Tensor, v: Tensor)] = [:]

    public init(alpha: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8) {
        self.alpha = alpha
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
    }

    /// The step size for the current iteration.
    public var lr: Double {
        let fix1 = 1 - Math.pow(beta1, Double(t))
        let fix2 = 1 - Math.pow(beta2, Double(t))
        return alpha * fix2.squareRoot() / fix1
    }

    override func willUpdate() { t += 1 }

    override func updateOne(_ p: Parameter, grad: Tensor) {
        let key = ObjectIdentifier(p)
        var (m, v) = moments[key] ?? (Tensor.full(like: p.data, 0), Tensor.full(like: p.data, 0))
        let (b1, b2, eps, lr) = (beta1, beta2, eps, lr)
        for i in 0..<m.count {
            let g = grad.scalars[i]
            m.scalars[i] += (1 - b1) * (g - m.scalars[i])
            v.scalars[i] += (1 - b2) * (g * g - v.scalars[i])
            p.data.scalars[i] -= lr * m.scalars[i] / (v.scalars[i].squareRoot() + eps)
        }
        moments[key] = (m, v)
    }
}
