"""Workloads W1-W6 of issue 2 in PyTorch (CPU, float64, one thread), one JSON line each.

Data and initial weights come from NumPy's legacy generator exactly as in the
DeZero script, so the final losses can be compared. PyTorch keeps every
parameter in float64, where DeZero keeps its Linear biases in float32 (W6).

Usage: python3 bench_torch.py [W1 W2 W3 W4 W4-1M W5 W6]
Exits with status 3 and a note on stderr when torch is not installed.
"""
import math
import sys

import common
from common import np, measure, report, chain_repeats

try:
    import torch  # noqa: E402
except ImportError:
    print("bench_torch: torch is not installed; PyTorch workloads skipped", file=sys.stderr)
    sys.exit(3)

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
IMPL = "torch"


def tensor(array, grad=False):
    return torch.tensor(np.asarray(array, dtype=np.float64), requires_grad=grad)


def w1():
    def run(_):
        for _ in range(common.W1_GRAPHS):
            x = torch.tensor(3.0, requires_grad=True)
            y = torch.tensor(-4.0, requires_grad=True)
            f = (x + torch.sigmoid(y)) / (torch.sigmoid(x) + (x + y) ** 2)
            f.backward()
        return f.item(), x.grad.item()
    seconds, (f, dfdx) = measure(run)
    report(IMPL, "W1", seconds, common.W1_GRAPHS, f, dfdx=dfdx)


def sgd_step(params, lr):
    """Plain SGD written out: measured faster here than torch.optim.SGD's step
    for parameters this small, so PyTorch is timed at its best."""
    with torch.no_grad():
        for p in params:
            p -= lr * p.grad
            p.grad = None


def sgd_loop(params, lr, iterations, loss_fn):
    for _ in range(iterations):
        loss = loss_fn()
        loss.backward()
        sgd_step(params, lr)
    return loss.item()


def w2():
    x_data, y_data = common.step42_data()
    x, y = tensor(x_data), tensor(y_data)

    def setup():
        return tensor(np.zeros((1, 1)), True), tensor(np.zeros(1), True)

    def run(params):
        W, b = params
        loss = sgd_loop([W, b], 0.1, common.TRAIN_ITERS,
                        lambda: torch.nn.functional.mse_loss(torch.addmm(b, x, W), y, reduction="mean"))
        return loss, W.item(), b.item()
    seconds, (loss, w, b) = measure(run, setup)
    report(IMPL, "W2", seconds, common.TRAIN_ITERS, loss, W=w, b=b)


def w3():
    x_data, y_data, w1_data, w2_data = common.step43_data()
    x, y = tensor(x_data), tensor(y_data)

    def setup():
        return [tensor(w1_data, True), tensor(np.zeros(10), True),
                tensor(w2_data, True), tensor(np.zeros(1), True)]

    def run(params):
        W1, b1, W2, b2 = params

        def loss():
            y_pred = torch.addmm(b2, torch.sigmoid(torch.addmm(b1, x, W1)), W2)
            return torch.nn.functional.mse_loss(y_pred, y, reduction="mean")
        return sgd_loop(params, 0.2, common.TRAIN_ITERS, loss)
    seconds, loss = measure(run, setup)
    report(IMPL, "W3", seconds, common.TRAIN_ITERS, loss)


def w4(steps, name):
    def run(_):
        x = torch.tensor(1.0, requires_grad=True)
        y = x
        for _ in range(steps):
            y = y * 1.0001 + 0.0001
        y.backward()
        return y.item(), x.grad.item()
    repeats, warmup = chain_repeats(steps)
    seconds, (value, grad) = measure(run, repeats=repeats, warmup=warmup)
    report(IMPL, name, seconds, steps, value, grad=grad)


def w5():
    a, b = common.matmul_operands()

    def run(_):
        for _ in range(common.MATMUL_REPEATS):
            x, w = tensor(a, True), tensor(b, True)
            y = x @ w
            y.backward(torch.ones_like(y))
        return x.grad.sum().item()
    seconds, gsum = measure(run)
    report(IMPL, "W5", seconds, common.MATMUL_REPEATS, None, grad_sum=gsum)


def w6():
    def setup():
        points, labels = common.spiral(train=True)
        return tensor(points), torch.tensor(labels, dtype=torch.long)

    def run(data):
        x, t = data
        size = len(x)
        batches = math.ceil(size / common.SPIRAL_BATCH)
        params = None
        for _ in range(common.SPIRAL_EPOCHS):
            index = torch.from_numpy(np.random.permutation(size))
            if params is None:
                # DeZero's Linear layers draw their weights at the first forward,
                # that is after the first epoch's permutation, layer by layer.
                params = [tensor(common.linear_weight(2, common.SPIRAL_HIDDEN), True),
                          tensor(np.zeros(common.SPIRAL_HIDDEN), True),
                          tensor(common.linear_weight(common.SPIRAL_HIDDEN, 3), True),
                          tensor(np.zeros(3), True)]
            W1, b1, W2, b2 = params
            total = 0.0
            for i in range(batches):
                part = index[i * common.SPIRAL_BATCH:(i + 1) * common.SPIRAL_BATCH]
                hidden = torch.sigmoid(torch.addmm(b1, x[part], W1))
                loss = torch.nn.functional.cross_entropy(torch.addmm(b2, hidden, W2), t[part])
                loss.backward()
                sgd_step(params, common.SPIRAL_LR)
                total += loss.item() * len(part)
        return total / size
    seconds, loss = measure(run, setup)
    iterations = common.SPIRAL_EPOCHS * math.ceil(300 / common.SPIRAL_BATCH)
    report(IMPL, "W6", seconds, iterations, loss)


RUNNERS = {
    "W1": w1, "W2": w2, "W3": w3,
    "W4": lambda: w4(common.CHAIN_SHORT, "W4"),
    "W4-1M": lambda: w4(common.CHAIN_LONG, "W4-1M"),
    "W5": w5, "W6": w6,
}

if __name__ == "__main__":
    for name in common.wanted(list(RUNNERS)):
        RUNNERS[name]()
