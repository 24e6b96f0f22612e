"""Export a network as a standard ONNX graph (needs the optional ``onnx`` package).

The graph takes the raw inputs ``x`` (N, n_in) in float64 and gives ``y``
(N, n_L): the input features φ(x) and the standardisation of the preprocess
first, then per layer a Gemm (transB = 1: u = z Wᵀ + b, the lecture's W^(l)
of shape (n_l, n_(l−1))) and its activation, the output's sigmoid or softmax
included. Every activation is written with operators onnxruntime implements
for float64, so the exported model reproduces nnviz's predictions to rounding.
It opens in Netron and runs in onnxruntime. The weights file's meta is kept as JSON
in the model's metadata (``nnviz-weights``), so onnx_import.py reads the file back whole.
"""
from __future__ import annotations

import numpy as np

from .errors import InputError, Message

__all__ = ["export_onnx", "onnx_model", "onnx_available", "require_onnx", "MissingPackage", "META_KEY", "OPSET"]

OPSET = 17


class MissingPackage(Message, ImportError):
    """An optional package that a feature needs is not installed."""


def onnx_available():
    """True when the ``onnx`` package can be imported."""
    try:
        import onnx  # noqa: F401
    except ImportError:
        return False
    return True


class _Graph:
    """Collects nodes and constants with fresh names."""

    def __init__(self, helper, numpy_helper):
        self.h, self.nh = helper, numpy_helper
        self.nodes, self.inits, self.count = [], [], 0

    def name(self, stem):
        self.count += 1
        return f"{stem}_{self.count}"

    def const(self, value, stem="c"):
        n = self.name(stem)
        self.inits.append(self.nh.from_array(np.asarray(value, dtype=np.float64), n))
        return n

    def int_const(self, value, stem="i"):
        n = self.name(stem)
        self.inits.append(self.nh.from_array(np.asarray(value, dtype=np.int64), n))
        return n

    def op(self, op_type, *inputs, stem=None, **attrs):
        out = self.name(stem or op_type.lower())
        self.nodes.append(self.h.make_node(op_type, list(inputs), [out], **attrs))
        return out


def _activation(g, name, u, alpha=None, elu_alpha=1.0):
    """The node(s) of activation ``name`` applied to tensor ``u``; returns the output name."""
    if name == "identity":
        return g.op("Identity", u)
    if name == "step":                                   # 1 for u ≥ 0, else 0
        return g.op("Cast", g.op("GreaterOrEqual", u, g.const(0.0)), to=11)
    if name == "sigmoid":
        return g.op("Sigmoid", u)
    if name == "tanh":
        return g.op("Tanh", u)
    if name == "relu":
        return g.op("Relu", u)
    if name == "softmax":
        return g.op("Softmax", u, axis=-1)
    if name == "arctan":
        return _arctan(g, u)
    zero = g.const(0.0)
    neg, pos = g.op("Min", u, zero), g.op("Max", u, zero)
    if name == "prelu":                                  # max(u, 0) + α min(u, 0), α per unit
        return g.op("Add", pos, g.op("Mul", g.const(alpha, "alpha"), neg))
    if name == "elu":                                    # max(u, 0) + α(e^min(u, 0) − 1)
        em1 = g.op("Sub", g.op("Exp", neg), g.const(1.0))
        return g.op("Add", pos, g.op("Mul", g.const(elu_alpha), em1))
    if name == "softplus":                               # max(u, 0) + ln(1 + e^(−|u|))
        t = g.op("Exp", g.op("Neg", g.op("Abs", u)))
        return g.op("Add", pos, g.op("Log", g.op("Add", g.const(1.0), t)))
    raise InputError("no ONNX form for activation {name!r}", name=name)


def _arctan(g, u):
    """tan⁻¹ in float64 from basic operators (onnxruntime has no float64 Atan):
    four halvings atan(x) = 2 atan(x / (1 + √(1 + x²))) bring |x| below 0.1, then the
    series t − t³/3 + t⁵/5 − … to t¹⁵ (error below 1e-17)."""
    one = g.const(1.0)
    t = u
    for _ in range(4):
        t = g.op("Div", t, g.op("Add", one, g.op("Sqrt", g.op("Add", one, g.op("Mul", t, t)))))
    t2 = g.op("Mul", t, t)
    acc = g.const(1.0 / 15.0 * (-1) ** 7)
    for k in range(6, -1, -1):                          # Horner: Σ (−1)^k t^(2k) / (2k + 1)
        acc = g.op("Add", g.op("Mul", acc, t2), g.const((-1) ** k / (2 * k + 1)))
    return g.op("Mul", g.const(16.0), g.op("Mul", t, acc))


