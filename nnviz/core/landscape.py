"""The network's own loss surface: 2-D slices through parameter space, and the Hessian.

A slice is L(c + α d₁ + β d₂) over a grid of (α, β), with c a parameter vector
(``net.params`` at some moment) and d₁, d₂ two directions from :func:`directions`:

* "weights": two chosen parameters, w_ji^(l) (or b_j^(l) with i = −1), so the
  plot's axes are those two numbers;
* "random": Gaussian directions, filter-normalised as in Li et al. 2018,
  "Visualizing the Loss Landscape of Neural Nets": each row of d's W^(l) block
  (one unit's incoming weights, a "filter") is rescaled to the norm of the same
  row of W^(l). Biases and PReLU α get direction 0 (the paper's choice of not
  perturbing biases), so a random slice moves weights only;
* "pca": the two principal directions of a training trajectory, as in that paper.

:func:`loss_slice` evaluates a whole chunk of grid points in one batched forward
pass (weights stacked to shape (G, n_l, n_(l−1) + 1), np.matmul over the G
points), with the network's own activation and loss objects, so each value is
``net.loss`` at that point up to rounding. Layers the directions do not touch
are computed once and shared by all points. Batching removes the per-call
overhead only: the activations must still be evaluated G·N·Σn_l times, which
bounds the gain for small nets at about 2–3× (benchmarks/bench_surface.py).
Two things cut that cost: the layers call ``Activation.value`` (forward only;
sigmoid and tanh with one exp), and the first moved layer of a sigmoid, tanh or softplus
net needs no exp per point at all (:func:`_exp_tables`).
"""
from __future__ import annotations

import numpy as np

from .activations import softmax
from .errors import InputError, Message
from .losses import per_sample_loss
from .surfaces import spectrum_label

__all__ = ["directions", "loss_slice", "project_trajectory", "explained_variance", "hessian",
           "spectrum_label", "Cancelled", "keep_going", "MAX_HESSIAN_PARAMS"]

MAX_HESSIAN_PARAMS = 500
HESSIAN_CHUNK = 10          # columns of the Hessian between two progress reports


class Cancelled(Message, Exception):
    """A ``progress`` callback (of :func:`loss_slice`, :func:`hessian`, or the restarts in
    nnviz.training.explore) returned False: the work stopped, nothing is returned."""


def keep_going(progress, done, total):
    """Tell ``progress`` (callable(done, total) -> bool, or None) that ``done`` of ``total``
    are done; False when it answers False (None means go on): then raise :class:`Cancelled`."""
    return progress is None or (go := progress(done, total)) is None or bool(go)


def _pca(trajectory):
    """(Vᵀ of the SVD of trajectory − final point, explained-variance ratios)."""
    T = np.asarray(trajectory, dtype=float)
    if T.ndim != 2 or len(T) < 2:
        raise InputError("a trajectory needs shape (T ≥ 2, P), got {shape}", shape=T.shape)
    _, s, vt = np.linalg.svd(T - T[-1], full_matrices=False)
    if len(vt) < 2:
        raise InputError("PCA needs at least two parameters")
    vt = vt * np.where(vt[np.arange(len(vt)), np.abs(vt).argmax(axis=1)] < 0, -1.0, 1.0)[:, None]
    var = s ** 2
    return vt, var / var.sum() if var.sum() > 0 else var


