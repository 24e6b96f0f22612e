"""The nine activation functions of the lecture's table, each as (f, f').

Every activation is one object holding the function and its derivative side by
side, as in the lecture's table (lecture §2, README's tour) and TensorFlow Playground's
``Activations`` registry. Both work element-wise on arrays of any shape and can
write into a preallocated ``out`` array, so a training step allocates nothing.

``df(u, z)`` receives both the input u and the output z = f(u) because several
derivatives are cheapest in terms of z (sigmoid: z(1 − z), tanh: 1 − z²,
ELU: z + α), exactly as the table writes them.

PReLU's slope α is a learned parameter, one per unit: its ``f`` and ``df`` take
``alpha`` of shape (n_units,), broadcast over the batch, and ``dalpha`` gives
∂z/∂α. ELU's α is a fixed setting chosen when the object is made.

A forward pass that needs no derivative (the loss slice of nnviz.core.landscape)
calls ``value(u, out)``: the same function as ``f`` to a few ulps, sometimes
computed faster (sigmoid with one exp instead of two; tanh from one exp, to 1e-15). The activations built on
one exponential (sigmoid, tanh, softplus) also say so: ``exp_scale`` s and
``of_exp(E, out)`` give f(u) from E = e^(s·u), so a caller that can form E more
cheaply than by exp (the slice's first moved layer, where
e^(s·(u₀ + α u₁ + β u₂)) = e^(s·u₀) e^(sα u₁) e^(sβ u₂)) need not call exp at all.
"""
from __future__ import annotations

import numpy as np

from .errors import InputError, Term

__all__ = ["Activation", "ACTIVATIONS", "OUTPUT_ACTIVATIONS", "get_activation", "softmax"]

#: 0, 1 and −1 as 0-d arrays: a ufunc converts a Python float anew on every call, which
#: at the app's sizes costs as much as the arithmetic (the same numbers either way).
ZERO, ONE, MINUS_ONE, TWO = np.zeros(()), np.ones(()), -np.ones(()), np.full((), 2.0)


def _into(values, out):
    """``values``, copied into ``out`` when one is given."""
    if out is None:
        return values
    np.copyto(out, values)
    return out


class Activation:
    """An element-wise activation f with its derivative f'.

    Attributes
    ----------
    name : str
        Registry key, also the name the UI and the CLI show.
    formula, derivative : str
        The table's row in plain text, for tooltips and the gallery.
    learned_alpha : bool
        True for PReLU: the layer owns one learned α per unit.
    z_only : bool
        True when f' is written in z alone (sigmoid, tanh): ``df(None, z)`` works.

    Methods (every subclass defines both)
    -------
    f(u, out=None, alpha=None)
        z = f(u); ``u`` and ``out`` of shape (N, n), or any shape.
    into(alpha=None)
        f as a function of (u, out), for the forward pass of a training step.
    df(u, z, out=None, alpha=None)
        f'(u), given u and z = f(u); same shape as u.
    """

    name = ""
    formula = ""
    derivative = ""
    learned_alpha = False
    z_only = False        # True when df uses z alone (then it may get u=None)
    exp_scale = None      # s when f(u) = of_exp(e^(s·u)) (sigmoid, tanh, softplus)

    def __repr__(self):
        return f"Activation({self.name!r})"

    def __call__(self, u, alpha=None):
        return self.f(np.asarray(u, dtype=float), alpha=alpha)

    def into(self, alpha=None):
        """f as a function ``(u, out)`` with α bound: what a training step calls per layer."""
        return lambda u, out: self.f(u, out=out, alpha=alpha)

    def value(self, u, out, alpha=None):
        """z = f(u) into ``out`` for a forward pass that keeps neither u nor a derivative
        (the loss slice's): the same function as ``f`` to a few ulps, maybe computed
        faster. ``u`` is scratch, overwritten where that saves a temporary array (which at
        the slice's sizes costs as much as the arithmetic); ``out`` is another array."""
        return self.f(u, out=out, alpha=alpha)


def _f_by_value(act, u, out, alpha):
    """``act.f`` through ``act.value``, the one place its formula is written: on a copy of u
    (value's scratch), into ``out`` or a new array."""
    u = np.array(u, dtype=float)
    return act.value(u, np.empty_like(u) if out is None else out, alpha)


def _via_exp(act, u, out):
    """f(u) = act.of_exp(e^(s·u)) into ``out``, with no warning when e^(s·u) over- or
    underflows (of_exp takes ∞ and 0 as the limits)."""
    with np.errstate(over="ignore", under="ignore"):
        np.multiply(u, act.exp_scale, out)
        return act.of_exp(np.exp(out, out), out)


