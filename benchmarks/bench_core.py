"""Time per training step (forward, backward, update) of the NumPy core, and of
PyTorch on the same nets in the same run when it is importable.

    python benchmarks/bench_core.py [--threads N] [--repeat R]

Both libraries run on the same number of threads (printed). At the app's sizes
NumPy's cost is the number of calls, not the arithmetic; the core keeps one
flat parameter vector and preallocated buffers so a step is a few dozen calls.
"""
import argparse
import os
import sys
import time

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--threads", type=int, default=1, help="BLAS / torch threads (default 1)")
parser.add_argument("--repeat", type=int, default=5, help="best of R timing rounds (default 5)")
args = parser.parse_args()
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)

import numpy as np  # noqa: E402  (after the thread settings)

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from nnviz.core.network import Network  # noqa: E402
from nnviz.core.optimizers import make_optimizer  # noqa: E402

CASES = [  # (label, sizes, batch, activation, task)
    ("2-8-8-8-1, B=10 (TF Playground default)", [2, 8, 8, 8, 1], 10, "tanh", "regression"),
    ("2-8-8-8-8-8-8-1, B=10 (6 x 8)", [2, 8, 8, 8, 8, 8, 8, 1], 10, "tanh", "regression"),
    ("784-256-256-10, B=128 (MNIST-sized)", [784, 256, 256, 10], 128, "relu", "multiclass"),
]


def best_time(fn, n, repeat):
    """Best mean seconds per call of fn over `repeat` rounds of n calls."""
    for _ in range(max(10, n // 10)):
        fn()
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - t) / n)
    return best


def data(sizes, B, task, rng):
    X = rng.normal(size=(B, sizes[0]))
    D = np.eye(sizes[-1])[rng.integers(0, sizes[-1], B)] if task == "multiclass" else rng.normal(size=(B, 1))
    return X, D


def numpy_step(sizes, B, act, task):
    rng = np.random.default_rng(0)
    net = Network(sizes, act, task=task, seed=0)
    opt = make_optimizer("plain")
    X, D = data(sizes, B, task, rng)

    def step():
        net.forward(X)
        net.backward(D)
        opt.step(net.params, net.grad, 0.01)
    return step


def torch_step(torch, sizes, B, act, task):
    rng = np.random.default_rng(0)
    X, D = data(sizes, B, task, rng)
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]).double())
        if i < len(sizes) - 2:
            layers.append(torch.nn.Tanh() if act == "tanh" else torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    Xt = torch.from_numpy(X)
    if task == "multiclass":
        target, loss_fn = torch.from_numpy(D.argmax(1)), torch.nn.CrossEntropyLoss()
    else:
        target, loss_fn = torch.from_numpy(D), torch.nn.MSELoss()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)

    def step():
        opt.zero_grad(set_to_none=True)
        loss_fn(model(Xt), target).backward()
        opt.step()
    return step


def main():
    try:
        import torch
        torch.set_num_threads(args.threads)
    except ImportError:
        torch = None
    try:
        from threadpoolctl import threadpool_info
        blas = ", ".join(f"{i['internal_api']} {i.get('architecture', '')} ({i['num_threads']} threads)"
                         for i in threadpool_info())
    except ImportError:
        blas = f"{os.environ['OPENBLAS_NUM_THREADS']} threads (install threadpoolctl for details)"
    print(f"NumPy {np.__version__}: {blas}")
    print(f"PyTorch: {f'{torch.__version__}, {torch.get_num_threads()} threads' if torch else 'not installed'}")
    print("float64 everywhere; one step = forward + backward + plain update\n")
    print(f"{'network':42s} {'nnviz':>10s} {'PyTorch':>10s} {'PyTorch/nnviz':>14s}")
    for label, sizes, B, act, task in CASES:
        n = 20000 if sizes[0] < 100 else 200
        ours = best_time(numpy_step(sizes, B, act, task), n, args.repeat)
        theirs = best_time(torch_step(torch, sizes, B, act, task), n // 4, args.repeat) if torch else None
        ratio = f"{theirs / ours:13.1f}x" if theirs else f"{'-':>14s}"
        theirs_s = f"{theirs * 1e6:8.1f}µs" if theirs else f"{'-':>10s}"
        print(f"{label:42s} {ours * 1e6:8.1f}µs {theirs_s} {ratio}")
    # The large net is bound by matrix products: time one of them in both BLAS libraries.
    a, b, out = np.random.rand(128, 785), np.random.rand(256, 785), np.empty((128, 256))
    ours = best_time(lambda: np.matmul(a, b.T, out=out), 200, args.repeat)
    if torch:
        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        theirs = best_time(lambda: ta @ tb.T, 200, args.repeat)
        print(f"{'one gemm (128x785)(785x256), BLAS alone':42s} {ours * 1e6:8.1f}µs {theirs * 1e6:8.1f}µs "
              f"{theirs / ours:13.1f}x")


if __name__ == "__main__":
    main()
