"""Time per training step (forward, backward, update) of the NumPy core, and of
PyTorch on the same nets in the same run when it is importable; then the step
the app and the CLI run (``Trainer.step``), and TensorFlow Playground's own
network code (its src/nn.ts under Node) when given a checkout of it.

    python benchmarks/bench_core.py [--threads N] [--repeat R] [--playground PATH]

Both libraries run on the same number of threads (printed). At the app's sizes
NumPy's cost is the number of calls, not the arithmetic; the core keeps one
flat parameter vector and preallocated buffers so a step is a few dozen calls.

With one thread every figure is the best of R rounds of the process's CPU time,
so other programs on a busy machine do not count (with more threads: wall time).
``--playground PATH`` compiles PATH/src/nn.ts with TypeScript's stock compiler
(``npx -y -p typescript@5 tsc``, fetched from npm on first use) into a temporary
directory and times, under ``node``, what playground.ts does per minibatch:
forwardProp and backProp for each of the B samples, then updateWeights.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--threads", type=int, default=1, help="BLAS / torch threads (default 1)")
parser.add_argument("--repeat", type=int, default=30, help="best of R timing rounds (default 30)")
parser.add_argument("--playground", metavar="PATH",
                    help="a checkout of github.com/tensorflow/playground: time its src/nn.ts under Node too")
args = parser.parse_args()
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)

import numpy as np  # noqa: E402  (after the thread settings)

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from nnviz.core.network import Network  # noqa: E402
from nnviz.core.optimizers import make_optimizer  # noqa: E402
from nnviz.training.trainer import Settings, build  # noqa: E402

CASES = [  # (label, sizes, batch, activation, task)
    ("2-8-8-8-1, B=10 (TF Playground default)", [2, 8, 8, 8, 1], 10, "tanh", "regression"),
    ("2-8-8-8-8-8-8-1, B=10 (6 x 8)", [2, 8, 8, 8, 8, 8, 8, 1], 10, "tanh", "regression"),
    ("784-256-256-10, B=128 (MNIST-sized)", [784, 256, 256, 10], 128, "relu", "multiclass"),
]


#: Trainer.step as the app and `nnviz train` run it: build(Settings(...)), B = 10.
TRAINER_CASES = [  # (label, settings, the bare network row with the same layer sizes)
    ("2-8-8-8-1, xor", Settings(dataset="xor", hidden=(8, 8, 8), batch=10), 0),
    ("2-8-8-8-8-8-8-1, spiral", Settings(dataset="spiral", hidden=(8,) * 6, batch=10), 1),
]

CLOCK = time.process_time if args.threads == 1 else time.perf_counter


def best_time(fn, n, repeat):
    """Best mean seconds per call of fn over `repeat` rounds of n calls."""
    for _ in range(max(10, n // 10)):
        fn()
    best = float("inf")
    for _ in range(repeat):
        t = CLOCK()
        for _ in range(n):
            fn()
        best = min(best, (CLOCK() - t) / n)
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


def trainer_step(settings):
    step = build(settings).step

    def run():
        with np.errstate(all="ignore"):   # as the app's worker and Trainer.run: once, not per step
            for _ in range(100):
                step()
    return run


# What playground.ts's oneStep() does per minibatch of B samples, with its own
# defaults: tanh units, a tanh output, squared error, no regularisation.
PLAYGROUND_HARNESS = r"""
const nn = require(process.argv[2]);
const [n, repeat, B] = process.argv.slice(3, 6).map(Number);
const cpu = process.argv[6] === "cpu";
const clock = () => {
  if (cpu) { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; }
  return Number(process.hrtime.bigint()) / 1e9;
};
for (const shape of process.argv.slice(7).map(s => s.split("-").map(Number))) {
  const inputs = Array.from({length: shape[0]}, (_, i) => "x" + i);
  const net = nn.buildNetwork(shape, nn.Activations.TANH, nn.Activations.TANH, null, inputs, false);
  const points = Array.from({length: 200}, () => ({
    x: inputs.map(() => 12 * Math.random() - 6), label: Math.random() < 0.5 ? -1 : 1}));
  let k = 0;
  const step = () => {
    for (let i = 0; i < B; i++, k = (k + 1) % points.length) {
      nn.forwardProp(net, points[k].x);
      nn.backProp(net, points[k].label, nn.Errors.SQUARE);
    }
    nn.updateWeights(net, 0.03, 0);
  };
  for (let i = 0; i < Math.max(10, n / 10); i++) step();
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t = clock();
    for (let i = 0; i < n; i++) step();
    best = Math.min(best, (clock() - t) / n);
  }
  console.log(best);
}
"""


def compile_playground(path, tmp):
    """Compile ``path``/src/nn.ts into ``tmp`` with a stock TypeScript compiler and write the
    timing harness beside it. Returns the command that runs the harness, or a sentence saying why not."""
    source = os.path.join(path, "src", "nn.ts")
    if not os.path.isfile(source):
        return f"no src/nn.ts in {path} (pass a checkout of github.com/tensorflow/playground)"
    if not (shutil.which("node") and shutil.which("npx")):
        return "needs node and npx (Node.js) on PATH"
    compiled = subprocess.run(["npx", "-y", "-p", "typescript@5", "tsc", "--outDir", tmp, "--module", "commonjs",
                               "--target", "es2017", "--skipLibCheck", source], capture_output=True, text=True)
    if not os.path.isfile(os.path.join(tmp, "nn.js")):
        return "tsc failed: " + (compiled.stdout + compiled.stderr).strip()[-300:]
    harness = os.path.join(tmp, "harness.js")
    with open(harness, "w") as f:
        f.write(PLAYGROUND_HARNESS)
    return ["node", harness, os.path.join(tmp, "nn.js")]


def playground_times(command, shapes, B, n, repeat):
    """Seconds per minibatch step of TF Playground for each layer-size list in ``shapes``
    (best of ``repeat`` rounds of n steps), or a sentence saying why not."""
    clock = "cpu" if CLOCK is time.process_time else "wall"
    run = subprocess.run([*command, str(n), str(repeat), str(B), clock, *("-".join(map(str, s)) for s in shapes)],
                         capture_output=True, text=True)
    if run.returncode:
        return "node failed: " + run.stderr.strip()[-300:]
    return [float(line) for line in run.stdout.split()]


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
    print(f"clock: {'CPU time of this process' if CLOCK is time.process_time else 'wall time'}, "
          f"best of {args.repeat} rounds")
    print("float64 everywhere; one step = forward + backward + plain update\n")
    print(f"{'network':42s} {'nnviz':>10s} {'PyTorch':>10s} {'PyTorch/nnviz':>14s}")
    bare = []
    for label, sizes, B, act, task in CASES:
        n = 1000 if sizes[0] < 100 else 20
        ours = best_time(numpy_step(sizes, B, act, task), n, args.repeat)
        bare.append(ours)
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
    trainer_rows(bare)


def trainer_rows(bare):
    """Trainer.step beside the bare network step and TF Playground's update, timed in turns
    (three times each, the best kept) so that all three see the same load."""
    n, inf = 200, float("inf")
    ours, theirs = [inf] * len(TRAINER_CASES), [inf] * len(TRAINER_CASES)
    bare = list(bare)
    shapes = [CASES[row][1] for _, _, row in TRAINER_CASES]
    with tempfile.TemporaryDirectory() as tmp:
        command = compile_playground(os.path.abspath(os.path.expanduser(args.playground)), tmp) \
            if args.playground else None
        for _ in range(3):
            for k, (_, settings, row) in enumerate(TRAINER_CASES):
                ours[k] = min(ours[k], best_time(trainer_step(settings), n // 100, args.repeat) / 100)
                bare[row] = min(bare[row], best_time(numpy_step(*CASES[row][1:]), n, args.repeat))
            if not isinstance(command, list):
                continue
            times = playground_times(command, shapes, 10, n, args.repeat)
            if isinstance(times, str):
                command = times
            else:
                theirs = [min(a, b) for a, b in zip(theirs, times)]
    if isinstance(command, str):
        print(f"\nTF Playground not timed: {command}")
    print("\nThe step the app and the CLI run: Trainer.step (next minibatch, forward, loss, divergence guard,")
    print("backward, update), build(Settings(...)) with the task's sigmoid output and cross-entropy, B = 10;")
    print("TF Playground: forwardProp + backProp per sample, then updateWeights (tanh output, squared error)\n")
    print(f"{'network':30s} {'Trainer':>10s} {'bare net':>10s} {'TF Playgr.':>10s} {'Trainer/TFP':>12s}")
    for k, (label, _, row) in enumerate(TRAINER_CASES):
        tfp = f"{theirs[k] * 1e6:8.1f}µs {ours[k] / theirs[k]:11.2f}x" if theirs[k] < inf else f"{'-':>10s} {'-':>12s}"
        print(f"{label:30s} {ours[k] * 1e6:8.1f}µs {bare[row] * 1e6:8.1f}µs {tfp}")


if __name__ == "__main__":
    main()
