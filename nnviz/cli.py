"""The ``nnviz`` command. Without a subcommand it opens the app; ``train`` runs headless.

Headless subcommands never import Qt, but ``record``, which drives the window offscreen. A user's mistake (a bad flag, a bad file,
a diverging learning rate) ends with one line on stderr and exit status 2,
never a traceback.
"""
from __future__ import annotations

import argparse
import re
import sys
import time

from . import __version__

EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake of the user's: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not argparse's usage block
        raise UsageError(message)


def _batch(text):
    if text == "full":
        return 0
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected 'full' or a whole number ≥ 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"batch size must be ≥ 1 (or 'full'), got {value}")
    return value


def _int_in(lo, hi=None):
    """An argparse type: a whole number from ``lo`` to ``hi`` (None: no upper limit)."""
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < lo or (hi is not None and value > hi):
            span = f"from {lo:,} to {hi:,}" if hi is not None else f"≥ {lo:,}"
            raise argparse.ArgumentTypeError(f"expected a whole number {span}, got {text!r}")
        return value
    return parse


def _names(text):
    return tuple(t.strip() for t in text.split(",") if t.strip())


def _targets(text):
    """'y' → 'y', 'y1,y2' → ('y1', 'y2'): several target columns are a multi-output regression."""
    names = _names(text)
    return names[0] if len(names) == 1 else names or None


def add_training_flags(p):
    """The flags that describe a training run: one per GUI setting."""
    from .core.activations import ACTIVATIONS, OUTPUT_ACTIVATIONS
    from .core.datasets import DATASETS, FEATURES, MAX_CLASSES, MAX_NOISE, MAX_SAMPLES
    from .core.losses import LOSSES, TASKS
    from .core.network import INIT_SCHEMES, MAX_CELLS, MAX_HIDDEN_LAYERS, MAX_UNITS
    from .core.optimizers import OPTIMIZERS, SCHEDULES
    from .training.scenes import load_scenes
    p.add_argument("--preset", choices=[s.key for s in load_scenes()],
                   help="start from one of the lecture's scenes; other flags override it")
    d = p.add_argument_group("data")
    src = d.add_mutually_exclusive_group()
    src.add_argument("--dataset", default="xor", choices=list(DATASETS), help="generated data set (default xor)")
    src.add_argument("--data", metavar="FILE.csv", help="CSV file with a header row")
    d.add_argument("--target", type=_targets, metavar="COL[,COL]",
                   help="target column of the CSV (default: the last); several make a multi-output regression")
    d.add_argument("--inputs", type=_names, default=(), metavar="COL,COL",
                   help="input columns of the CSV (default: all but the target)")
    _add_csv_flags(d)
    d.add_argument("--samples", type=_int_in(2, MAX_SAMPLES), default=200,
                   help=f"samples generated, 2 to {MAX_SAMPLES:,} (default 200)")
    d.add_argument("--noise", type=float, default=0.1,
                   help=f"noise of the generated data, 0 to {MAX_NOISE:g} (default 0.1)")
    d.add_argument("--test-ratio", type=float, default=0.5, help="share held out for testing (default 0.5)")
    d.add_argument("--classes", type=_int_in(2, MAX_CLASSES), default=3,
                   help=f"K for blobs and spiral_k, 2 to {MAX_CLASSES} (default 3)")
    d.add_argument("--data-seed", type=_int_in(0), default=0, help="seed of the generated data and split")
    d.add_argument("--features", type=_names, default=(), metavar="F,F",
                   help=f"input features φ(x) of 2-D data: {', '.join(FEATURES)} (default: x1,x2 as they are)")
    d.add_argument("--standardize", action="store_true", help="inputs to zero mean and unit variance")
    n = p.add_argument_group("network")
    n.add_argument("--task", choices=list(TASKS), help="regression | binary | multiclass (default: the data's)")
    n.add_argument("--layers", metavar="N,N,..",
                   help=f"layer sizes, input first, output last (default in,4,4,out); at most "
                   f"{MAX_HIDDEN_LAYERS} hidden layers of at most {MAX_UNITS:,} units, and samples × "
                   f"all units ≤ {MAX_CELLS:,}")
    n.add_argument("--activation", type=_names, default=("tanh",), metavar="NAME[,NAME]",
                   help=f"hidden activation(s), one or one per hidden layer: {', '.join(ACTIVATIONS)}")
    n.add_argument("--output-activation", choices=list(OUTPUT_ACTIVATIONS),
                   help="override the task's output activation")
    n.add_argument("--loss", choices=list(LOSSES), help="override the task's loss")
    n.add_argument("--elu-alpha", type=float, default=1.0, help="ELU's α, 0 to 100 (default 1)")
    init = n.add_mutually_exclusive_group()
    init.add_argument("--init", metavar="FILE", help="start from the weights in FILE (.npz, .json or .onnx)")
    init.add_argument("--init-scheme", default="xavier", choices=list(INIT_SCHEMES), help="initialisation")
    n.add_argument("--seed", type=_int_in(0), default=0, help="seed of the initial weights and the shuffling")
    t = p.add_argument_group("training")
    t.add_argument("--batch", type=_batch, default=10, metavar="full|N", help="B: 'full' = GD, 1 = SGD (default 10)")
    t.add_argument("--lr", type=float, default=0.03, help="learning rate ε (default 0.03)")
    t.add_argument("--momentum", type=float, default=0.0, help="momentum μ in [0, 1) (0 = plain gradient descent)")
    t.add_argument("--optimizer", choices=list(OPTIMIZERS), help="update rule (default plain, or momentum when μ > 0)")
    t.add_argument("--reduction", choices=("mean", "sum"), default="mean", help="mean or sum (the slides) over a batch")
    t.add_argument("--l1", type=float, default=0.0, help="L1 penalty λ₁ on the weights")
    t.add_argument("--l2", type=float, default=0.0, help="L2 penalty λ₂ on the weights")
    t.add_argument("--schedule", choices=list(SCHEDULES), default="constant", help="learning-rate schedule")
    t.add_argument("--gamma", type=float, default=0.5, help="decay factor γ of the schedule, in (0, 1] (default 0.5)")
    t.add_argument("--every", type=_int_in(1), default=10, help="epochs per decay of the schedule, ≥ 1 (default 10)")


