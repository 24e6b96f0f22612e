"""How good a prediction is: accuracy and confusion matrix, RMSE and R²."""
from __future__ import annotations

import numpy as np

__all__ = ["class_of", "accuracy", "confusion", "rmse", "r2", "r2_each"]


def class_of(y):
    """Class index per row of outputs or teacher signals (N, K) → (N,).

    One column: threshold at 0.5 (binary); several: argmax (one-hot, softmax).
    """
    y = np.asarray(y)
    return (y[:, 0] >= 0.5).astype(int) if y.shape[1] == 1 else np.argmax(y, axis=1)


def accuracy(y, d):
    """Fraction of rows whose predicted class equals the teacher's; nan for no rows."""
    if len(d) == 0:
        return float("nan")
    return float(np.mean(class_of(y) == class_of(d)))


def confusion(y, d, n_classes):
    """Counts C[i, j] of samples of true class i predicted as j, shape (K, K)."""
    c = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(c, (class_of(d), class_of(y)), 1)
    return c


def rmse(y, d):
    """Root mean squared error over all entries; nan for no rows."""
    return float(np.sqrt(np.mean((y - d) ** 2))) if len(d) else float("nan")


def r2(y, d):
    """Coefficient of determination 1 − SS_res/SS_tot (nan if d is constant or empty).

    y, d (N, K); for K > 1 both sums run over every output (pooled, so an output of larger
    spread weighs more); :func:`r2_each` gives one R² per output."""
    if len(d) == 0:
        return float("nan")
    ss_tot = float(np.sum((d - d.mean(axis=0)) ** 2))
    return 1.0 - float(np.sum((y - d) ** 2)) / ss_tot if ss_tot > 0 else float("nan")


def r2_each(y, d):
    """R² of each output k alone: a tuple of K floats, for y, d (N, K)."""
    return tuple(r2(y[:, k:k + 1], d[:, k:k + 1]) for k in range(d.shape[1]))
