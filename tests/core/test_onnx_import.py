"""ONNX import: nnviz's own exports come back bit for bit; MLPs built with onnx.helper
(as torch.onnx.export writes them) import and predict as onnxruntime runs them; anything
else, and hostile files, are refused with one line before any array is made."""
import numpy as np
import pytest

from nnviz.core.activations import ACTIVATIONS
from nnviz.core.datasets import Preprocess
from nnviz.core.network import Network
from nnviz.core.weights_io import WeightsError, load_weights, read_weights, save_weights

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from onnx import TensorProto, helper  # noqa: E402

import nnviz.core.onnx_import as onnx_import  # noqa: E402
from onnx_files import layers as _layers, mlp  # noqa: E402


def run_onnx(path, X):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed = session.get_inputs()[0]
    dtype = np.float32 if feed.type == "tensor(float)" else np.float64
    return session.run(None, {feed.name: X.astype(dtype)})[0].astype(np.float64)


def _trained_like(net, rng):
    net.params += 0.3 * rng.normal(size=net.n_params)
    for a in net.alpha:
        if a is not None:
            a[...] = rng.uniform(0, 0.5, a.shape)
    return net


# ------------------------------------------------------------------ nnviz → ONNX → nnviz
@pytest.mark.parametrize("task,K", [("regression", 2), ("binary", 1), ("multiclass", 3)])
@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_nnviz_onnx_nnviz_is_bit_identical_and_runs_alike(act, task, K, tmp_path):
    rng = np.random.default_rng(5)
    net = _trained_like(Network([3, 5, 4, K], [act, "elu"], task=task, seed=1, elu_alpha=0.7), rng)
    extra = {"classes": [f"c{k}" for k in range(K)] if task == "multiclass" else [], "target_name": "t",
             "input_names": ["a", "b", "c"]}
    save_weights(tmp_path / "m.onnx", net, extra=extra)
    back, meta = load_weights(tmp_path / "m.onnx")
    assert back.config() == net.config() and {k: meta[k] for k in extra} == extra
    assert np.array_equal(back.params, net.params)              # bit for bit
    X = 3 * rng.normal(size=(40, 3))
    tol = 1e-12
    assert np.abs(run_onnx(tmp_path / "m.onnx", X) - back.predict(X)).max() < tol


def test_preprocess_comes_back_with_the_file(tmp_path):
    X = np.random.default_rng(4).normal(size=(30, 2)) * 3
    pre = Preprocess.fit(X, features=("x1", "x2", "x1^2", "sin_x2"), standardize=True)
    net = Network([4, 3, 1], "relu", task="binary", seed=0)
    save_weights(tmp_path / "m.onnx", net, extra={"preprocess": pre.to_dict(), "input_names": ["p", "q"]})
    back, meta = load_weights(tmp_path / "m.onnx")
    assert Preprocess.from_dict(meta["preprocess"]) == pre and np.array_equal(back.params, net.params)
    assert np.abs(run_onnx(tmp_path / "m.onnx", X) - back.predict(pre.apply(X))).max() < 1e-12


def test_other_formats_convert_to_onnx_and_back(tmp_path):
    net = _trained_like(Network([2, 4, 3], "prelu", task="multiclass", seed=3), np.random.default_rng(0))
    save_weights(tmp_path / "w.npz", net, extra={"classes": ["a", "b", "c"]})
    for a, b in (("w.npz", "w.onnx"), ("w.onnx", "w.json"), ("w.json", "w2.onnx")):
        net_a, meta = load_weights(tmp_path / a)
        save_weights(tmp_path / b, net_a, extra={"classes": meta["classes"]})
    assert np.array_equal(load_weights(tmp_path / "w2.onnx")[0].params, net.params)


def test_a_changed_nnviz_graph_is_read_as_any_other(tmp_path):
    """The metadata is trusted only while the graph is exactly nnviz's: here a Tanh became a Relu."""
    net = Network([2, 3, 1], "tanh", task="regression", seed=0)
    save_weights(tmp_path / "m.onnx", net, extra={"target_name": "t"})
    model = onnx.load(str(tmp_path / "m.onnx"))
    next(n for n in model.graph.node if n.op_type == "Tanh").op_type = "Relu"
    onnx.save(model, str(tmp_path / "m.onnx"))
    meta, arrays = read_weights(tmp_path / "m.onnx")
    assert meta["activations"] == ["relu"] and "target_name" not in meta
    assert np.array_equal(arrays["W2"], net.W[2])


