"""The graph-language extension (docs/graph-language.md, December 2026) run
through DeZero 0.0.13 in float64, for Tests/LessonsTests/DeZeroExtensionTests.

Each case is a program of Tests/Reference/extension/*.graph or *.md written as
DeZero code; the script prints one JSON document: case -> {name: {"value",
"grad"}} and, for trainings, "losses"/"epoch_losses"/"params". The test runs
this script when dezero can be imported and compares with the recorded
dezero-extension.json otherwise (rerun: python3 dezero_extension.py > dezero-extension.json).
"""
import json
import math
import sys

import numpy as np

if not hasattr(np, "int"):  # dezero 0.0.13 still refers to np.int
    np.int = int

import dezero  # noqa: E402
import dezero.functions as F  # noqa: E402
from dezero import Variable, optimizers  # noqa: E402
from dezero.models import MLP  # noqa: E402
import dezero.layers as L  # noqa: E402


def float64(*layers):
    """DeZero's Linear keeps b as float32, and SGD's in-place update rounds it to
    float32 each time; the float64 version of the same numbers keeps b float64
    (W is already float64 under NumPy 2: float32 draws times a float64 scale)."""
    for layer in layers:
        if layer.b is not None:
            layer.b.data = layer.b.data.astype(np.float64)


def out(v):
    a = np.asarray(v.data if isinstance(v, Variable) else v, dtype=np.float64)
    return a.tolist()


def report(named):
    return {k: {"value": out(v), "grad": None if v.grad is None else out(v.grad)} for k, v in named.items()}


def indexing():
    x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    a = x[1]
    b = x[:, 0]
    c = x[[0, 0, 1], [2, 2, 0]]
    d = x[::-1, 1:]
    e = F.get_item(x, np.array([1, 1]))
    g = x[0, [2, 0, 2]]
    f = F.sum(a) + F.sum(b * b) + F.sum(c * c) + F.sum(d ** 3) + F.sum(e * 2) + F.sum(g * x[1, 1])
    f.backward(retain_grad=True)
    return report(dict(x=x, a=a, b=b, c=c, d=d, e=e, g=g, f=f))


def classify():
    x, t = dezero.datasets.get_spiral(train=True)
    M = MLP((10, 3))
    y = M(x)
    float64(M.l0, M.l1)
    p = F.log_softmax(y)
    q = p[np.arange(300), t]
    s = F.softmax(y)
    loss = -F.sum(q) / 300 + F.softmax_cross_entropy(y, t) * 0.5 + F.sum(s[:5, 1])
    acc = F.accuracy(y, t)
    loss.backward(retain_grad=True)
    named = {"M.l0.W": M.l0.W, "M.l0.b": M.l0.b, "M.l1.W": M.l1.W, "M.l1.b": M.l1.b,
             "y": y, "p": p, "q": q, "s": s, "loss": loss}
    result = report(named)
    result["acc"] = {"value": float(acc.data), "grad": None}
    result["a"] = {"value": out(np.argmax(y.data, axis=1)), "grad": None}
    return result


def layers():
    np.random.seed(0)
    x = Variable(np.random.rand(4, 3))
    L1 = L.Linear(5)
    L2 = L.Linear(2, nobias=True, in_size=5)
    h = F.tanh(L1(x))
    float64(L1)
    y = L2(h)
    loss = F.sum(y * y)
    loss.backward(retain_grad=True)
    return report({"x": x, "L1.W": L1.W, "L1.b": L1.b, "L2.W": L2.W, "h": h, "y": y, "loss": loss})


def step48(epochs=300, batch_size=30, lr=1.0):
    """DeZero's step 48 in float64: each epoch's loss (and the loss of every update)."""
    x, t = dezero.datasets.get_spiral(train=True)
    model = MLP((10, 3))
    optimizer = optimizers.SGD(lr).setup(model)
    size = len(x)
    batches = math.ceil(size / batch_size)
    losses, epoch_losses, accs = [], [], []
    for epoch in range(epochs):
        index = np.random.permutation(size)
        total, acc_total = 0.0, 0.0
        for i in range(batches):
            part = index[i * batch_size:(i + 1) * batch_size]
            y = model(x[part])
            if epoch == 0 and i == 0:
                float64(model.l0, model.l1)
            loss = F.softmax_cross_entropy(y, t[part])
            acc = F.accuracy(y, t[part])
            model.cleargrads()
            loss.backward()
            optimizer.update()
            losses.append(float(loss.data))
            total += float(loss.data) * len(part)
            acc_total += float(acc.data) * len(part)
        epoch_losses.append(total / size)
        accs.append(acc_total / size)
    test_x, test_t = dezero.datasets.get_spiral(train=False)
    with dezero.no_grad():
        test_acc = float(F.accuracy(model(test_x), test_t).data)
    params = {"M.l0.W": out(model.l0.W), "M.l0.b": out(model.l0.b),
              "M.l1.W": out(model.l1.W), "M.l1.b": out(model.l1.b)}
    return {"losses": losses, "epoch_losses": epoch_losses, "accuracy": accs, "params": params,
            "test_accuracy": test_acc}


def higher_order():
    """gx = grad(y, x): step 33's create_graph backward, then backward from gx
    after x.cleargrad(), as the lesson's @backward clears the first gradient."""
    x = Variable(np.array(2.0))
    y = x ** 4 - 2 * x ** 2
    y.backward(create_graph=True)
    gx = x.grad
    x.cleargrad()
    gx.backward(retain_grad=True)
    return report(dict(x=x, y=y, gx=gx))


def higher_order_tanh():
    """grad() through tanh (whose backward writes 1 - y * y) and a second input,
    twice: gxx = grad(gx, x) is the third derivative's graph."""
    x = Variable(np.array(0.5))
    w = Variable(np.array(-1.5))
    y = F.tanh(x * w) + x ** 3
    y.backward(create_graph=True)
    gx = x.grad
    x.cleargrad()
    w.cleargrad()
    gx.backward(create_graph=True)
    gxx = x.grad
    x.cleargrad()
    w.cleargrad()
    gxx.backward(retain_grad=True)
    # gx took no gradient in the last backward: it does not lead to gxx's value.
    return report(dict(x=x, w=w, y=y, gx=gx, gxx=gxx))


if __name__ == "__main__":
    cases = {"indexing": indexing(), "classify": classify(), "layers": layers(), "step48": step48(),
             "higher_order": higher_order(), "higher_order_tanh": higher_order_tanh()}
    json.dump(cases, sys.stdout, indent=None)
    print()
