"""The step-through record of one training step, in the order of the slides (lecture §7, README's tour).

1. forward: z^(1) = x_n; u^(l) = W^(l) z^(l−1) + b^(l), z^(l) = f(u^(l)) for l = 2 .. L
2. the loss L_n and the output delta δ^(L) (z − d for a matched pair, the chain rule otherwise)
3. backward: δ^(l) = f'(u^(l)) ⊙ W^(l+1)ᵀ δ^(l+1) for l = L−1 .. 2
4. gradients: ∂L_n/∂W^(l) = δ^(l) z^(l−1)ᵀ for l = L .. 2 (and the batch's, reduced)
then the update of every layer (plain or momentum, with v^t).

A :class:`Trace` is plain data (NumPy arrays and numbers): it can be replayed,
stepped backwards, tested and exported to JSON without Qt. It follows one
sample n; for a minibatch it also keeps the batch totals actually used.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from .notation import layer as up
from .errors import InputError

__all__ = ["Phase", "Trace", "record", "FORMAT", "VERSION"]

FORMAT, VERSION = "nnviz-trace", 1
KINDS = ("forward", "loss", "output_delta", "backward", "gradient", "update")


@dataclass(frozen=True)
class Phase:
    """One phase: its kind (one of KINDS), the layer l it concerns, and its values.

    values (arrays for the followed sample n, 1-D per unit):
    forward: z_prev (n_(l−1),), W (n_l, n_(l−1)), b, u, z (n_l,)  (layer 1: z = x)
    loss: y, d (n_L,), L (float)
    output_delta: u, z, d, delta (n_L,), matched (bool), and df, dLdz (n_L,) for the chain rule
    backward: df (= f'(u^(l))), W_next (n_(l+1), n_l), delta_next (n_(l+1),), delta (n_l,)
    gradient: delta (n_l,), z_prev, dW_n (n_l, n_(l−1)) = δ z_prevᵀ, db_n, dW and db of the batch
    update: W_before, dW (the batch gradient used, penalty included), v_before, W_after,
            b_before, db, vb_before, b_after
    """
    kind: str
    layer: int
    values: dict


@dataclass(frozen=True)
class Trace:
    """One training step, phase by phase. ``meta`` holds the settings in force."""
    meta: dict
    phases: tuple

    def to_json(self):
        """The trace as JSON text (format "nnviz-trace", version 1)."""
        def plain(v):
            return v.tolist() if isinstance(v, np.ndarray) else v
        return json.dumps({"format": FORMAT, "version": VERSION, "meta": self.meta,
                           "phases": [{"kind": p.kind, "layer": p.layer,
                                       "values": {k: plain(v) for k, v in p.values.items()}}
                                      for p in self.phases]}, indent=1, ensure_ascii=False)

    @classmethod
    def from_json(cls, text):
        """Read :meth:`to_json` output back; ValueError for anything else."""
        try:
            obj = json.loads(text)
            if obj.get("format") != FORMAT or obj.get("version") != VERSION:
                raise InputError("not an nnviz trace (format/version)")
            phases = tuple(Phase(p["kind"], int(p["layer"]),
                                 {k: (np.array(v, dtype=float) if isinstance(v, list) else v)
                                  for k, v in p["values"].items()})
                           for p in obj["phases"])
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as e:
            raise InputError("not an nnviz trace: {reason}", reason=e) from None
        if any(p.kind not in KINDS for p in phases):
            raise InputError("not an nnviz trace: unknown phase kind")
        return cls(obj["meta"], phases)

    def to_text(self):
        """The trace as readable text in the lecture's notation (what ``nnviz trace`` prints)."""
        return format_text(self)

    def find(self, kind, layer=None):
        """Index of the first phase of ``kind`` (and ``layer``), or −1."""
        for i, p in enumerate(self.phases):
            if p.kind == kind and (layer is None or p.layer == layer):
                return i
        return -1


def _c(a):
    return np.array(a, dtype=float, copy=True)


def record(net, optimizer, x, d, step, meta=None):
    """Follow sample (x, d) through one training step and return its :class:`Trace`.

    Parameters
    ----------
    net : Network
    optimizer : Optimizer  (its velocity ``v`` is read for the momentum rule)
    x : ndarray, shape (n_1,);  d : ndarray, shape (n_L,)
    step : callable
        Performs the real training step (the batch forward, backward, update) and
        returns a dict of extras for ``meta`` (e.g. the batch loss and indices).
        The network's ``grad`` after it must be the gradient the update used.
    meta : dict, optional
        Settings to record (ε, μ, optimiser, reduction, ...).
    """
    L = net.L
    W0 = [None if w is None else _c(w) for w in net.W]
    b0 = [None if b is None else _c(b) for b in net.b]
    v0 = None
    if optimizer.name == "momentum":         # v^t = w^t − w^(t−1); v⁰ = 0 before the first step
        v = getattr(optimizer, "v", None)
        v0 = np.zeros(net.n_params) if v is None else _c(v)
    # 1–4 for sample n alone (reduction does not matter for one sample)
    X, D = x[None, :], d[None, :]
    net.forward(X)
    per_sample = net.per_sample_loss(D)
    u = [None if a is None else _c(a[0]) for a in net.u]
    z = [None if a is None else _c(a[0]) for a in net.z]
    reduction, net.reduction = net.reduction, "sum"
    net.backward(D)
    net.reduction = reduction
    delta = [None if a is None else _c(a[0]) for a in net.delta]
    dW_n = [None if a is None else _c(a) for a in net.dW]
    db_n = [None if a is None else _c(a) for a in net.db]
    df = [None] * (L + 1)
    for l in range(2, L + 1):
        if net.act[l] is not None:
            df[l] = _c(net.act[l].df(u[l][None], z[l][None], alpha=net.alpha[l])[0])
    extra = step() or {}
    dW = [None if a is None else _c(a) for a in net.dW]
    db = [None if a is None else _c(a) for a in net.db]

    phases = [Phase("forward", 1, {"z": z[1]})]
    for l in range(2, L + 1):
        phases.append(Phase("forward", l, {"z_prev": z[l - 1], "W": W0[l], "b": b0[l], "u": u[l], "z": z[l]}))
    phases.append(Phase("loss", L, {"y": z[L], "d": _c(d), "L": float(per_sample[0])}))
    out = {"u": u[L], "z": z[L], "d": _c(d), "delta": delta[L], "matched": bool(net.matched)}
    if not net.matched:
        from .losses import LOSSES
        out["dLdz"] = _c(LOSSES[net.loss_name].dz(z[L][None], D)[0])
        if df[L] is not None:
            out["df"] = df[L]
    phases.append(Phase("output_delta", L, out))
    for l in range(L - 1, 1, -1):
        phases.append(Phase("backward", l, {"df": df[l], "W_next": W0[l + 1], "delta_next": delta[l + 1],
                                            "delta": delta[l]}))
    for l in range(L, 1, -1):
        phases.append(Phase("gradient", l, {"delta": delta[l], "z_prev": z[l - 1], "dW_n": dW_n[l],
                                            "db_n": db_n[l], "dW": dW[l], "db": db[l]}))
    for l in range(2, L + 1):
        vals = {"W_before": W0[l], "dW": dW[l], "W_after": _c(net.W[l]),
                "b_before": b0[l], "db": db[l], "b_after": _c(net.b[l])}
        if v0 is not None:
            vb = v0[net.block[l]].reshape(net.Wb[l].shape)
            vals["v_before"], vals["vb_before"] = _c(vb[:, :-1]), _c(vb[:, -1])
        phases.append(Phase("update", l, vals))
    info = dict(meta or {})
    info.update(extra)
    info.update({"sizes": list(net.sizes), "activations": list(net.activation_names[2:]),
                 "output": net.output, "loss": net.loss_name, "reduction": net.reduction,
                 "output_rule": net.output_rule})
    return Trace(info, tuple(phases))




def _v(a):
    """A vector on one line; a matrix on lines of its own, indented. 4 decimals."""
    a = np.asarray(a)
    text = np.array2string(a, precision=4, suppress_small=True, max_line_width=100, separator=" ")
    return text if a.ndim < 2 else "\n      " + text.replace("\n", "\n      ")


def format_text(trace):
    """Plain text of every phase, in the order and the symbols of the slides."""
    m = trace.meta
    acts = m["activations"]
    lines = [f"nnviz trace: training step {m.get('step', '?')} (epoch {m.get('epoch', '?')}), "
             f"network {'-'.join(map(str, m['sizes']))}",
             f"  hidden f: {', '.join(acts[:-1]) or '-'}; output {m['output']}, loss {m['loss']}, "
             f"reduction {m['reduction']}; {m['output_rule']}",
             f"  ε = {m.get('eps', 0):g}, μ = {m.get('mu', 0):g}, update rule {m.get('optimizer', 'plain')}; "
             f"following sample n = {m.get('sample', 0)} (in this minibatch: "
             f"{'yes' if m.get('sample_in_batch') else 'no'}, B = {len(m.get('batch', [])) or '?'})"]
    heads = {"forward": "Step 1 — forward pass", "output_delta": "Step 2 — output δ",
             "backward": "Step 3 — δ recursion (backwards)", "gradient": "Step 4 — gradients",
             "update": "Update"}
    last = None
    for p in trace.phases:
        v, l = p.values, p.layer
        if p.kind in heads and p.kind != last:
            lines.append(heads[p.kind])
        last = p.kind
        if p.kind == "forward" and l == 1:
            lines.append(f"  {up('z', 1)} = x_n = {_v(v['z'])}")
        elif p.kind == "forward":
            lines.append(f"  {up('u', l)} = {up('W', l)} {up('z', l - 1)} + {up('b', l)} = {_v(v['u'])}")
            lines.append(f"  {up('z', l)} = {acts[l - 2]}({up('u', l)}) = {_v(v['z'])}")
        elif p.kind == "loss":
            lines.append(f"  L_n = {v['L']:.6g}   (y = {_v(v['y'])}, d = {_v(v['d'])})")
        elif p.kind == "output_delta" and v["matched"]:
            lines.append(f"  {up('δ', l)} = z − d = {_v(v['z'])} − {_v(v['d'])} = {_v(v['delta'])}")
        elif p.kind == "output_delta":
            lines.append(f"  {up('δ', l)} = f'({up('u', l)}) ⊙ ∂L/∂z = {_v(v['delta'])}")
        elif p.kind == "backward":
            lines.append(f"  {up('δ', l)} = f'({up('u', l)}) ⊙ {up('W', l + 1)}ᵀ {up('δ', l + 1)} = "
                         f"{_v(v['df'])} ⊙ {_v(v['W_next'].T @ v['delta_next'])} = {_v(v['delta'])}")
        elif p.kind == "gradient":
            lines.append(f"  ∂L_n/∂{up('W', l)} = {up('δ', l)} {up('z', l - 1)}ᵀ = {_v(v['dW_n'])}")
            lines.append(f"  ∂L_n/∂{up('b', l)} = {up('δ', l)} = {_v(v['db_n'])}")
            lines.append(f"  the minibatch's ∂L/∂{up('W', l)} ({m['reduction']} over B) = {_v(v['dW'])}")
        elif p.kind == "update":
            rule = (f"{up('W', l)} − ε ∂L/∂{up('W', l)} + μ v" if "v_before" in v
                    else f"{up('W', l)} − ε ∂L/∂{up('W', l)}" if m.get("optimizer") == "plain"
                    else f"{up('W', l)} + ΔW ({m.get('optimizer')})")
            lines.append(f"  {up('W', l)} ← {rule} = {_v(v['W_after'])}")
            lines.append(f"  {up('b', l)} ← {_v(v['b_after'])}")
    return "\n".join(lines)
