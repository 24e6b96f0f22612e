"""The multilayer perceptron of the lecture (lecture §4, §7, README's tour).

Notation, as on the slides: layer 1 is the input, z^(1) = x; layer l computes

    u^(l) = W^(l) z^(l−1) + b^(l),        z^(l) = f(u^(l))

W^(l) has shape (n_l, n_(l−1)), one row per unit of layer l. The last layer is L
and y = z^(L). For a batch of N samples in rows: U^(l) = Z^(l−1) W^(l)ᵀ + b^(l).
(The same convention as PyTorch's Linear and ONNX Gemm with transB=1.) Inside,
the batch is kept a sample per column, as the slides write z, so that each
layer is one contiguous block; ``u[l]``, ``z[l]`` and ``delta[l]`` are the
transposed views, a sample per row.

``delta[l]`` holds δ^(l) = ∂L_n/∂u^(l) for every sample n of the last batch,
shape (N, n_l): the per-sample delta of the slides, before any reduction. The
gradients ∂L/∂W^(l) = Σ_n δ^(l) z^(l−1)ᵀ (``reduction="sum"``, the slides' form)
or its mean over the batch (``"mean"``).

All parameters live in one contiguous vector, ``params``: per layer the block
[W^(l) | b^(l)] of shape (n_l, n_(l−1) + 1) (the slides' bias folding, 略記法),
then PReLU's α^(l). ``W[l]``, ``b[l]`` and ``alpha[l]`` are views into it, and
``dW[l]``, ``db[l]``, ``dalpha[l]`` into ``grad``. An optimiser therefore
updates every parameter with one NumPy call, and a training step allocates
nothing: buffers are kept per batch size.
"""
from __future__ import annotations

from collections import OrderedDict
from functools import partial

import numpy as np

from .activations import get_activation, softmax
from .errors import InputError, Term
from .losses import TASKS, LOSSES, bound_loss, check_pair, is_matched, output_delta, output_rule

__all__ = ["Network", "INIT_SCHEMES", "MAX_LAYERS", "MAX_HIDDEN_LAYERS", "MAX_UNITS", "MAX_IO_UNITS",
           "MAX_PARAMS", "MAX_CELLS", "check_sizes", "parse_layers",
           "gradient_check", "normwise_error"]

#: The initialisations, each with its rule as the controls' tooltip writes it.
INIT_SCHEMES = {Term("xavier"): "W^(l) ~ U(±√(6 / (n_(l−1) + n_l)))", Term("he"): "W^(l) ~ N(0, 2 / n_(l−1))",
                Term("uniform"): "W^(l) ~ U(−0.5, 0.5)", Term("small"): "W^(l) ~ N(0, 0.01²)"}
#: How a minibatch's losses are combined: L = (1/B) Σ_n L_n or Σ_n L_n.
REDUCTIONS = (Term("mean"), Term("sum"))
SMALL_INIT = 0.01     # "small": w ~ N(0, 0.01²), next to the saddle point w = 0
#: The limits of any network nnviz builds, trains or reads, checked before anything is
#: allocated: hidden layers and their units, the input and output layers' units, all
#: weights and biases, and rows × units of a training run (N · Σ n_l: each cell costs
#: about 40 bytes of layer buffers).
MAX_HIDDEN_LAYERS, MAX_UNITS, MAX_IO_UNITS = 20, 1_000, 10_000
MAX_PARAMS, MAX_CELLS = 10_000_000, 20_000_000
MAX_LAYERS = MAX_HIDDEN_LAYERS + 2

# NumPy's functions (not its ufuncs) first ask their arguments for __array_function__ through
# a Python call that costs about as much as a product of the app's sizes; the core's arrays are
# plain ndarrays, so a step calls the implementations beneath (the same functions).
_dot = getattr(np.dot, "_implementation", np.dot)
_copyto = getattr(np.copyto, "_implementation", np.copyto)
_FLOAT = np.dtype(float)