def _add_csv_flags(p):
    """--encoding and --decimal: how a CSV file's text is read (train, compare, predict)."""
    from .core.csv_text import DECIMALS, ENCODINGS
    p.add_argument("--encoding", choices=ENCODINGS, default="auto",
                   help="text encoding of the CSV (default auto: a BOM, else UTF-8, else CP932/Shift_JIS)")
    p.add_argument("--decimal", choices=DECIMALS, default="auto",
                   help="decimal mark of its numbers: comma reads 1,5 as 1.5 (default auto: comma only in a "
                   "';' or tab file without any 1.5)")


def settings_from_args(a):
    """Settings (and the initial weights file's content, if any) for parsed flags."""
    from .core.network import check_sizes, parse_layers
    from .core.weights_io import read_weights
    from .training.trainer import Settings
    s = Settings(dataset=a.dataset, data_file=a.data, target=a.target, inputs=a.inputs,
                 encoding=a.encoding, decimal=a.decimal, samples=a.samples, noise=a.noise,
                 test_ratio=a.test_ratio, classes=a.classes, data_seed=a.data_seed, features=a.features,
                 standardize=a.standardize, task=a.task, activations=a.activation,
                 output=a.output_activation, loss=a.loss, elu_alpha=a.elu_alpha, init=a.init_scheme,
                 seed=a.seed, batch=a.batch, eps=a.lr, mu=a.momentum, optimizer=a.optimizer,
                 reduction=a.reduction, l1=a.l1, l2=a.l2, schedule=a.schedule, gamma=a.gamma, every=a.every)
    if a.preset:
        s = _with_preset(s, a)
    if a.target and not a.data:
        raise UsageError("--target needs --data FILE.csv")
    flag = next((f for f in ("encoding", "decimal") if getattr(a, f) != "auto"), None)
    if flag and not a.data:
        raise UsageError(f"--{flag} needs --data FILE.csv")
    init = read_weights(a.init) if a.init else None
    if a.layers:
        sizes = parse_layers(a.layers)
        if len(sizes) < 2:
            raise UsageError(f"--layers needs at least an input and an output size, got {a.layers!r}")
        check_sizes(sizes, 0)                          # the layers alone, before any data or network
        s = s.replace(hidden=tuple(sizes[1:-1]))
    elif init:
        meta = init[0]
        sizes = meta["sizes"]
        s = s.replace(hidden=tuple(sizes[1:-1]), activations=tuple(meta["activations"]) or ("tanh",),
                      output=meta["output"], loss=meta["loss"], elu_alpha=meta["elu_alpha"])
    else:
        sizes = None
    return s, sizes, init


def trainer_from_args(a):
    """A Trainer for the training flags, with the --init weights assigned."""
    from .training.trainer import build
    s, sizes, init = settings_from_args(a)
    return _fitted(build(s), sizes, init)


