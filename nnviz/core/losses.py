"""Losses, and the tasks that pair each with its output activation (lecture §3, README's tour).

Each loss is one object holding the per-sample loss L_n and its derivative
∂L_n/∂z with respect to the network output z = z^(L). The three tasks pick the
lecture's matched pairs:

========== ================== =====================================
task        output activation  loss L_n
========== ================== =====================================
regression  identity           ½‖z − d‖²            ("squared")
binary      sigmoid σ          −{d log z + (1−d) log(1−z)}  ("bce")
multiclass  softmax            −Σ_k d_k log z_k     ("ce", d one-hot)
========== ================== =====================================

With a matched pair the output delta is δ^(L) = ∂L_n/∂u^(L) = z − d, and the
loss is evaluated from u^(L) (log-sum-exp, softplus) so it never overflows.
Any other pairing is allowed and uses the general chain rule
δ^(L) = f'(u^(L)) ⊙ ∂L_n/∂z (for softmax, its Jacobian). :func:`output_rule`
says, in words, which rule is in force.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np

from .activations import ZERO, get_activation
from .errors import InputError, Term

__all__ = ["LOSSES", "TASKS", "Task", "output_rule", "is_matched", "per_sample_loss", "bound_loss",
           "output_delta", "check_pair"]


class SquaredError:
    """Each loss has its key (``name``), the control's title, the ``noun`` a formula is named by
    and the ``short`` form that names a task's pair."""
    name, title = "squared", Term("squared error ½‖y − d‖²")
    noun, short = Term("squared error"), "½‖y − d‖²"

    @staticmethod
    def value(z, d):
        """L_n = ½ Σ_k (z_k − d_k)². z, d: (N, K) → (N,)."""
        r = z - d
        if r.shape[1] != 1:
            return 0.5 * np.einsum("nk,nk->n", r, r)
        r *= r
        r *= 0.5
        return r[:, 0]

    @staticmethod
    def dz(z, d):
        """∂L_n/∂z = z − d, shape (N, K)."""
        return z - d


class BinaryCrossEntropy:
    name, title = "bce", Term("cross-entropy −{d log y + (1 − d) log(1 − y)}")
    noun = short = Term("cross-entropy")

    @staticmethod
    def value(z, d):
        """L_n = −Σ_k {d log z + (1 − d) log(1 − z)}. (N, K) → (N,)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return -np.sum(d * np.log(z) + (1 - d) * np.log1p(-z), axis=1)

    @staticmethod
    def value_from_u(u, d):
        """The same with z = σ(u), computed as Σ softplus(u) − d u (never overflows):
        softplus(u) = ln(1 + e^u) = log(e^0 + e^u), NumPy's stable logaddexp(0, u)."""
        t = np.logaddexp(ZERO, u)
        t -= d * u
        return t[:, 0] if t.shape[1] == 1 else np.add.reduce(t, axis=1)   # K = 1: the column, one call less

    @staticmethod
    def dz(z, d):
        """∂L_n/∂z = (z − d) / (z (1 − z))."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return (z - d) / (z * (1 - z))


class CrossEntropy:
    name, title = "ce", Term("cross-entropy −Σ_k d_k log y_k")
    noun = short = Term("cross-entropy")

    @staticmethod
    def value(z, d):
        """L_n = −Σ_k d_k log z_k. (N, K) → (N,)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return -np.sum(np.where(d != 0, d * np.log(z), 0.0), axis=1)

    @staticmethod
    def value_from_u(u, d):
        """The same with z = softmax(u): log Σ_j e^(u_j) − Σ_k d_k u_k (log-sum-exp)."""
        m = np.maximum.reduce(u, axis=1, keepdims=True)
        e = np.subtract(u, m)
        np.exp(e, out=e)
        lse = np.log(np.add.reduce(e, axis=1))
        lse += m[:, 0]
        lse *= np.add.reduce(d, axis=1)
        lse -= np.einsum("nk,nk->n", d, u)
        return lse

    @staticmethod
    def dz(z, d):
        """∂L_n/∂z = −d / z."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(d != 0, -d / z, 0.0)


LOSSES = {c.name: c() for c in (SquaredError, BinaryCrossEntropy, CrossEntropy)}

#: The matched (output activation, loss) pairs, for which δ^(L) = z − d.
MATCHED = {("identity", "squared"), ("sigmoid", "bce"), ("softmax", "ce")}


@dataclass(frozen=True)
class Task:
    """A problem type and its matched output activation and loss."""
    name: str
    output: str
    loss: str
    title: str


TASKS = {
    "regression": Task("regression", "identity", "squared", Term("regression")),
    "binary": Task("binary", "sigmoid", "bce", Term("2-class classification")),
    "multiclass": Task("multiclass", "softmax", "ce", Term("K-class classification")),
}


def is_matched(output, loss):
    """True when (output activation, loss) is one of the lecture's matched pairs."""
    return (output, loss) in MATCHED


def output_rule(output, loss):
    """The rule for δ^(L) in force for this pairing, in the lecture's notation."""
    if is_matched(output, loss):
        return Term("δ^(L) = z − d (matched output/loss pair)")
    if output == "softmax":
        return Term("δ^(L) = J_softmax(u^(L))ᵀ ∂L/∂z (general chain rule)")
    return Term("δ^(L) = f'(u^(L)) ⊙ ∂L/∂z (general chain rule)")


def check_pair(output, loss, n_out):
    """Raise ValueError for a pairing that cannot work; return None otherwise.

    Cross-entropy needs outputs in (0, 1): a sigmoid or softmax output layer.
    Softmax needs at least two output units.
    """
    if loss not in LOSSES:
        raise InputError("unknown loss {name!r}; choose one of {names}", name=loss, names=", ".join(LOSSES))
    if output != "softmax":
        get_activation(output)
    elif n_out < 2:
        raise InputError("a softmax output needs at least 2 output units")
    if loss in ("bce", "ce") and output not in ("sigmoid", "softmax"):
        raise InputError("cross-entropy needs outputs in (0, 1): use a sigmoid or softmax output layer, "
                         "not {output!r}", output=output)


def per_sample_loss(output, loss, u, z, d):
    """L_n for each sample: u, z, d of shape (N, K) → (N,).

    With a matched classification pair the loss is computed from u^(L), stably.
    """
    return bound_loss(output, loss, u, z)(d)


def bound_loss(output, loss, u, z):
    """:func:`per_sample_loss` as a function of d alone, for arrays u, z that a
    network fills anew for each batch."""
    fn = LOSSES[loss]
    if (output, loss) in (("sigmoid", "bce"), ("softmax", "ce")):
        return partial(fn.value_from_u, u)
    return partial(fn.value, z)


def output_delta(output, loss, u, z, d, act=None, alpha=None, out=None):
    """δ^(L) = ∂L_n/∂u^(L) for each sample, shape (N, K).

    ``act`` is the output Activation object (None for softmax) and ``alpha`` a
    PReLU output layer's learned α, shape (K,).
    """
    if is_matched(output, loss):
        return np.subtract(z, d, out=out)
    g = LOSSES[loss].dz(z, d)
    if output == "softmax":
        # Jacobian of softmax: ∂z_k/∂u_j = z_k(δ_kj − z_j), so δ_j = z_j (g_j − Σ_k z_k g_k)
        delta = z * (g - np.einsum("nk,nk->n", z, g)[:, None])
    else:
        delta = act.df(u, z, alpha=alpha) * g
    if out is None:
        return delta
    np.copyto(out, delta)
    return out