def check_sizes(sizes, rows=0):
    """Refuse (InputError) layer sizes [n_1, ..., n_L] beyond the limits above, and a
    network too large to train on ``rows`` samples, before anything is allocated."""
    shown = [int(n) for n in sizes[:24]] if len(sizes) <= 24 else f"{[int(n) for n in sizes[:24]]}"[:-1] + ", …]"
    if len(sizes) < 2:
        raise InputError("a network needs at least an input and an output layer")
    if min(sizes) < 1:
        raise InputError("every layer needs at least one unit, got {sizes}", sizes=shown)
    hidden = list(sizes[1:-1])
    if len(hidden) > MAX_HIDDEN_LAYERS or any(n > MAX_UNITS for n in hidden):
        raise InputError("at most {layers} hidden layers of at most {units:,} units each, got {sizes}",
                         layers=MAX_HIDDEN_LAYERS, units=MAX_UNITS, sizes=shown)
    if max(sizes[0], sizes[-1]) > MAX_IO_UNITS:
        raise InputError("the input and output layers have at most {limit:,} units, got {sizes}",
                         limit=MAX_IO_UNITS, sizes=shown)
    count = sum(int(n) * (int(m) + 1) for m, n in zip(sizes, sizes[1:]))
    if count > MAX_PARAMS:
        raise InputError("layers {sizes} would need {count:,} weights and biases, more than the limit of {limit:,}",
                         sizes=shown, count=count, limit=MAX_PARAMS)
    if rows * sum(sizes) > MAX_CELLS:
        raise InputError("{rows:,} samples × {units:,} units is more than {limit:,}: use fewer samples "
                         "or smaller layers", rows=rows, units=sum(sizes), limit=MAX_CELLS)


def parse_layers(text):
    """'2,8,8,1' → [2, 8, 8, 1], with a clear ValueError for anything else."""
    try:
        sizes = [int(s) for s in str(text).replace(" ", "").split(",") if s != ""]
    except ValueError:
        raise InputError("layer sizes must be whole numbers separated by commas, got {text!r}",
                         text=text) from None
    return sizes


class _Buffers:
    """Preallocated arrays for one batch size N (never shared between sizes).

    They are stored units × samples, so that each layer's values are one contiguous
    block (NumPy's element-wise functions are fastest on contiguous data, and the
    products read them without copies). What the network shows, ``u[l]``, ``z[l]``
    and ``delta[l]``, are their transposes: shape (N, n_l), a sample per row.
    """

    def __init__(self, net, N):
        L, n = net.L, net.sizes
        self.N = N
        # [z^(l); 1] of every layer l < L stacked in one array, so that a z-only f' (tanh,
        # sigmoid) of all hidden layers is one call: zaug[l] has shape (n_l + 1, N).
        start = np.cumsum([0] + [n[l - 1] + 1 for l in range(1, L)])
        self.zall = np.ones((start[-1], N))
        zaug = [None] + [self.zall[start[l - 1]:start[l]] for l in range(1, L)] + [None]
        uT, deltaT, dfT = ([None] * (L + 1) for _ in range(3))
        back = [None] * (L + 1)        # [W^(l+1) | b^(l+1)]ᵀ δ^(l+1), shape (n_l + 1, N)
        hidden = {id(a) for a in net.act[2:L]}
        self.bulk = L > 2 and len(hidden) == 1 and net.act[2].z_only   # f' of all hidden layers at once
        if self.bulk:
            self.dfall = np.empty((start[-1] - start[1], N))
            self.zhidden = self.zall[start[1]:]
        for l in range(2, L + 1):
            uT[l], deltaT[l] = np.empty((n[l - 1], N)), np.empty((n[l - 1], N))
        for l in range(2, L):
            back[l] = np.empty((n[l - 1] + 1, N))
            dfT[l] = (self.dfall[start[l - 1] - start[1]:start[l] - 1 - start[1]] if self.bulk
                      else np.empty((n[l - 1], N)))
        zT = [None] + [zaug[l][:-1] for l in range(1, L)] + [np.empty((n[L - 1], N))]
        self.u, self.z, self.delta, df = ([None if a is None else a.T for a in arrays]
                                          for arrays in (uT, zT, deltaT, dfT))
        self.zL = self.z[L]
        # Each layer's arrays and activation, bound once so that a step is little more than NumPy calls.
        act = [_SOFTMAX if a is None else a for a in net.act]
        self.fwd = [(net.Wb[l], zaug[l - 1], uT[l], act[l].into(net.alpha[l]), self.u[l], self.z[l])
                    for l in range(2, L + 1)]
        self.loss = bound_loss(net.output, net.loss_name, self.u[L], self.zL)
        self.matched = net.matched
        self.inv_n = np.array(1.0 / N)
        # Per hidden layer l = L−1 .. 2, in the slides' indices: what ∂L/∂W^(l+1) = δ^(l+1) [z^(l) | 1]ᵀ
        # and δ^(l) = f'(u^(l)) ⊙ (W^(l+1)ᵀ δ^(l+1)) read and write, and f'(u^(l)) as (u, z, out, α)
        # when it is not computed for all hidden layers at once.
        self.bwd = []
        for l in range(L - 1, 1, -1):
            df_args = None if self.bulk else (self.u[l], self.z[l], df[l], net.alpha[l])
            alpha_grad = (None if net.alpha[l] is None
                          else partial(_alpha_grad, act[l], self.u[l], net.dalpha[l], back[l][:-1].T))
            self.bwd.append((deltaT[l + 1], zaug[l].T, net.dWb[l + 1], net.Wb[l + 1].T, back[l], back[l][:-1],
                             act[l], df_args, dfT[l], deltaT[l], alpha_grad))
        self.first = (deltaT[2], zaug[1].T, net.dWb[2])


