"""The network's own loss landscape, for the window and for ``nnviz surface``: slices
through parameter space, the Hessian at the current weights, and restarts from K
initialisations (lecture §5, README's tour: the solution found depends on the initial values).
"""
from __future__ import annotations

import numpy as np

from ..core.errors import InputError
from ..core.landscape import Cancelled, directions, hessian, keep_going, loss_slice, project_trajectory
from ..core.surfaces import spectrum_label
from .snapshot import input_grid, plot_extent
from .trainer import Diverged, build

__all__ = ["Trajectory", "slice_through", "hessian_at", "restarts", "gradient_norm", "grad_tol",
           "group_solutions", "same_function", "RESTART_CHUNK", "GRAD_TOL", "FALL_TOL", "SAME_TOL"]

RESTART_CHUNK = 200      # training steps of a restart between two looks at ``progress``
#: ‖∇L‖ per sample (of a mean loss) at or below which the weights count as a critical point.
GRAD_TOL = 1e-3
#: A restart has converged when its loss fell by at most this share over RESTART_CHUNK steps.
FALL_TOL = 1e-4
#: Two runs compute the same function when the RMS difference of their outputs on the training
#: data is at most this share of the targets' spread (their standard deviation).
SAME_TOL = 0.1
#: ... over this many chunks (minibatch runs).
PLATEAU = 3
PICTURE = 32             # a restart's decision-boundary picture: PICTURE × PICTURE points


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


def grad_tol(trainer):
    """The ‖∇L‖ below which the training loss counts as stationary: :data:`GRAD_TOL` per sample
    (× N for a summed loss)."""
    return GRAD_TOL * (len(trainer.X_train) if trainer.net.reduction == "sum" else 1)


def gradient_norm(trainer):
    """‖∇L‖ of what training minimises (the data loss of the whole training set plus the weight
    penalty) at the current weights. The network's last-step gradient is left as it was."""
    net, s = trainer.net, trainer.settings
    saved = net.grad.copy()
    try:
        net.forward(trainer.X_train)
        net.backward(trainer.D_train)
        if s.l1 or s.l2:
            net.add_penalty_grad(s.l1, s.l2)
        return float(np.linalg.norm(net.grad))
    finally:
        net.grad[...] = saved


def objective(trainer):
    """The full training loss plus the weight penalty: what training minimises."""
    s = trainer.settings
    loss = trainer.net.loss(trainer.X_train, trainer.D_train)
    return loss + trainer.net.penalty(s.l1, s.l2) if s.l1 or s.l2 else loss


def hessian_at(trainer, progress=None):
    """The Hessian's spectrum at the current weights, and what kind of point they are.

    Returns a dict: eigenvalues (P,) ascending of ∇²(L + ½λ₂‖W‖²) (the L1 penalty has no
    curvature), grad_norm ‖∇L‖ (with the penalty), tol (:func:`grad_tol`), critical
    (grad_norm ≤ tol), label and n_negative. The label is "minimum", "saddle", "maximum"
    or "flat" (:func:`~nnviz.core.surfaces.spectrum_label`) only at a critical point;
    elsewhere it is "not critical": the loss still falls along −∇L, whatever the curvature.
    ``progress(columns done, P)`` as in :func:`nnviz.core.landscape.hessian` (False cancels).
    """
    net, s = trainer.net, trainer.settings
    H = hessian(net, trainer.X_train, trainer.D_train, progress=progress)
    if s.l2:
        H[np.diag_indices_from(H)] += s.l2 * net.weight_mask
    eig = np.linalg.eigvalsh(H)
    label, n_negative = spectrum_label(eig)
    g, tol = gradient_norm(trainer), grad_tol(trainer)
    critical = bool(g <= tol)
    return {"eigenvalues": eig, "label": label if critical else "not critical", "n_negative": n_negative,
            "grad_norm": g, "tol": tol, "critical": critical}


def _outputs(trainer, X):
    """The network's outputs y(x) for raw inputs X (M, n_raw) → (M, n_L)."""
    return trainer.net.forward(trainer.preprocess.apply(X)).copy()


def same_function(Y, other, scale):
    """Whether two networks' outputs on the same data, (N, n_L) each, are one function: their
    RMS difference is at most :data:`SAME_TOL` × ``scale`` (the spread of the targets)."""
    return bool(np.sqrt(np.mean((Y - other) ** 2)) <= SAME_TOL * scale)


def group_solutions(outputs, scale):
    """Number the distinct functions among ``outputs`` (a list of (N, n_L) arrays, or None for a
    run that did not converge): each joins the first earlier solution it equals
    (:func:`same_function`), else starts a new one. Returns (labels (K,) int, −1 for None;
    number of distinct solutions)."""
    reps, labels = [], []
    for Y in outputs:
        if Y is None:
            labels.append(-1)
            continue
        k = next((n for n, R in enumerate(reps) if same_function(Y, R, scale)), len(reps))
        if k == len(reps):
            reps.append(Y)
        labels.append(k)
    return np.array(labels, dtype=int), len(reps)


