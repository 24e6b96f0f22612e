"""`nnviz train`: headless training, its round trips and every user mistake."""
import json
import subprocess
import sys

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.core.weights_io import load_weights


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_train_writes_weights_and_a_summary(tmp_path, capsys):
    out = tmp_path / "w.npz"
    code, stdout, err = run(capsys, "train", "--dataset", "xor", "--layers", "2,4,4,1", "--steps", "1500",
                            "--out", str(out))
    assert code == 0, err
    assert "train accuracy" in stdout and "test loss" in stdout
    net, meta = load_weights(out)
    assert net.sizes == [2, 4, 4, 1] and meta["task"] == "binary"
    acc = float(stdout.split("test accuracy ")[1].split("%")[0])
    assert acc > 90                                  # XOR needs the hidden layer, and gets it


def test_steps_zero_then_init_round_trip(tmp_path, capsys):
    w0, w1, w2 = tmp_path / "w0.npz", tmp_path / "w1.json", tmp_path / "w2.npz"
    common = ["train", "--dataset", "circles", "--layers", "2,5,1", "--activation", "relu", "--seed", "7"]
    assert run(capsys, *common, "--steps", "0", "--out", str(w0))[0] == 0
    init, _ = load_weights(w0)
    fresh = __import__("nnviz.core.network", fromlist=["Network"]).Network(
        [2, 5, 1], "relu", task="binary", seed=7)
    assert np.array_equal(init.params, fresh.params)          # --steps 0 writes the initial weights
    # training 30 steps from the file equals training 30 steps from the same seed
    assert run(capsys, *common, "--steps", "30", "--out", str(w1))[0] == 0
    assert run(capsys, "train", "--dataset", "circles", "--init", str(w0), "--steps", "30",
               "--seed", "7", "--out", str(w2))[0] == 0
    a, _ = load_weights(w1)
    b, _ = load_weights(w2)
    assert np.array_equal(a.params, b.params)


def test_json_output_is_plain_json(tmp_path, capsys):
    out = tmp_path / "w.json"
    assert run(capsys, "train", "--dataset", "sin", "--layers", "1,8,1", "--epochs", "3", "--out", str(out),
               "--quiet")[0] == 0
    data = json.loads(out.read_text())
    assert data["meta"]["sizes"] == [1, 8, 1] and len(data["W2"]) == 8


def test_multiclass_and_options(tmp_path, capsys):
    code, stdout, err = run(capsys, "train", "--dataset", "blobs", "--classes", "4", "--layers", "3,6,4",
                            "--activation", "elu", "--batch", "full", "--optimizer", "adam", "--lr", "0.05",
                            "--steps", "200", "--reduction", "sum", "--l2", "0.001", "--schedule", "step",
                            "--features", "x1,x2,x1x2", "--standardize")
    assert code == 0, err
    assert "test accuracy" in stdout


def test_csv_data(tmp_path, capsys):
    csv = tmp_path / "d.csv"
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    rows = ["a,b,label"] + [f"{x:.4f},{y:.4f},{'yes' if x + y > 0 else 'no'}" for x, y in X]
    csv.write_text("\n".join(rows) + "\n")
    code, stdout, err = run(capsys, "train", "--data", str(csv), "--layers", "2,3,1", "--steps", "100")
    assert code == 0, err


@pytest.mark.parametrize("args,message", [
    (["--layers", "3,4,1"], "does not fit the data"),
    (["--layers", "2,0,1"], "at least one unit"),
    (["--layers", "3,15000,15000,1"], "at most 20 hidden layers of at most 1,000 units"),     # refused before allocating
    (["--layers", "2," + "1000," * 11 + "1"], "10,014,001 weights and biases, more than the limit of 10,000,000"),
    (["--layers", "2,x,1"], "whole numbers"),
    (["--activation", "swish"], "unknown activation"),
    (["--dataset", "nope"], "invalid choice"),
    (["--batch", "0"], "batch size"),
    (["--lr", "-1"], "eps must be"),
    (["--lr", "nan"], "eps must be"),
    (["--momentum", "1.2"], "μ must be in"),
    (["--steps", "-3"], "--steps must be"),
    (["--init", "missing.npz"], "missing.npz"),
    (["--data", "missing.csv"], "missing.csv"),
    (["--target", "y"], "--target needs --data"),
    (["--encoding", "latin-1"], "argument --encoding: invalid choice: 'latin-1'"),
    (["--decimal", "dot"], "argument --decimal: invalid choice: 'dot'"),
    (["--encoding", "cp932"], "--encoding needs --data FILE.csv"),
    (["--decimal", "comma"], "--decimal needs --data FILE.csv"),
    (["--task", "multiclass"], "not multiclass"),
    (["--output-activation", "identity", "--loss", "bce"], "cross-entropy needs outputs"),
    (["--features", "x1,cubes"], "cubes"),
    (["--samples", "1"], "samples"),
    (["--dataset", "sin", "--activation", "relu", "--lr", "5", "--steps", "500"], "diverged"),
])
def test_every_mistake_is_one_line_and_exit_2(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "train", "--steps", "5", *args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("nnviz: error:"), err
    assert message in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []            # nothing written


def test_corrupt_init_file(tmp_path, capsys):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"PK\x03\x04 this is not a zip")
    code, _, err = run(capsys, "train", "--init", str(bad), "--steps", "1")
    assert code == 2 and "bad.npz" in err