def _alpha_grad(act, u, dalpha, back):
    """∂L/∂α^(l) = Σ_n back ⊙ ∂z/∂α, into ``dalpha`` (PReLU)."""
    np.sum(back * act.dalpha(u), axis=0, out=dalpha)


class _Softmax:
    """A softmax output layer as the forward pass calls an activation."""

    @staticmethod
    def into(alpha=None):
        return softmax


_SOFTMAX = _Softmax()


class Network:
    """A fully connected network in the lecture's notation.

    Parameters
    ----------
    sizes : sequence of int
        [n_1, n_2, ..., n_L]: input size first, output size last; at least 2 layers.
    activations : str or sequence of str
        The hidden layers' activation (one name for all, or one per hidden layer,
        l = 2 .. L−1), from :data:`nnviz.core.activations.ACTIVATIONS`.
    task : {"regression", "binary", "multiclass"}
        Picks the matched output activation and loss.
    output, loss : str, optional
        Override the task's output activation or loss (general chain rule then).
    reduction : {"mean", "sum"}
        How the per-sample losses L_n of a batch combine: their mean, or their sum
        (the slides' form).
    elu_alpha : float
        ELU's α (a setting, not learned).
    init : {"xavier", "he", "uniform"}
        Weight initialisation; biases start at 0, PReLU's α at 0.25.
    seed : int or numpy.random.Generator
        Seed for the initialisation.
    """

    def __init__(self, sizes, activations="tanh", task="regression", output=None, loss=None,
                 reduction="mean", elu_alpha=1.0, init="xavier", seed=0):
        sizes = [int(s) for s in sizes]
        check_sizes(sizes)
        if task not in TASKS:
            raise InputError("unknown task {task!r}; choose one of {names}", task=task, names=", ".join(TASKS))
        if reduction not in REDUCTIONS:
            raise InputError("reduction must be 'mean' or 'sum', got {reduction!r}", reduction=reduction)
        if isinstance(activations, str):
            activations = [activations] * (len(sizes) - 2)
        activations = list(activations)
        if len(activations) != len(sizes) - 2:
            raise InputError("{hidden} hidden layers need {hidden} activations, got {count}",
                             hidden=len(sizes) - 2, count=len(activations))
        self.sizes, self.task, self.reduction = sizes, task, reduction
        self.hidden_activations = activations
        self.output = output or TASKS[task].output
        self.loss_name = loss or TASKS[task].loss
        self.elu_alpha = float(elu_alpha)
        check_pair(self.output, self.loss_name, sizes[-1])
        self.L = len(sizes)
        names = [None, None] + activations + [self.output]
        #: act[l] is layer l's Activation (None for a softmax output).
        self.act = [None if nm in (None, "softmax") else get_activation(nm, self.elu_alpha)
                    for nm in names]
        self.activation_names = names
        self._layout()
        self._buffers = OrderedDict()
        self.u = self.z = self.delta = self._last = None
        self.initialize(init, seed)

    # ----------------------------------------------------------------- layout
    def _layout(self):
        L, n = self.L, self.sizes
        blocks, offset = [], 0
        for l in range(2, L + 1):
            size = n[l - 1] * (n[l - 2] + 1)
            blocks.append((l, "Wb", offset, (n[l - 1], n[l - 2] + 1)))
            offset += size
            if self.act[l] is not None and self.act[l].learned_alpha:
                blocks.append((l, "alpha", offset, (n[l - 1],)))
                offset += n[l - 1]
        self.n_params = offset
        self.params = np.zeros(offset)
        self.grad = np.zeros(offset)
        self.weight_mask = np.zeros(offset)  # 1 on entries of W (not b, not α): what L1/L2 penalise
        self.Wb, self.W, self.b, self.alpha = ([None] * (L + 1) for _ in range(4))
        self.dWb, self.dW, self.db, self.dalpha = ([None] * (L + 1) for _ in range(4))
        self.block = [None] * (L + 1)   # block[l]: the slice of params holding [W^(l) | b^(l)]
        self.alpha_block = [None] * (L + 1)   # alpha_block[l]: the slice holding PReLU's α^(l)
        for l, kind, start, shape in blocks:
            stop = start + int(np.prod(shape))
            view, gview = self.params[start:stop].reshape(shape), self.grad[start:stop].reshape(shape)
            if kind == "Wb":
                self.Wb[l], self.W[l], self.b[l] = view, view[:, :-1], view[:, -1]
                self.dWb[l], self.dW[l], self.db[l] = gview, gview[:, :-1], gview[:, -1]
                self.weight_mask[start:stop].reshape(shape)[:, :-1] = 1.0
                self.block[l] = slice(start, stop)
            else:
                self.alpha[l], self.dalpha[l] = view, gview
                self.alpha_block[l] = slice(start, stop)

    def initialize(self, scheme="xavier", seed=0):
        """Draw new weights: ``scheme`` from :data:`INIT_SCHEMES`, seeded.

        ``seed`` is an int or a numpy Generator. Biases are set to 0, PReLU's α to 0.25.
        """
        if scheme not in INIT_SCHEMES:
            raise InputError("unknown initialisation {name!r}; choose one of {names}", name=scheme,
                             names=", ".join(INIT_SCHEMES))
        rng = np.random.default_rng(seed)
        for l in range(2, self.L + 1):
            fan_out, fan_in = self.W[l].shape
            if scheme == "xavier":
                limit = np.sqrt(6.0 / (fan_in + fan_out))
                self.W[l][...] = rng.uniform(-limit, limit, (fan_out, fan_in))
            elif scheme == "he":
                self.W[l][...] = rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_out, fan_in))
            elif scheme == "small":
                self.W[l][...] = rng.normal(0.0, SMALL_INIT, (fan_out, fan_in))
            else:
                self.W[l][...] = rng.uniform(-0.5, 0.5, (fan_out, fan_in))
            self.b[l][...] = 0.0
            if self.alpha[l] is not None:
                self.alpha[l][...] = self.act[l].alpha_init
        return self

    def index(self, l, j, i):
        """Where w_ji^(l) is in :attr:`params` (units j, i from 0; i = −1 for the bias b_j^(l)).

        Raises InputError for an (l, j, i) the network does not have."""
        n = self.sizes
        if not 2 <= l <= self.L or not 0 <= j < n[l - 1] or not -1 <= i < n[l - 2]:
            raise InputError("no parameter (l={l}, j={j}, i={i}) in a {sizes} network", l=l, j=j, i=i, sizes=n)
        return self.block[l].start + j * (n[l - 2] + 1) + (i if i >= 0 else n[l - 2])

    def parameters(self):
        """The flat parameter vector (one contiguous float64 array, shape (n_params,))."""
        return self.params

    @property
    def matched(self):
        """True when the output activation and loss are a matched pair (δ^(L) = z − d)."""
        return is_matched(self.output, self.loss_name)

    @property
    def output_rule(self):
        """The rule for δ^(L) in force, in words."""
        return output_rule(self.output, self.loss_name)

    def config(self):
        """The architecture as plain data (what the weights file's meta holds)."""
        return {"sizes": list(self.sizes), "activations": list(self.hidden_activations),
                "output": self.output, "loss": self.loss_name, "task": self.task,
                "reduction": self.reduction, "elu_alpha": self.elu_alpha}

    @classmethod
    def from_config(cls, config, init="xavier", seed=0):
        """A network with the architecture of :meth:`config`'s dictionary."""
        keys = ("sizes", "activations", "task", "output", "loss", "reduction", "elu_alpha")
        return cls(**{k: config[k] for k in keys if k in config}, init=init, seed=seed)

    def copy(self):
        """An independent network with the same architecture and parameters."""
        other = Network.from_config(self.config())
        other.params[...] = self.params
        return other

    # ---------------------------------------------------------------- forward
    def _buf(self, N):
        buf = self._buffers.get(N)
        if buf is None:
            buf = self._buffers[N] = _Buffers(self, N)
            if len(self._buffers) > 8:
                self._buffers.popitem(last=False)
        else:
            self._buffers.move_to_end(N)
        return buf

    def forward(self, X):
        """Run the network forwards and keep every u^(l) and z^(l).

        Parameters
        ----------
        X : ndarray, shape (N, n_1)

        Returns
        -------
        z : ndarray, shape (N, n_L)
            The output y = z^(L). It is an internal buffer, overwritten by the next
            call with the same N; use :meth:`predict` for a copy.

        After the call ``self.u[l]`` and ``self.z[l]`` (shape (N, n_l)) hold the
        layer values; ``self.z[1]`` is the input.
        """
        if X.__class__ is not np.ndarray or X.dtype is not _FLOAT:    # a training batch skips asarray
            X = np.asarray(X, dtype=float)
        shape = X.shape
        if len(shape) != 2 or shape[1] != self.sizes[0]:
            raise InputError("input must have shape (N, {count}), got {shape}", count=self.sizes[0], shape=shape)
        buf = self._last
        if buf is None or buf.N != shape[0]:
            buf = self._buf(shape[0])
            self.u, self.z, self.delta, self._last = buf.u, buf.z, buf.delta, buf
        _copyto(buf.z[1], X)
        dot = _dot
        for Wb, zprev, uT, f, u, z in buf.fwd:
            dot(Wb, zprev, uT)           # u^(l) = [W^(l) | b^(l)] [z^(l−1); 1], stored units × samples
            f(u, z)
        return buf.zL

    def predict(self, X):
        """y = z^(L) for each row of X, shape (N, n_L), as a new array."""
        return self.forward(X).copy()

    # --------------------------------------------------------------- backward
    def backward(self, D):
        """Backpropagate δ for the batch of the last :meth:`forward` call.

        Parameters
        ----------
        D : ndarray, shape (N, n_L)
            Teacher signals d_n (one-hot rows for multiclass).

        Returns
        -------
        grad : ndarray, shape (n_params,)
            ∂L/∂w for every parameter (``self.dW[l]``, ``self.db[l]``,
            ``self.dalpha[l]`` are views into it), reduced over the batch as
            ``reduction`` says. ``self.delta[l]``, shape (N, n_l), holds the
            per-sample δ^(l) = ∂L_n/∂u^(l).
        """
        buf, L = self._last, self.L
        if buf.matched:
            np.subtract(buf.zL, D, out=buf.delta[L])
        else:
            output_delta(self.output, self.loss_name, buf.u[L], buf.zL, D, act=self.act[L],
                         alpha=self.alpha[L], out=buf.delta[L])
        if self.alpha[L] is not None:   # ∂L/∂α at the output needs ∂L_n/∂z^(L)
            gz = LOSSES[self.loss_name].dz(buf.zL, D)
            np.sum(gz * self.act[L].dalpha(buf.u[L]), axis=0, out=self.dalpha[L])
        dot, multiply = _dot, np.multiply
        if buf.bulk:
            self.act[2].df(None, buf.zhidden, buf.dfall)
        for delta_next, zT, dWb_next, WbT_next, back_full, back, act, df_args, df, delta, alpha_grad in buf.bwd:
            dot(delta_next, zT, dWb_next)       # ∂L/∂W^(l+1) = Σ_n δ^(l+1) [z^(l) | 1]ᵀ
            dot(WbT_next, delta_next, back_full)  # W^(l+1)ᵀ δ^(l+1) (its bias row is not read)
            if df_args is not None:
                act.df(*df_args)                # f'(u^(l)) (u, z, out, α)
            multiply(back, df, delta)           # δ^(l) = f'(u^(l)) ⊙ W^(l+1)ᵀ δ^(l+1)
            if alpha_grad is not None:
                alpha_grad()
        dot(*buf.first)                  # Σ_n δ^(2) [x | 1]ᵀ
        if self.reduction == "mean":
            multiply(self.grad, buf.inv_n, self.grad)
        return self.grad

    # ------------------------------------------------------------------- loss
    def per_sample_loss(self, D):
        """L_n of the last forward batch for teacher signals D (N, n_L) → (N,)."""
        return self._last.loss(D)

    def reduce(self, per_sample):
        """Combine per-sample losses as ``reduction`` says (mean or sum)."""
        total = float(np.add.reduce(per_sample))      # what .sum() and .mean() add up
        if self.reduction == "sum":
            return total
        return total / per_sample.shape[0] if per_sample.shape[0] else float("nan")

    def loss(self, X, D):
        """The data loss of a batch: mean or sum of L_n. X (N, n_1), D (N, n_L) → float."""
        self.forward(X)
        return self.reduce(self._last.loss(D))

    def penalty(self, l1=0.0, l2=0.0):
        """The weight penalty λ₁‖W‖₁ + ½λ₂‖W‖² over all W^(l) (biases and α exempt)."""
        w = self.params * self.weight_mask
        return float(l1 * np.abs(w).sum() + 0.5 * l2 * np.dot(w, w))

    def add_penalty_grad(self, l1=0.0, l2=0.0):
        """Add the penalty's gradient λ₁ sign(W) + λ₂ W to ``grad`` (in place)."""
        if l2:
            self.grad += (l2 * self.weight_mask) * self.params
        if l1:
            self.grad += (l1 * self.weight_mask) * np.sign(self.params)
        return self.grad

    def __repr__(self):
        acts = ",".join(self.hidden_activations) or "-"
        return (f"Network(sizes={self.sizes}, activations={acts}, output={self.output}, "
                f"loss={self.loss_name}, reduction={self.reduction})")


