"""The network's own loss landscape, for the window and for ``nnviz surface``: slices
through parameter space, the Hessian at the current weights, and restarts from K
initialisations (LECTURE.md §5: the solution found depends on the initial values).
"""
from __future__ import annotations

import numpy as np

from ..core.errors import InputError
from ..core.landscape import Cancelled, directions, hessian, keep_going, loss_slice, project_trajectory
from ..core.surfaces import spectrum_label
from .trainer import Diverged, build

__all__ = ["Trajectory", "slice_through", "hessian_at", "restarts", "distinct_levels", "RESTART_CHUNK"]

RESTART_CHUNK = 200      # training steps of a restart between two looks at ``progress``


class Trajectory:
    """Parameter vectors along training, at most ``capacity`` (every other one is
    dropped when full, so a long run keeps its whole course)."""

    def __init__(self, capacity=512):
        self.capacity, self.points, self.step = capacity, [], None

    def add(self, params, step=None):
        """Record ``params``; with ``step`` (the training step count), only once per step."""
        if step is not None and step == self.step:
            return
        self.step = step
        self.points.append(np.array(params, dtype=float, copy=True))
        if len(self.points) > self.capacity:
            self.points = self.points[::2]

    def array(self):
        """(T, P) or None when fewer than 3 points were recorded."""
        return np.array(self.points) if len(self.points) >= 3 else None


#: Grid points per side of a slice (the window offers up to 201).
MAX_GRID = 501


def slice_through(trainer, kind="random", picks=None, grid=51, span=1.0, seed=0, trajectory=None,
                  progress=None):
    """The training loss on a grid × grid slice through the current weights.

    ``grid`` is 2 to :data:`MAX_GRID`, ``span`` finite > 0. Returns a dict: alphas,
    betas (grid,), loss (grid, grid) (rows β), d1, d2, center (P,), center_loss,
    trajectory (T, 2) projected onto the plane or None.
    Raises ValueError for impossible requests (e.g. PCA without a trajectory),
    :class:`~nnviz.core.landscape.Cancelled` when ``progress`` returns False.
    """
    net = trainer.net
    center = net.params.copy()
    if kind == "pca" and trajectory is None:
        raise InputError("the principal directions need a training trajectory: train a while first")
    d1, d2 = directions(net, kind, rng=seed, picks=picks, trajectory=trajectory)
    if not (isinstance(grid, (int, np.integer)) and 2 <= grid <= MAX_GRID and 0 < span < float("inf")):
        raise InputError("a slice needs 2 to {limit:,} grid points per side and a finite half width > 0, "
                         "got {grid} and {span}", limit=MAX_GRID, grid=grid, span=span)
    axis = np.linspace(-span, span, int(grid))
    loss = loss_slice(net, trainer.X_train, trainer.D_train, center, d1, d2, axis, axis, progress=progress)
    path = None if trajectory is None else project_trajectory(trajectory, center, d1, d2)
    return {"alphas": axis, "betas": axis, "loss": loss, "d1": d1, "d2": d2, "center": center,
            "center_loss": trainer.net.loss(trainer.X_train, trainer.D_train), "trajectory": path,
            "kind": kind}


def hessian_at(trainer, progress=None):
    """(eigenvalues sorted ascending, label, number negative) of the training loss's Hessian.

    ``progress(columns done, P)`` as in :func:`nnviz.core.landscape.hessian` (False cancels)."""
    H = hessian(trainer.net, trainer.X_train, trainer.D_train, progress=progress)
    eig = np.linalg.eigvalsh(H)
    label, n_negative = spectrum_label(eig)
    return eig, label, n_negative


def distinct_levels(values, rtol=0.01):
    """How many clearly different values: sorted, a new level where a value exceeds the
    previous level by more than ``rtol`` relatively (plus 1e-9 absolutely)."""
    levels = []
    for v in np.sort(np.asarray(values, dtype=float)):
        if not levels or v > levels[-1] * (1 + rtol) + 1e-9:
            levels.append(v)
    return len(levels)


def restarts(settings, k=10, steps=2000, data=None, progress=None):
    """Train ``k`` networks from seeds settings.seed … + k − 1, ``steps`` steps each.

    Returns (final training losses (k,), seeds (k,), number of distinct final loss
    levels). A run that diverges scores inf. ``progress(runs done, k)`` is called
    before every :data:`RESTART_CHUNK` steps; when it returns False the restarts stop
    there (:class:`~nnviz.core.landscape.Cancelled`).
    """
    seeds = np.arange(settings.seed, settings.seed + k)
    finals = np.empty(k)
    for n, seed in enumerate(seeds):
        t = build(settings.replace(seed=int(seed)), data=data)
        try:
            for start in range(0, steps, RESTART_CHUNK):
                if not keep_going(progress, n, k):
                    raise Cancelled("restarts cancelled after {done} of {total} runs", done=n, total=k)
                t.run(steps=min(RESTART_CHUNK, steps - start))
            finals[n] = t.evaluate()["train_loss"]
        except Diverged:
            finals[n] = np.inf
    return finals, seeds, distinct_levels(finals[np.isfinite(finals)])