def _fitted(trainer, sizes, init):
    """``trainer`` after checking it has the --layers asked for and assigning the --init weights."""
    from .core.weights_io import assign_weights
    net = trainer.net
    if sizes is not None and list(sizes) != net.sizes:
        raise UsageError(f"--layers {','.join(map(str, sizes))} does not fit the data: it needs "
                         f"{net.sizes[0]} inputs and {net.sizes[-1]} outputs, e.g. --layers "
                         f"{','.join(map(str, net.sizes))}")
    if init:
        assign_weights(net, *init)
        trainer.initial_params[...] = net.params
    return trainer


#: Settings field → the flag's dest, where they differ.
_DEST = {"data_file": "data", "activations": "activation", "output": "output_activation",
         "init": "init_scheme", "eps": "lr", "mu": "momentum"}


def _training_parser():
    """The training flags alone (a subcommand's required flags, such as surface's --out,
    are no default to compare with)."""
    flags = _Parser()
    add_training_flags(flags)
    return flags


def _with_preset(s, a, base=None):
    """The preset's settings (or ``base``), overridden by every flag given a value other than its default."""
    from dataclasses import fields
    from .training.scenes import scene
    defaults = vars(_training_parser().parse_args([]))
    base = base or scene(a.preset).settings
    changes = {f.name: getattr(s, f.name) for f in fields(s)
               if f.name != "hidden" and getattr(a, _DEST.get(f.name, f.name)) != defaults[_DEST.get(f.name, f.name)]}
    return base.replace(**changes)


def cmd_train(a):
    from .core.onnx_export import require_onnx
    from .core.weights_io import save_weights
    from .training.trainer import Diverged
    if a.out and a.out.lower().endswith(".onnx"):
        require_onnx("export")                     # before training, not after
    trainer = trainer_from_args(a)
    net = trainer.net
    steps, epochs = _length(a)
    progress = _Progress(steps if steps is not None else epochs, "step" if steps is not None else "epoch",
                         enabled=not a.quiet and sys.stderr.isatty())
    try:
        trainer.run(steps=steps, epochs=epochs, target_loss=a.target_loss,
                    callback=lambda t, loss: progress.update(t.step_count if steps is not None else t.epoch,
                                                             loss))
    except Diverged as e:
        progress.close()
        if a.history:
            write_text(trainer.history.to_csv(), a.history)
        raise UsageError(f"training diverged: {e}") from None
    progress.close()
    if a.out:
        extra = trainer.weights_extra()
        save_weights(a.out, net, extra=extra)
    if a.history:
        write_text(trainer.history.to_csv(), a.history)
    if not a.quiet:
        print(summary(trainer))
        if a.out:
            print(f"weights written to {a.out}")
        if a.history:
            print(f"loss history ({len(trainer.history)} rows) written to {a.history}")
    return 0


def _length(a):
    """(steps, epochs) to train: the flags', else the preset scene's length, else 100 epochs."""
    from .training.scenes import scene
    if a.steps is None and a.epochs is None:
        return (scene(a.preset).steps, None) if a.preset else (None, 100)
    return a.steps, a.epochs


def _varied(a):
    """[(label or None, parsed flags)] of every run ``nnviz compare`` trains: the preset scene's
    runs, or every combination of the --vary values (each parsed as its flag is)."""
    import copy
    import itertools
    from .training.compare import MAX_RUNS
    from .training.scenes import scene
    sc = scene(a.preset) if a.preset else None
    if sc and sc.is_comparison:
        if a.vary:
            raise UsageError(f"--preset {a.preset} is a comparison of its own; --vary needs a scene of one run")
        return [(label, a, s) for label, s in sc.runs()]
    actions = {opt: act for act in _training_parser()._actions for opt in act.option_strings}
    axes = []
    for spec in a.vary or ():
        flag, sep, values = spec.partition("=")
        act = actions.get("--" + flag.strip().lstrip("-"))
        if not sep or act is None or act.nargs == 0 or act.dest in ("preset", "init"):
            raise UsageError(f"--vary expects FLAG=V1,V2 with a training flag that takes a value, got {spec!r}")
        parts = [v.strip() for v in values.split(";" if ";" in values else ",") if v.strip()]
        try:
            parsed = [act.type(v) if act.type else v for v in parts]
        except argparse.ArgumentTypeError as e:
            raise UsageError(f"--vary {flag}: {e}") from None
        except ValueError:
            raise UsageError(f"--vary {flag}: expected numbers, got {values!r}") from None
        bad = [v for v in parsed if act.choices is not None and v not in act.choices]
        if bad or len(parsed) < 1:
            raise UsageError(f"--vary {flag}: invalid values {values!r}"
                             + (f" (choose from {', '.join(map(str, act.choices))})" if act.choices else ""))
        axes.append([(act.dest, v) for v in parsed])
    if not axes:
        return [(sc.title if sc else None, a, None)]
    combos = list(itertools.product(*axes))
    if len(combos) > MAX_RUNS:
        raise UsageError(f"--vary makes {len(combos)} runs; a comparison has at most {MAX_RUNS}")
    runs = []
    for combo in combos:
        ns = copy.copy(a)
        for dest, v in combo:
            setattr(ns, dest, v)
        runs.append((None, ns, None))
    return runs


