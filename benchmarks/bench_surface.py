"""Time a 201×201 loss slice of a 2-8-8-1 net on 500 samples, for every hidden
activation: batched (nnviz.core.landscape.loss_slice) against net.loss called point
by point, and against the same slice batched in PyTorch (float64) when torch imports.

    python benchmarks/bench_surface.py [--threads N] [--loop-points M] [--repeat R] [--only a,b] [--avx2]

The point-by-point loop is timed on M grid points (default 2000) and extrapolated
to the whole grid; the output says so. Every side uses the same BLAS threads
(PyTorch: torch.set_num_threads(N)). Filter-normalised random directions move every
layer, so no layer is shared. PyTorch gets the same weights, X, D, directions and
grid, the same squared-error loss and mean reduction, its own activation functions
(torch.sigmoid, F.elu, ...) and torch.baddbmm (about twice as fast here as matmul
or einsum); its slice is checked against nnviz's.
"""
import argparse
import os
import sys
import time

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--threads", type=int, default=1, help="BLAS threads (default 1)")
parser.add_argument("--loop-points", type=int, default=2000, help="grid points timed in the loop")
parser.add_argument("--repeat", type=int, default=3, help="best of R rounds (default 3)")
parser.add_argument("--torch-chunk", type=int, default=256,
                    help="grid points per PyTorch pass (default 256)")
parser.add_argument("--only", default="", help="comma-separated activations (default: all nine)")
parser.add_argument("--avx2", action="store_true",
                    help="run as on a CPU without AVX-512: NumPy's and PyTorch's AVX-512 loops off "
                         "(NPY_DISABLE_CPU_FEATURES, ATEN_CPU_CAPABILITY=avx2)")
args = parser.parse_args()
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)
if args.avx2:
    os.environ["NPY_DISABLE_CPU_FEATURES"] = "X86_V4 AVX512_ICL AVX512_SPR"
    os.environ["ATEN_CPU_CAPABILITY"] = "avx2"

import numpy as np  # noqa: E402  (after the thread settings)

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from nnviz.core.activations import ACTIVATIONS  # noqa: E402
from nnviz.core.landscape import directions, loss_slice  # noqa: E402
from nnviz.core.network import Network  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    torch = None

GRID, N, TARGET = 201, 500, 20.0
chosen = [a for a in args.only.split(",") if a] or list(ACTIVATIONS)
unknown = sorted(set(chosen) - set(ACTIVATIONS))
if unknown:
    parser.error(f"unknown activation(s) {', '.join(unknown)}; choose from {', '.join(ACTIVATIONS)}")


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def torch_activation(name):
    """PyTorch's own f(u, α) for nnviz's activation ``name`` (α: PReLU's, per point)."""
    return {"identity": lambda u, a: u,
            "step": lambda u, a: (u >= 0).to(u.dtype),
            "sigmoid": lambda u, a: torch.sigmoid(u),
            "tanh": lambda u, a: torch.tanh(u),
            "arctan": lambda u, a: torch.atan(u),
            "relu": lambda u, a: torch.relu(u),
            "prelu": lambda u, a: torch.where(u >= 0, u, a * u),
            "elu": lambda u, a: F.elu(u),
            "softplus": lambda u, a: F.softplus(u)}[name]


def torch_slice(net, X, D, c, d1, d2, grid):
    """The same slice batched in PyTorch float64: ½‖y − d‖², mean over the samples."""
    assert net.output == "identity" and net.loss_name == "squared" and net.reduction == "mean"
    t = lambda v: torch.from_numpy(np.ascontiguousarray(v))   # noqa: E731
    c, d1, d2, XT, DT = t(c), t(d1), t(d2), t(X.T), t(D.T)
    b_grid, a_grid = torch.meshgrid(t(grid), t(grid), indexing="ij")
    a_flat, b_flat = a_grid.reshape(-1, 1), b_grid.reshape(-1, 1)
    out = torch.empty(len(a_flat), dtype=torch.float64)
    with torch.no_grad():
        for s in range(0, len(a_flat), args.torch_chunk):
            params = c + a_flat[s:s + args.torch_chunk] * d1 + b_flat[s:s + args.torch_chunk] * d2
            g, Z = len(params), XT
            for l in range(2, net.L + 1):
                Wb = params[:, net.block[l]].reshape((g,) + net.Wb[l].shape)
                U = torch.baddbmm(Wb[:, :, -1:], Wb[:, :, :-1], Z.expand(g, -1, -1))   # (g, n_l, N)
                if l == net.L:
                    break
                k = net.alpha_block[l]
                alpha = None if k is None else params[:, k].unsqueeze(-1)
                Z = torch_activation(net.activation_names[l])(U, alpha)
            out[s:s + g] = (0.5 * (U - DT) ** 2).sum(dim=1).mean(dim=1)
    return out.reshape(GRID, GRID).numpy()


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
    line = (f"{act:8s} batched {t_batch:6.3f} s ({t_batch / GRID ** 2 * 1e6:5.1f} µs/point)   "
            f"loop {t_full:6.3f} s ({t_loop / len(idx) * 1e6:5.1f} µs/point)   "
            f"ratio {t_full / t_batch:4.1f}x   max rel. diff {worst:.1e}")
    vs_torch = None
    if torch is not None:
        t_torch, T = best(lambda: torch_slice(net, X, D, c, d1, d2, grid), args.repeat)
        vs_torch = t_batch / t_torch
        line += (f"   | PyTorch {t_torch:6.3f} s   nnviz/PyTorch {vs_torch:4.2f}   "
                 f"max rel. diff {np.max(np.abs(S - T) / np.abs(T)):.1e}")
    print(line, flush=True)
    return t_full / t_batch, vs_torch


print(f"{GRID}x{GRID} slice, 2-8-8-1 net, N = {N}, random filter-normalised directions, "
      f"{args.threads} BLAS thread(s), best of {args.repeat}; the loop is timed on "
      f"{min(args.loop_points, GRID * GRID)} points and extrapolated to {GRID * GRID}")
found = [k for k, on in np._core._multiarray_umath.__cpu_features__.items() if on]
print(f"NumPy {np.__version__}, SIMD up to {'AVX-512' if 'AVX512F' in found else 'AVX2' if 'AVX2' in found else 'SSE'}"
      + (" (AVX-512 off: --avx2)" if args.avx2 else ""))
if torch is None:
    print("PyTorch is not importable: the PyTorch column is skipped")
else:
    torch.set_num_threads(args.threads)
    print(f"PyTorch {torch.__version__}, float64, {torch.get_num_threads()} thread(s), "
          f"{args.torch_chunk} grid points per pass, kernels {torch.backends.cpu.get_cpu_capability()}")
results = {act: case(act) for act in chosen}
if "tanh" in results:
    print(f"target ratio ≥ {TARGET:g}x (tanh): {'met' if results['tanh'][0] >= TARGET else 'NOT met'}")
if torch is not None:
    slower = [act for act, (_, vs) in results.items() if vs > 1.0]
    print("every activation at least as fast as PyTorch: "
          + ("met" if not slower else "NOT met (slower: " + ", ".join(slower) + ")"))
