"""Update rules and learning-rate schedules (lecture §5–6, README's tour).

Every optimiser updates one flat parameter vector in place from its gradient,
so it serves a network (``Network.params``) and a point on a 2-D test surface
alike. Names follow the lecture: ε (``eps``) is the learning rate, μ (``mu``)
the momentum coefficient.

=========  =================================================================
plain      w^(t+1) = w^t − ε∇L                          (gradient descent)
momentum   w^(t+1) = w^t − ε∇L + μ v^t,  v^t = w^t − w^(t−1),  v⁰ = 0
nesterov   b ← μ b + ∇L;  w ← w − ε(∇L + μ b)          (PyTorch's form)
adagrad    G ← G + ∇L²;  w ← w − ε ∇L / (√G + 1e-8)
rmsprop    s ← ρ s + (1−ρ) ∇L²;  w ← w − ε ∇L / (√s + 1e-8)
adam       m ← β₁m + (1−β₁)∇L, s ← β₂s + (1−β₂)∇L²;  w ← w − ε m̂ / (√ŝ + 1e-8)
=========  =================================================================

The momentum rule is exactly PyTorch's SGD with momentum μ, dampening 0,
nesterov off; v^t is kept as the last change of w.
"""
from __future__ import annotations

import numpy as np

from .errors import InputError, Term

__all__ = ["OPTIMIZERS", "make_optimizer", "SCHEDULES", "learning_rate"]


class Optimizer:
    """Base: one ``step(params, grad, eps)`` that changes ``params`` in place.

    State arrays have the shape of ``params`` and are made on the first step;
    :meth:`state` and :meth:`load_state` copy them out and back (for sessions).
    """

    name = ""
    rule = ""        #: the update as the lecture writes it (the controls' tooltip)
    slots = ()

    def __init__(self, mu=0.9, rho=0.9, beta1=0.9, beta2=0.999):
        self.mu, self.rho, self.beta1, self.beta2 = float(mu), float(rho), float(beta1), float(beta2)
        self.t = 0
        self._tmp = None
        for s in self.slots:
            setattr(self, s, None)

    def reset(self):
        """Forget the state (velocity, accumulators, step count)."""
        self.__init__(self.mu, self.rho, self.beta1, self.beta2)

    def _ready(self, params):
        if self._tmp is None or self._tmp.shape != params.shape:
            self._tmp = np.empty_like(params)
            for s in self.slots:
                setattr(self, s, np.zeros_like(params))

    def step(self, params, grad, eps):
        """Apply one update to ``params`` (shape (P,)) with gradient ``grad`` (P,)."""
        tmp = self._tmp
        if tmp is None or tmp.shape != params.shape:
            self._ready(params)
            tmp = self._tmp
        self.t += 1
        self._update(params, grad, float(eps), tmp)

    def state(self):
        """The optimiser's state as a dict of plain values and array copies."""
        out = {"t": self.t}
        for s in self.slots:
            v = getattr(self, s)
            if v is not None:
                out[s] = v.copy()
        return out

    def load_state(self, state, n_params):
        """Restore :meth:`state` output; arrays must have shape (n_params,)."""
        self._ready(np.empty(n_params))
        self.t = int(state.get("t", 0))
        for s in self.slots:
            if s in state:
                arr = np.asarray(state[s], dtype=float)
                if arr.shape != (n_params,):
                    raise InputError("optimiser state {name} has shape {shape}, expected ({count},)", name=s,
                                     shape=arr.shape, count=n_params)
                getattr(self, s)[...] = arr


class Plain(Optimizer):
    name = Term("plain")
    rule = "w^(t+1) = w^t − ε∇L"

    def _update(self, w, g, eps, tmp):
        np.multiply(g, eps, tmp)
        w -= tmp