def cmd_compare(a):
    from .training.compare import Comparison
    runs, fits = [], []
    for label, ns, base in _varied(a):
        s, sizes, init = settings_from_args(ns)
        if base is not None:
            s = _with_preset(s, ns, base)
        runs.append((label, s))
        fits.append((sizes, init))
    comparison = Comparison(runs)
    for t, (sizes, init) in zip(comparison.trainers, fits):
        _fitted(t, sizes, init)
        if init:
            t.reset()
    steps, epochs = _length(a)
    comparison.run(steps=steps, epochs=epochs, target_loss=a.target_loss)
    if a.history:
        write_text(comparison.to_csv(), a.history)
    if not a.quiet:
        for i in range(len(comparison)):
            print(comparison.summary(i))
        if a.history:
            print(f"loss histories of {len(comparison)} runs written to {a.history}")
    return 0


def write_text(text, out=None):
    """Write ``text`` to the file ``out`` (atomically) or to stdout; returns 0."""
    if out:
        from .core.weights_io import atomic_write
        atomic_write(out, lambda fh: fh.write(text.encode("utf-8")))
    else:
        sys.stdout.write(text)
    return 0


def cmd_export(a):
    from .core.weights_io import load_weights, save_weights
    net, meta = load_weights(a.weights)
    save_weights(a.out, net, extra={k: v for k, v in meta.items() if k not in net.config() and
                                    k not in ("format", "version")})
    if not a.quiet:
        print(f"layers {net.sizes} ({', '.join(net.activation_names[2:])}) written to {a.out}")
    return 0


def _onnx_runner(path):
    """y = run(X): the ONNX file run by onnxruntime, its preprocess included."""
    try:
        import onnxruntime
    except ImportError:
        raise UsageError("running an .onnx file needs onnxruntime: pip install onnxruntime (or convert it: "
                         f"nnviz export --weights {path} --out weights.npz)") from None
    import numpy as np
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed = session.get_inputs()[0]
    dtype = np.float32 if feed.type == "tensor(float)" else np.float64
    return lambda X: np.asarray(session.run(None, {feed.name: X.astype(dtype)})[0], dtype=np.float64)


def cmd_predict(a):
    import csv
    import io
    from .core.datasets import Preprocess, load_inputs
    from .core.weights_io import load_weights
    net, meta = load_weights(a.weights)
    pre = Preprocess.from_dict(meta.get("preprocess") or {})
    names = meta.get("input_names")
    n_raw = len(names) if names else (2 if pre.features else net.sizes[0])
    X, used = load_inputs(a.data, names, n_raw, encoding=a.encoding, decimal=a.decimal)
    if X.shape[1] != n_raw:
        raise UsageError(f"{a.data}: {X.shape[1]} input columns, the network needs {n_raw}")
    run = _onnx_runner(a.weights) if a.weights.lower().endswith(".onnx") else lambda X: net.predict(pre.apply(X))
    y = run(X)
    classes = meta.get("classes") or []
    if meta["task"] == "binary" and len(classes) == 2:
        head, cols = [f"p({classes[1]})", "class"], [y[:, 0], [classes[int(v >= 0.5)] for v in y[:, 0]]]
    elif meta["task"] == "multiclass" and len(classes) == y.shape[1]:
        head = [f"p({c})" for c in classes] + ["class"]
        cols = [*y.T, [classes[k] for k in y.argmax(axis=1)]]
    else:
        names = meta.get("target_names") or []
        if len(names) != y.shape[1]:                  # a file of an older nnviz: one target name
            target = meta.get("target_name") or "y"
            names = [target] if y.shape[1] == 1 else [f"{target}{k + 1}" for k in range(y.shape[1])]
        head = [f"pred_{name}" for name in names]     # never taken for the data's own column
        cols = list(y.T)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(list(used) + head)
    for i in range(len(X)):
        w.writerow([repr(float(v)) for v in X[i]] + [c[i] if isinstance(c[i], str) else repr(float(c[i]))
                                                     for c in cols])
    return write_text(buf.getvalue(), a.out)


def recorded_trace(a):
    """The Trace of one training step after --steps steps, following --sample (trace, worksheet)."""
    from .training.trainer import Diverged
    trainer = trainer_from_args(a)
    if a.sample is not None and not 0 <= a.sample < len(trainer.X_train):
        raise UsageError(f"--sample must be a training sample index from 0 to {len(trainer.X_train) - 1}")
    try:
        trainer.run(steps=a.steps)
        return trainer.trace_step(a.sample)
    except Diverged as e:
        raise UsageError(f"training diverged: {e}") from None


