/// Updates parameters from their gradients, like DeZero's `Optimizer`. A new
/// rule subclasses it and overrides ``updateOne(_:grad:)`` (and
/// ``willUpdate()`` for state kept per round, as Adam counts its steps).
///
/// Parameters without a gradient are skipped. State (momentum, Adam's moments)
/// is kept per parameter object.
open class Optimizer {
    public init() {}

    /// Updates every parameter of `model` that has a gradient.
    /// - Throws: when a gradient's shape is not its parameter's (nothing is updated then).
    public final func update(_ model: Layer) throws { try update(model.params()) }

    /// Updates every parameter in `params` that has a gradient.
    /// - Throws: when a gradient's shape is not its parameter's (nothing is updated then).
    public final func update(_ params: [Parameter]) throws { try update(params, grads: params.map { $0.grad?.data }) }

    /// Updates each parameter in `params` from the gradient beside it in `grads`
    /// (nil: not updated), as ``update(_:)`` does from their `grad`: for a loop
    /// that computes gradients without setting them (``GraphReplay``).
    /// - Throws: when a gradient's shape is not its parameter's (nothing is updated then).
    public final func update(_ params: [Parameter], grads: [Tensor?]) throws {
        // Checked before any update, and without a list of the pairs (a training calls this every iteration).
        for (p, g) in zip(params, grads) {
            guard let g, g.shape != p.data.shape else { continue }
            throw AutodiffError.invalid(
                op: String(describing: type(of: self)),
                message:
                    "a gradient of shape \(formatShape(g.shape)) for \(p.name ?? "a parameter") of shape \(formatShape(p.data.shape))"
            )
        }
        willUpdate()
        for (p, g) in zip(params, grads) {
            if let g { try updateOne(p, grad: g) }
        }
    }

    /// Called once before each round of updates.
    open func willUpdate() {}

    /// Updates `p` from its gradient `grad`, which has `p`'s shape.
    open func updateOne(_ p: Parameter, grad: Tensor) throws {}
}

/// Plain gradient descent: `p -= lr * grad`.
public final class SGD: Optimizer {
    public var lr: Double
    public init(lr: Double = 0.01) { self.lr = lr }
    // In place: per element what `p.data - lr * grad` computes (the shapes are checked equal).
    override public func updateOne(_ p: Parameter, grad: Tensor) throws {
        let lr = self.lr
        grad.withElements { g in
            p.data.withMutableElements { d in
                for i in 0..<Swift.min(d.count, g.count) { d[i] = d[i] - lr * g[i] }
            }
        }
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
    // In place: per element what `v = momentum * v - lr * grad; p.data = p.data + v` computes.
    override public func updateOne(_ p: Parameter, grad: Tensor) throws {
        let (lr, momentum) = (self.lr, self.momentum)
        let key = ObjectIdentifier(p)
        var v = velocities.removeValue(forKey: key) ?? Tensor.full(like: p.data, 0)
        grad.withElements { g in
            v.withMutableElements { pv in
                p.data.withMutableElements { d in
                    for i in 0..<Swift.min(d.count, g.count, pv.count) {
                        pv[i] = momentum * pv[i] - lr * g[i]
                        d[i] = d[i] + pv[i]
                    }
                }
            }
        }
        velocities[key] = v
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

    override public func willUpdate() { t += 1 }

    override public func updateOne(_ p: Parameter, grad: Tensor) throws {
        let key = ObjectIdentifier(p)
        // Taken out while they change, so their buffers are changed in place.
        var (m, v) = moments.removeValue(forKey: key) ?? (Tensor.full(like: p.data, 0), Tensor.full(like: p.data, 0))
        let (b1, b2, eps, lr) = (beta1, beta2, eps, lr)
        grad.withElements { gs in
            m.withMutableElements { pm in
                v.withMutableElements { pv in
                    p.data.withMutableElements { d in
                        for i in 0..<Swift.min(pm.count, gs.count, pv.count, d.count) {
                            let g = gs[i]
                            pm[i] += (1 - b1) * (g - pm[i])
                            pv[i] += (1 - b2) * (g * g - pv[i])
                            d[i] -= lr * pm[i] / (pv[i].squareRoot() + eps)
                        }
                    }
                }
            }
        }
        moments[key] = (m, v)
    }
}
