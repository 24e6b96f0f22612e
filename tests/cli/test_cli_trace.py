"""`nnviz trace`: one training step as text or JSON, headless."""
import json

import numpy as np
import pytest

from nnviz.cli import main
from nnviz.core.trace import Trace
from nnviz.core.weights_io import load_weights


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_of_the_worked_example(capsys):
    code, out, err = run(capsys, "trace", "--preset", "worked_example")
    assert code == 0, err
    assert "network 4-3-2" in out and "Step 2 — output δ" in out and "δ⁽³⁾ = z − d" in out


def test_json_round_trips_and_matches_init_weights(tmp_path, capsys):
    w = tmp_path / "w.npz"
    out = tmp_path / "t.json"
    assert run(capsys, "train", "--dataset", "moons", "--layers", "2,3,1", "--steps", "5", "--out", str(w))[0] == 0
    code, _, err = run(capsys, "trace", "--dataset", "moons", "--init", str(w), "--sample", "4",
                       "--format", "json", "--out", str(out))
    assert code == 0, err
    trace = Trace.from_json(out.read_text())
    net, _ = load_weights(w)
    assert trace.meta["sample"] == 4
    assert np.allclose(trace.phases[trace.find("forward", 2)].values["W"], net.W[2])
    assert json.loads(out.read_text())["format"] == "nnviz-trace"


def test_trace_after_training_steps(capsys):
    code, out, _ = run(capsys, "trace", "--steps", "7", "--momentum", "0.9")
    assert code == 0 and "training step 8" in out and "+ μ v" in out


@pytest.mark.parametrize("args,message", [(["--sample", "-1"], "--sample"), (["--sample", "100000"], "--sample"),
                                          (["--format", "xml"], "invalid choice"),
                                          (["--preset", "nope"], "invalid choice")])
def test_mistakes_exit_2(args, message, capsys):
    code, _, err = run(capsys, "trace", *args)
    assert code == 2 and message in err and err.count("\n") == 1


def test_preset_flags_override(capsys, tmp_path):
    out = tmp_path / "w.npz"
    assert run(capsys, "train", "--preset", "xor_hidden", "--lr", "0.5", "--steps", "0", "--out", str(out))[0] == 0
    _, meta = load_weights(out)
    assert meta["settings"]["eps"] == 0.5 and meta["settings"]["hidden"] == [4]