def cmd_trace(a):
    trace = recorded_trace(a)
    text = trace.to_json() if a.format == "json" else trace.to_text()
    return write_text(text + "\n", a.out)


def cmd_worksheet(a):
    """The worksheet PDF: the one command besides the window that loads Qt (QtGui, offscreen)."""
    import os
    if not a.out.lower().endswith(".pdf"):
        raise UsageError(f"--out must name a .pdf file, got {a.out!r}")
    trace = recorded_trace(a)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from .gui.app import quiet_qt_messages
    from .gui.i18n import font_problem, install_translator, remove_translator
    from .gui.worksheet import write_pdf
    quiet_qt_messages()
    app = QGuiApplication.instance() or QGuiApplication(["nnviz"])
    app.setOrganizationName("nnviz")
    app.setApplicationName("nnviz")
    translator = install_translator(app, a.lang)
    try:
        problem = font_problem(translator)
        if problem:                   # a sheet of empty boxes: refused before anything is written
            raise UsageError(f"cannot write a Japanese worksheet: {problem}")
        pages = write_pdf(trace, a.out)
    finally:
        remove_translator(app, translator)
    if not a.quiet:
        print(f"worksheet of training step {trace.meta['step']} (sample n = {trace.meta['sample']}, "
              f"{pages} pages with the answer key) written to {a.out}")
    return 0


def _pair(text):
    try:
        x, y = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected two numbers like 1.5,-0.5, got {text!r}") from None
    return x, y


def _half_width(text):
    try:
        value = float(text)
    except ValueError:
        value = None
    if value is None or not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a finite number > 0, got {text!r}")
    return value


def _picks(text):
    try:
        picks = tuple(tuple(int(v) for v in part.split(",")) for part in text.split(";"))
    except ValueError:
        picks = ()
    if len(picks) != 2 or any(len(p) != 3 for p in picks):
        raise argparse.ArgumentTypeError(f"expected two weights l,j,i;l,j,i (i = -1 for b_j), got {text!r}")
    return picks


