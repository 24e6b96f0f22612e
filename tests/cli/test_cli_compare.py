"""`nnviz compare`: the window's comparison runs, headless."""
import csv

import pytest

from nnviz.cli import main
from nnviz.training.compare import Comparison
from nnviz.training.scenes import scene


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_vary_prints_one_line_per_run_and_writes_every_curve(tmp_path, capsys):
    out = tmp_path / "h.csv"
    code, text, err = run(capsys, "compare", "--vary", "lr=0.3,0.003", "--steps", "200", "--history", out)
    assert code == 0, err
    lines = text.splitlines()
    assert lines[0].startswith("1 ε = 0.3: step 200") and lines[1].startswith("2 ε = 0.003: step 200")
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert {(r["run"], r["label"]) for r in rows} == {("1", "ε = 0.3"), ("2", "ε = 0.003")}


def test_vary_twice_is_every_combination_and_layers_take_semicolons(capsys):
    code, text, err = run(capsys, "compare", "--vary", "layers=2,4,1;2,8,8,1", "--vary", "batch=full,1",
                          "--steps", "5")
    assert code == 0, err
    assert [ln.split(":")[0] for ln in text.splitlines()] == [
        "1 hidden 4, GD (B = N)", "2 hidden 4, SGD (B = 1)", "3 hidden 8,8, GD (B = N)", "4 hidden 8,8, SGD (B = 1)"]


def test_preset_runs_exactly_the_scene(tmp_path, capsys):
    out = tmp_path / "h.csv"
    code, text, err = run(capsys, "compare", "--preset", "momentum", "--history", out)
    assert code == 0, err
    sc = scene("momentum")
    ref = Comparison(sc.runs()).run(steps=sc.steps)
    assert text.splitlines()[:2] == [ref.summary(0), ref.summary(1)]


def test_train_preset_trains_the_scene_for_its_length(tmp_path, capsys):
    code, text, err = run(capsys, "train", "--preset", "lr_too_large", "--quiet", "--history", tmp_path / "h.csv")
    assert code == 0, err
    rows = list(csv.DictReader(open(tmp_path / "h.csv")))
    assert int(rows[-1]["step"]) == scene("lr_too_large").steps


@pytest.mark.parametrize("args, message", [
    (["--vary", "lr=1,2,3,4,5"], "at most 4"),
    (["--vary", "batch=1,2,3", "--vary", "lr=1,2"], "makes 6 runs"),
    (["--vary", "dataset=xor,circles"], "same data; they differ in dataset"),
    (["--vary", "lr=abc"], "--vary lr: expected numbers"),
    (["--vary", "loss=hinge"], "choose from"),
    (["--vary", "nope=1,2"], "FLAG=V1,V2"),
    (["--vary", "lr"], "FLAG=V1,V2"),
    (["--vary", "standardize=1,2"], "FLAG=V1,V2"),
    (["--vary", "batch=0"], "--vary batch"),
    (["--preset", "momentum", "--vary", "lr=1,2"], "comparison of its own"),
])
def test_mistakes_are_one_line_and_exit_2(args, message, capsys):
    code, out, err = run(capsys, "compare", *args, "--steps", "1")
    assert code == 2 and message in err and err.count("\n") == 1 and out == ""
