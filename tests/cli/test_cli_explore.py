"""`nnviz paths` and `nnviz surface`: the optimisation half of the lecture, headless."""
import csv
import json

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.core.surfaces import make_surface, run_paths


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("start", [["--start=-2,1"], ["--start", "-2,1"]])
def test_paths_csv_equals_run_paths(tmp_path, capsys, start):
    out = tmp_path / "p.csv"
    code, _, err = run(capsys, "paths", "--surface", "ravine", *start, "--optimizers", "gd,momentum",
                       "--lr", "0.04", "--momentum", "0.8", "--steps", "30", "--out", out)
    assert code == 0, err
    rows = list(csv.DictReader(open(out)))
    ref = run_paths(make_surface("ravine"), (-2, 1), ["gd", "momentum"], 0.04, 0.8, 30)
    for name in ("gd", "momentum"):
        pts = np.array([[float(r["x"]), float(r["y"])] for r in rows if r["optimizer"] == name])
        assert np.array_equal(pts, ref[name].points)


def test_custom_formula_and_divergence_message(capsys):
    code, out, err = run(capsys, "paths", "--formula", "x^2 - y^2", "--optimizers", "gd", "--steps", "5")
    assert code == 0 and out.startswith("optimizer,step,x,y,loss")
    code, out, err = run(capsys, "paths", "--formula", "-x^2 + y^2", "--start", "-1,-0.5", "--steps", "2")
    assert code == 0 and out.splitlines()[1].endswith("-1.0,-0.5,-0.75"), (out, err)
    code, out, err = run(capsys, "paths", "--surface", "ravine", "--lr", "5", "--steps", "200",
                         "--optimizers", "gd")
    assert code == 0 and "gd stopped at step" in err


@pytest.mark.parametrize("formula", ["__import__('os')", "x.real", "lambda: 1", "[x for x in y]", "open('f')"])
def test_hostile_formulas_are_refused(formula, capsys):
    code, _, err = run(capsys, "paths", "--formula", formula)
    assert code == 2 and err.startswith("nnviz: error:") and err.count("\n") == 1


def test_surface_npz(tmp_path, capsys):
    out = tmp_path / "s.npz"
    code, _, err = run(capsys, "surface", "--dataset", "xor", "--layers", "2,3,1", "--steps", "20",
                       "--directions", "pca", "--grid", "9", "--range", "0.5", "--out", out, "--quiet")
    assert code == 0, err
    with np.load(out, allow_pickle=False) as f:
        meta = json.loads(str(f["meta"]))
        assert meta["format"] == "nnviz-surface" and f["loss"].shape == (9, 9)
        assert np.isclose(f["loss"][4, 4], float(f["center_loss"]))
        assert f["trajectory"].shape == (21, 2)


@pytest.mark.parametrize("args,message", [(["--directions", "weights"], "two picks"),
                                          (["--directions", "weights", "--picks", "2,0,0"], "two weights"),
                                          (["--directions", "weights", "--picks", "9,0,0;2,0,0"], "no parameter")])
def test_surface_mistakes(tmp_path, capsys, args, message):
    code, _, err = run(capsys, "surface", "--grid", "5", "--steps", "0", "--out", tmp_path / "s.npz", *args)
    assert code == 2 and message in err


def test_surface_with_a_preset(tmp_path, capsys):
    """--preset works with surface too (its required --out was taken for a missing default)."""
    out = tmp_path / "s.npz"
    code, _, err = run(capsys, "surface", "--preset", "xor_hidden", "--steps", 5, "--grid", 5, "--out", out)
    assert (code, err) == (0, "")
    meta = json.loads(str(np.load(out, allow_pickle=False)["meta"]))
    assert meta["sizes"] == [2, 4, 1] and meta["steps"] == 5