def _own_eps(text):
    """--lr-of adam=0.05,adagrad=0.5 → (("adam", 0.05), ("adagrad", 0.5))."""
    try:
        pairs = tuple((k.strip(), float(v)) for k, v in (t.split("=") for t in text.split(",") if t.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected NAME=ε pairs like adam=0.05,rmsprop=0.01, got {text!r}") from None
    return pairs


def cmd_paths(a):
    import io
    from .core.formula import parse_formula
    from .core.errors import InputError
    from .core.surfaces import RACERS, make_surface, path_outcome, run_scene
    surface = (make_surface("custom", formula=parse_formula(a.formula)) if a.formula is not None
               else make_surface(a.surface))
    given = {"start": a.start, "optimizers": a.optimizers, "eps": a.lr, "mu": a.momentum, "steps": a.steps,
             "noise": a.noise, "seed": a.seed}
    changes = {k: v for k, v in given.items() if v is not None}   # the rest from the surface's scene
    changes["own_eps"] = dict(surface.scene.own_eps, **dict(a.lr_of or ()))
    for name in changes["own_eps"]:
        if name not in RACERS:
            raise InputError("unknown optimizer {name!r}; choose one of {names}", name=name, names=", ".join(RACERS))
    paths = run_scene(surface, **changes)
    buf = io.StringIO()
    buf.write("optimizer,step,x,y,loss\n")
    for name, p in paths.items():
        for t, ((x, y), loss) in enumerate(zip(p.points, p.losses)):
            buf.write(f"{name},{t},{float(x)!r},{float(y)!r},{float(loss)!r}\n")
        kind, k = path_outcome(p, surface)
        if kind == "left":
            print(f"nnviz: {name} left the plotted region (downhill) at step {k}", file=sys.stderr)
        elif p.diverged:
            print(f"nnviz: {name} stopped at step {p.stop_step}: {p.reason}", file=sys.stderr)
    return write_text(buf.getvalue(), a.out)


def cmd_surface(a):
    import json
    import numpy as np
    from .core.weights_io import atomic_write
    from .training.explore import Trajectory, slice_through
    trainer = trainer_from_args(a)
    traj = Trajectory()
    traj.add(trainer.net.params)
    for _ in range(a.steps):
        trainer.step()
        traj.add(trainer.net.params)
    out = slice_through(trainer, a.directions, picks=a.picks, grid=a.grid, span=a.range, seed=a.seed,
                        trajectory=traj.array())
    meta = {"format": "nnviz-surface", "version": 1, "directions": a.directions, "grid": a.grid,
            "range": a.range, "sizes": trainer.net.sizes, "steps": a.steps}
    arrays = {k: np.asarray(v) for k, v in out.items() if isinstance(v, (np.ndarray, float))}

    def write(fh):
        np.savez(fh, meta=np.array(json.dumps(meta)), **arrays)
    atomic_write(a.out, write)
    if not a.quiet:
        print(f"{a.grid}×{a.grid} slice, loss from {out['loss'].min():.6g} to {out['loss'].max():.6g} "
              f"(centre {out['center_loss']:.6g}), written to {a.out}")
    return 0


def summary(trainer):
    """One line: steps, epochs, losses and accuracy or RMSE."""
    m = trainer.evaluate()
    parts = [f"steps {trainer.step_count}", f"epochs {trainer.epoch}",
             f"train loss {m['train_loss']:.6g}", f"test loss {m['test_loss']:.6g}"]
    if "train_accuracy" in m:
        parts += [f"train accuracy {m['train_accuracy']:.1%}", f"test accuracy {m['test_accuracy']:.1%}"]
    else:
        pooled = f" (all {trainer.data.n_outputs} outputs)" if "test_r2_each" in m else ""
        parts += [f"train RMSE {m['train_rmse']:.4g}", f"test R² {m['test_r2']:.4g}{pooled}"]
        parts += [f"test R² of {name} {v:.4g}" for name, v in zip(trainer.data.target_names,
                                                                   m.get("test_r2_each", ()))]
    return ", ".join(parts)


class _Progress:
    """A one-line progress bar on stderr, redrawn at most 10 times a second."""

    def __init__(self, total, unit, enabled):
        self.total, self.unit, self.enabled, self.last = total, unit, enabled, 0.0

    def update(self, done, loss):
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and done < self.total):
            return
        self.last = now
        frac = min(1.0, done / self.total) if self.total else 1.0
        bar = "#" * int(30 * frac) + "." * (30 - int(30 * frac))
        sys.stderr.write(f"\r[{bar}] {self.unit} {done}/{self.total}  loss {loss:.5g} ")
        sys.stderr.flush()

    def close(self):
        if self.enabled:
            sys.stderr.write("\n")


def make_parser():
    p = _Parser(prog="nnviz", description="Watch a neural network learn: the lecture "
                "'Neural Network の基礎' as a desktop app. Without a command, opens the app.")
    p.add_argument("--version", action="version", version=f"nnviz {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="open the window offscreen, train a few steps, export weights, exit 0")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    t = sub.add_parser("train", help="train headless and write the weights",
                       description="Train a network headless, print a summary, write the weights.")
    add_training_flags(t)
    stop = t.add_mutually_exclusive_group()
    stop.add_argument("--steps", type=int, help="number of updates (0 writes the initial weights)")
    stop.add_argument("--epochs", type=int, help="number of epochs (default 100)")
    t.add_argument("--target-loss", type=float, help="stop early once the training loss is this low")
    t.add_argument("--out", metavar="FILE", help="write the weights to FILE (.npz, .json or .onnx)")
    t.add_argument("--history", metavar="FILE.csv", help="write the loss curve (step, epoch, train and "
                   "test loss, accuracy; a row per epoch, thinned beyond 2048 rows) to FILE.csv")
    t.add_argument("--quiet", action="store_true", help="print nothing but errors")
    t.set_defaults(func=cmd_train)
    c = sub.add_parser("compare", help="train variants side by side from one start and compare them",
                       description="Train up to four variants of a run in lockstep, from the same initial "
                       "weights on the same data, and print one summary line per run.")
    add_training_flags(c)
    c.add_argument("--vary", action="append", metavar="FLAG=V1,V2",
                   help="a training flag and its values, one run each (repeatable: every combination); "
                   "separate values with ';' when they contain commas, e.g. --vary 'layers=2,4,1;2,8,1'")
    stop = c.add_mutually_exclusive_group()
    stop.add_argument("--steps", type=int, help="lockstep updates (default: the preset's length, else 100 epochs)")
    stop.add_argument("--epochs", type=int, help="epochs of every run")
    c.add_argument("--target-loss", type=float, help="stop each run once its training loss is this low")
    c.add_argument("--history", metavar="FILE.csv", help="write every run's loss curve (run, label, step, "
                   "epoch, train and test loss, accuracy) to FILE.csv")
    c.add_argument("--quiet", action="store_true", help="print nothing but errors")
    c.set_defaults(func=cmd_compare)
    r = sub.add_parser("trace", help="print one training step in the lecture's notation",
                       description="Record one training step (forward pass, output δ, δ recursion, "
                       "gradients, update) and print it as text in the lecture's notation, or as JSON.")
    add_training_flags(r)
    r.add_argument("--steps", type=int, default=0, help="train this many steps first (default 0)")
    r.add_argument("--sample", type=int, help="follow training sample n (default: the minibatch's first)")
    r.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    r.add_argument("--out", metavar="FILE", help="write to FILE instead of printing")
    r.set_defaults(func=cmd_trace)
    ws = sub.add_parser("worksheet", help="a printable PDF exercise of one training step, with its key",
                        description="Record one training step (as nnviz trace does) and write an A4 PDF "
                        "worksheet: the network with its weights, the sample and its teacher signal, "
                        "numbered blanks for u, z, L_n, δ, ∂L_n/∂w and the updated weights, and the "
                        "answer key on pages of its own. Another --seed gives another exercise.")
    add_training_flags(ws)
    ws.add_argument("--steps", type=int, default=0, help="train this many steps first (default 0)")
    ws.add_argument("--sample", type=int, help="follow training sample n (default: the minibatch's first)")
    ws.add_argument("--lang", choices=("ja", "en"),
                    help="language of the sheet (default: the app's, from its setting or the system's)")
    ws.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    ws.add_argument("--quiet", action="store_true", help="print nothing but errors")
    ws.set_defaults(func=cmd_worksheet)
    pr = sub.add_parser("predict", help="run an exported network on a CSV file",
                        description="The outputs of a weights file's network for the inputs in a CSV "
                        "file (header row; the input columns by name, else the first ones).")
    pr.add_argument("--weights", required=True, metavar="FILE",
                    help="weights file (.npz or .json), or an ONNX MLP (.onnx, run by onnxruntime)")
    pr.add_argument("--data", required=True, metavar="FILE.csv", help="inputs, with a header row")
    pr.add_argument("--out", metavar="FILE.csv", help="write here instead of printing")
    _add_csv_flags(pr)
    pr.set_defaults(func=cmd_predict)
    ex = sub.add_parser("export", help="convert a weights file between .npz, .json and .onnx",
                        description="Read a weights file (.npz, .json, or an ONNX MLP: Gemm or MatMul + Add "
                        "layers and the lecture's activations) and write it in the format of --out's suffix.")
    ex.add_argument("--weights", required=True, metavar="FILE", help="the file to read (.npz, .json or .onnx)")
    ex.add_argument("--out", required=True, metavar="FILE", help="the file to write (.npz, .json or .onnx)")
    ex.add_argument("--quiet", action="store_true", help="print nothing but errors")
    ex.set_defaults(func=cmd_export)
    from .core.surfaces import MAX_NOISE as MAX_PATH_NOISE, MAX_STEPS, RACERS, SURFACES
    from .training.explore import MAX_GRID
    pa = sub.add_parser("paths", help="optimiser paths on an analytic 2-D surface, as CSV",
                        description="Run optimisers side by side from one start on a test surface "
                        "and write their paths (optimizer, step, x, y, loss) as CSV. Without flags: "
                        "the surface's scene, the race the optimiser arena opens it with.")
    pa.add_argument("--surface", default="ravine", choices=[n for n in SURFACES if n != "custom"])
    pa.add_argument("--formula", metavar="TEXT", help="your own surface in x and y, e.g. 'x**2 - y**2'")
    pa.add_argument("--start", type=_pair, metavar="X,Y",
                    help="start point, e.g. --start -2,1 (default: the surface's)")
    pa.add_argument("--optimizers", type=_names, metavar="A,B",
                    help=f"{', '.join(RACERS)} (or plain); default: the surface's scene, as the arena opens it")
    pa.add_argument("--lr", type=float, help="learning rate ε of every optimiser without its own "
                    "(default: the surface's)")
    pa.add_argument("--lr-of", type=_own_eps, metavar="NAME=ε,…",
                    help="an optimiser's own ε, e.g. adam=0.05 (default: the scene's: AdaGrad, RMSProp "
                    "and Adam always, momentum on the ravine)")
    pa.add_argument("--momentum", type=float, help="μ in [0, 1) for momentum and nesterov (default: the scene's)")
    pa.add_argument("--noise", type=float,
                    help=f"gradient noise of sgd and the others (not gd), 0 to {MAX_PATH_NOISE:g} "
                    "(default: the scene's)")
    pa.add_argument("--steps", type=_int_in(0, MAX_STEPS),
                    help=f"steps per optimiser, 0 to {MAX_STEPS:,} (default: the scene's)")
    pa.add_argument("--seed", type=_int_in(0), help="seed of the gradient noise (default: the scene's)")
    pa.add_argument("--out", metavar="FILE.csv", help="write here instead of printing")
    pa.set_defaults(func=cmd_paths)
    su = sub.add_parser("surface", help="a 2-D slice of a network's training loss, as .npz",
                        description="The training loss on a grid through the weights (after --steps "
                        "more steps), along two picked weights, two random filter-normalised directions, "
                        "or the trajectory's principal directions.")
    add_training_flags(su)
    su.add_argument("--steps", type=int, default=200, help="train this many steps first (default 200)")
    su.add_argument("--directions", choices=("random", "pca", "weights"), default="random")
    su.add_argument("--picks", type=_picks, metavar="l,j,i;l,j,i", help="the two weights for --directions weights")
    su.add_argument("--grid", type=_int_in(2, MAX_GRID), default=51,
                    help=f"grid points per side, 2 to {MAX_GRID} (default 51)")
    su.add_argument("--range", type=_half_width, default=1.0, help="half width of the slice, > 0 (default 1)")
    su.add_argument("--out", required=True, metavar="FILE.npz")
    su.add_argument("--quiet", action="store_true")
    su.set_defaults(func=cmd_surface)
    from .core.animation import MAX_FPS, MAX_FRAMES
    from .training.scenes import load_scenes
    re_ = sub.add_parser("record", help="record a scene as an animated GIF or MP4, headless",
                         description="Open the window offscreen on a scene, train it (or play the arena's "
                         "race, the landscape's training path, the step-through's phases) and write the "
                         "window's frames as an animated GIF, or an MP4 with pip install 'nnviz[video]'.")
    re_.add_argument("--preset", required=True, choices=[s.key for s in load_scenes()], help="the scene")
    re_.add_argument("--out", required=True, metavar="FILE.gif", help="FILE.gif or FILE.mp4")
    re_.add_argument("--fps", type=_int_in(1, MAX_FPS), default=10,
                     help=f"frames per second, 1 to {MAX_FPS} (default 10)")
    re_.add_argument("--frames", type=_int_in(2, MAX_FRAMES), default=40,
                     help=f"frames, 2 to {MAX_FRAMES:,} (default 40)")
    re_.add_argument("--tab", choices=("network", "arena", "landscape", "stepthrough"), default="network",
                     help="what plays: training on the network tab (default), the optimiser arena's race, "
                     "the loss landscape's training path, or one step-through's phases")
    re_.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH",
                     help="the window's size in pixels (default 1280x800; at least its smallest size)")
    re_.add_argument("--steps-per-frame", type=_int_in(1), metavar="N",
                     help="training steps (arena: race iterations) between frames (default: the "
                     "scene's length spread over the frames)")
    re_.add_argument("--quiet", action="store_true")
    re_.set_defaults(func=cmd_record)
    return p