def directions(net, kind, rng=0, picks=None, trajectory=None):
    """Two directions d₁, d₂ through parameter space, float64 arrays of shape (P,).

    Parameters
    ----------
    net : Network
    kind : {"weights", "random", "pca"}
    rng : int or numpy.random.Generator
        For "random".
    picks : ((l, j, i), (l, j, i))
        For "weights": W^(l)[j, i] (0-based j, i, as in ``net.W[l][j, i]``); i = −1
        picks b^(l)[j]. The directions are unit vectors along those two parameters.
    trajectory : ndarray, shape (T, P)
        For "pca": parameter vectors along training; the directions are the first
        two principal axes of (trajectory − trajectory[-1]), orthonormal.
    """
    P = net.n_params
    if kind == "weights":
        if picks is None or len(picks) != 2:
            raise InputError("'weights' directions need two picks (l, j, i)")
        out = []
        for l, j, i in picks:
            d = np.zeros(P)
            d[net.index(l, j, i)] = 1.0
            out.append(d)
        if np.array_equal(*out):
            raise InputError("pick two different parameters")
        return tuple(out)
    if kind == "random":
        rng = np.random.default_rng(rng)
        out = []
        for _ in range(2):
            d = np.zeros(P)
            for l in range(2, net.L + 1):
                r = rng.standard_normal(net.W[l].shape)
                wn, rn = np.linalg.norm(net.W[l], axis=1), np.linalg.norm(r, axis=1)
                r *= np.divide(wn, rn, out=np.zeros_like(wn), where=rn > 0)[:, None]
                d[net.block[l]] = np.hstack([r, np.zeros((len(r), 1))]).ravel()
            out.append(d)
        return tuple(out)
    if kind == "pca":
        if trajectory is None or np.shape(trajectory)[-1] != P:
            raise InputError("'pca' directions need a trajectory of shape (T, {count})", count=P)
        vt, _ = _pca(trajectory)
        return vt[0].copy(), vt[1].copy()
    raise InputError("unknown kind of direction {kind!r}; choose weights, random or pca", kind=kind)


def explained_variance(trajectory):
    """Share of the trajectory's variance along each principal axis, shape (min(T, P),)."""
    return _pca(trajectory)[1]


def project_trajectory(trajectory, center, d1, d2):
    """Coordinates (α, β) of each parameter vector, least squares: shape (T, 2).

    trajectory (T, P), center (P,), d1 and d2 (P,).
    """
    A = np.stack([d1, d2], axis=1)
    coef, *_ = np.linalg.lstsq(A, (np.asarray(trajectory, dtype=float) - center).T, rcond=None)
    return coef.T


class _Batch:
    """Buffers for batched forward passes of up to G grid points from layer ``first`` on.

    Layer values are stored units × samples, U^(l) of shape (G, n_l, N), so that
    each unit's N values are contiguous (the activations run fastest that way) and
    U^(l) = [W^(l) | b^(l)] [Z^(l−1); 1] needs no transposed weights. ``shared`` is
    [Z^(first−1); 1], the same for every point ([Xᵀ; 1] for first = 2), shape
    (n_(first−1) + 1, N).
    """

    def __init__(self, net, D, G, first, shared, tables=None):
        N, L = shared.shape[1], net.L
        self.net, self.first, self.shared, self.tables = net, first, shared, tables
        self.U = {l: np.empty((G, net.sizes[l - 1], N)) for l in range(first, L + 1)}
        self.Z = {l: np.ones((G, net.sizes[l - 1] + 1, N)) for l in range(first, L)}
        self.E = None if tables is None else np.empty((G, net.sizes[first - 1], N))
        self.D = np.tile(np.asarray(D, dtype=float), (G, 1))                   # (G·N, K)
        self.alpha = {l: net.alpha_block[l].start for l in range(first, L + 1)
                      if net.alpha[l] is not None}

    def loss(self, params, ia, ib):
        """Data loss for each row of ``params`` (g ≤ G, P) → (g,); row k is the grid
        point (alphas[ia[k]], betas[ib[k]]), which the :func:`_exp_tables` are indexed by."""
        net, g, L = self.net, len(params), self.net.L
        Z = self.shared
        for l in range(self.first, L):
            act, U, Zl = net.act[l], self.U[l][:g], self.Z[l][:g]
            if l == self.first and self.tables is not None:                    # U := e^(s·u), no exp
                np.take(self.tables[0], ia, axis=0, out=U, mode="clip")
                U *= np.take(self.tables[1], ib, axis=0, out=self.E[:g], mode="clip")
                act.of_exp(U, out=Zl[:, :-1])
            else:
                Wb = params[:, net.block[l]].reshape((g,) + net.Wb[l].shape)   # (g, n_l, n_(l−1)+1)
                np.matmul(Wb, Z, out=U)                                         # (g, n_l, N)
                act.value(U, out=Zl[:, :-1], alpha=self._alpha(params, l, 2))
            Z = Zl
        Wb = params[:, net.block[L]].reshape((g,) + net.Wb[L].shape)
        U = np.matmul(Wb, Z, out=self.U[L][:g]).transpose(0, 2, 1)              # (g, N, K)
        Y = softmax(U) if net.act[L] is None else net.act[L].f(U, alpha=self._alpha(params, L, 1))
        N, K = U.shape[1:]
        Ln = per_sample_loss(net.output, net.loss_name, U.reshape(g * N, K), Y.reshape(g * N, K),
                             self.D[:g * N]).reshape(g, N)
        return Ln.mean(axis=1) if net.reduction == "mean" else Ln.sum(axis=1)

    def _alpha(self, params, l, axis):
        """PReLU's α^(l) per point, shape (g, n_l) with a unit axis inserted at ``axis``;
        None for other activations."""
        k = self.alpha.get(l)
        return None if k is None else np.expand_dims(params[:, k:k + self.net.sizes[l - 1]], axis)


