"""`nnviz predict`: an exported network's outputs for a CSV file, headless."""
import csv

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.core.datasets import Preprocess
from nnviz.core.weights_io import load_weights


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def inputs(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("x2,x1,extra\n1,2,a\n-3,0.5,b\n4,-4,c\n")       # columns by name, any order
    return path


def test_predictions_equal_the_network_with_its_preprocess(tmp_path, inputs, capsys):
    w = tmp_path / "w.npz"
    assert run(capsys, "train", "--dataset", "xor", "--features", "x1,x2,x1x2", "--standardize",
               "--layers", "3,4,1", "--steps", "50", "--out", w, "--quiet")[0] == 0
    code, out, err = run(capsys, "predict", "--weights", w, "--data", inputs, "--out", tmp_path / "o.csv")
    assert code == 0, err
    rows = list(csv.reader(open(tmp_path / "o.csv")))
    assert rows[0] == ["x1", "x2", "p(1)", "class"]
    net, meta = load_weights(w)
    X = np.array([[2, 1], [0.5, -3], [-4, 4]], dtype=float)
    y = net.predict(Preprocess.from_dict(meta["preprocess"]).apply(X))[:, 0]
    assert np.allclose([float(r[2]) for r in rows[1:]], y, rtol=0, atol=1e-15)
    assert [r[3] for r in rows[1:]] == [str(int(v >= 0.5)) for v in y]


def test_regression_prints_to_stdout(tmp_path, capsys):
    w, data = tmp_path / "w.json", tmp_path / "x.csv"
    data.write_text("x1\n0.5\n1.5\n")
    assert run(capsys, "train", "--dataset", "sin", "--layers", "1,4,1", "--steps", "20", "--out", w,
               "--quiet")[0] == 0
    code, out, _ = run(capsys, "predict", "--weights", w, "--data", data)
    assert code == 0 and out.splitlines()[0] == "x1,pred_y" and len(out.splitlines()) == 3


@pytest.mark.parametrize("content,message", [("a,b\n1,x\n", "not a number"), ("x1,x2\n1,nan\n", "NaN"),
                                             ("x1\n1\n", "needs 2 inputs"), ("", "empty"),
                                             ("x1,x2\n1,2,3\n", "3 values")])
def test_bad_input_files(tmp_path, content, message, capsys):
    w, data = tmp_path / "w.npz", tmp_path / "bad.csv"
    data.write_text(content)
    assert run(capsys, "train", "--layers", "2,3,1", "--steps", "0", "--out", w, "--quiet")[0] == 0
    code, _, err = run(capsys, "predict", "--weights", w, "--data", data)
    assert code == 2 and message in err and err.count("\n") == 1


@pytest.mark.parametrize("field, value, message", [("input_names", 5, "input_names must be a JSON list"),
                                                   ("classes", [{"a": 1}, 2], "classes must list names"),
                                                   ("target_name", 7, "target_name must be a JSON string"),
                                                   ("preprocess", {"mean": [1]}, "standard deviations")])
def test_wrong_typed_meta_is_one_line_and_exit_2(tmp_path, inputs, capsys, field, value, message):
    import json
    w = tmp_path / "w.json"
    assert run(capsys, "train", "--layers", "2,3,1", "--steps", "0", "--out", w, "--quiet")[0] == 0
    doc = json.loads(w.read_text())
    doc["meta"][field] = value
    w.write_text(json.dumps(doc))
    code, _, err = run(capsys, "predict", "--weights", w, "--data", inputs)
    assert code == 2 and message in err and err.count("\n") == 1