class Identity(Activation):
    name, formula, derivative = "identity", "x", Term("1")

    def f(self, u, out=None, alpha=None):
        if out is None:
            return np.array(u, dtype=float)
        np.copyto(out, u)
        return out

    def df(self, u, z, out=None, alpha=None):
        if out is None:
            return np.ones_like(u)
        out.fill(1.0)
        return out


class BinaryStep(Activation):
    name, formula, derivative = "step", "0 (x < 0), 1 (x ≥ 0)", Term("0 (x ≠ 0; 0 at x = 0)")

    def f(self, u, out=None, alpha=None):
        return np.greater_equal(u, 0.0, out=out, casting="unsafe") if out is not None \
            else (u >= 0).astype(float)

    def df(self, u, z, out=None, alpha=None):
        if out is None:
            return np.zeros_like(u)
        out.fill(0.0)
        return out


class Sigmoid(Activation):
    name, formula, derivative = "sigmoid", "1 / (1 + e^(−x))", Term("f(x)(1 − f(x))")

    z_only = True

    def f(self, u, out=None, alpha=None):
        # e = e^(−|u|) ≤ 1 never overflows: σ(u) = 1/(1+e) for u ≥ 0, e/(1+e) for u < 0,
        # which keeps full relative precision in both tails.
        e = np.copysign(u, MINUS_ONE)   # −|u|
        np.exp(e, e)
        np.add(e, ONE, e)
        num = np.minimum(u, ZERO, out=out)   # e^min(u, 0): 1 for u ≥ 0, e for u < 0 (np.where is slower)
        np.exp(num, num)
        return np.divide(num, e, num)

    def into(self, alpha=None):
        return self.f

    exp_scale = -1.0

    @staticmethod
    def of_exp(E, out):
        """σ = 1 / (1 + E) from E = e^(−u) (E is overwritten); E = ∞ gives 0."""
        np.add(E, ONE, E)
        return np.divide(ONE, E, out)

    def value(self, u, out, alpha=None):
        # 1/(1 + e^(−u)) with one exp: within 2 ulps of f wherever σ(u) is a normal
        # number (u > −708); below, e^(−u) overflows to ∞ and σ rounds to 0 (f gives
        # a subnormal).
        return _via_exp(self, u, out)

    def df(self, u, z, out=None, alpha=None):
        out = np.subtract(ONE, z, out=out)
        out *= z
        return out


class Tanh(Activation):
    name, formula, derivative = "tanh", "tanh(x) = 2 / (1 + e^(−2x)) − 1", Term("1 − f(x)²")
    z_only = True

    def f(self, u, out=None, alpha=None):
        return np.tanh(u, out=out)

    def into(self, alpha=None):
        return np.tanh

    exp_scale = -2.0

    @staticmethod
    def of_exp(E, out):
        """tanh u = 2 / (1 + E) − 1 from E = e^(−2u) (E is overwritten): within 1e-15 of
        tanh u (absolutely; relatively only away from 0); E = ∞ gives −1, E = 0 gives 1."""
        np.add(E, ONE, E)
        np.divide(TWO, E, out)
        return np.subtract(out, ONE, out)

    def value(self, u, out, alpha=None):
        # of_exp(e^(−2u)): one exp and three cheap passes, as fast as np.tanh where both
        # have vector loops (AVX-512), twice as fast where neither has; within 1e-15 of it.
        return _via_exp(self, u, out)

    def df(self, u, z, out=None, alpha=None):
        out = np.multiply(z, z, out)
        return np.subtract(ONE, out, out)


class ArcTan(Activation):
    name, formula, derivative = "arctan", "tan⁻¹(x)", Term("1 / (x² + 1)")

    def f(self, u, out=None, alpha=None):
        return np.arctan(u, out=out)

    def df(self, u, z, out=None, alpha=None):
        out = np.multiply(u, u, out=out)
        out += 1.0
        np.reciprocal(out, out=out)
        return out


class ReLU(Activation):
    name, formula, derivative = "relu", "0 (x < 0), x (x ≥ 0)", Term("0 (x < 0), 1 (x ≥ 0)")

    def f(self, u, out=None, alpha=None):
        return np.maximum(u, ZERO, out=out)

    def df(self, u, z, out=None, alpha=None):
        return np.greater_equal(u, 0.0, out=out, casting="unsafe") if out is not None \
            else (u >= 0).astype(float)


