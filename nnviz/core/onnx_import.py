"""Read an MLP from an ONNX file (needs the optional ``onnx`` package).

Two kinds of file open:

- nnviz's own exports (onnx_export.py): the weights file's meta sits in the model's
  metadata; the file is accepted when the graph is exactly the one nnviz builds from
  that meta and the file's Gemm weights, so its names, classes and preprocess come back.
- any other MLP, e.g. what ``torch.onnx.export`` writes for a ``torch.nn.Sequential`` of
  ``Linear`` and activation layers: a chain from the one input to the one output of
  Gemm (alpha = beta = 1, transA = 0) or MatMul followed by Add of a bias, each followed
  by at most one activation (Relu, Tanh, Sigmoid, Softplus, Atan, Elu, PRelu, LeakyRelu;
  Softmax on the output), with Identity, Flatten and Dropout passed over. The task
  follows the output: a sigmoid of one unit is binary, a softmax multiclass, else regression.

Anything else is refused naming its first node that does not fit. The file is parsed
from bytes, so external data is never followed; every tensor's shape is bounded and its
stored size compared with the data it holds before an array is made.
"""
from __future__ import annotations

import math

import numpy as np

from .errors import InputError, Term
from .files import loads_json
from .losses import TASKS
from .network import MAX_IO_UNITS, MAX_LAYERS, MAX_PARAMS, Network
from .onnx_export import META_KEY, require_onnx, onnx_model
from .weights_io import FORMAT, VERSION, WeightsError, check_header, check_keys, check_meta, assign_weights

__all__ = ["read_onnx"]

#: ONNX op type → nnviz activation (LeakyRelu becomes a PReLU with its slope fixed per unit).
_ACTIVATIONS = {"Relu": "relu", "Tanh": "tanh", "Sigmoid": "sigmoid", "Softplus": "softplus", "Atan": "arctan",
                "Elu": "elu", "PRelu": "prelu", "LeakyRelu": "prelu", "Softmax": "softmax"}
_PASS = ("Identity", "Flatten", "Dropout")
_FLOAT, _INT64, _DOUBLE, _EXTERNAL = 1, 7, 11, 1     # TensorProto.FLOAT, .INT64, .DOUBLE, .EXTERNAL
#: ONNX data type → (NumPy type of its raw data, the TensorProto field of its typed data)
_TYPES = {_FLOAT: ("<f4", "float_data"), _INT64: ("<i8", "int64_data"), _DOUBLE: ("<f8", "double_data")}


def read_onnx(path, size):
    """(meta, arrays) of the ONNX file ``path`` of ``size`` bytes, as :func:`weights_io.read_weights`."""
    onnx = require_onnx("import")
    from google.protobuf.message import DecodeError
    model = onnx.ModelProto()
    try:
        model.ParseFromString(path.read_bytes())
    except (DecodeError, RuntimeError, ValueError):
        raise WeightsError("not an ONNX model (the protobuf does not parse)") from None
    graph = model.graph
    if graph.sparse_initializer:
        raise WeightsError("sparse initializers are not supported")
    inits = {}
    for tensor in graph.initializer:
        _check_tensor(tensor, size)
        inits[tensor.name] = tensor
    props = {p.key: p.value for p in model.metadata_props}
    if META_KEY in props:
        own = _read_own(graph, inits, props[META_KEY])
        if own is not None:
            return own
    return _walk(graph, inits)


# ------------------------------------------------------------------ tensors
def _check_tensor(tensor, file_size):
    """Refuse a tensor kept outside the file, of another type, or whose shape does not
    match the data it holds, before any array is made of it."""
    name = tensor.name
    if tensor.data_location == _EXTERNAL or tensor.external_data:
        raise WeightsError("initializer {name!r} keeps its data in another file; nnviz reads self-contained "
                           ".onnx files only", name=name)
    if tensor.data_type not in _TYPES:
        raise WeightsError("initializer {name!r} has ONNX data type {type}; nnviz reads float, double and int64",
                           name=name, type=tensor.data_type)
    dims = list(tensor.dims)
    if len(dims) > 2 or any(d < 1 or d > MAX_IO_UNITS for d in dims):
        raise WeightsError("initializer {name!r} has shape {shape}: not a weight matrix or vector of at most "
                           "{limit:,} rows and columns", name=name, shape=tuple(dims), limit=MAX_IO_UNITS)
    count = math.prod(dims)
    dtype, field = _TYPES[tensor.data_type]
    nbytes = count * np.dtype(dtype).itemsize
    stored = len(tensor.raw_data) if tensor.raw_data else len(getattr(tensor, field)) * np.dtype(dtype).itemsize
    if count > MAX_PARAMS or nbytes > file_size or stored != nbytes:
        raise WeightsError("initializer {name!r} claims shape {shape} ({size:,} bytes) but holds {stored:,} bytes",
                           name=name, shape=tuple(dims), size=nbytes, stored=stored)


