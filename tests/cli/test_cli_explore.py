"""`nnviz paths` and `nnviz surface`: the optimisation half of the lecture, headless."""
import csv
import json

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.core.surfaces import make_surface, run_paths, run_scene


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
    ravine = make_surface("ravine")
    ref = run_paths(ravine, (-2, 1), ["gd", "momentum"], 0.04, 0.8, 30, noise=ravine.scene.noise,
                    own_eps=ravine.scene.own_eps)
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


def read_paths(text):
    """name → points (T, 2) of `nnviz paths` CSV text."""
    rows = list(csv.DictReader(text.splitlines()))
    return {n: np.array([[float(r["x"]), float(r["y"])] for r in rows if r["optimizer"] == n])
            for n in dict.fromkeys(r["optimizer"] for r in rows)}


def test_paths_without_flags_is_the_surfaces_scene(capsys):
    """`nnviz paths --surface ravine` is the arena's opening race: SGD vs Momentum SGD, noisy."""
    code, out, err = run(capsys, "paths", "--surface", "ravine")
    assert code == 0, err
    got, ref = read_paths(out), run_scene(make_surface("ravine"))
    assert list(got) == ["sgd", "momentum"]
    for name, path in ref.items():
        assert np.array_equal(got[name], path.points)
    y = got["sgd"][:51, 1]
    assert np.sum(np.sign(y[1:]) != np.sign(y[:-1])) > 25                 # SGD zig-zags


def test_paths_own_eps_and_downhill_escape(capsys):
    code, out, err = run(capsys, "paths", "--surface", "rosenbrock", "--optimizers", "adam", "--lr-of", "adam=0.0005",
                         "--steps", "50")
    s = make_surface("rosenbrock")
    assert code == 0 and np.array_equal(read_paths(out)["adam"],
                                        run_paths(s, s.start, ["adam"], 0.0005, steps=50, noise=0.5)["adam"].points)
    code, out, err = run(capsys, "paths", "--surface", "saddle", "--steps", "300")
    assert code == 0 and "sgd left the plotted region (downhill) at step" in err and "stopped" not in err
    code, out, err = run(capsys, "paths", "--lr-of", "adamw=1")
    assert code == 2 and "unknown optimizer 'adamw'" in err and not out
    code, out, err = run(capsys, "paths", "--lr-of", "adam")
    assert code == 2 and "NAME=ε" in err


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