def test_python_dash_m_runs_headless_without_qt(tmp_path):
    code = ("import sys, runpy; sys.argv = ['nnviz', 'train', '--steps', '3', '--quiet'];"
            "\ntry:\n    runpy.run_module('nnviz', run_name='__main__')\nexcept SystemExit as e:\n"
            "    assert e.code == 0, e.code\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))]\n"
            "assert not bad, bad\nprint('ok')")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and "nnviz" in capsys.readouterr().out


def test_csv_input_columns_by_name(tmp_path, capsys):
    csv = tmp_path / "d.csv"
    rng = np.random.default_rng(1)
    rows = ["id,a,b,noise,label"] + [f"row{i},{x:.3f},{y:.3f},{z:.3f},{int(x > y)}"
                                     for i, (x, y, z) in enumerate(rng.normal(size=(30, 3)))]
    csv.write_text("\n".join(rows) + "\n")
    out = tmp_path / "w.npz"
    code, _, err = run(capsys, "train", "--data", str(csv), "--inputs", "a,b", "--layers", "2,3,1",
                       "--steps", "10", "--out", str(out), "--quiet")
    assert code == 0, err
    assert load_weights(out)[1]["input_names"] == ["a", "b"]
    code, _, err = run(capsys, "train", "--data", str(csv), "--steps", "1")
    assert code == 2 and "row0" in err                  # the text column is an input by default


def test_history_csv_is_the_curve(tmp_path, capsys):
    out = tmp_path / "loss.csv"
    code, stdout, err = run(capsys, "train", "--dataset", "xor", "--epochs", "30", "--history", str(out))
    assert code == 0, err
    lines = out.read_text().splitlines()
    assert lines[0] == "step,epoch,train_loss,test_loss,train_acc,test_acc"
    rows = [line.split(",") for line in lines[1:]]
    steps = [int(r[0]) for r in rows]                 # whole numbers, as written
    assert steps[0] == 0 and steps == sorted(set(steps)) and len(rows) == 31   # start + 30 epochs
    assert float(rows[-1][2]) < float(rows[0][2]) and 0 <= float(rows[-1][4]) <= 1
    assert "loss history (31 rows)" in stdout


def test_csv_as_excel_saves_it_in_japan(tmp_path, capsys):
    """CP932 (CSV (コンマ区切り)) and UTF-16 with tabs and decimal commas: read, and trained on."""
    rows = [f"{i % 5},{(i * 7) % 3},{'はい' if i % 2 else 'いいえ'}" for i in range(20)]
    sjis = tmp_path / "sjis.csv"
    sjis.write_bytes(("身長,体重,合格\n" + "\n".join(rows) + "\n").encode("cp932"))
    code, stdout, err = run(capsys, "train", "--data", str(sjis), "--target", "合格", "--layers", "2,3,1",
                            "--steps", "5")
    assert code == 0, err
    code, _, err = run(capsys, "train", "--data", str(sjis), "--encoding", "utf-8", "--steps", "5")
    assert code == 2 and err.count("\n") == 1 and "is not UTF-8 text; choose another encoding" in err
    tabs = tmp_path / "unicode.txt"                    # Unicode テキスト: UTF-16 LE, a BOM, tabs
    tabs.write_bytes(("身長\t体重\t合格\n" + "\n".join(r.replace(",", "\t").replace("\t", ",5\t", 1)
                                                   for r in rows) + "\n").encode("utf-16"))
    for flags in ([], ["--encoding", "utf-16", "--decimal", "comma"]):
        code, _, err = run(capsys, "train", "--data", str(tabs), *flags, "--layers", "2,3,1", "--steps", "5")
        assert code == 0, err
    code, _, err = run(capsys, "train", "--data", str(tabs), "--decimal", "point", "--steps", "5")
    assert code == 2 and "line 2, column '身長': '0,5' is not a number" in err
