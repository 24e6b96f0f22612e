"""Time a 201×201 loss slice of a 2-8-8-1 net on 500 samples: batched
(nnviz.core.landscape.loss_slice) against net.loss called point by point.

    python benchmarks/bench_surface.py [--threads N] [--loop-points M] [--repeat R]

The point-by-point loop is timed on M grid points (default 2000) and extrapolated
to the whole grid; the output says so. Both sides use the same BLAS threads.
Filter-normalised random directions move every layer, so no layer is shared.
"""
import argparse
import os
import sys
import time

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--threads", type=int, default=1, help="BLAS threads (default 1)")
parser.add_argument("--loop-points", type=int, default=2000, help="grid points timed in the loop")
parser.add_argument("--repeat", type=int, default=3, help="best of R rounds (default 3)")
args = parser.parse_args()
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)

import numpy as np  # noqa: E402  (after the thread settings)

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from nnviz.core.landscape import directions, loss_slice  # noqa: E402
from nnviz.core.network import Network  # noqa: E402

GRID, N, TARGET = 201, 500, 20.0


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def case(act):
    rng = np.random.default_rng(0)
    net = Network([2, 8, 8, 1], act, seed=0)
    X, D = rng.normal(size=(N, 2)), rng.normal(size=(N, 1))
    c = net.params.copy()
    d1, d2 = directions(net, "random", 1)
    grid = np.linspace(-1.0, 1.0, GRID)
    t_batch, S = best(lambda: loss_slice(net, X, D, c, d1, d2, grid, grid), args.repeat)

    idx = np.random.default_rng(1).choice(GRID * GRID, size=min(args.loop_points, GRID * GRID),
                                          replace=False)

    def loop():
        out = np.empty(len(idx))
        for k, flat in enumerate(idx):
            i, j = divmod(flat, GRID)
            net.params[...] = c + grid[j] * d1 + grid[i] * d2
            out[k] = net.loss(X, D)
        net.params[...] = c
        return out

    t_loop, ref = best(loop, args.repeat)
    worst = np.max(np.abs(S.ravel()[idx] - ref) / np.abs(ref))
    t_full = t_loop / len(idx) * GRID * GRID
    ratio = t_full / t_batch
    print(f"{act:8s} batched {t_batch:6.3f} s ({t_batch / GRID ** 2 * 1e6:5.1f} µs/point)   "
          f"loop {t_full:6.3f} s ({t_loop / len(idx) * 1e6:5.1f} µs/point, {len(idx)} points timed, "
          f"extrapolated to {GRID * GRID})   ratio {ratio:4.1f}x   max rel. diff {worst:.1e}")
    return ratio


print(f"{GRID}x{GRID} slice, 2-8-8-1 net, N = {N}, random filter-normalised directions, "
      f"{args.threads} BLAS thread(s), best of {args.repeat}")
ratios = {act: case(act) for act in ("tanh", "relu", "sigmoid")}
print(f"target ratio ≥ {TARGET:g}x (tanh): {'met' if ratios['tanh'] >= TARGET else 'NOT met'}")