# ------------------------------------------------------------------ MLPs of other tools
CASES = {   # name: (sizes, ONNX activations, their extras, task, nnviz activations)
    "relu-sigmoid": ([3, 6, 1], ["Relu", "Sigmoid"], None, "binary", ["relu", "sigmoid"]),
    "tanh-softmax": ([2, 5, 4, 3], ["Tanh", "Relu", "Softmax"], [None, None, {"axis": 1}], "multiclass",
                     ["tanh", "relu", "softmax"]),
    "elu-linear": ([2, 4, 2], ["Elu", None], [{"alpha": 0.5}, None], "regression", ["elu", "identity"]),
    "prelu-leaky": ([2, 3, 3, 1], ["PRelu", "LeakyRelu", None], [[0.25, 0.1, 0.3], {"alpha": 0.2}, None],
                    "regression", ["prelu", "prelu", "identity"]),
    "softplus-sigmoid2": ([2, 3, 2], ["Softplus", "Sigmoid"], None, "regression", ["softplus", "sigmoid"]),
}


@pytest.mark.parametrize("style", ["gemm", "matmul"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_mlp_of_another_tool_imports_and_round_trips(case, style, tmp_path):
    """ONNX in → nnviz → ONNX out: the same predictions, in onnxruntime and in nnviz."""
    sizes, acts, extras, task, names = CASES[case]
    rng = np.random.default_rng(7)
    src = mlp(_layers(sizes, acts, rng, extras), tmp_path / "torch.onnx", style)
    net, meta = load_weights(src)
    assert (meta["task"], net.sizes, net.activation_names[2:]) == (task, sizes, names)
    X = rng.normal(size=(25, sizes[0]))
    expected = run_onnx(src, X)
    assert np.abs(net.predict(X) - expected).max() < 1e-5             # float32 in the source file
    save_weights(tmp_path / "out.onnx", net)
    again, _ = load_weights(tmp_path / "out.onnx")
    assert np.array_equal(again.params, net.params)
    assert np.abs(run_onnx(tmp_path / "out.onnx", X) - net.predict(X)).max() < 1e-12


def test_a_double_mlp_imports_exactly(tmp_path):
    rng = np.random.default_rng(8)
    layers = _layers([3, 4, 2], ["Tanh", "Softmax"], rng)
    net, _ = load_weights(mlp(layers, tmp_path / "m.onnx", dtype=np.float64))
    assert np.array_equal(net.W[2], layers[0][0]) and np.array_equal(net.b[3], layers[1][1])
    X = rng.normal(size=(10, 3))
    assert np.abs(net.predict(X) - run_onnx(tmp_path / "m.onnx", X)).max() < 1e-12


@pytest.mark.parametrize("dynamo", [False, True], ids=["torchscript", "dynamo"])
def test_torch_sequential_imports(tmp_path, dynamo):
    """What torch.onnx.export writes for a Sequential of Linear and activation layers, with
    either exporter (the dynamo one, PyTorch 2.9's default, needs onnxscript)."""
    torch = pytest.importorskip("torch")
    if dynamo:
        pytest.importorskip("onnxscript")
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.Tanh(), torch.nn.Linear(5, 4), torch.nn.ReLU(),
                                torch.nn.Linear(4, 1), torch.nn.Sigmoid()).double().eval()
    torch.onnx.export(model, torch.zeros(2, 3, dtype=torch.float64), str(tmp_path / "t.onnx"), dynamo=dynamo,
                      input_names=["x"], output_names=["y"], dynamic_axes={"x": {0: "N"}, "y": {0: "N"}})
    net, meta = load_weights(tmp_path / "t.onnx")
    X = np.random.default_rng(0).normal(size=(20, 3))
    assert meta["task"] == "binary"
    assert np.abs(net.predict(X) - model(torch.from_numpy(X)).detach().numpy()).max() < 1e-12


# ------------------------------------------------------------------ refusals
def _conv_model(path):
    rng = np.random.default_rng(0)
    mlp(_layers([2, 3, 1], ["Relu", None], rng), path)
    model = onnx.load(str(path))
    relu = next(n for n in model.graph.node if n.op_type == "Relu")
    relu.op_type, relu.name = "Conv", "conv1"
    return model


def test_an_unsupported_node_is_refused_by_name(tmp_path):
    onnx.save(_conv_model(tmp_path / "c.onnx"), str(tmp_path / "c.onnx"))
    with pytest.raises(WeightsError, match=r"^c\.onnx: Conv node 'conv1': not supported; nnviz imports a chain"):
        read_weights(tmp_path / "c.onnx")


@pytest.mark.parametrize("attrs,message", [
    ({"alpha": 2.0}, "Gemm node '/0/Gemm': nnviz reads Gemm with alpha = beta = 1 and transA = 0 only"),
    ({"transA": 1}, "Gemm node '/0/Gemm': nnviz reads Gemm with alpha = beta = 1"),
])
def test_gemm_beyond_u_equals_wz_plus_b_is_refused(attrs, message, tmp_path):
    mlp(_layers([2, 2, 1], ["Relu", None], np.random.default_rng(0)), tmp_path / "g.onnx")
    model = onnx.load(str(tmp_path / "g.onnx"))
    gemm = model.graph.node[0]
    for key, value in attrs.items():
        gemm.attribute.append(helper.make_attribute(key, value))
    onnx.save(model, str(tmp_path / "g.onnx"))
    with pytest.raises(WeightsError, match="^g.onnx: " + message.replace("(", r"\(")):
        read_weights(tmp_path / "g.onnx")


def test_softmax_in_a_hidden_layer_and_branches_are_refused(tmp_path):
    rng = np.random.default_rng(0)
    mlp(_layers([2, 3, 1], ["Softmax", None], rng), tmp_path / "s.onnx")
    with pytest.raises(WeightsError, match="Gemm node '/2/Gemm': Softmax must be the last layer's activation"):
        read_weights(tmp_path / "s.onnx")
    model = onnx.load(str(tmp_path / "s.onnx"))
    model.graph.node.append(helper.make_node("Relu", ["/0/out"], ["side"], name="side"))
    onnx.save(model, str(tmp_path / "b.onnx"))
    with pytest.raises(WeightsError, match="tensor '/0/out' feeds 2 nodes"):
        read_weights(tmp_path / "b.onnx")


def _hostile(tmp_path, change):
    """An MLP file whose first weight tensor ``change`` edits; written without any check."""
    mlp(_layers([2, 3, 1], ["Relu", None], np.random.default_rng(0)), tmp_path / "h.onnx")
    model = onnx.load(str(tmp_path / "h.onnx"))
    change(model.graph.initializer[0])
    (tmp_path / "h.onnx").write_bytes(model.SerializeToString())
    return tmp_path / "h.onnx"


def _huge(t):
    del t.dims[:]
    t.dims.extend([10**9, 10**9])


def _external(t):
    t.ClearField("raw_data")
    t.data_location = TensorProto.EXTERNAL
    t.external_data.add(key="location", value="/etc/passwd")


def _short(t):
    t.raw_data = t.raw_data[:-4]


def _more_dims(t):
    t.dims.append(1)


@pytest.mark.parametrize("change,message", [
    (_huge, r"initializer '0.weight' has shape \(1000000000, 1000000000\): not a weight matrix"),
    (_external, "initializer '0.weight' keeps its data in another file"),
    (_short, r"initializer '0.weight' claims shape \(3, 2\) \(24 bytes\) but holds 20 bytes"),
    (_more_dims, r"initializer '0.weight' has shape \(3, 2, 1\)"),
    (lambda t: setattr(t, "data_type", TensorProto.STRING),
     "initializer '0.weight' has ONNX data type 8; nnviz reads float, double and int64"),
])
def test_a_hostile_tensor_is_refused_before_any_array_is_made(change, message, tmp_path, monkeypatch):
    path = _hostile(tmp_path, change)

    def no_array(tensor):
        raise AssertionError("an array was made")
    monkeypatch.setattr(onnx_import, "_array", no_array)
    with pytest.raises(WeightsError, match="^h.onnx: " + message):
        read_weights(path)


def test_claims_beyond_the_file_size_are_refused(tmp_path):
    """A plausible shape whose data is not in the file: the size is compared first."""
    path = _hostile(tmp_path, lambda t: (t.ClearField("raw_data"), t.dims.__setitem__(0, 1000)))
    with pytest.raises(WeightsError, match=r"claims shape \(1000, 2\) \(8,000 bytes\) but holds 0 bytes"):
        read_weights(path)


def test_not_onnx_and_too_large_networks_are_refused(tmp_path):
    (tmp_path / "x.onnx").write_bytes(b"\xff\xff\xff garbage")
    with pytest.raises(WeightsError, match=r"^x.onnx: not an ONNX model"):
        read_weights(tmp_path / "x.onnx")
    rng = np.random.default_rng(0)
    layers = [(rng.normal(size=(2, 2)), rng.normal(size=2), "Relu", None)] * 22 + [
        (rng.normal(size=(1, 2)), rng.normal(size=1), None, None)]
    mlp(layers, tmp_path / "deep.onnx")
    with pytest.raises(WeightsError, match="^deep.onnx: more than 21 layers"):
        read_weights(tmp_path / "deep.onnx")


def test_without_onnx_the_message_says_how_to_install_it(tmp_path, monkeypatch):
    mlp(_layers([2, 1], [None], np.random.default_rng(0)), tmp_path / "m.onnx")
    monkeypatch.setitem(__import__("sys").modules, "onnx", None)
    with pytest.raises(WeightsError,
                       match=r"^m.onnx: ONNX import needs the onnx package: pip install 'nnviz\[onnx\]'$"):
        read_weights(tmp_path / "m.onnx")