def _array(tensor):
    """A checked tensor as a float64 array of its shape; NaN and infinities refused."""
    dtype, field = _TYPES[tensor.data_type]
    if tensor.raw_data:
        a = np.frombuffer(tensor.raw_data, dtype=dtype)
    else:
        a = np.asarray(getattr(tensor, field), dtype=dtype)
    a = a.astype(np.float64).reshape(tuple(tensor.dims))
    if not np.isfinite(a).all():
        raise WeightsError("initializer {name!r} contains NaN or infinite values", name=tensor.name)
    return a


# ------------------------------------------------------------------ nnviz's own files
def _read_own(graph, inits, text):
    """(meta, arrays) when the graph is exactly what nnviz writes for the meta in its
    metadata and its Gemm weights; None when it is not (the general reader decides)."""
    try:
        meta = loads_json(text)
        expected = check_meta(meta)
    except (InputError, ValueError):
        return None
    gemms = [n for n in graph.node if n.op_type == "Gemm"]
    alphas = [name for name in inits if name.startswith("alpha_")]
    prelu = [k for k in expected if k.startswith("alpha")]
    if len(gemms) != len(meta["sizes"]) - 1 or len(alphas) != len(prelu):
        return None
    names = dict(zip(prelu, alphas))
    for l, node in enumerate(gemms, start=2):
        if len(node.input) != 3 or not all(n in inits for n in node.input[1:]):
            return None
        names[f"W{l}"], names[f"b{l}"] = node.input[1], node.input[2]
    arrays = {}
    for key, shape in expected.items():
        tensor = inits[names[key]]
        if tuple(tensor.dims) != shape or tensor.data_type != _DOUBLE:
            return None
        arrays[key] = _array(tensor)
    net = Network.from_config(meta)
    assign_weights(net, meta, arrays)
    return (meta, arrays) if onnx_model(net, meta).graph == graph else None


# ------------------------------------------------------------------ any MLP
AT_NODE = Term("{op} node {name!r}: {why}")        # an UnsupportedNode's text, naming the node


class UnsupportedNode(WeightsError):
    """A refusal naming ``node`` (its op type and name): "{op} node {name!r}: " and the
    reason, the literal ``template`` filled with ``fields``."""

    def __init__(self, template, node, **fields):
        super().__init__(AT_NODE, op=node.op_type, name=node.name, why=WeightsError(template, **fields))


def _attrs(node):
    """{name: value} of a node's float and int attributes."""
    return {a.name: (a.f if a.type == 1 else a.i) for a in node.attribute if a.type in (1, 2)}


def _walk(graph, inits):
    """(meta, arrays) of the chain of layers from the graph's one input to its one output."""
    inputs = [v for v in graph.input if v.name not in inits]
    if len(inputs) != 1 or len(graph.output) != 1:
        raise WeightsError("the graph has {inputs} inputs and {outputs} outputs; an MLP has one of each",
                           inputs=len(inputs), outputs=len(graph.output))
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    dims = inputs[0].type.tensor_type.shape.dim
    width = dims[-1].dim_value if dims and dims[-1].dim_value > 0 else None
    layers, elu_alphas, seen = [], set(), set()      # layers: [W, b, activation, alpha]
    current, end = inputs[0].name, graph.output[0].name
    while current != end:
        users = consumers.get(current, [])
        if len(users) != 1:
            raise WeightsError("tensor {name!r} feeds {count} nodes; nnviz imports a chain of layers",
                               name=current, count=len(users))
        node = users[0]
        odd = id(node) in seen or node.domain not in ("", "ai.onnx") or len(node.output) < 1
        seen.add(id(node))
        op, attrs = None if odd else node.op_type, _attrs(node)
        if layers and layers[-1][2] == "softmax" and op not in _PASS:
            raise UnsupportedNode("Softmax must be the last layer's activation", node)
        if op in _PASS:
            if op == "Flatten" and attrs.get("axis", 1) != 1:
                raise UnsupportedNode("nnviz reads Flatten with axis = 1 only", node)
        elif op in ("Gemm", "MatMul"):
            if len(layers) >= MAX_LAYERS - 1:
                raise WeightsError("more than {count} layers", count=MAX_LAYERS - 1)
            W, b, node = _linear(node, attrs, consumers, inits)
            if width is not None and W.shape[1] != width:
                raise UnsupportedNode("it takes {count} inputs, but gets {width}", node, count=W.shape[1],
                                      width=width)
            width = W.shape[0]
            layers.append([W, b, None, None])
        elif op in _ACTIVATIONS and layers and layers[-1][2] is None:
            name = layers[-1][2] = _ACTIVATIONS[op]
            if op == "Softmax" and attrs.get("axis", -1) not in (-1, 1):
                raise UnsupportedNode("nnviz reads Softmax over the last axis only", node)
            if op == "Elu":
                elu_alphas.add(attrs.get("alpha", 1.0))
            if name == "prelu":
                layers[-1][3] = _slope(node, attrs, inits, width)
        else:
            raise UnsupportedNode("not supported; nnviz imports a chain of Gemm (or MatMul + Add) layers, each "
                                  "followed by Relu, Tanh, Sigmoid, Softplus, Atan, Elu, PRelu or LeakyRelu, and "
                                  "Softmax on the output", node)
        current = node.output[0]
    if not layers:
        raise WeightsError("no Gemm or MatMul layer between the input and the output")
    if len(elu_alphas) > 1:
        raise WeightsError("Elu nodes with different alphas {values}; nnviz has one ELU alpha",
                           values=sorted(elu_alphas))
    return _meta_of(layers, elu_alphas.pop() if elu_alphas else 1.0)


