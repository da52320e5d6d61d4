extension Variable {
    /// A backward pass for the numbers only (no graph recorded, nothing observed):
    /// the same visits, formulas and sums as the general loop in `backward`.
    ///
    /// The gradient of a variable that has a creator and no gradient yet is
    /// gathered in the queue, beside its creator, and given a variable only when
    /// `retainGrad` asks to keep it: DeZero would drop that variable at once. The
    /// output's starting gradient of ones is gathered the same way.
    ///
    /// Functions and their outputs are reached through unmanaged references. The
    /// output (`self`) holds the whole graph for the pass and nothing here changes
    /// its structure, so counting references to its nodes, most of a scalar graph's
    /// cost, would buy nothing.
    func backwardNumbers(retainGrad: Bool) throws {
        try withExtendedLifetime(self) {
            guard let c = creator.map(Unmanaged.passUnretained) else {
                // A leaf's gradient with respect to itself is kept, as in DeZero.
                if grad == nil { grad = Variable(Tensor.full(like: data, 1)) }
                return
            }
            try FunctionQueue.withQueue { queue in
                if grad == nil && !retainGrad {
                    try queue.addGradient(Tensor.full(like: data, 1), to: c)
                } else {
                    if grad == nil { grad = Variable(Tensor.full(like: data, 1)) }
                    queue.push(c)
                }
                while let (next, gy) = queue.pop() {
                    Function.prefetchEarlierNodes(of: next)
                    try next._withUnsafeGuaranteedRef {
                        try $0.sendGradients(gathered: gy, retainGrad: retainGrad, queue: &queue)
                    }
                }
            }
        }
    }
}

extension Function {
    /// Runs this function's plain backward and passes each input its gradient.
    @inline(__always)
    fileprivate func sendGradients(gathered: consuming Tensor?, retainGrad: Bool, queue: inout FunctionQueue) throws {
        guard outputAlive, let output = outputReference else { return }
        try output._withUnsafeGuaranteedRef { y in
            let gy: Tensor
            if let g = gathered.take() {
                if retainGrad { y.grad = Variable(g) }
                gy = g
            } else {
                guard let g = retainGrad ? y.grad : y.grad.take() else { return }
                gy = g.data
            }
            let grads = try plainBackward(gy, y)
            try Variable.checkCount(grads.count, self)
            // Inputs too are reached unretained: this function holds them.
            switch consume grads {
            case .one(let g):
                try slots.x0.map(Unmanaged.passUnretained)?._withUnsafeGuaranteedRef {
                    try $0.receive(g, queue: &queue)
                }
            case .two(let ga, let gb):
                try slots.x0.map(Unmanaged.passUnretained)?._withUnsafeGuaranteedRef {
                    try $0.receive(ga, queue: &queue)
                }
                try slots.x1.map(Unmanaged.passUnretained)?._withUnsafeGuaranteedRef {
                    try $0.receive(gb, queue: &queue)
                }
            case .many(let gs):
                for i in gs.indices { try slots[i].receive(gs[i], queue: &queue) }
            }
        }
    }
}

extension Variable {
    /// Adds `g` to this variable's gradient and queues its creator. A gradient
    /// variable that exists already (kept from an earlier pass, or set by hand)
    /// goes on being summed in place; otherwise an intermediate gradient is
    /// gathered in the queue. Either way every use of one variable in a pass
    /// takes the same route, so the sum is in DeZero's order.
    @inline(__always)
    fileprivate func receive(_ g: consuming Tensor, queue: inout FunctionQueue) throws {
        guard let c = creator.map(Unmanaged.passUnretained) else {
            _ = try accumulate(g)
            return
        }
        if grad == nil {
            try queue.addGradient(g, to: c)
        } else {
            _ = try accumulate(g)
            queue.push(c)
        }
    }
}