class PReLU(Activation):
    name, formula, derivative = "prelu", "αx (x < 0), x (x ≥ 0)", Term("α (x < 0), 1 (x ≥ 0)")
    learned_alpha = True
    alpha_init = 0.25  # He et al. 2015

    def f(self, u, out=None, alpha=None):
        return _f_by_value(self, u, out, alpha)

    def value(self, u, out, alpha=None):
        # max(x, 0) + α min(x, 0), with u as the scratch of αx (x < 0): no temporary array
        np.maximum(u, ZERO, out=out)
        np.multiply(np.minimum(u, ZERO, out=u), self.alpha_init if alpha is None else alpha, out=u)
        return np.add(out, u, out)

    def df(self, u, z, out=None, alpha=None):
        a = self.alpha_init if alpha is None else alpha
        return _into(np.where(u < 0, a, 1.0), out)

    @staticmethod
    def dalpha(u):
        """∂z/∂α = x for x < 0, 0 otherwise. Shape of u."""
        return np.minimum(u, 0.0)


class ELU(Activation):
    name, formula, derivative = "elu", "α(eˣ − 1) (x < 0), x (x ≥ 0)", Term("f(x) + α (x < 0), 1 (x ≥ 0)")

    def __init__(self, alpha=1.0):
        self.alpha = float(alpha)

    def f(self, u, out=None, alpha=None):
        return _f_by_value(self, u, out, alpha)

    def value(self, u, out, alpha=None):
        # max(x, 0) + α(e^min(x, 0) − 1), with u as the scratch of the second term: no temporary
        # array (α = 1 needs no multiplication)
        np.maximum(u, ZERO, out=out)
        np.expm1(np.minimum(u, ZERO, out=u), out=u)
        if self.alpha != 1.0:
            np.multiply(u, self.alpha, out=u)
        return np.add(out, u, out)

    def df(self, u, z, out=None, alpha=None):
        return _into(np.where(u < 0, z + self.alpha, 1.0), out)

    def __repr__(self):
        return f"Activation('elu', alpha={self.alpha})"


class SoftPlus(Activation):
    name, formula, derivative = "softplus", "ln(1 + eˣ)", Term("1 / (1 + e^(−x))")

    def f(self, u, out=None, alpha=None):
        return _f_by_value(self, u, out, alpha)

    def value(self, u, out, alpha=None):
        # ln(1 + e^u) = max(u, 0) + ln(1 + e^(−|u|)): no overflow for any u, full relative
        # precision in both tails, u the scratch of the tail. (np.logaddexp(0, u) is the same
        # formula in one call but has no vector loop: about 6× slower where exp and log1p
        # have one, 1.5× elsewhere.)
        np.maximum(u, ZERO, out=out)
        np.log1p(np.exp(np.copysign(u, MINUS_ONE, out=u), out=u), out=u)
        return np.add(out, u, out)

    exp_scale = 1.0

    @staticmethod
    def of_exp(E, out):
        """ln(1 + E) from E = e^u, to a few ulps (relatively) for finite E."""
        return np.log1p(E, out)

    def df(self, u, z, out=None, alpha=None):
        return _SIGMOID.f(u, out=out)


_SIGMOID = Sigmoid()

#: The lecture's table, keyed by the names the UI and the CLI show, in its order.
ACTIVATIONS = {a.name: a for a in (Identity(), BinaryStep(), _SIGMOID, Tanh(), ArcTan(),
                                   ReLU(), PReLU(), ELU(), SoftPlus())}

#: Display names for the registry keys (the table's first column).
TITLES = {"identity": Term("Identity"), "step": Term("Binary step"), "sigmoid": Term("Logistic (sigmoid)"),
          "tanh": Term("Tanh"), "arctan": Term("ArcTan"), "relu": Term("ReLU"), "prelu": Term("PReLU"),
          "elu": Term("ELU"), "softplus": Term("SoftPlus")}

#: Output activations: the nine, plus softmax (vector-valued, output layer only).
OUTPUT_ACTIVATIONS = tuple(ACTIVATIONS) + ("softmax",)
OUTPUT_TITLES = {**TITLES, "softmax": Term("Softmax")}


def get_activation(name, elu_alpha=1.0):
    """The activation registered as ``name``; ``elu_alpha`` sets ELU's α.

    Raises
    ------
    ValueError
        For an unknown name, listing the known ones.
    """
    if name == "elu" and elu_alpha != 1.0:
        return ELU(elu_alpha)
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise InputError("unknown activation {name!r}; choose one of {names}", name=name,
                         names=", ".join(ACTIVATIONS)) from None


def softmax(u, out=None):
    """SM_k(u) = exp(u_k) / Σ_j exp(u_j) along the last axis, stably.

    u: (N, K) → (N, K).
    """
    out = np.subtract(u, u.max(axis=-1, keepdims=True), out=out)
    np.exp(out, out=out)
    out /= out.sum(axis=-1, keepdims=True)
    return out