def _init(node, i, inits):
    """The array of input ``i`` of ``node``, which must be an initializer."""
    if len(node.input) <= i or node.input[i] not in inits:
        raise UnsupportedNode("input {number} must be a stored weight (an initializer)", node, number=i + 1)
    return _array(inits[node.input[i]])


def _linear(node, attrs, consumers, inits):
    """(W (n_l, n_(l−1)), b (n_l,), the layer's last node) of a Gemm, or a MatMul and the Add after it."""
    if node.op_type == "Gemm":
        if attrs.get("alpha", 1.0) != 1.0 or attrs.get("beta", 1.0) != 1.0 or attrs.get("transA", 0) != 0:
            raise UnsupportedNode("nnviz reads Gemm with alpha = beta = 1 and transA = 0 only", node)
        B = _init(node, 1, inits)
        if B.ndim != 2:
            raise UnsupportedNode("the weight must be a matrix", node)
        W = B if attrs.get("transB", 0) == 1 else B.T
        b = _init(node, 2, inits) if len(node.input) > 2 and node.input[2] else np.zeros(W.shape[0])
        return W, _bias(node, b, W.shape[0]), node
    B = _init(node, 1, inits)
    if B.ndim != 2:
        raise UnsupportedNode("the weight must be a matrix", node)
    W = B.T
    after = consumers.get(node.output[0], [])
    if len(after) == 1 and after[0].op_type == "Add" and len(after[0].input) == 2:
        add = after[0]
        other = 1 if add.input[0] == node.output[0] else 0
        return W, _bias(add, _init(add, other, inits), W.shape[0]), add
    return W, np.zeros(W.shape[0]), node


def _bias(node, b, n):
    if b.size != n or (b.ndim == 2 and b.shape[0] != 1):
        raise UnsupportedNode("the bias has shape {shape}, expected ({count},)", node, shape=b.shape, count=n)
    return b.reshape(n)


def _slope(node, attrs, inits, width):
    """α per unit of a PRelu (its slope, one or per unit) or a LeakyRelu (its alpha)."""
    if node.op_type == "LeakyRelu":
        return np.full(width, float(attrs.get("alpha", 0.01)))
    slope = _init(node, 1, inits)
    if slope.size not in (1, width):
        raise UnsupportedNode("the slope has {size} values, expected 1 or {count}", node, size=slope.size,
                              count=width)
    return np.broadcast_to(slope.reshape(-1), (width,)).copy()


def _meta_of(layers, elu_alpha):
    """Meta and arrays of the layers read, checked as a weights file's are."""
    sizes = [layers[0][0].shape[1]] + [W.shape[0] for W, *_ in layers]
    acts = [a or "identity" for _, _, a, _ in layers]
    if "softmax" in acts[:-1]:
        raise WeightsError("Softmax must be the last layer's activation")
    output = acts[-1]
    task = ("binary" if output == "sigmoid" and sizes[-1] == 1 else "multiclass" if output == "softmax"
            else "regression")
    meta = {"format": FORMAT, "version": VERSION, "sizes": sizes, "activations": acts[:-1], "output": output,
            "loss": TASKS[task].loss, "task": task, "reduction": "mean", "elu_alpha": float(elu_alpha)}
    expected = check_meta(meta)
    arrays = {}
    for l, (W, b, _, alpha) in enumerate(layers, start=2):
        arrays[f"W{l}"], arrays[f"b{l}"] = W, b
        if alpha is not None:
            arrays[f"alpha{l}"] = alpha
    check_keys(list(arrays) + ["meta"], expected)
    for key, shape in expected.items():
        check_header(key, arrays[key].shape, arrays[key].dtype, shape, sizes)
    return meta, {k: np.ascontiguousarray(a, dtype=np.float64) for k, a in arrays.items()}
