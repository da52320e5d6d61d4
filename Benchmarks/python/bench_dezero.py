"""Workloads W1-W6 of issue 2 in DeZero 0.0.13, one JSON line each.

Usage: python3 bench_dezero.py [W1 W2 W3 W4 W4-1M W5 W6]
"""
import math

import common
from common import np, measure, report, chain_repeats

import dezero  # noqa: E402  (after common: it sets np.int and the thread count)
import dezero.functions as F  # noqa: E402
from dezero import Variable, optimizers  # noqa: E402
from dezero.models import MLP  # noqa: E402

IMPL = "dezero"


def w1():
    def run(_):
        for _ in range(common.W1_GRAPHS):
            x, y = Variable(np.array(3.0)), Variable(np.array(-4.0))
            f = (x + F.sigmoid(y)) / (F.sigmoid(x) + (x + y) ** 2)
            f.backward()
        return float(f.data), float(x.grad.data)
    seconds, (f, dfdx) = measure(run)
    report(IMPL, "W1", seconds, common.W1_GRAPHS, f, dfdx=dfdx)


def w2():
    x_data, y_data = common.step42_data()

    def setup():
        return Variable(np.zeros((1, 1))), Variable(np.zeros(1))

    def run(params):
        W, b = params
        x, y, lr = Variable(x_data), Variable(y_data), 0.1
        for _ in range(common.TRAIN_ITERS):
            y_pred = F.matmul(x, W) + b
            loss = F.mean_squared_error(y, y_pred)
            W.cleargrad()
            b.cleargrad()
            loss.backward()
            W.data -= lr * W.grad.data
            b.data -= lr * b.grad.data
        return float(loss.data), float(W.data[0, 0]), float(b.data[0])
    seconds, (loss, w, b) = measure(run, setup)
    report(IMPL, "W2", seconds, common.TRAIN_ITERS, loss, W=w, b=b)


def w3():
    x_data, y_data, w1_data, w2_data = common.step43_data()

    def setup():
        return [Variable(w1_data.copy()), Variable(np.zeros(10)),
                Variable(w2_data.copy()), Variable(np.zeros(1))]

    def run(params):
        W1, b1, W2, b2 = params
        x, y, lr = Variable(x_data), Variable(y_data), 0.2
        for _ in range(common.TRAIN_ITERS):
            y_pred = F.linear(F.sigmoid(F.linear(x, W1, b1)), W2, b2)
            loss = F.mean_squared_error(y, y_pred)
            for p in params:
                p.cleargrad()
            loss.backward()
            for p in params:
                p.data -= lr * p.grad.data
        return float(loss.data)
    seconds, loss = measure(run, setup)
    report(IMPL, "W3", seconds, common.TRAIN_ITERS, loss)


def w4(steps, name):
    def run(_):
        x = Variable(np.array(1.0))
        y = x
        for _ in range(steps):
            y = y * 1.0001 + 0.0001
        y.backward()
        return float(y.data), float(x.grad.data)
    repeats, warmup = chain_repeats(steps)
    seconds, (value, grad) = measure(run, repeats=repeats, warmup=warmup)
    report(IMPL, name, seconds, steps, value, grad=grad)


def w5():
    a, b = common.matmul_operands()

    def run(_):
        for _ in range(common.MATMUL_REPEATS):
            x, w = Variable(a), Variable(b)
            y = F.matmul(x, w)
            y.backward()
        return float(x.grad.data.sum())
    seconds, gsum = measure(run)
    report(IMPL, "W5", seconds, common.MATMUL_REPEATS, None, grad_sum=gsum)


def w6():
    def setup():
        # get_spiral reseeds np.random; training then draws from where it stops.
        return dezero.datasets.get_spiral(train=True)

    def run(data):
        x, t = data
        model = MLP((common.SPIRAL_HIDDEN, 3))
        optimizer = optimizers.SGD(common.SPIRAL_LR).setup(model)
        size = len(x)
        batches = math.ceil(size / common.SPIRAL_BATCH)
        for _ in range(common.SPIRAL_EPOCHS):
            index = np.random.permutation(size)
            total = 0.0
            for i in range(batches):
                part = index[i * common.SPIRAL_BATCH:(i + 1) * common.SPIRAL_BATCH]
                loss = F.softmax_cross_entropy(model(x[part]), t[part])
                model.cleargrads()
                loss.backward()
                optimizer.update()
                total += float(loss.data) * len(part)
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
