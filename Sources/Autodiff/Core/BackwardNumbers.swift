extension Variable {
    /// A backward pass for the numbers only (no graph recorded, nothing observed):
    /// the same visits, formulas and sums as the general loop in `backward`.
    ///
    /// Functions and their outputs are reached through unmanaged references. The
    /// output (`self`) holds the whole graph for the pass and nothing here changes
    /// its structure, so counting references to its nodes, most of a scalar graph's
    /// cost, would buy nothing.
    func backwardNumbers(retainGrad: Bool) throws {
        try withExtendedLifetime(self) {
            var queue = FunctionQueue()
            if let c = creator { queue.push(c) }
            while let next = queue.pop() {
                try next._withUnsafeGuaranteedRef { try $0.sendGradients(retainGrad: retainGrad, queue: &queue) }
            }
        }
    }
}

extension Function {
    /// Runs this function's plain backward and passes each input its gradient.
    @inline(__always)
    fileprivate func sendGradients(retainGrad: Bool, queue: inout FunctionQueue) throws {
        guard outputAlive, let output = outputReference else { return }
        try output._withUnsafeGuaranteedRef { y in
            guard let gy = retainGrad ? y.grad : y.grad.take() else { return }
            let grads = try plainBackward(gy.data, y.data)
            try Variable.checkCount(grads.count, self)
            switch grads {
            case .one(let g):
                try slots.x0?.receive(g, queue: &queue)
            case .two(let ga, let gb):
                try slots.x0?.receive(ga, queue: &queue)
                try slots.x1?.receive(gb, queue: &queue)
            case .many(let gs):
                for i in gs.indices { try slots[i].receive(gs[i], queue: &queue) }
            }
        }
    }
}

extension Variable {
    @inline(__always)
    fileprivate func receive(_ g: Tensor, queue: inout FunctionQueue) throws {
        _ = try accumulate(g)
        if let c = creator { queue.push(c) }
    }
}
