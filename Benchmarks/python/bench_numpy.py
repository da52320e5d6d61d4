"""Hand-written NumPy baselines with no graph at all, one JSON line each:
W3 (step 43's two-layer net, forward and backward worked out by hand) and
W5 (256x256 matmul forward and backward), on one BLAS thread.

Usage: python3 bench_numpy.py [W3 W5]
"""
import common
from common import np, measure, report

IMPL = "numpy"


def w3():
    x, y, w1_data, w2_data = common.step43_data()
    n, lr = len(x), 0.2

    def setup():
        return [w1_data.copy(), np.zeros(10), w2_data.copy(), np.zeros(1)]

    def run(params):
        W1, b1, W2, b2 = params
        for _ in range(common.TRAIN_ITERS):
            # Forward: the same sigmoid formula as DeZero (via tanh).
            hidden = np.tanh((x @ W1 + b1) * 0.5) * 0.5 + 0.5
            diff = (hidden @ W2 + b2) - y
            loss = (diff ** 2).sum() / n
            # Backward, by the chain rule written out.
            g_out = diff * (2.0 / n)
            g_W2 = hidden.T @ g_out
            g_b2 = g_out.sum(axis=0)
            g_pre = (g_out @ W2.T) * hidden * (1 - hidden)
            g_W1 = x.T @ g_pre
            g_b1 = g_pre.sum(axis=0)
            W1 -= lr * g_W1
            b1 -= lr * g_b1
            W2 -= lr * g_W2
            b2 -= lr * g_b2
        return loss
    seconds, loss = measure(run, setup)
    report(IMPL, "W3", seconds, common.TRAIN_ITERS, loss)


def w5():
    a, b = common.matmul_operands()

    def run(_):
        for _ in range(common.MATMUL_REPEATS):
            y = a @ b
            gy = np.ones_like(y)
            ga = gy @ b.T
            gb = a.T @ gy
        return float(ga.sum()), float(gb.sum())
    seconds, (ga_sum, _) = measure(run)
    report(IMPL, "W5", seconds, common.MATMUL_REPEATS, None, grad_sum=ga_sum)


RUNNERS = {"W3": w3, "W5": w5}

if __name__ == "__main__":
    for name in common.wanted(list(RUNNERS)):
        RUNNERS[name]()
