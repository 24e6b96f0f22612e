"""`nnviz export` converts between .npz, .json and .onnx; `train --out` and `--init` take .onnx;
`predict` runs an .onnx file through onnxruntime."""
import csv
import sys

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.core.weights_io import load_weights

pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _train(capsys, out, *flags):
    code, _, err = run(capsys, "train", "--dataset", "spiral_k", "--classes", "3", "--features", "x1,x2,x1x2",
                       "--standardize", "--layers", "3,5,3", "--activation", "prelu", "--steps", "30",
                       "--out", out, "--quiet", *flags)
    assert code == 0, err


def test_train_writes_onnx_and_export_converts_every_way(tmp_path, capsys):
    _train(capsys, tmp_path / "w.onnx")
    net, meta = load_weights(tmp_path / "w.onnx")
    assert meta["classes"] and meta["preprocess"]["features"] == ["x1", "x2", "x1x2"]
    chain = ["w.onnx", "w.npz", "w.json", "w2.onnx", "w2.npz"]
    for a, b in zip(chain, chain[1:]):
        code, out, err = run(capsys, "export", "--weights", tmp_path / a, "--out", tmp_path / b)
        assert code == 0 and out == f"layers [3, 5, 3] (prelu, softmax) written to {tmp_path / b}\n", err
    for name in chain[1:]:
        other, other_meta = load_weights(tmp_path / name)
        assert np.array_equal(other.params, net.params) and other_meta == meta


def test_predict_runs_onnx_in_onnxruntime_as_nnviz_runs_npz(tmp_path, capsys):
    _train(capsys, tmp_path / "w.onnx")
    assert run(capsys, "export", "--weights", tmp_path / "w.onnx", "--out", tmp_path / "w.npz", "--quiet")[0] == 0
    (tmp_path / "in.csv").write_text("x1,x2\n0.5,1\n-2,0.25\n3,-1\n")
    rows = {}
    for name in ("w.onnx", "w.npz"):
        code, out, err = run(capsys, "predict", "--weights", tmp_path / name, "--data", tmp_path / "in.csv")
        assert code == 0, err
        rows[name] = list(csv.reader(out.splitlines()))
    assert rows["w.onnx"][0] == rows["w.npz"][0] and [r[-1] for r in rows["w.onnx"]] == [r[-1] for r in rows["w.npz"]]
    got, want = (np.array([r[2:-1] for r in rows[k][1:]], dtype=float) for k in ("w.onnx", "w.npz"))
    assert np.abs(got - want).max() < 1e-12


def test_predict_without_onnxruntime_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    _train(capsys, tmp_path / "w.onnx")
    (tmp_path / "in.csv").write_text("x1,x2\n0.5,1\n")
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    code, out, err = run(capsys, "predict", "--weights", tmp_path / "w.onnx", "--data", tmp_path / "in.csv")
    assert code == 2 and out == ""
    assert err.startswith("nnviz: error: running an .onnx file needs onnxruntime: pip install onnxruntime")


def test_init_from_onnx_starts_from_its_weights(tmp_path, capsys):
    _train(capsys, tmp_path / "w.onnx")
    _train(capsys, tmp_path / "w0.npz", "--init", tmp_path / "w.onnx", "--steps", "0")
    assert np.array_equal(load_weights(tmp_path / "w0.npz")[0].params, load_weights(tmp_path / "w.onnx")[0].params)


def test_train_refuses_onnx_out_without_onnx_before_training(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)
    code, out, err = run(capsys, "train", "--dataset", "xor", "--epochs", "1", "--out", tmp_path / "w.onnx")
    assert code == 2 and out == "" and not (tmp_path / "w.onnx").exists()
    assert err == "nnviz: error: ONNX export needs the onnx package: pip install 'nnviz[onnx]'\n"


def test_export_refuses_a_bad_file_in_one_line(tmp_path, capsys):
    (tmp_path / "bad.onnx").write_bytes(b"not a model")
    code, _, err = run(capsys, "export", "--weights", tmp_path / "bad.onnx", "--out", tmp_path / "w.npz")
    assert code == 2 and err.count("\n") == 1 and "bad.onnx: not an ONNX model" in err
    assert not (tmp_path / "w.npz").exists()