def gradient_check(net, X, D, l1=0.0, l2=0.0, h=1e-6, indices=None):
    """Compare backpropagation's gradient with central differences, parameter by parameter.

    (L(w + h e_i) − L(w − h e_i)) / 2h for every parameter i (or only for the
    positions ``indices`` in ``net.params``; then backprop and numeric below have
    shape (len(indices),)), against ``backward``, for the loss of X (N, n_1),
    D (N, n_L) plus the weight penalty. The network's parameters are left exactly
    as they were.

    Returns
    -------
    max_rel_error : float
        The norm-wise relative error max_i |g_i − n_i| / max(max_i |g_i|, max_i |n_i|):
        the largest disagreement measured against the largest gradient, so that rounding
        in the difference quotient of a tiny component (|g_i| ~ 1e-7) cannot read as
        an error. 0.0 when both gradients vanish; NaN or inf when either is not finite.
    backprop, numeric : ndarray, shape (n_params,)
    """
    net.forward(X)
    net.backward(D)
    backprop = net.add_penalty_grad(l1, l2).copy()
    indices = np.arange(net.n_params) if indices is None else np.asarray(indices, dtype=int)
    backprop = backprop[indices]
    p, numeric = net.params, np.empty(len(indices))
    for k, i in enumerate(indices):
        old = p[i]
        p[i] = old + h
        up = net.loss(X, D) + net.penalty(l1, l2)
        p[i] = old - h
        down = net.loss(X, D) + net.penalty(l1, l2)
        p[i] = old
        numeric[k] = (up - down) / (2 * h)
    return normwise_error(backprop, numeric), backprop, numeric


def normwise_error(g, n):
    """max|g − n| / max(max|g|, max|n|) of two gradients of equal shape → float (0 if both are 0)."""
    diff = float(np.abs(g - n).max(initial=0.0))
    scale = max(float(np.abs(g).max(initial=0.0)), float(np.abs(n).max(initial=0.0)))
    if not np.isfinite(diff) or not np.isfinite(scale):
        return float("nan") if np.isnan(diff) else float("inf")
    return diff / scale if scale > 0 else 0.0