def _shared_prefix(net, X, center, d1, d2):
    """(first layer l the directions move, [Z^(l−1); 1] at ``center``, shape (n_(l−1) + 1, N)).

    Layers before l are the same at every grid point, so they are run once.
    """
    moved = (d1 != 0) | (d2 != 0)
    alpha = [np.zeros(0, bool) if b is None else moved[b] for b in net.alpha_block]
    first = next((l for l in range(2, net.L + 1) if moved[net.block[l]].any() or alpha[l].any()), net.L)
    Z = np.ones((net.sizes[first - 2] + 1, len(X)))
    if first == 2:
        Z[:-1] = X.T
        return first, Z
    saved = net.params.copy()
    try:
        net.params[...] = center
        net.forward(X)
        Z[:-1] = net.z[first - 1].T
    finally:
        net.params[...] = saved
    return first, Z


#: The largest |s·u| for which the first moved layer's e^(s·u) is taken from the
#: tables of :func:`_exp_tables`: then no factor or partial product over- or underflows.
EXP_BOUND = 700.0
#: At most this many numbers (16 MB) in those tables; a larger slice calls exp per point.
MAX_TABLE_SIZE = 2_000_000


def _exp_tables(net, first, shared, center, d1, d2, alphas, betas, limit=MAX_TABLE_SIZE):
    """(T_α, T_β) with e^(s·u) = T_α[a] T_β[b] at the grid point (alphas[a], betas[b])
    for layer ``first`` (hidden, with an activation of ``exp_scale`` s), or None.

    u = u₀ + α u₁ + β u₂ is linear in (α, β) there (its input ``shared`` is fixed), so
    T_α[a] = e^(s·u₀) e^(s·alphas[a]·u₁), T_β[b] = e^(s·betas[b]·u₂): the exponentials
    cost (A + B + 1)·n·N instead of A·B·n·N, and each point two products, a few ulps
    from e^(s·u). None when layer ``first`` has no such activation, is the output
    layer, when |s·u| could exceed :data:`EXP_BOUND` anywhere on the grid, or when
    the tables would hold more than ``limit`` numbers.
    """
    s = net.act[first].exp_scale if first < net.L else None
    if s is None or (len(alphas) + len(betas)) * shared.shape[1] * net.sizes[first - 1] > limit:
        return None
    u0, u1, u2 = (v[net.block[first]].reshape(net.Wb[first].shape) @ shared for v in (center, d1, d2))
    reach = [np.abs(s * u).max(initial=0.0) * np.abs(t).max(initial=0.0)
             for u, t in ((u0, [1.0]), (u1, alphas), (u2, betas))]
    if sum(reach) > EXP_BOUND:
        return None
    Ta = np.exp((s * alphas)[:, None, None] * u1)
    Ta *= np.exp(s * u0)
    return Ta, np.exp((s * betas)[:, None, None] * u2)


