"""Helpers shared by the Python benchmark scripts of Backstep.

Import this module before NumPy or PyTorch: it pins every BLAS and OpenMP pool
to one thread, so all implementations (Backstep, DeZero, PyTorch, NumPy) are
measured on one core.
"""
import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
              "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_name] = "1"

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

# dezero 0.0.13 still refers to np.int, which NumPy 2 removed.
if not hasattr(np, "int"):
    np.int = int

ALL_WORKLOADS = ["W1", "W2", "W3", "W4", "W4-1M", "W5", "W6"]
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))

# Sizes of the workloads, as issue 2 defines them.
W1_GRAPHS = 20_000
TRAIN_ITERS = 10_000
CHAIN_SHORT = 10_000
CHAIN_LONG = 1_000_000
MATMUL_SIZE = 256
MATMUL_REPEATS = 50
SPIRAL_EPOCHS, SPIRAL_BATCH, SPIRAL_HIDDEN, SPIRAL_LR = 300, 30, 10, 1.0


def wanted(available):
    """The workloads named on the command line (all of `available` when none are)."""
    names = sys.argv[1:] or available
    return [name for name in names if name in available]


def measure(run, setup=lambda: None, repeats=None, warmup=True):
    """Times `run(setup())`: one untimed warm-up run, then the fastest of
    `repeats` runs (the same rule as the Swift benchmark). Returns the
    fastest time in seconds and the last run's result."""
    repeats = REPEATS if repeats is None else repeats
    result = None
    if warmup:
        result = run(setup())
    fastest = float("inf")
    for _ in range(max(1, repeats)):
        state = setup()
        start = time.perf_counter()
        result = run(state)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def report(impl, workload, seconds, iterations, final_loss, **extra):
    """Prints one JSON line, with the field names the Swift benchmark uses."""
    line = {"impl": impl, "workload": workload, "seconds": seconds,
            "per_iter_us": seconds / iterations * 1e6,
            "final_loss": None if final_loss is None else float(final_loss)}
    line.update({key: float(value) for key, value in extra.items()})
    print(json.dumps(line), flush=True)


def chain_repeats(steps):
    """The million-step chain runs once, without warm-up: it is slow and large in DeZero."""
    return (1, False) if steps > 100_000 else (max(REPEATS, 5), True)


# ---------------------------------------------------------------------------
# Data, drawn from NumPy's legacy global generator as the book's scripts do.

def step42_data():
    """x and y of step 42 (seed 0)."""
    np.random.seed(0)
    x = np.random.rand(100, 1)
    y = 5 + 2 * x + np.random.rand(100, 1)
    return x, y


def step43_data():
    """x, y and the initial W1, W2 of step 43 (seed 0), in the order the script draws them."""
    np.random.seed(0)
    x = np.random.rand(100, 1)
    y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)
    w1 = 0.01 * np.random.randn(1, 10)
    w2 = 0.01 * np.random.randn(10, 1)
    return x, y, w1, w2


def spiral(train=True):
    """The spiral set of step 48, equal bit for bit to dezero's get_spiral:
    300 float32 points on three arms, then shuffled by one permutation.
    Leaves np.random where get_spiral leaves it."""
    np.random.seed(1984 if train else 2020)
    per_class, classes = 100, 3
    arm = np.repeat(np.arange(classes), per_class)
    rate = np.tile(np.arange(per_class) / per_class, classes)
    jitter = np.random.randn(classes * per_class) * 0.2
    theta = arm * 4.0 + 4.0 * rate + jitter
    points = np.stack([rate * np.sin(theta), rate * np.cos(theta)], axis=1).astype(np.float32)
    order = np.random.permutation(classes * per_class)
    return points[order], arm[order]


def linear_weight(in_size, out_size):
    """A weight drawn as dezero's Linear draws it at its first call: float32
    normals scaled by sqrt(1/in) (the product is float64 under NumPy 2)."""
    return np.random.randn(in_size, out_size).astype(np.float32) * np.sqrt(1 / in_size)


def matmul_operands():
    """Two 256x256 float64 matrices for W5."""
    rng = np.random.RandomState(42)
    return rng.rand(MATMUL_SIZE, MATMUL_SIZE), rng.rand(MATMUL_SIZE, MATMUL_SIZE)
