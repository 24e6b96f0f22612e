"""Full batch, one sample, or minibatches of an epoch (lecture §5, README's tour).

GD, SGD and minibatch descent are one code path that differs only in the batch
size B (as in TensorFlow Playground): B = N is full-batch gradient descent,
B = 1 is SGD, anything between is minibatch descent. Each epoch the training
data are shuffled and split into ⌈N/B⌉ minibatches B_1 .. B_M; using each once
is one epoch. A last, smaller minibatch is applied as it is and never carried
into the next epoch.
"""
from __future__ import annotations

import numpy as np

from .errors import InputError

__all__ = ["Batcher"]


class Batcher:
    """Hands out the minibatches of the training data, epoch after epoch.

    Parameters
    ----------
    X : ndarray, shape (N, n_in)
    D : ndarray, shape (N, K)
    batch_size : int or None
        B; None or 0 (or B ≥ N) means the full batch.
    rng : numpy.random.Generator or int
        Shuffles each epoch (not used for the full batch).

    Attributes
    ----------
    epoch : int
        Completed epochs.
    position : int
        Index of the next minibatch within the current epoch.
    """

    def __init__(self, X, D, batch_size=None, rng=0):
        self.X, self.D = X, D
        self.N = N = X.shape[0]
        if N == 0:
            raise InputError("there are no training samples")
        B = N if not batch_size or batch_size >= N else int(batch_size)
        if B < 1:
            raise InputError("batch size must be at least 1, got {size}", size=batch_size)
        self.B = B
        self.full = B == N
        self.rng = np.random.default_rng(rng)
        self.batches_per_epoch = -(-N // B)
        self.epoch = 0
        self.position = 0
        self.order = np.arange(N)
        self._cuts = [slice(i, i + B) for i in range(0, N, B)]
        self._batches = None            # this epoch's minibatches, cut when it starts

    def next(self):
        """The next minibatch.

        Returns
        -------
        Xb : ndarray, shape (B_k, n_in)
        Db : ndarray, shape (B_k, K)
        index : ndarray of int, shape (B_k,)
            The rows of X these samples are (to follow one sample n).
        """
        if self.full:
            self.epoch += 1
            return self.X, self.D, self.order
        k = self.position
        if k == 0:
            self.cut(self.rng.permutation(self.N))
        self.position = k + 1
        if k + 1 == self.batches_per_epoch:
            self.position = 0
            self.epoch += 1
        return self._batches[k]

    def cut(self, order):
        """Take ``order`` (a permutation of the N rows) as this epoch's and cut its minibatches."""
        self.order = order
        Xs, Ds = self.X.take(order, axis=0), self.D.take(order, axis=0)   # X[order], in less time
        self._batches = [(Xs[k], Ds[k], order[k]) for k in self._cuts]

    @property
    def epoch_progress(self):
        """Epochs done, as a float (e.g. 3.5 halfway through the fourth)."""
        return self.epoch + self.position / self.batches_per_epoch
