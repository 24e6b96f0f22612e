"""Analytic 2-D test surfaces and the optimisers' paths across them (lecture §5–6, README's tour).

Each :class:`Surface` holds f, its gradient and its Hessian, written out by
hand, plus what a view needs: a box, a start point, a learning rate ε that
shows the surface's point, and its known critical points (for the tests and for
markers). "custom" wraps a typed :class:`~nnviz.core.formula.Formula`.

:func:`run_paths` moves a point w = (x, y) with the very update rules that train
the network (:mod:`nnviz.core.optimizers`). The optimiser names are those of
:data:`~nnviz.core.optimizers.OPTIMIZERS` plus two of the lecture's:

* ``"gd"``  — the plain rule w ← w − ε∇L on the exact gradient (full-batch GD);
* ``"sgd"`` — the plain rule on ∇L + ξ, ξ ~ N(0, noise² I), standing in for the
  sample-to-sample noise of a one-sample gradient.

Every name other than "gd" sees the same seeded noise ξ (with ``noise=0`` "sgd"
equals "gd"), so "momentum" is the lecture's momentum SGD and the racers differ
only in their update rule (and, where a :class:`Scene` says so, their ε).

Each surface carries its :class:`Scene`: the optimisers, ε, μ, noise, steps and
seed the arena opens it with and ``nnviz paths`` runs by default, so the window,
the command line and the tests show one and the same race.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from .errors import InputError, Term
from .formula import Formula, parse_formula
from .optimizers import make_optimizer

__all__ = ["Surface", "Scene", "SURFACES", "RACERS", "RAVINE_AB", "make_surface", "Path", "run_paths",
           "run_scene", "path_outcome", "steps_near", "sign_changes", "claim_holds", "convergence_map",
           "hessian_eigen", "spectrum_label", "DIVERGENCE_LIMIT", "MAX_STEPS", "MAX_NOISE", "MAX_PLOT_VALUE",
           "plot_field", "view_field"]

#: A path stops, diverged, once a coordinate's size exceeds this.
DIVERGENCE_LIMIT = 1e6
MAX_STEPS, MAX_NOISE = 10_000, 100.0      # of run_paths: steps per path, std of the gradient noise
#: The largest |L| a plot draws (and computes colour scales with); beyond it, off the scale.
MAX_PLOT_VALUE = 1e100
SADDLE_RADIUS = 0.25         # "near the saddle point" in claim_holds
#: Every name :func:`run_paths` races, in display order.
RACERS = ("gd", "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
#: The curvatures a, b of the ravine ½(a x² + b y²) (also of the arena's convergence map).
RAVINE_AB = (0.25, 20.0)


@dataclass(frozen=True)
class Scene:
    """How a surface opens in the arena and what ``nnviz paths`` runs on it by default.

    ``optimizers`` are names of :data:`RACERS`; ``own_eps`` gives some of them their
    own learning rate as ((name, ε), ...) (every other one uses the surface's ε; a
    :class:`Surface` adds those of AdaGrad, RMSProp and Adam, see ``_adaptive_eps``);
    ``mu``, ``noise``, ``steps`` and ``seed`` are those of :func:`run_paths`.
    """
    optimizers: tuple = RACERS
    own_eps: tuple = ()
    mu: float = 0.9
    noise: float = 0.5
    steps: int = 200
    seed: int = 0


def _adaptive_eps(view, scale=0.02):
    """AdaGrad, RMSProp and Adam step about ε per coordinate, whatever ‖∇L‖ is: their own ε
    is a fixed share of the plot's width (AdaGrad's 5 times that, as its steps shrink)."""
    width = max(view[1] - view[0], view[3] - view[2])
    eps = round(scale * width, 4)             # 4 decimals: what the arena's boxes hold exactly
    return (("adagrad", round(5 * eps, 4)), ("rmsprop", eps), ("adam", eps))


@dataclass(frozen=True)
class Surface:
    """A loss surface L(x, y) over the plane.

    ``f(x, y)``, ``grad(x, y) -> (L_x, L_y)`` and ``hess(x, y) -> (L_xx, L_xy, L_yy)``
    take numbers or arrays of broadcastable shapes and return float arrays of the
    broadcast shape. ``view`` is (x0, x1, y0, y1); ``start`` a suggested (x, y);
    ``eps`` a suggested ε; ``critical`` the known critical points as
    ((kind, (x, y)), ...) with kind "minimum", "maximum" or "saddle"; ``scene`` the
    :class:`Scene` it opens with (the adaptive optimisers' ε from the view unless given).
    """
    name: str
    text: str
    f: object
    grad: object
    hess: object
    view: tuple
    start: tuple
    eps: float
    critical: tuple = ()
    scene: Scene = None

    def __post_init__(self):
        scene = self.scene or Scene()
        own = dict(_adaptive_eps(self.view), **dict(scene.own_eps))
        object.__setattr__(self, "scene", replace(scene, own_eps=tuple(own.items())))

    def loss(self, w):
        """L(w) for w = (x, y), a float."""
        return float(self.f(w[0], w[1]))

    def gradient(self, w):
        """∇L(w), shape (2,)."""
        return np.array(self.grad(w[0], w[1]), dtype=float)

    def hessian(self, w):
        """∇²L(w), shape (2, 2)."""
        fxx, fxy, fyy = (float(v) for v in self.hess(w[0], w[1]))
        return np.array([[fxx, fxy], [fxy, fyy]])


def _surface(name, text, f, grad, hess, **kw):
    """A Surface whose functions broadcast their results to the shape of (x, y)."""
    def wrap(fn):
        def call(x, y):
            x, y = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
            with np.errstate(all="ignore"):
                out = fn(x, y)
            if isinstance(out, tuple):
                return tuple(np.array(np.broadcast_to(v, x.shape), dtype=float) for v in out)
            return np.array(np.broadcast_to(out, x.shape), dtype=float)
        return call
    return Surface(name, text, wrap(f), wrap(grad), wrap(hess), **kw)


def ravine(a=RAVINE_AB[0], b=RAVINE_AB[1]):
    """½(a x² + b y²): the "SGD vs Momentum SGD" ravine; ε > 2/b diverges.

    Its scene is the slide: SGD at ε = 1.9/b, just below 2/b, overshoots the valley's
    floor at every step (y ← (1 − εb) y = −0.9 y flips sign) and crawls along x;
    momentum SGD (μ = 0.8) with a smaller ε = 0.5/b swings across far less often and,
    carried by its velocity, gets further along the valley."""
    return _surface("ravine", f"0.5*({a:g}*x**2 + {b:g}*y**2)",
                    lambda x, y: 0.5 * (a * x ** 2 + b * y ** 2),
                    lambda x, y: (a * x, b * y),
                    lambda x, y: (a, 0.0, b),
                    view=(-3.0, 3.0, -1.5, 1.5), start=(-2.5, 1.0), eps=1.9 / b,
                    critical=(("minimum", (0.0, 0.0)),),
                    scene=Scene(("sgd", "momentum"), (("momentum", 0.5 / b),),
                                mu=0.8, noise=0.1, steps=100))


def saddle():
    """x² − y²: GD started just off y = 0 runs into the saddle and lingers there (y grows by
    only 1 + 2ε a step) before it leaves downhill; the noise of SGD pushes it off sooner."""
    return _surface("saddle", "x**2 - y**2",
                    lambda x, y: x ** 2 - y ** 2,
                    lambda x, y: (2 * x, -2 * y),
                    lambda x, y: (2.0, 0.0, -2.0),
                    view=(-2.0, 2.0, -2.0, 2.0), start=(-1.5, 1e-4), eps=0.1,
                    critical=(("saddle", (0.0, 0.0)),),
                    scene=Scene(("gd", "sgd"), noise=0.5, steps=80))


def monkey():
    """x³ − 3xy²: the monkey saddle; its Hessian vanishes at 0 (degenerate)."""
    return _surface("monkey", "x**3 - 3*x*y**2",
                    lambda x, y: x ** 3 - 3 * x * y ** 2,
                    lambda x, y: (3 * x ** 2 - 3 * y ** 2, -6 * x * y),
                    lambda x, y: (6 * x, -6 * y, -6 * x),
                    view=(-2.0, 2.0, -2.0, 2.0), start=(1.5, 0.0), eps=0.05,
                    critical=(("saddle", (0.0, 0.0)),))


def rosenbrock():
    """(1 − x)² + 100(y − x²)²: a curved, flat-bottomed valley; minimum at (1, 1)."""
    return _surface("rosenbrock", "(1 - x)**2 + 100*(y - x**2)**2",
                    lambda x, y: (1 - x) ** 2 + 100 * (y - x ** 2) ** 2,
                    lambda x, y: (-2 * (1 - x) - 400 * x * (y - x ** 2), 200 * (y - x ** 2)),
                    lambda x, y: (2 - 400 * y + 1200 * x ** 2, -400 * x, 200.0),
                    view=(-2.0, 2.0, -1.0, 3.0), start=(-1.5, 2.0), eps=5e-4,
                    critical=(("minimum", (1.0, 1.0)),),
                    scene=Scene(steps=1500))


def himmelblau():
    """(x² + y − 11)² + (x + y² − 7)²: four minima (restarts end in different ones)."""
    return _surface("himmelblau", "(x**2 + y - 11)**2 + (x + y**2 - 7)**2",
                    lambda x, y: (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2,
                    lambda x, y: (4 * x * (x ** 2 + y - 11) + 2 * (x + y ** 2 - 7),
                                  2 * (x ** 2 + y - 11) + 4 * y * (x + y ** 2 - 7)),
                    lambda x, y: (12 * x ** 2 + 4 * y - 42, 4 * (x + y), 4 * x + 12 * y ** 2 - 26),
                    view=(-5.0, 5.0, -5.0, 5.0), start=(0.0, 0.0), eps=0.01,
                    critical=(("minimum", (3.0, 2.0)),
                              ("minimum", (-2.805118086952745, 3.131312518250573)),
                              ("minimum", (-3.779310253377747, -3.2831859912861696)),
                              ("minimum", (3.5844283403304917, -1.8481265269644034)),
                              ("maximum", (-0.2708445906673476, -0.9230385564799815)),
                              ("saddle", (-3.0730257507643897, -0.08135304428796751)),
                              ("saddle", (-0.12796134673068005, -1.9537149802445766)),
                              ("saddle", (0.08667750455539634, 2.884254701174776)),
                              ("saddle", (3.385154183607021, 0.07385187983774928))))


_BEALE_C = (1.5, 2.25, 2.625)


def _beale_terms(x, y):
    """a_i = c_i − x + x yⁱ with yⁱ, (yⁱ)', (yⁱ)'' for i = 1, 2, 3."""
    p, dp, ddp = (y, y ** 2, y ** 3), (1.0, 2 * y, 3 * y ** 2), (0.0, 2.0, 6 * y)
    return [(c - x + x * pi, pi, di, ddi) for c, pi, di, ddi in zip(_BEALE_C, p, dp, ddp)]


def _beale_hess(x, y):
    t = _beale_terms(x, y)   # ∂a/∂x = yⁱ − 1, ∂a/∂y = x (yⁱ)'
    return (sum(2 * (p - 1) ** 2 for a, p, d, dd in t),
            sum(2 * (x * d * (p - 1) + a * d) for a, p, d, dd in t),
            sum(2 * ((x * d) ** 2 + a * x * dd) for a, p, d, dd in t))


def beale():
    """Σ_i (c_i − x + x yⁱ)², c = (1.5, 2.25, 2.625): minimum (3, ½), steep walls."""
    return _surface("beale", "(1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2",
                    lambda x, y: sum(a ** 2 for a, *_ in _beale_terms(x, y)),
                    lambda x, y: (sum(2 * a * (p - 1) for a, p, d, dd in _beale_terms(x, y)),
                                  sum(2 * a * x * d for a, p, d, dd in _beale_terms(x, y))),
                    _beale_hess,
                    view=(-4.5, 4.5, -4.5, 4.5), start=(1.0, 1.5), eps=1e-3,
                    critical=(("minimum", (3.0, 0.5)), ("saddle", (0.0, 1.0))),
                    scene=Scene(steps=1000))


def camel():
    """Six-hump camel (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²: six minima, two global."""
    pts = ((0.08984201310031807, -0.7126564030207396, "minimum"),
           (1.7036067149699814, -0.7960835686726251, "minimum"),
           (1.6071047529201976, 0.5686514548841313, "minimum"),
           (1.2302298765166526, 0.16233458445899498, "maximum"),
           (1.6380679841897785, 0.22867406904439408, "saddle"),
           (1.2960702671671092, 0.6050843880386585, "saddle"),
           (1.1092053368047865, -0.7682680925095399, "saddle"))
    crit = tuple((k, (s * x, s * y)) for x, y, k in pts for s in (1, -1)) + (("saddle", (0.0, 0.0)),)
    return _surface("camel", "(4 - 2.1*x**2 + x**4/3)*x**2 + x*y + (-4 + 4*y**2)*y**2",
                    lambda x, y: (4 - 2.1 * x ** 2 + x ** 4 / 3) * x ** 2 + x * y + (-4 + 4 * y ** 2) * y ** 2,
                    lambda x, y: (8 * x - 8.4 * x ** 3 + 2 * x ** 5 + y, x - 8 * y + 16 * y ** 3),
                    lambda x, y: (8 - 25.2 * x ** 2 + 10 * x ** 4, 1.0, -8 + 48 * y ** 2),
                    view=(-2.0, 2.0, -1.1, 1.1), start=(-1.5, -1.0), eps=0.01, critical=crit)


def custom(formula="x**2 - y**2"):
    """A typed formula (text or :class:`Formula`), with its symbolic derivatives."""
    F = formula if isinstance(formula, Formula) else parse_formula(formula)
    return Surface("custom", F.text, F.f, F.grad, F.hess, view=(-3.0, 3.0, -3.0, 3.0),
                   start=(2.0, 1.0), eps=0.01)


def plot_field(surface, X, Y):
    """L over the grid X, Y (arrays of one shape S) for drawing, shape S: values beyond
    ±:data:`MAX_PLOT_VALUE` become ±inf (off the scale, like an overflow), NaN stays NaN."""
    Z = surface.f(X, Y)
    big = np.abs(Z) > MAX_PLOT_VALUE
    Z[big] = np.copysign(np.inf, Z[big])
    return Z


def view_field(surface, n):
    """L on an n × n grid over the square around ``surface.view`` (the plot's shape).

    Returns (X, Y, Z, off_scale): arrays (n, n), rows along y, Z from :func:`plot_field`;
    ``off_scale`` is True when L is infinite or beyond ±MAX_PLOT_VALUE somewhere. Raises
    InputError when no point of the square has a drawable value."""
    x0, x1, y0, y1 = surface.view
    cx, cy, r = (x0 + x1) / 2, (y0 + y1) / 2, max(x1 - x0, y1 - y0) / 2
    X, Y = np.meshgrid(np.linspace(cx - r, cx + r, n), np.linspace(cy - r, cy + r, n))
    Z = plot_field(surface, X, Y)
    finite = np.isfinite(Z)
    if not finite.any():
        raise InputError("L(x, y) = {text} has no value to draw on the plot: it is infinite, beyond "
                         "±{limit:g} or not a number at every point", text=surface.text, limit=MAX_PLOT_VALUE)
    return X, Y, Z, bool(np.any(~finite & ~np.isnan(Z)))


#: Surface factories by the names the UI shows.
SURFACES = {fn.__name__: fn for fn in (ravine, saddle, monkey, rosenbrock, himmelblau, beale,
                                       camel, custom)}


def make_surface(name, formula=None, **params):
    """The surface ``name``; "custom" needs ``formula``; ``params`` go to the factory
    (e.g. ``a``, ``b`` of "ravine"). Raises ValueError (FormulaError is one)."""
    if name not in SURFACES:
        raise InputError("unknown surface {name!r}; choose one of {names}", name=name, names=", ".join(SURFACES))
    if name == "custom":
        if formula is None:
            raise InputError("the custom surface needs a formula in x and y")
        return custom(formula)
    return SURFACES[name](**params)


@dataclass(frozen=True)
class Path:
    """One optimiser's path.

    points : ndarray, shape (stop_step + 1, 2)
        w⁰ = start, w¹, ...: only finite points inside the divergence limit.
    losses : ndarray, shape (stop_step + 1,)
        L(wᵗ) at those points.
    diverged : bool
        True when the run stopped early; ``reason`` says why.
    stop_step : int
        The last step kept (``steps`` when the run completed).
    reason : str
        "" or why it stopped (non-finite gradient or loss, |w| > limit).
    """
    points: np.ndarray
    losses: np.ndarray
    diverged: bool
    stop_step: int
    reason: str = ""


def _run(surface, start, opt, eps, steps, noise_rng, noise):
    pts, losses = np.empty((steps + 1, 2)), np.empty(steps + 1)
    w = np.array(start, dtype=float)
    pts[0], losses[0], reason, t = w, surface.loss(w), "", 0
    for t in range(1, steps + 1):
        g = surface.gradient(w)
        if noise_rng is not None:
            g += noise_rng.normal(0.0, noise, 2)
        if not np.all(np.isfinite(g)):
            reason = Term("the gradient is not a finite number")
        else:
            opt.step(w, g, eps)
            loss = surface.loss(w)
            if not np.all(np.isfinite(w)) or np.abs(w).max() > DIVERGENCE_LIMIT:
                reason = Term("|w| exceeded {limit:g}", limit=DIVERGENCE_LIMIT)
            elif not np.isfinite(loss):
                reason = Term("the loss is not a finite number")
        if reason:
            t -= 1
            break
        pts[t], losses[t] = w, loss
    return Path(pts[:t + 1].copy(), losses[:t + 1].copy(), bool(reason), t, reason)


def run_paths(surface, start, optimizers, eps, mu=0.9, steps=100, noise=0.0, seed=0, own_eps=()):
    """Run each optimiser from the same start on ``surface``.

    Parameters
    ----------
    surface : Surface
    start : (x, y)
    optimizers : sequence of str
        "gd", "sgd" or any name of :data:`~nnviz.core.optimizers.OPTIMIZERS`.
    eps, mu : float
        Learning rate ε and momentum μ (for "momentum" and "nesterov").
    own_eps : mapping or ((name, ε), ...)
        Optimisers with their own learning rate instead of ``eps`` (e.g. a
        :class:`Scene`'s ``own_eps``).
    steps : int
        0 to :data:`MAX_STEPS`.
    noise, seed : float, int
        Std of the gradient noise (0 to :data:`MAX_NOISE`) added for every name but
        "gd"; each optimiser gets the same noise sequence, from
        ``numpy.random.default_rng(seed)``.

    Returns
    -------
    dict of str → Path
        Divergence is not an exception: the path keeps its finite prefix.
    """
    if not (isinstance(steps, (int, np.integer)) and 0 <= steps <= MAX_STEPS):
        raise InputError("steps must be a whole number from 0 to {limit:,}, got {value}", limit=MAX_STEPS,
                         value=steps)
    own_eps = dict(own_eps)
    for value in (eps, *own_eps.values()):
        if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
            raise InputError("the learning rate ε must be a finite number ≥ 0, got {value}", value=value)
    if not 0 <= noise <= MAX_NOISE:
        raise InputError("the gradient noise must be a number from 0 to {limit:g}, got {value}",
                         limit=MAX_NOISE, value=noise)
    if not (len(start) == 2 and all(abs(v) <= DIVERGENCE_LIMIT for v in start)):
        raise InputError("the start must be two numbers x, y of size at most {limit:g}, got {value}",
                         limit=DIVERGENCE_LIMIT, value=tuple(start))
    out = {}
    for name in optimizers:
        opt = make_optimizer("plain" if name in ("gd", "sgd") else name, mu=mu)
        rng = np.random.default_rng(seed) if noise > 0 and name != "gd" else None
        out[name] = _run(surface, start, opt, own_eps.get(name, eps), int(steps), rng, noise)
    return out


def run_scene(surface, **changes):
    """:func:`run_paths` with the surface's :class:`Scene` and start, ``changes`` (any
    keyword of :func:`run_paths`, e.g. ``eps=0.01`` or ``optimizers=["gd"]``) put in."""
    sc = surface.scene
    kw = dict(start=surface.start, optimizers=sc.optimizers, eps=surface.eps, mu=sc.mu, steps=sc.steps,
              noise=sc.noise, seed=sc.seed, own_eps=sc.own_eps)
    kw.update(changes)
    return run_paths(surface, **kw)


def path_outcome(path, surface):
    """How a path ended, for its label: (kind, step).

    ``("left", k)`` when it leaves ``surface.view`` at step k with its loss below the
    start's (it escaped downhill, e.g. off a saddle, even if it stopped later at the
    divergence limit); else ``("diverged", k)`` for a run that stopped at step k
    (``stop_step + 1``: the first step not kept); else ``("", None)``."""
    x0, x1, y0, y1 = surface.view
    p = path.points
    out = np.flatnonzero((p[:, 0] < x0) | (p[:, 0] > x1) | (p[:, 1] < y0) | (p[:, 1] > y1))
    if out.size and path.losses[out[0]] < path.losses[0]:
        return "left", int(out[0])
    if path.diverged:
        return "diverged", path.stop_step + 1
    return "", None


def sign_changes(path, n=50):
    """On how many of the first n steps the sign of y flips: a zig-zag across the ravine."""
    y = path.points[:n + 1, 1]
    return int(np.sum(np.sign(y[1:]) != np.sign(y[:-1])))


def claim_holds(surface, paths):
    """Whether ``paths`` (name → Path) show the claim of ``surface``'s scene; False when the
    surface has none or an optimiser of the claim is missing.

    * ravine: SGD's y changes sign on most of the first 50 steps, momentum's on at most
      half as many, and momentum ends lower (both 50 steps at least);
    * saddle: GD stays within 0.25 of the saddle point for ≥ 20 steps, SGD for at most half
      as many, and both leave the plotted region downhill.
    """
    if surface.name == "ravine" and {"sgd", "momentum"} <= set(paths):
        sgd, mom = paths["sgd"], paths["momentum"]
        return bool(min(sgd.stop_step, mom.stop_step) >= 50 and sign_changes(sgd) > 25
                    and sign_changes(mom) <= sign_changes(sgd) / 2 and mom.losses[-1] < sgd.losses[-1])
    if surface.name == "saddle" and {"gd", "sgd"} <= set(paths):
        near = [steps_near(paths[n], (0.0, 0.0), SADDLE_RADIUS) for n in ("gd", "sgd")]
        left = all(path_outcome(paths[n], surface)[0] == "left" for n in ("gd", "sgd"))
        return bool(near[0] >= 20 and near[1] <= near[0] / 2 and left)
    return False


def steps_near(path, point, radius):
    """How many points wᵗ of ``path`` lie within ``radius`` of ``point`` (x, y): the steps it
    lingers there, e.g. at a saddle point."""
    return int(np.sum(np.linalg.norm(path.points - np.asarray(point, dtype=float), axis=1) < radius))


def convergence_map(a, b, eps_values, mu_values):
    """Convergence rate of momentum on the ravine ½(a x² + b y²) over an (ε, μ) grid.

    Per eigenvalue λ the error obeys e_(t+1) = (1 + μ − ελ) e_t − μ e_(t−1), whose
    rate is the larger |root| of r² − (1 + μ − ελ) r + μ = 0 (Goh 2017, "Why
    Momentum Really Works"). The rate is the maximum over λ ∈ {a, b}.

    Returns
    -------
    ndarray, shape (len(mu_values), len(eps_values))
        The error shrinks like rateᵗ; rate ≥ 1 means no convergence (divergence > 1).
    """
    eps = np.asarray(eps_values, dtype=float)[None, :]
    mu = np.asarray(mu_values, dtype=float)[:, None]
    rate = np.zeros(np.broadcast(mu, eps).shape)
    for lam in (a, b):
        c = 1.0 + mu - eps * lam
        root = np.sqrt((c * c - 4.0 * mu).astype(complex))
        rate = np.maximum(rate, np.maximum(np.abs(c + root), np.abs(c - root)) / 2.0)
    return rate


def spectrum_label(eigenvalues, rtol=1e-6, atol=1e-12):
    """Name a critical point from its Hessian's eigenvalues, shape (P,).

    An eigenvalue counts as zero when |λ| ≤ atol + rtol · max|λ|.

    Returns
    -------
    label : str
        "minimum" (all > 0), "maximum" (all < 0), "saddle" (both signs) or "flat"
        (degenerate: none negative or none positive, some zero).
    n_negative : int
        How many eigenvalues are negative (directions that go downhill).
    """
    lam = np.asarray(eigenvalues, dtype=float)
    tol = atol + rtol * (np.abs(lam).max() if lam.size else 0.0)
    neg, pos = int(np.sum(lam < -tol)), int(np.sum(lam > tol))
    if neg and pos:
        return "saddle", neg
    if pos == lam.size:
        return "minimum", neg
    return ("maximum" if neg == lam.size else "flat"), neg


def hessian_eigen(surface, point, rtol=1e-6):
    """Eigenvalues, ascending, shape (2,), of ∇²L at ``point`` and their label (see
    :func:`spectrum_label`: "minimum", "maximum", "saddle" or "flat")."""
    lam = np.linalg.eigvalsh(surface.hessian(point))
    return lam, spectrum_label(lam, rtol)[0]