def loss_slice(net, X, D, center, d1, d2, alphas, betas, chunk=None, progress=None,
               max_bytes=4e6):
    """The data loss L(c + α d₁ + β d₂) on a grid, batched over grid points.

    Parameters
    ----------
    net : Network
        Supplies the architecture, activations, loss and reduction (its
        parameters are left as they were).
    X, D : ndarray, shapes (N, n_1) and (N, n_L)
    center, d1, d2 : ndarray, shape (P,)
    alphas, betas : ndarray, shapes (A,) and (B,)
    chunk : int, optional
        Grid points per batched pass; by default as many as fit in ``max_bytes``
        of layer values (N · Σ(n_l + 1) · 16 bytes per point).
    progress : callable(done, total) -> bool, optional
        Called after each chunk with the number of grid points done; returning
        False (not None) raises :class:`Cancelled`, and nothing is returned.

    Returns
    -------
    ndarray, shape (B, A)
        Entry [b, a] is the loss at α = alphas[a], β = betas[b] (rows are β, the
        image convention), with the parameters c + α d₁ + β d₂ as computed here.
    """
    X, D = np.asarray(X, dtype=float), np.asarray(D, dtype=float)
    center, d1, d2 = (np.asarray(v, dtype=float) for v in (center, d1, d2))
    if any(v.shape != (net.n_params,) for v in (center, d1, d2)):
        raise InputError("center, d1 and d2 must have shape ({count},)", count=net.n_params)
    if X.ndim != 2 or X.shape[1] != net.sizes[0] or D.shape != (len(X), net.sizes[-1]):
        raise InputError("X {x} and D {d} do not fit a {sizes} network", x=X.shape, d=D.shape, sizes=net.sizes)
    alphas, betas = np.asarray(alphas, float).ravel(), np.asarray(betas, float).ravel()
    ia, ib = (i.ravel() for i in np.meshgrid(np.arange(len(alphas)), np.arange(len(betas))))
    a_flat, b_flat = alphas[ia], betas[ib]
    total = a_flat.size
    first, shared = _shared_prefix(net, X, center, d1, d2)
    per_point = 16 * len(X) * sum(n + 1 for n in net.sizes[first - 1:])
    chunk = int(chunk or max(1, min(total, max_bytes // per_point)))
    with np.errstate(all="ignore"):
        tables = _exp_tables(net, first, shared, center, d1, d2, alphas, betas)
    batch, out = _Batch(net, D, chunk, first, shared, tables), np.empty(total)
    for s in range(0, total, chunk):
        a, b = a_flat[s:s + chunk, None], b_flat[s:s + chunk, None]
        params = center + a * d1 + b * d2
        with np.errstate(all="ignore"):
            out[s:s + chunk] = batch.loss(params, ia[s:s + chunk], ib[s:s + chunk])
        done = min(s + chunk, total)
        if not keep_going(progress, done, total):
            raise Cancelled("loss slice cancelled after {done} of {total} points", done=done, total=total)
    return out.reshape(len(betas), len(alphas))


def hessian(net, X, D, h=1e-5, progress=None):
    """∇²L of the data loss at ``net.params``, shape (P, P), symmetric.

    Column k is the central difference (∇L(w + h_k e_k) − ∇L(w − h_k e_k)) / 2h_k
    of the backprop gradient, h_k = h · max(1, |w_k|); the result is symmetrised.
    Costs 2P backward passes, so it refuses P > :data:`MAX_HESSIAN_PARAMS`
    (ValueError). ``progress(done, total)`` (optional) hears after every
    :data:`HESSIAN_CHUNK` columns; returning False raises :class:`Cancelled`.
    ``net.params`` is restored; its layer buffers are overwritten.
    """
    P = net.n_params
    if P > MAX_HESSIAN_PARAMS:
        raise InputError("the Hessian needs {count}² entries; only nets with at most {limit} parameters "
                         "are supported", count=P, limit=MAX_HESSIAN_PARAMS)
    w0 = net.params.copy()
    H = np.empty((P, P))
    try:
        for k in range(P):
            step = h * max(1.0, abs(w0[k]))
            ends, cols = (w0[k] + step, w0[k] - step), []
            for wk in ends:
                net.params[...] = w0
                net.params[k] = wk
                net.forward(X)
                cols.append(net.backward(D).copy())
            H[:, k] = (cols[0] - cols[1]) / (ends[0] - ends[1])    # the step as represented
            if ((k + 1) % HESSIAN_CHUNK == 0 or k + 1 == P) and not keep_going(progress, k + 1, P):
                raise Cancelled("Hessian cancelled after {done} of {total} columns", done=k + 1, total=P)
    finally:
        net.params[...] = w0
    return 0.5 * (H + H.T)