class Momentum(Optimizer):
    name, slots = Term("momentum"), ("v",)
    rule = "w^(t+1) = w^t − ε∇L + μ(w^t − w^(t−1))"

    def _update(self, w, g, eps, tmp):
        # v^(t+1) = w^(t+1) − w^t = μ v^t − ε∇L, then w^(t+1) = w^t + v^(t+1)
        self.v *= self.mu
        np.multiply(g, eps, out=tmp)
        self.v -= tmp
        w += self.v


class Nesterov(Optimizer):
    name, slots = Term("nesterov"), ("b",)
    rule = "b ← μb + ∇L;  w ← w − ε(∇L + μb)"

    def _update(self, w, g, eps, tmp):
        self.b *= self.mu
        self.b += g
        np.multiply(self.b, self.mu, out=tmp)
        tmp += g
        tmp *= eps
        w -= tmp


class AdaGrad(Optimizer):
    name, slots = Term("adagrad"), ("G",)
    rule = "G ← G + ∇L²;  w ← w − ε∇L / √G"

    def _update(self, w, g, eps, tmp):
        np.multiply(g, g, out=tmp)
        self.G += tmp
        np.sqrt(self.G, out=tmp)
        tmp += 1e-8
        np.divide(g, tmp, out=tmp)
        tmp *= eps
        w -= tmp


class RMSProp(Optimizer):
    name, slots = Term("rmsprop"), ("s",)
    rule = "s ← ρs + (1−ρ)∇L²;  w ← w − ε∇L / √s"

    def _update(self, w, g, eps, tmp):
        self.s *= self.rho
        np.multiply(g, g, out=tmp)
        tmp *= 1.0 - self.rho
        self.s += tmp
        np.sqrt(self.s, out=tmp)
        tmp += 1e-8
        np.divide(g, tmp, out=tmp)
        tmp *= eps
        w -= tmp


class Adam(Optimizer):
    name, slots = Term("adam"), ("m", "s")
    rule = "m ← β₁m + (1−β₁)∇L, s ← β₂s + (1−β₂)∇L²;  w ← w − ε m̂ / √ŝ"

    def _update(self, w, g, eps, tmp):
        b1, b2 = self.beta1, self.beta2
        self.m *= b1
        self.m += (1.0 - b1) * g
        self.s *= b2
        np.multiply(g, g, out=tmp)
        tmp *= 1.0 - b2
        self.s += tmp
        # w ← w − ε m̂/(√ŝ + 1e-8) with m̂ = m/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ)
        np.sqrt(self.s, out=tmp)
        tmp *= 1.0 / np.sqrt(1.0 - b2 ** self.t)
        tmp += 1e-8
        np.divide(self.m, tmp, out=tmp)
        tmp *= eps / (1.0 - b1 ** self.t)
        w -= tmp


#: Update rules by the names the UI and the CLI show.
OPTIMIZERS = {c.name: c for c in (Plain, Momentum, Nesterov, AdaGrad, RMSProp, Adam)}


def make_optimizer(name, mu=0.9, **hyper):
    """A new optimiser by name. ``mu`` is μ for momentum and Nesterov.

    Raises ValueError for an unknown name or a μ outside [0, 1).
    """
    if name not in OPTIMIZERS:
        raise InputError("unknown optimizer {name!r}; choose one of {names}", name=name, names=", ".join(OPTIMIZERS))
    if not 0.0 <= mu < 1.0:
        raise InputError("momentum μ must be in [0, 1), got {mu}", mu=mu)
    return OPTIMIZERS[name](mu=mu, **hyper)


SCHEDULES = (Term("constant"), Term("step"), Term("exponential"))


def learning_rate(eps, epoch, schedule="constant", gamma=0.5, every=10):
    """ε for the given (completed) epoch count.

    constant: ε;  step: ε γ^⌊epoch/every⌋;  exponential: ε γ^(epoch/every).
    """
    if schedule == "constant":
        return eps
    if schedule == "step":
        return eps * gamma ** (epoch // every)
    if schedule == "exponential":
        return eps * gamma ** (epoch / every)
    raise InputError("unknown schedule {name!r}; choose one of {names}", name=schedule, names=", ".join(SCHEDULES))
