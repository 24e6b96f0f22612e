"""Every user mistake on the command line: one line on stderr, exit 2, nothing written,
refused before anything large is allocated; a real bug still shows its traceback."""

import pytest

from nnviz import cli
from nnviz.cli import main

_CSV = "a,b,label\n1,2,x\n3,4,\n5,6,y\n"          # line 3 has an empty target cell

MISTAKES = [
    # the stated limits (today --samples 1e9 took 15 GB, paths --steps 1e8 never returned)
    (["train", "--samples", "1000000000"], "--samples: expected a whole number from 2 to 1,000,000"),
    (["train", "--classes", "1000000000", "--dataset", "blobs"], "--classes: expected a whole number from 2 to 100"),
    (["train", "--layers", "2,100000,1"], "at most 20 hidden layers of at most 1,000 units"),
    (["train", "--layers", ",".join(["2"] + ["3"] * 21 + ["1"])], "at most 20 hidden layers"),
    (["train", "--samples", "1000000", "--layers", "2,1000,1000,1"], "more than 20,000,000"),
    (["paths", "--steps", "100000000"], "--steps: expected a whole number from 0 to 10,000"),
    (["surface", "--grid", "100000", "--out", "s.npz"], "--grid: expected a whole number from 2 to 501"),
    (["surface", "--grid", "1", "--out", "s.npz"], "--grid: expected a whole number from 2 to 501"),
    (["surface", "--range", "nan", "--out", "s.npz"], "--range: expected a finite number > 0"),
    # the schedule, ELU's α and the noise, each with its own message
    (["train", "--every", "0", "--schedule", "step"], "--every: expected a whole number ≥ 1"),
    (["train", "--gamma", "-0.5", "--schedule", "step"], "γ must be in (0, 1]"),
    (["train", "--gamma", "1e308", "--schedule", "step"], "γ must be in (0, 1]"),
    (["train", "--gamma", "nan"], "γ must be in (0, 1]"),
    (["train", "--elu-alpha", "nan", "--activation", "elu"], "ELU's α must be a number from 0 to 100"),
    (["train", "--elu-alpha", "-1"], "ELU's α must be a number from 0 to 100"),
    (["train", "--noise", "1e308"], "noise must be a number from 0 to 10"),
    (["train", "--noise", "nan"], "noise must be a number from 0 to 10"),
    (["train", "--test-ratio", "nan"], "test_ratio"),
    (["train", "--seed", "-1"], "--seed: expected a whole number ≥ 0"),
    (["train", "--data-seed", "-1"], "--data-seed: expected a whole number ≥ 0"),
    (["train", "--momentum", "nan"], "μ must be in"),
    (["train", "--lr", "inf"], "eps must be"),
    (["train", "--data", "bad.csv"], "bad.csv, line 3, column 'label': the target is empty"),
    (["train", "--out", "."], ""),
    (["trace", "--sample", "1000"], "--sample must be"),
    (["trace", "--samples", "1000000000"], "--samples: expected"),
    # paths
    (["paths", "--formula", ""], "empty formula"),
    (["paths", "--lr", "nan"], "learning rate ε must be a finite number ≥ 0"),
    (["paths", "--lr", "-1"], "learning rate ε must be a finite number ≥ 0"),
    (["paths", "--momentum", "1"], "μ must be in [0, 1)"),
    (["paths", "--momentum", "nan"], "μ must be in [0, 1)"),
    (["paths", "--noise", "nan"], "gradient noise must be a number from 0 to 100"),
    (["paths", "--noise", "1e308"], "gradient noise must be a number from 0 to 100"),
    (["paths", "--start", "nan,0"], "the start must be two numbers"),
    (["paths", "--start", "1e300,0"], "the start must be two numbers"),
    (["paths", "--optimizers", "gd,fast"], "unknown optimizer 'fast'"),
    (["paths", "--seed", "-1"], "--seed: expected a whole number ≥ 0"),
    (["paths", "--out", "."], ""),
    # surface and predict
    (["surface", "--directions", "weights", "--picks", "9,0,0;2,0,1", "--out", "s.npz"], ""),
    (["surface", "--steps", "-1", "--out", "s.npz"], "--steps must be"),
    (["predict", "--weights", "missing.npz", "--data", "bad.csv"], "missing.npz"),
]


@pytest.mark.parametrize("args,message", MISTAKES)
def test_every_mistake_is_one_line_and_exit_2(args, message, capsys, tmp_path, monkeypatch, peak_memory):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.csv").write_text(_CSV)
    before = sorted(tmp_path.iterdir())
    with peak_memory() as peak:
        code = main([*args, *(["--steps", "3"] if args[0] == "train" and "--steps" not in args else [])])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("nnviz: error:"), err
    assert message in err
    assert sorted(tmp_path.iterdir()) == before              # nothing written
    assert peak() < 200_000_000     # refused before the work (at most the data themselves), not after


def test_help_states_the_limits(capsys):
    for command, words in (("train", ["2 to 1,000,000", "2 to 100", "20 hidden layers", "1,000 units",
                                      "(0, 1]", "≥ 1", "0 to 10"]),
                           ("paths", ["0 to 10,000", "0 to 100", "[0, 1)"]),
                           ("surface", ["2 to 501"])):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        for w in words:
            assert w in text, (command, w)


@pytest.mark.parametrize("error", [ValueError("a bug"), ZeroDivisionError("a bug"), KeyError("a bug")])
def test_a_bug_is_not_a_user_mistake(error, monkeypatch):
    def broken(a):
        raise error
    monkeypatch.setattr(cli, "cmd_paths", broken)
    with pytest.raises(type(error)):
        main(["paths"])
