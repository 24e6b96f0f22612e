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


def test_japanese_cp932_and_decimal_comma_inputs(tmp_path, capsys):
    """A network trained on Japanese column names reads them back from a CP932 file with ';' and 1,5."""
    train, w, data = tmp_path / "t.csv", tmp_path / "w.npz", tmp_path / "x.csv"
    train.write_text("身長,気温\n" + "".join(f"{i},{i * 0.5}\n" for i in range(12)), encoding="utf-8")
    assert run(capsys, "train", "--data", train, "--layers", "1,3,1", "--steps", "5", "--out", w,
               "--quiet")[0] == 0
    data.write_bytes("メモ;身長\nあ;1,5\nい;2\n".encode("cp932"))
    code, out, err = run(capsys, "predict", "--weights", w, "--data", data, "--encoding", "cp932")
    assert code == 0, err
    assert out.splitlines()[0] == "身長,pred_気温" and out.splitlines()[1].startswith("1.5,")
    code, _, err = run(capsys, "predict", "--weights", w, "--data", data, "--decimal", "point")
    assert code == 2 and "line 2, column '身長': '1,5' is not a number" in err


def _two_targets(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 2))
    path = tmp_path / "two.csv"
    path.write_text("x1,x2,y1,y2\n" + "".join(f"{a!r},{b!r},{a - b!r},{a * b!r}\n" for a, b in X.tolist()))
    return path


def test_two_target_regression_predicts_one_pred_column_per_output(tmp_path, capsys):
    data, w, out = _two_targets(tmp_path), tmp_path / "w.npz", tmp_path / "p.csv"
    code, _, err = run(capsys, "train", "--data", data, "--target", "y1,y2", "--layers", "2,5,2",
                       "--steps", "30", "--out", w, "--quiet")
    assert code == 0, err
    net, meta = load_weights(w)
    assert net.sizes[-1] == 2 and meta["target_names"] == ["y1", "y2"] and meta["settings"]["target"] == ["y1", "y2"]
    assert run(capsys, "predict", "--weights", w, "--data", data, "--out", out)[0] == 0
    rows = list(csv.reader(open(out)))
    assert rows[0] == ["x1", "x2", "pred_y1", "pred_y2"]               # never the data's own y1, y2
    X = np.array([[float(v) for v in r[:2]] for r in rows[1:]])
    np.testing.assert_allclose(np.array([[float(v) for v in r[2:]] for r in rows[1:]]), net.predict(X),
                               rtol=0, atol=1e-15)
    back = run(capsys, "train", "--data", out, "--target", "pred_y1,pred_y2", "--steps", "0", "--quiet")
    assert back[0] == 0, back[2]                                       # the predictions read back as data


@pytest.mark.parametrize("task", ["binary", "multiclass"])
def test_several_targets_with_classification_is_refused(tmp_path, capsys, task):
    code, out, err = run(capsys, "train", "--data", _two_targets(tmp_path), "--target", "y1,y2", "--task", task,
                         "--steps", "1", "--out", tmp_path / "w.npz")
    assert code == 2 and out == "" and err.count("\n") == 1 and not (tmp_path / "w.npz").exists()
    assert f"2 target columns (y1, y2) make a multi-output regression; task '{task}' takes one" in err


def test_an_older_weights_file_predicts_under_pred_and_its_target_name(tmp_path, capsys):
    import json
    w, data = tmp_path / "w.json", tmp_path / "x.csv"
    data.write_text("x1,x2,x3,x4\n0.5,1,2,3\n")
    assert run(capsys, "train", "--dataset", "slides", "--layers", "4,3,2", "--steps", "2", "--out", w,
               "--quiet")[0] == 0
    doc = json.loads(w.read_text())
    del doc["meta"]["target_names"]                                    # as nnviz wrote it before
    w.write_text(json.dumps(doc))
    code, out, _ = run(capsys, "predict", "--weights", w, "--data", data)
    assert code == 0 and out.splitlines()[0] == "x1,x2,x3,x4,pred_y1,pred_y2"


def test_the_summary_names_pooled_and_per_output_r2(capsys):
    code, out, _ = run(capsys, "train", "--dataset", "slides", "--layers", "4,3,2", "--steps", "5")
    assert code == 0 and "test R² " in out and "(all 2 outputs)" in out
    assert "test R² of y1 " in out and "test R² of y2 " in out
