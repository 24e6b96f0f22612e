"""ONNX export: onnxruntime reproduces nnviz's predictions to 1e-9 in float64."""
import numpy as np
import pytest

from nnviz.core.activations import ACTIVATIONS
from nnviz.core.datasets import Preprocess
from nnviz.core.network import Network

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from nnviz.core.onnx_export import export_onnx  # noqa: E402


def run_onnx(path, X):
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(None, {"x": X})[0]


@pytest.mark.parametrize("task,K", [("regression", 2), ("binary", 1), ("multiclass", 3)])
@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_onnxruntime_matches_nnviz(act, task, K, tmp_path):
    rng = np.random.default_rng(3)
    net = Network([3, 5, 4, K], [act, "tanh"], task=task, seed=2)
    net.params += 0.2 * rng.normal(size=net.n_params)
    if net.alpha[2] is not None:
        net.alpha[2][...] = rng.uniform(0, 0.5, 5)
    X = 3 * rng.normal(size=(40, 3))
    export_onnx(tmp_path / "m.onnx", net)
    assert np.abs(run_onnx(tmp_path / "m.onnx", X) - net.predict(X)).max() < 1e-9


def test_features_and_standardisation_are_in_the_graph(tmp_path):
    rng = np.random.default_rng(4)
    X = rng.normal(size=(30, 2)) * 3
    pre = Preprocess.fit(X, features=("x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2"), standardize=True)
    net = Network([7, 4, 1], "relu", task="binary", seed=0)
    export_onnx(tmp_path / "m.onnx", net, {"preprocess": pre.to_dict()})
    assert np.abs(run_onnx(tmp_path / "m.onnx", X) - net.predict(pre.apply(X))).max() < 1e-9


def test_graph_is_standard_gemm_and_validates(tmp_path):
    net = Network([2, 3, 2], "sigmoid", task="multiclass")
    export_onnx(tmp_path / "m.onnx", net)
    model = onnx.load(str(tmp_path / "m.onnx"))
    onnx.checker.check_model(model)
    ops = [n.op_type for n in model.graph.node]
    assert ops.count("Gemm") == 2 and "Softmax" in ops and "Sigmoid" in ops
    gemm = next(n for n in model.graph.node if n.op_type == "Gemm")
    assert {a.name: a.i for a in gemm.attribute}["transB"] == 1
