"""The training loop and its history: plain Python on the NumPy core, no Qt.

:class:`Settings` holds every choice a user makes (each is a GUI control and a
``nnviz train`` flag); :func:`build` turns it into a :class:`Trainer`, which owns
the live arrays and advances them one minibatch at a time.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

import numpy as np

from ..core.batching import Batcher
from ..core.datasets import Preprocess, load_csv, make_dataset
from ..core.errors import InputError, Message
from ..core.metrics import accuracy, confusion, r2, r2_each, rmse
from ..core.network import Network, check_sizes, gradient_check
from ..core.optimizers import SCHEDULES, learning_rate, make_optimizer
from ..core.trace import record
from .history import History

__all__ = ["Settings", "Trainer", "Diverged", "build", "needs_rebuild", "LIVE_SETTINGS", "DATA_FIELDS"]


@dataclass(frozen=True)
class Settings:
    """Everything that defines a training run. Immutable: change with :meth:`replace`.

    ``hidden`` lists the hidden layers' sizes (input and output sizes follow from
    the data); ``activations`` has one name for all hidden layers or one per layer.
    ``batch`` is B: 0 for the full batch (gradient descent), 1 for SGD.
    ``eps`` is the learning rate ε and ``mu`` the momentum μ; ``optimizer`` None
    picks "momentum" when μ > 0 and "plain" otherwise.
    """
    dataset: str = "xor"
    data_file: str | None = None
    target: str | tuple | None = None       # a column of data_file; several: a multi-output regression
    inputs: tuple = ()
    encoding: str = "auto"
    decimal: str = "auto"
    samples: int = 200
    noise: float = 0.1
    test_ratio: float = 0.5
    classes: int = 3
    data_seed: int = 0
    features: tuple = ()
    standardize: bool = False
    task: str | None = None
    hidden: tuple = (4, 4)
    activations: tuple = ("tanh",)
    output: str | None = None
    loss: str | None = None
    elu_alpha: float = 1.0
    init: str = "xavier"
    seed: int = 0
    batch: int = 10
    eps: float = 0.03
    mu: float = 0.0
    optimizer: str | None = None
    reduction: str = "mean"
    l1: float = 0.0
    l2: float = 0.0
    schedule: str = "constant"
    gamma: float = 0.5
    every: int = 10

    def replace(self, **changes):
        """A copy with some settings changed."""
        return replace(self, **changes)

    def to_dict(self):
        """Plain JSON-able data."""
        return {f.name: (list(v) if isinstance(v := getattr(self, f.name), tuple) else v)
                for f in fields(self)}

    @classmethod
    def from_dict(cls, d):
        """Settings from :meth:`to_dict` output; unknown keys are ignored."""
        names = {f.name: f for f in fields(cls)}
        kw = {k: (tuple(v) if isinstance(v, list) else v) for k, v in d.items() if k in names}
        return cls(**kw)

    @property
    def optimizer_name(self):
        return self.optimizer or ("momentum" if self.mu > 0 else "plain")


#: Settings that describe the data (every run of a comparison shares them).
DATA_FIELDS = ("dataset", "data_file", "target", "inputs", "encoding", "decimal", "samples", "noise",
               "test_ratio", "classes", "data_seed")

#: Settings a running trainer can take without a new network or new data.
LIVE_SETTINGS = frozenset({"batch", "eps", "mu", "optimizer", "reduction", "l1", "l2",
                           "schedule", "gamma", "every"})


def needs_rebuild(old, new):
    """True when going from settings ``old`` to ``new`` needs new data or a new network."""
    return any(getattr(old, f.name) != getattr(new, f.name)
               for f in fields(Settings) if f.name not in LIVE_SETTINGS)


#: A step whose loss exceeds EXPLODED × max(1, the run's first loss) has diverged too.
EXPLODED = 1e6


class Diverged(Message, ArithmeticError):
    """The loss became NaN or infinite; the last finite weights were restored."""


def load_data(s):
    """The Dataset the settings describe (generated, or read from ``data_file``)."""
    if s.data_file:
        return load_csv(s.data_file, target=s.target, task=s.task, test_ratio=s.test_ratio,
                        seed=s.data_seed, inputs=list(s.inputs) or None, encoding=s.encoding,
                        decimal=s.decimal)
    return make_dataset(s.dataset, samples=s.samples, noise=s.noise, test_ratio=s.test_ratio,
                        seed=s.data_seed, classes=s.classes)


def build(s, data=None, net=None):
    """A ready :class:`Trainer` for settings ``s``.

    ``data`` reuses an already loaded Dataset; ``net`` an existing network (its
    shape must fit the data). Raises ValueError (DataError is one) with a clear
    message for any impossible combination.
    """
    data = data if data is not None else load_data(s)
    if s.task and s.task != data.task and not s.data_file:
        raise InputError("data set {name!r} is a {task} problem, not {wanted}", name=data.name, task=data.task,
                         wanted=s.task)
    pre = Preprocess.fit(data.X_train, features=s.features, standardize=s.standardize)
    sizes = [pre.n_outputs(data.n_inputs), *s.hidden, data.n_outputs]
    check_sizes(sizes, len(data.X_train) + len(data.X_test))
    acts = list(s.activations)
    if len(acts) == 1:
        acts = acts * len(s.hidden)
    if net is None:
        net = Network(sizes, acts, task=data.task, output=s.output, loss=s.loss,
                      reduction=s.reduction, elu_alpha=s.elu_alpha, init=s.init, seed=s.seed)
    elif net.sizes != sizes:
        raise InputError("the network has layers {sizes}, the data need {needed}", sizes=net.sizes, needed=sizes)
    return Trainer(net, data, pre, s)


class Trainer:
    """Trains one network on one data set, one minibatch per :meth:`step`.

    Attributes
    ----------
    net : Network
    data : Dataset
    preprocess : Preprocess
    X_train, D_train, X_test, D_test : ndarray
        Network inputs (after the preprocess) and teacher signals.
    step_count : int
    history : History
        The loss curve (full training and test loss, accuracy), bounded; a row is
        added by :meth:`record`, never by :meth:`step`.
    """

    def __init__(self, net, data, preprocess, settings):
        s = self.settings = settings
        if s.schedule not in SCHEDULES:
            raise InputError("unknown schedule {name!r}; choose one of {names}", name=s.schedule,
                             names=", ".join(SCHEDULES))
        for name in ("eps", "l1", "l2"):
            v = getattr(s, name)
            if not (math.isfinite(v) and v >= 0):
                raise InputError("{name} must be a finite number ≥ 0, got {value}", name=name, value=v)
        if not 0 <= s.elu_alpha <= 100:
            raise InputError("ELU's α must be a number from 0 to 100, got {value}", value=s.elu_alpha)
        if not 0 < s.gamma <= 1:
            raise InputError("the schedule's factor γ must be in (0, 1], got {value}", value=s.gamma)
        if isinstance(s.every, bool) or not isinstance(s.every, int) or s.every < 1:
            raise InputError("the schedule's epochs per decay must be a whole number ≥ 1, got {value}",
                             value=s.every)
        self.net, self.data, self.preprocess = net, data, preprocess
        self.X_train = np.ascontiguousarray(preprocess.apply(data.X_train))
        self.X_test = np.ascontiguousarray(preprocess.apply(data.X_test))
        self.D_train, self.D_test = np.asarray(data.d_train), np.asarray(data.d_test)
        self.initial_params = net.params.copy()
        self.last_good = net.params.copy()
        self.reset()

    def reset(self):
        """Back to the initial weights, a fresh optimiser and epoch 0 (a replay)."""
        s = self.settings
        self.net.params[...] = self.initial_params
        self.net.grad[...] = 0.0
        self.optimizer = make_optimizer(s.optimizer_name, mu=s.mu)
        self.batcher = Batcher(self.X_train, self.D_train, s.batch, rng=s.seed)
        self.step_count = 0
        self.history = History()
        self.last_index = None
        self._limit = None                # a loss above this has exploded (set by the first step)

    def apply(self, settings):
        """Take settings that need no rebuild (ε, μ, update rule, B, reduction,
        penalties, schedule) at once. Returns False, changing nothing, when the
        new settings need a new network or data (then call :func:`build`)."""
        if needs_rebuild(self.settings, settings):
            return False
        old, self.settings = self.settings, settings
        if (settings.optimizer_name, settings.mu) != (old.optimizer_name, old.mu):
            self.optimizer = make_optimizer(settings.optimizer_name, mu=settings.mu)
        if settings.batch != old.batch:
            epoch = self.batcher.epoch
            self.batcher = Batcher(self.X_train, self.D_train, settings.batch, rng=settings.seed + epoch)
            self.batcher.epoch = epoch
        self.net.reduction = settings.reduction
        return True

    @property
    def epoch(self):
        return self.batcher.epoch

    @property
    def eps(self):
        """The learning rate ε in force now (after the schedule)."""
        s = self.settings
        return learning_rate(s.eps, self.batcher.epoch, s.schedule, s.gamma, s.every)

    def step(self, batch=None):
        """One update on the next minibatch (or on ``batch``, a (Xb, Db, index) triple the
        batcher handed out); returns its loss (before the update).

        Raises
        ------
        Diverged
            If the loss is NaN or infinite. The weights are then those of the
            last step whose loss was finite, and the optimiser state is reset.
        """
        net, s = self.net, self.settings
        Xb, Db, index = batch or self.batcher.next()
        loss = net.loss(Xb, Db)
        if s.l1 or s.l2:
            loss += net.penalty(s.l1, s.l2)
        if self._limit is None:
            self._limit = EXPLODED * max(1.0, abs(loss)) if math.isfinite(loss) else 0.0
        if not loss <= self._limit:       # NaN, inf, or finite but exploding
            net.params[...] = self.last_good
            self.optimizer.reset()
            raise Diverged("the loss became {loss} at step {step}: the learning rate ε = {eps:g} is too "
                           "large; weights restored to step {last}", loss=loss, step=self.step_count + 1,
                           eps=self.eps, last=self.step_count)
        self.last_good[...] = net.params
        net.backward(Db)
        if s.l1 or s.l2:
            net.add_penalty_grad(s.l1, s.l2)
        self.optimizer.step(net.params, net.grad, s.eps if s.schedule == "constant" else self.eps)
        self.step_count += 1
        self.last_index = index
        return loss

    def trace_step(self, sample=None):
        """One training step like :meth:`step`, recorded as a :class:`~nnviz.core.trace.Trace`.

        The trace follows training sample ``sample`` (n); None follows the first
        sample of the minibatch the step uses (for SGD, the sample n* it picked).
        """
        batch = self.batcher.next()
        n = int(batch[2][0] if sample is None else min(max(sample, 0), len(self.X_train) - 1))
        s = self.settings
        meta = {"step": self.step_count + 1, "epoch": self.batcher.epoch, "sample": n, "eps": self.eps,
                "mu": s.mu, "optimizer": s.optimizer_name, "l1": s.l1, "l2": s.l2,
                "batch": [int(i) for i in batch[2]], "sample_in_batch": bool(n in batch[2])}

        def step():
            return {"batch_loss": self.step(batch)}
        with np.errstate(all="ignore"):
            return record(self.net, self.optimizer, self.X_train[n], self.D_train[n], step, meta)

    def weights_extra(self):
        """What a weights file keeps besides the weights: how to prepare inputs, the names,
        the settings."""
        d = self.data
        return {"preprocess": self.preprocess.to_dict(), "classes": list(d.classes),
                "input_names": list(d.input_names), "target_name": d.target_name,
                "target_names": list(d.target_names),
                "settings": self.settings.to_dict()}

    def gradient_check(self, sample=None, seed=0):
        """Backprop against central differences on the whole training set at the current
        weights (penalty included): (norm-wise error max|g − n| / max|g|, number of parameters checked).

        With ``sample`` and more parameters than that, only a random subset of
        ``sample`` parameters (drawn with ``seed``) is checked: each costs two passes
        over the training set."""
        s, P = self.settings, self.net.n_params
        subset = None
        if sample is not None and P > sample:
            subset = np.sort(np.random.default_rng(seed).choice(P, int(sample), replace=False))
        err, checked, _ = gradient_check(self.net, self.X_train, self.D_train, s.l1, s.l2, indices=subset)
        return err, len(checked)

    def record(self, metrics=None):
        """Add the current point to :attr:`history` and return its metrics
        (:meth:`evaluate`'s dict; pass it when already computed)."""
        m = self.evaluate() if metrics is None else metrics
        self.history.add(self.step_count, self.batcher.epoch_progress, m["train_loss"], m["test_loss"],
                         m.get("train_accuracy", math.nan), m.get("test_accuracy", math.nan))
        return m

    def reached(self, target_loss, epoch):
        """True when epoch ``epoch`` has ended (the batcher is past it) and the full
        training loss is ≤ ``target_loss``; records the point it checks. The one stop
        rule of ``nnviz train --target-loss`` and the window's "Stop at L ≤"."""
        if target_loss is None or self.batcher.epoch <= epoch:
            return False
        return self.record()["train_loss"] <= target_loss

    def run(self, steps=None, epochs=None, target_loss=None, callback=None):
        """Step until ``steps`` more steps, or until ``epochs`` epochs in all, or
        until the full training loss is ≤ ``target_loss`` (checked each epoch).
        ``callback(trainer, loss)`` is called after each step with its minibatch loss.
        The history gets a row at the start, after each epoch and at the end.
        Returns the last minibatch loss."""
        loss = float("nan")
        start = self.step_count
        with np.errstate(all="ignore"):   # overflow is caught as Diverged, not printed
            self.record()
            try:
                while True:
                    if steps is not None and self.step_count - start >= steps:
                        break
                    if epochs is not None and self.batcher.epoch >= epochs:
                        break
                    epoch = self.batcher.epoch
                    loss = self.step()
                    if callback:
                        callback(self, loss)
                    if target_loss is not None:
                        if self.reached(target_loss, epoch):
                            break
                    elif self.batcher.epoch > epoch:
                        self.record()
            finally:
                self.record()
        return loss

    def evaluate(self):
        """Loss and quality on the whole training and test sets, as a dict.

        Keys: train_loss, test_loss, and train_accuracy/test_accuracy plus
        confusion (of the test set, or the training set without one) for
        classification, train_rmse/test_rmse/train_r2/test_r2 for regression (over all
        outputs, pooled) and, for several outputs, train_r2_each/test_r2_each: one R² per
        output, in the order of ``data.target_names``.
        """
        net, out = self.net, {}
        for part, X, D in (("train", self.X_train, self.D_train), ("test", self.X_test, self.D_test)):
            if len(X) == 0:
                out[f"{part}_loss"] = float("nan")
                y = np.empty_like(D)
            else:
                y = net.forward(X)
                out[f"{part}_loss"] = net.reduce(net.per_sample_loss(D))
            if self.data.task == "regression":
                out[f"{part}_rmse"], out[f"{part}_r2"] = rmse(y, D), r2(y, D)
                if D.shape[1] > 1:
                    out[f"{part}_r2_each"] = r2_each(y, D)
            else:
                out[f"{part}_accuracy"] = accuracy(y, D)
                if len(X) or part == "train":
                    out["confusion"] = confusion(y, D, max(2, len(self.data.classes)))
        return out