def _size(text):
    m = re.fullmatch(r"(\d+)[x×](\d+)", text.strip())
    if not m or not (200 <= int(m[1]) <= 7680 and 200 <= int(m[2]) <= 4320):
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT in pixels, 200x200 to 7680x4320, got {text!r}")
    return int(m[1]), int(m[2])


def cmd_record(a):
    from .gui.record import record_scene
    frames, width, height = record_scene(a.preset, a.out, fps=a.fps, frames=a.frames, tab=a.tab, size=a.size,
                                         steps_per_frame=a.steps_per_frame)
    if not a.quiet:
        print(f"{frames} frames of {width} × {height} at {a.fps} frames/s ({frames / a.fps:.1f} s), "
              f"written to {a.out}")
    return 0


def _negative_values(argv):
    """``--start -2,1`` as ``--start=-2,1`` (and ``--formula -x**2``): argparse takes a value
    that starts with '-' for an option unless it is one plain number. nnviz has no
    one-dash options but -h, so such a word after ``--name`` can only be its value."""
    out = []
    for arg in argv:
        if (out and out[-1].startswith("--") and out[-1] != "--" and "=" not in out[-1]
                and re.match(r"-[^-]", arg) and arg != "-h"):
            out[-1] += "=" + arg
        else:
            out.append(arg)
    return out


def main(argv=None):
    """Run the command; return the exit status.

    The project's own errors (a UsageError, any nnviz.core.errors.Message such as an
    InputError) and OSError are the user's: one line, exit 2. Anything else is a bug
    and shows its traceback."""
    from .core.errors import Message
    try:
        args = make_parser().parse_args(_negative_values(sys.argv[1:] if argv is None else argv))
        if args.self_test:
            from .gui.selftest import self_test
            return self_test()
        if args.command is None:
            from .gui.app import run
            return run(sys.argv[:1])
        for name in ("steps", "epochs"):
            if getattr(args, name, None) is not None and getattr(args, name) < 0:
                raise UsageError(f"--{name} must be ≥ 0")
        return args.func(args)
    except Exception as e:                  # Message is a mixin, not an exception class
        if not isinstance(e, (UsageError, Message, OSError)):
            raise
        print(f"nnviz: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("nnviz: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
