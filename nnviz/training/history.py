"""The loss curve of a training run: one bounded object per Trainer (README, Architecture).

:class:`History` keeps what the loss view draws and ``nnviz train --history``
writes: step, epoch, the full training loss, the test loss and, for
classification, the accuracies. It holds at most ``capacity`` rows however long
training runs: when full it drops every other row and keeps one row in twice as
many from then on, so a long run keeps its whole shape, its first point and
(always) its latest one. Sessions store it as one array and restore it exactly.
"""
from __future__ import annotations

import math

import numpy as np

from ..core.errors import InputError

__all__ = ["History", "COLUMNS", "csv_text"]

COLUMNS = ("step", "epoch", "train_loss", "test_loss", "train_acc", "test_acc")
MAX_CAPACITY = 1 << 16         # a session's history is refused beyond this many rows


def csv_text(rows):
    """Rows (n, 6) of :data:`COLUMNS` as CSV text: a header, the step as a whole number,
    an empty cell where a value does not exist. ``nnviz train --history`` and the
    window's loss export both write this."""
    lines = [",".join(COLUMNS)]
    for row in rows:
        cells = [str(int(row[0]))] + ["" if math.isnan(v) else repr(float(v)) for v in row[1:]]
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


class History:
    """At most ``capacity`` rows of :data:`COLUMNS`; NaN where a value does not exist
    (no test set, or accuracy of a regression).

    ``add`` for the same step as the latest row replaces that row (no duplicates).
    Rows whose call number is a multiple of ``stride`` are kept for good; the latest
    row is kept too, until the next one takes its place.
    """

    def __init__(self, capacity=2048):
        if not (isinstance(capacity, int) and 4 <= capacity <= MAX_CAPACITY and capacity % 2 == 0):
            raise InputError("a history holds an even number of rows from 4 to {limit}, not {value}",
                             limit=MAX_CAPACITY, value=capacity)
        self.capacity = capacity
        self.data = np.empty((capacity, len(COLUMNS)))
        self.n = 0                    # rows in use
        self.stride = 1               # keep one call in ``stride`` for good
        self.calls = 0                # rows added (same-step replacements not counted)
        self.provisional = False      # the latest row is kept only while it is the latest

    def __len__(self):
        return self.n

    def add(self, step, epoch, train_loss, test_loss, train_acc=math.nan, test_acc=math.nan):
        """Record one row (step is the training step count, epoch may be fractional)."""
        row = (step, epoch, train_loss, test_loss, train_acc, test_acc)
        if self.n and step == self.data[self.n - 1, 0]:
            self.data[self.n - 1] = row
            return
        if self.provisional:
            self.n -= 1
        if self.n == self.capacity:   # rows of calls 0, s, 2s, … → 0, 2s, 4s, …
            kept = self.data[: self.n : 2].copy()
            self.n = len(kept)
            self.data[: self.n] = kept
            self.stride *= 2
        self.data[self.n] = row
        self.n += 1
        self.provisional = self.calls % self.stride != 0
        self.calls += 1

    def array(self):
        """A read-only copy, shape (n, 6): the columns of :data:`COLUMNS`."""
        a = self.data[: self.n].copy()
        a.setflags(write=False)
        return a

    def last(self, column):
        """The latest value of ``column`` (a name of :data:`COLUMNS`), or None."""
        return float(self.data[self.n - 1, COLUMNS.index(column)]) if self.n else None

    def to_csv(self):
        """The curve as CSV text (:func:`csv_text`)."""
        return csv_text(self.data[: self.n])

    # ----------------------------------------------------------- sessions
    def state(self):
        """(rows (n, 6) float64, JSON-able dict): everything :meth:`from_state` needs."""
        return self.data[: self.n].copy(), {"capacity": self.capacity, "stride": self.stride,
                                             "calls": self.calls, "provisional": self.provisional}

    @classmethod
    def from_state(cls, rows, state):
        """The history :meth:`state` described; InputError for anything inconsistent."""
        if not isinstance(state, dict):
            raise InputError("the loss history's description is not an object")
        capacity, stride, calls = (state.get(k) for k in ("capacity", "stride", "calls"))
        provisional = state.get("provisional")
        h = cls(capacity if type(capacity) is int else -1)
        rows = np.asarray(rows)
        ok = (type(stride) is int and type(calls) is int and type(provisional) is bool
              and stride >= 1 and stride & (stride - 1) == 0 and calls >= 0
              and rows.ndim == 2 and rows.shape[1] == len(COLUMNS) and len(rows) <= capacity
              and rows.dtype.kind == "f")
        if ok and len(rows):
            steps = rows[:, 0]
            ok = bool(np.all(np.isfinite(steps)) and np.all(steps >= 0) and np.all(steps == np.floor(steps))
                      and np.all(np.diff(steps) > 0))
        if not ok:
            raise InputError("the loss history is not consistent (shape {shape})", shape=tuple(rows.shape))
        h.data[: len(rows)] = rows
        h.n, h.stride, h.calls, h.provisional = len(rows), stride, calls, provisional
        return h