def stochastic(trainer):
    """Whether training steps on minibatches (B < N): then ‖∇L‖ never settles near 0."""
    b = trainer.settings.batch
    return 0 < b < len(trainer.X_train)


def _train_until_converged(t, steps, progress, n, k):
    """Train ``t`` up to ``steps`` steps, in chunks of :data:`RESTART_CHUNK`, until it converges.

    Returns (status, steps taken): status "converged", "not converged" or "diverged". A run
    has converged when ‖∇L‖ ≤ :func:`grad_tol`, or, on minibatches (whose noise keeps ‖∇L‖
    up), when the objective's mean over the last :data:`PLATEAU` chunks is at most
    :data:`FALL_TOL` (relatively) below its mean over the PLATEAU chunks before. (Full-batch
    runs must reach a small gradient: an oscillation whose loss comes back to the same value is not a solution.)"""
    tol, losses, done, noisy = grad_tol(t), [objective(t)], 0, stochastic(t)
    try:
        while done < steps:
            if not keep_going(progress, n, k):
                raise Cancelled("restarts cancelled after {done} of {total} runs", done=n, total=k)
            chunk = min(RESTART_CHUNK, steps - done)
            for _ in range(chunk):
                t.step()
            done += chunk
            losses.append(objective(t))
            if not np.isfinite(losses[-1]):
                return "diverged", done
            if gradient_norm(t) <= tol:
                return "converged", done
            if noisy and len(losses) >= 2 * PLATEAU + 1:
                before, now = np.mean(losses[-2 * PLATEAU:-PLATEAU]), np.mean(losses[-PLATEAU:])
                if before - now <= FALL_TOL * abs(before):
                    return "converged", done
    except Diverged:
        return "diverged", done
    return "not converged", done


def restarts(settings, k=10, steps=2000, data=None, progress=None, picture=PICTURE):
    """Train ``k`` networks from seeds settings.seed … + k − 1, each until it converges or for
    at most ``steps`` steps, and count the distinct solutions among the converged runs by the
    functions they compute (their outputs on the training data, :func:`group_solutions`).

    Returns a dict of arrays over the runs: seeds (k,), final_loss (k,) (inf: diverged),
    grad_norm (k,), steps (k,) taken, status (k,) str ("converged", "not converged",
    "diverged"), solution (k,) int (the solution's number among the converged, −1 otherwise);
    n_distinct, n_converged; for 2-D inputs pictures (k, picture, picture) of each run's
    output over the input plane (rows along x₂, as an image; the class number for K classes,
    else y₁; NaN for a diverged run) and extent (x0, x1, y0, y1), else None and None; and
    kind, the task. ``progress(runs done, k)`` is called before every :data:`RESTART_CHUNK`
    steps; when it returns False the restarts stop there
    (:class:`~nnviz.core.landscape.Cancelled`).
    """
    seeds = np.arange(settings.seed, settings.seed + k)
    out = {"seeds": seeds, "final_loss": np.full(k, np.inf), "grad_norm": np.full(k, np.nan),
           "steps": np.zeros(k, dtype=int), "status": np.empty(k, dtype=object)}
    outputs, pictures, extent = [], None, None
    for n, seed in enumerate(seeds):
        t = build(settings.replace(seed=int(seed)), data=data)
        data = t.data
        if n == 0 and data.n_inputs == 2:
            extent = plot_extent(np.concatenate([data.X_train, data.X_test]))
            pictures = np.full((k, picture, picture), np.nan)
        status, out["steps"][n] = _train_until_converged(t, steps, progress, n, k)
        out["status"][n] = status
        if status == "diverged":
            outputs.append(None)
            continue
        out["final_loss"][n], out["grad_norm"][n] = t.evaluate()["train_loss"], gradient_norm(t)
        outputs.append(_outputs(t, data.X_train) if status == "converged" else None)
        if pictures is not None:
            y = _outputs(t, input_grid(extent, picture))
            y = y.argmax(axis=1) if y.shape[1] > 1 and data.task == "multiclass" else y[:, 0]
            pictures[n] = y.reshape(picture, picture)
    scale = float(np.std(np.asarray(data.d_train, dtype=float))) or 1.0
    out["solution"], out["n_distinct"] = group_solutions(outputs, scale)
    out["n_converged"] = int(sum(s == "converged" for s in out["status"]))
    out.update(pictures=pictures, extent=extent, kind=data.task)
    return out
