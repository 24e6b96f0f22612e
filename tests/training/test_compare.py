"""Comparison runs: one data set, one start, lockstep steps, each run's own history."""
import csv
import io

import numpy as np
import pytest

from nnviz.training.compare import MAX_RUNS, Comparison
from nnviz.training.trainer import Settings, build

BASE = Settings(dataset="xor", hidden=(4,), eps=0.1)


def test_runs_share_the_data_and_the_initial_weights_and_step_in_lockstep():
    c = Comparison([(None, BASE), (None, BASE.replace(eps=0.01)), (None, BASE.replace(mu=0.9))])
    a, b, m = c.trainers
    assert a.data is b.data is m.data
    assert np.array_equal(a.initial_params, b.initial_params) and np.array_equal(a.initial_params, m.initial_params)
    c.run(steps=37)
    assert [t.step_count for t in c.trainers] == [37, 37, 37] and c.step_count == 37
    assert c.labels == ["ε = 0.1, μ = 0", "ε = 0.01, μ = 0", "ε = 0.1, μ = 0.9"]


def test_each_run_equals_the_same_run_trained_alone():
    c = Comparison([("a", BASE), ("b", BASE.replace(batch=1, eps=0.3))]).run(steps=50)
    for t in c.trainers:
        alone = build(t.settings)
        alone.run(steps=50)
        assert np.array_equal(alone.net.params, t.net.params)


def test_a_run_that_diverges_stops_and_the_others_go_on():
    c = Comparison([("ok", BASE.replace(batch=0)), ("boom", BASE.replace(batch=0, eps=1e30))])
    c.run(steps=20)
    assert c.stopped[0] == "" and "too large" in c.stopped[1]
    assert c.trainers[0].step_count == 20 and c.trainers[1].step_count < 20
    assert np.all(np.isfinite(c.trainers[1].net.params))


def test_reached_is_the_first_recorded_step_at_95_percent_and_only_when_true():
    c = Comparison([("fast", BASE.replace(eps=0.3)), ("slow", BASE.replace(eps=1e-4))]).run(steps=600)
    fast, slow = (t.history.array() for t in c.trainers)
    step = c.reached[0]
    assert step is not None and fast[fast[:, 0] == step, 4][0] >= 0.95
    assert np.all(fast[fast[:, 0] < step, 4] < 0.95)
    assert c.reached[1] is None and np.nanmax(slow[:, 4]) < 0.95
    assert "never reached 95%" in c.summary(1) and f"reached 95% at step {step:,}" in c.summary(0)


def test_epochs_stop_each_run_at_its_own_epoch():
    c = Comparison([("GD", BASE.replace(batch=0)), ("B=10", BASE)]).run(epochs=3)
    assert [t.batcher.epoch for t in c.trainers] == [3, 3]
    assert [t.step_count for t in c.trainers] == [3, 30]
    assert c.stopped == ["epoch 3", "epoch 3"]


def test_csv_has_one_block_per_run_with_its_label():
    c = Comparison([("σ + squared, B = 10", BASE), (None, BASE.replace(eps=0.3))]).run(steps=20)
    rows = list(csv.DictReader(io.StringIO(c.to_csv())))
    assert list(rows[0]) == ["run", "label", "step", "epoch", "train_loss", "test_loss", "train_acc", "test_acc"]
    assert {r["label"] for r in rows if r["run"] == "1"} == {"σ + squared, B = 10"}
    for i, t in enumerate(c.trainers):
        mine = [r for r in rows if r["run"] == str(i + 1)]
        assert [int(r["step"]) for r in mine] == [int(s) for s in t.history.array()[:, 0]]


@pytest.mark.parametrize("runs, message", [
    ([], "1 to 4 runs"),
    ([(None, BASE)] * (MAX_RUNS + 1), "1 to 4 runs"),
    ([(None, BASE), (None, BASE.replace(dataset="circles"))], "same data; they differ in dataset"),
    ([(None, BASE), (None, BASE.replace(samples=50))], "differ in samples"),
])
def test_impossible_comparisons_are_refused(runs, message):
    with pytest.raises(ValueError, match=message):
        Comparison(runs)
