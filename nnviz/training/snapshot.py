"""Frozen snapshots of a training run: what crosses from the training thread to the views.

A :class:`Snapshot` holds copies, never views of the trainer's live arrays, and
every array in it is read-only, so the GUI can draw it while training goes on.
:func:`take` builds one, and adds the moment to the trainer's bounded
:class:`~nnviz.training.history.History`, whose copy the snapshot carries.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Snapshot", "RunCurve", "take", "run_curves", "plot_extent"]

GRID = 64          # the input plane is sampled GRID × GRID for heatmaps and thumbnails


def _frozen(a):
    a = np.array(a, dtype=float, copy=True)
    a.setflags(write=False)
    return a


def _per_layer(arrays):
    """A tuple indexed by layer l (entries 0 and 1 None where undefined), read-only copies."""
    return tuple(None if a is None else _frozen(a) for a in arrays)


def plot_extent(X):
    """(x_min, x_max, y_min, y_max) around 2-D inputs (or (x_min, x_max) for 1-D), padded 10 %;
    ±1 around an axis on which all points sit at one value (one drawn point, say)."""
    lo, hi = X.min(axis=0), X.max(axis=0)
    span = hi - lo
    pad = np.where(span > 1e-9 * np.maximum(1.0, np.abs(lo)), 0.1 * span, 1.0)
    lo, hi = lo - pad, hi + pad
    return tuple(float(v) for pair in zip(lo, hi) for v in pair)


@dataclass(frozen=True, eq=False)
class RunCurve:
    """One run of a comparison as the loss view draws it."""
    label: str                   # the scene's label (English; the window translates it) or what differs
    history: np.ndarray          # its Trainer.history.array(): (n, 6), read-only
    reached: int = None          # first recorded step with training accuracy ≥ 95 % (None: not yet)
    stopped: str = ""            # why it stopped by itself ("" while it trains)


def run_curves(comparison, selected_history=None, selected=0):
    """A :class:`RunCurve` per run of ``comparison``; run ``selected`` reuses ``selected_history``
    (the snapshot's own copy) when given."""
    c = comparison
    return tuple(RunCurve(label, selected_history if i == selected and selected_history is not None
                          else t.history.array(), reached, why)
                 for i, (label, t, reached, why) in enumerate(zip(c.labels, c.trainers, c.reached, c.stopped)))


@dataclass(frozen=True, eq=False)
class Snapshot:
    """Everything a view draws, for one moment of one training run.

    Per-layer tuples are indexed by the lecture's layer number l (index 0 unused,
    index 1 the input where defined). Shapes: W[l] (n_l, n_(l−1)); b[l], dB[l] (n_l,);
    u[l], z[l], delta[l] (n_l,) for the selected sample; grid_z[l] (GRID, GRID, n_l)
    over the input plane (2-D inputs only); data_z[l] (N_train + N_test, n_l).
    """
    version: int                 # increments on every rebuild; views drop older ones
    step: int
    epoch: float
    sizes: tuple
    activations: tuple           # per layer l: name (None for l = 0, 1)
    task: str
    output_rule: str
    eps: float
    W: tuple
    b: tuple
    alpha: tuple
    dW: tuple                    # ∂L/∂W^(l) of the last step (batch-reduced)
    db: tuple                    # ∂L/∂b^(l) = δ^(l) reduced over the last batch
    sample: int                  # index n of the selected training sample
    u: tuple
    z: tuple
    delta: tuple
    d: np.ndarray                # teacher signal of the selected sample, (n_L,)
    train_loss: float
    test_loss: float
    metrics: dict
    history: np.ndarray          # Trainer.history.array(): (n, 6), columns history.COLUMNS
    extent: tuple                # plot_extent of the raw inputs
    grid_z: tuple = ()           # 2-D inputs: each layer's output over the input plane
    curve_x: np.ndarray = None   # 1-D inputs: x of the fitted curve, (200,)
    curve_y: np.ndarray = None   # 1-D inputs: y(x), (200, n_L)
    data_z: tuple = ()           # every layer's output for the train then test points
    steps_per_second: float = 0.0
    running: bool = False
    stopped: str = ""            # why training stopped by itself ("" while it did not)
    data: object = None          # the Dataset (immutable, shared, not copied)
    runs: tuple = ()             # a comparison: a RunCurve per run (one run: () or one entry)
    selected: int = 0            # the run whose arrays the rest of the snapshot holds


def input_grid(extent, n=GRID):
    """The n × n points of the 2-D input plane ``extent``, shape (n², 2), row-major with
    row i at y = ys[i] (an image's rows)."""
    xs = np.linspace(extent[0], extent[1], n)
    ys = np.linspace(extent[2], extent[3], n)
    gx, gy = np.meshgrid(xs, ys)                   # row i is y = ys[i], as an image
    return np.column_stack([gx.ravel(), gy.ravel()])


def take(trainer, version, sample=0, extent=None, steps_per_second=0.0, running=False, stopped="",
         comparison=None, selected=0):
    """A :class:`Snapshot` of ``trainer`` now, recorded in its history. Runs a few
    forward passes of its own.

    ``sample`` is the index n of the training sample whose u, z, δ are shown.
    Call it from the thread that owns the trainer (it uses the network's buffers).
    With ``comparison`` (whose run ``selected`` is ``trainer``), the snapshot carries every
    run's curve (:func:`run_curves`).
    """
    net, data, pre = trainer.net, trainer.data, trainer.preprocess
    dW, db = _per_layer(net.dW), _per_layer(net.db)      # the last training step's gradient
    metrics = dict(trainer.record())
    train_loss, test_loss = metrics.pop("train_loss"), metrics.pop("test_loss")
    # The selected sample: one forward and backward pass of its own (the step's gradient is kept).
    n = int(min(max(sample, 0), len(trainer.X_train) - 1))
    d = trainer.D_train[n:n + 1]
    grad = net.grad.copy()
    net.forward(trainer.X_train[n:n + 1])
    net.backward(d)
    net.grad[...] = grad
    u, z, delta = ([None if a is None else a[0] for a in arrs] for arrs in (net.u, net.z, net.delta))
    # Every layer on all the data points, for the hidden feature view.
    X_all = np.concatenate([trainer.X_train, trainer.X_test])
    net.forward(X_all)
    data_z = _per_layer(net.z)
    extent = extent or plot_extent(np.concatenate([data.X_train, data.X_test]))
    history = trainer.history.array()
    grid_z, curve_x, curve_y = (), None, None
    if data.n_inputs == 2:
        net.forward(pre.apply(input_grid(extent)))
        grid_z = tuple(None if a is None else _frozen(a.reshape(GRID, GRID, -1)) for a in net.z)
    elif data.n_inputs == 1:
        xs = np.linspace(extent[0], extent[1], 200)
        curve_x, curve_y = _frozen(xs), _frozen(net.forward(pre.apply(xs[:, None])))
    return Snapshot(
        version=version, step=trainer.step_count, epoch=trainer.batcher.epoch_progress,
        sizes=tuple(net.sizes), activations=tuple(net.activation_names), task=net.task,
        output_rule=net.output_rule, eps=trainer.eps,
        W=_per_layer(net.W), b=_per_layer(net.b), alpha=_per_layer(net.alpha), dW=dW, db=db,
        sample=n, u=_per_layer(u), z=_per_layer(z), delta=_per_layer(delta), d=_frozen(d[0]),
        train_loss=train_loss, test_loss=test_loss, metrics=metrics,
        history=history,
        extent=extent, grid_z=grid_z, curve_x=curve_x, curve_y=curve_y, data_z=data_z,
        steps_per_second=steps_per_second, running=running, stopped=stopped, data=data,
        runs=() if comparison is None else run_curves(comparison, history, selected), selected=selected)