_FEATURE_OPS = {"x1^2": (0, 0), "x2^2": (1, 1), "x1x2": (0, 1)}


def _preprocess(g, x, pre):
    """Nodes for the feature map and standardisation of a Preprocess dict."""
    features = list(pre.get("features") or [])
    if features:
        cols = {k: g.op("Gather", x, g.int_const([k]), axis=1) for k in (0, 1)}
        parts = []
        for f in features:
            if f in ("x1", "x2"):
                parts.append(cols[int(f[1]) - 1])
            elif f in _FEATURE_OPS:
                a, b = _FEATURE_OPS[f]
                parts.append(g.op("Mul", cols[a], cols[b]))
            elif f in ("sin_x1", "sin_x2"):
                parts.append(g.op("Sin", cols[int(f[-1]) - 1]))
            else:
                raise InputError("no ONNX form for feature {name!r}", name=f)
        x = g.op("Concat", *parts, axis=1)
    if pre.get("mean"):
        x = g.op("Div", g.op("Sub", x, g.const(pre["mean"])), g.const(pre["std"]))
    return x


#: The key of the model's metadata that holds the weights file's meta as JSON, so that
#: nnviz reads its own exports back with their names, classes and preprocess.
META_KEY = "nnviz-weights"


def require_onnx(what):
    """The onnx module, or :class:`MissingPackage` saying how to install it (``what``: export or import)."""
    try:
        import onnx
    except ImportError:
        raise (MissingPackage("ONNX export needs the onnx package: pip install 'nnviz[onnx]'") if what == "export"
               else MissingPackage("ONNX import needs the onnx package: pip install 'nnviz[onnx]'")) from None
    return onnx


def onnx_model(net, meta=None):
    """The ONNX ModelProto of ``net``; ``meta`` (a weights file's meta, its extras included) is
    stored as JSON in the model's metadata, and its ``preprocess`` goes into the graph.

    The graph's input has ``len(meta["input_names"])`` columns when there are names, else 2
    with features, else n_1."""
    import json

    require_onnx("export")
    from onnx import TensorProto, helper, numpy_helper
    meta = dict(meta or {})
    pre = meta.get("preprocess") or {}
    names = meta.get("input_names")
    n_in = len(names) if names else (2 if pre.get("features") else net.sizes[0])
    g = _Graph(helper, numpy_helper)
    z = _preprocess(g, "x", pre)
    for l in range(2, net.L + 1):
        u = g.op("Gemm", z, g.const(net.W[l], f"W{l}"), g.const(net.b[l], f"b{l}"), transB=1, stem=f"u{l}")
        alpha = None if net.alpha[l] is None else net.alpha[l]
        z = _activation(g, net.activation_names[l], u, alpha, net.elu_alpha)
    g.nodes.append(helper.make_node("Identity", [z], ["y"]))
    graph = helper.make_graph(
        g.nodes, "nnviz", [helper.make_tensor_value_info("x", TensorProto.DOUBLE, ["N", n_in])],
        [helper.make_tensor_value_info("y", TensorProto.DOUBLE, ["N", net.sizes[-1]])], g.inits)
    model = helper.make_model(graph, producer_name="nnviz", opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 8
    if meta:
        helper.set_model_props(model, {META_KEY: json.dumps(meta, ensure_ascii=False, allow_nan=False)})
    return model


def export_onnx(path, net, meta=None):
    """Write ``net`` as :func:`onnx_model` builds it to ``path`` (atomically).

    Raises :class:`MissingPackage`, an ImportError (with how to install it), when ``onnx`` is missing.
    """
    from .weights_io import atomic_write
    model = onnx_model(net, meta)
    require_onnx("export").checker.check_model(model)
    data = model.SerializeToString()
    atomic_write(path, lambda fh: fh.write(data))
