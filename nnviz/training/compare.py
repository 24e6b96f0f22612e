"""Comparison runs: up to four variants trained side by side (the lecture's comparisons:
ε too small / too large, SGD against momentum, σ with squared error against
cross-entropy, ...).

Every run trains on the same data set, and runs whose networks have the same
shape and initialisation start from the same weights (the same seed draws them).
:meth:`Comparison.step` advances every run by one minibatch in lockstep; every
``check`` steps each run's full loss is recorded in its own bounded history, and
the first step at which it reached the goal (95 % training accuracy, for
classification) is kept. ``nnviz compare`` and the window's comparison both run this.
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import fields

import numpy as np

from ..core.errors import InputError
from .history import COLUMNS, csv_text
from .trainer import DATA_FIELDS, Diverged, build, load_data

__all__ = ["Comparison", "MAX_RUNS", "GOAL_ACCURACY", "describe"]

MAX_RUNS = 4
GOAL_ACCURACY = 0.95
CHECK = 10            # steps between two full evaluations of every run


class Comparison:
    """Trainers for ``runs``, a list of (label, Settings), on one data set.

    Attributes
    ----------
    labels : list of str
    trainers : list of Trainer
    stopped : list of str       why each run stopped by itself ("" while it trains)
    reached : list of int|None  first recorded step with training accuracy ≥ GOAL_ACCURACY
    rises : list of int         steps whose minibatch loss was above the step before's (for
                                gradient descent, B = N: the steps on which the loss rose)
    step_count : int            lockstep steps taken
    """

    def __init__(self, runs, data=None, check=CHECK):
        runs = list(runs)
        if not 1 <= len(runs) <= MAX_RUNS:
            raise InputError("a comparison has 1 to {limit} runs, got {count}", limit=MAX_RUNS, count=len(runs))
        first = runs[0][1]
        for _, s in runs[1:]:
            for name in DATA_FIELDS:
                if getattr(s, name) != getattr(first, name):
                    raise InputError("the runs of a comparison train on the same data; they differ in {name}",
                                     name=name)
        data = data if data is not None else load_data(first)
        self.trainers = [build(s, data=data) for _, s in runs]
        differ = [f.name for f in fields(first) if len({getattr(s, f.name) for _, s in runs}) > 1]
        self.labels = [str(label) if label else describe(t, differ) for (label, _), t in zip(runs, self.trainers)]
        self.check = max(1, int(check) * max(1, math.ceil(len(self.trainers[0].X_train) / 2000)))
        self.reset()

    def reset(self):
        """Every run back to its initial weights, step 0."""
        for t in self.trainers:
            t.reset()
        n = len(self.trainers)
        self.stopped, self.reached = [""] * n, [None] * n
        self.rises, self._last = [0] * n, [math.nan] * n
        self.step_count = 0

    def __len__(self):
        return len(self.trainers)

    @property
    def classification(self):
        return self.trainers[0].data.task != "regression"

    def live(self):
        """Indices of the runs still training."""
        return [i for i, why in enumerate(self.stopped) if not why]

    def step(self):
        """One minibatch for every live run; a run that diverges stops (its reason in
        :attr:`stopped`), the others go on. Returns the number of runs still live."""
        for i in self.live():
            t = self.trainers[i]
            try:
                loss = t.step()
            except Diverged as e:
                self.stopped[i] = str(e)
                continue
            self.rises[i] += loss > self._last[i]
            self._last[i] = loss
        self.step_count += 1
        if self.step_count % self.check == 0:
            self.record()
        return len(self.live())

    def step_and_stop(self, epochs=None, target_loss=None):
        """One :meth:`step`, then the stop rules for each run that was live: it has trained
        ``epochs`` epochs, or its full training loss is ≤ ``target_loss`` when one of its epochs
        ends (:meth:`Trainer.reached`). Returns [(i, "diverged" | "epochs" | "loss")] of the runs
        that stopped in this step (their reasons in :attr:`stopped`, in English)."""
        live = self.live()
        before = [t.batcher.epoch for t in self.trainers]
        self.step()
        out = []
        for i in live:
            t = self.trainers[i]
            if self.stopped[i]:
                out.append((i, "diverged"))
            elif epochs is not None and t.batcher.epoch >= epochs:
                self.stopped[i] = f"epoch {epochs}"
                out.append((i, "epochs"))
            elif t.reached(target_loss, before[i]):
                self.stopped[i] = f"L ≤ {target_loss:g}"
                out.append((i, "loss"))
        return out

    def record(self):
        """Add every run's current point to its history; note who reached the goal."""
        for i, t in enumerate(self.trainers):
            m = t.record()
            if self.reached[i] is None and m.get("train_accuracy", -1.0) >= GOAL_ACCURACY:
                self.reached[i] = t.step_count

    def run(self, steps=None, epochs=None, target_loss=None, callback=None):
        """Lockstep steps until ``steps`` more, or until every run has trained ``epochs``
        epochs or reached ``target_loss`` (each run checked when one of its epochs ends,
        :meth:`Trainer.reached`) or diverged. ``callback(comparison)`` after each step."""
        start = self.step_count
        with np.errstate(all="ignore"):
            self.record()
            try:
                while self.live() and (steps is None or self.step_count - start < steps):
                    self.step_and_stop(epochs, target_loss)
                    if callback:
                        callback(self)
            finally:
                self.record()
        return self

    # ------------------------------------------------------------- results
    def rise_share(self, i):
        """The share of run i's steps whose minibatch loss rose."""
        steps = self.trainers[i].step_count
        return self.rises[i] / max(1, steps - 1)

    def summary(self, i):
        """One line about run i (English, for the command line)."""
        t, h = self.trainers[i], self.trainers[i].history
        parts = [f"{i + 1} {self.labels[i]}: step {t.step_count}, epoch {t.batcher.epoch_progress:.1f}",
                 f"train L = {h.last('train_loss'):.6g}", f"test L = {h.last('test_loss'):.6g}"]
        if self.classification:
            parts.append(f"train accuracy {100 * h.last('train_acc'):.1f} %")
            parts.append(f"reached {GOAL_ACCURACY:.0%} at step {self.reached[i]:,}" if self.reached[i] is not None
                         else f"never reached {GOAL_ACCURACY:.0%}")
        if t.settings.batch == 0:      # with minibatches a rise compares two different batches
            parts.append(f"the loss rose on {100 * self.rise_share(i):.0f} % of steps")
        if self.stopped[i]:
            parts.append(f"stopped: {self.stopped[i]}")
        return ", ".join(parts)

    def to_csv(self):
        """Every run's curve: columns run, label, then :data:`~nnviz.training.history.COLUMNS`."""
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["run", "label", *COLUMNS])
        for i, t in enumerate(self.trainers):
            body = csv_text(t.history.array()).splitlines()[1:]
            for line in body:
                w.writerow([i + 1, self.labels[i], *line.split(",")])
        return out.getvalue()


#: How :func:`describe` writes a setting, in the lecture's notation.
_SYMBOLS = {"eps": "ε", "mu": "μ", "l1": "λ₁", "l2": "λ₂"}


def describe(trainer, names):
    """A label for a run from the settings ``names`` that differ between runs,
    e.g. "ε = 0.3, μ = 0.9" or "sigmoid + squared"."""
    s, net, parts = trainer.settings, trainer.net, []
    for name in names:
        v = getattr(s, name)
        if name == "batch":
            parts.append("GD (B = N)" if v == 0 else "SGD (B = 1)" if v == 1 else f"B = {v}")
        elif name in ("output", "loss"):
            parts.append(f"{net.output} + {net.loss_name}")
        elif name == "optimizer":
            parts.append(s.optimizer_name)
        elif isinstance(v, tuple):
            parts.append(f"{name} {','.join(map(str, v))}")
        else:
            parts.append(f"{_SYMBOLS.get(name, name)} = {v:g}" if isinstance(v, float) else f"{name} = {v}")
    return ", ".join(dict.fromkeys(parts)) or "run"
