"""The one bounded loss history: thinning, no duplicates, sessions, CSV, the stop rule."""
import math

import numpy as np
import pytest

from nnviz.core.errors import InputError
from nnviz.training.history import COLUMNS, History, csv_text
from nnviz.training.session import SessionError, load_session, save_session
from nnviz.training.trainer import Settings, build

from test_session import _rewrite     # tests/training is on sys.path (pytest's rootdir-relative import)


def _fill(h, n, start=0):
    for i in range(start, start + n):
        h.add(i, i / 10, 1.0 / (i + 1), 2.0 / (i + 1))


def test_history_is_bounded_keeps_first_and_latest_and_an_even_spread():
    h = History(capacity=8)
    _fill(h, 1000)
    a = h.array()
    assert len(a) <= 8 and a[0, 0] == 0 and a[-1, 0] == 999
    assert np.all(np.diff(a[:, 0]) > 0)
    gaps = np.diff(a[:-1, 0])                  # the kept rows are evenly spaced
    assert len(set(gaps.tolist())) == 1 and gaps[0] == h.stride
    assert not a.flags.writeable


def test_history_memory_is_fixed_however_long_it_runs():
    h = History(capacity=64)
    buffer = h.data
    _fill(h, 100_000)
    assert h.data is buffer and len(h) <= 64 and h.array()[-1, 0] == 99_999


def test_same_step_replaces_the_latest_row():
    h = History()
    h.add(5, 0.5, 1.0, 2.0)
    h.add(5, 0.5, 0.8, 1.5)                    # weights set by hand at step 5
    assert len(h) == 1 and h.last("train_loss") == 0.8


def test_a_short_history_keeps_every_row():
    h = History(capacity=8)
    _fill(h, 8)
    assert h.array()[:, 0].tolist() == list(range(8))


def test_csv_has_the_columns_whole_steps_and_empty_cells_for_missing_values():
    h = History()
    h.add(0, 0.0, 0.5, math.nan)
    h.add(10, 1.0, 0.25, math.nan, 0.75, math.nan)
    lines = h.to_csv().splitlines()
    assert lines[0] == ",".join(COLUMNS) == "step,epoch,train_loss,test_loss,train_acc,test_acc"
    assert lines[1] == "0,0.0,0.5,,,"
    assert lines[2] == "10,1.0,0.25,,0.75,"


def test_trainer_records_full_losses_and_accuracy():
    t = build(Settings(dataset="xor", hidden=(4,)))
    t.run(epochs=3)
    a = t.history.array()
    assert a[0, 0] == 0 and a[-1, 0] == t.step_count and len(a) == 4      # start + one per epoch
    m = t.evaluate()
    assert a[-1, 2] == m["train_loss"] and a[-1, 3] == m["test_loss"]
    assert a[-1, 4] == m["train_accuracy"] and a[-1, 5] == m["test_accuracy"]


def test_regression_history_has_no_accuracy():
    t = build(Settings(dataset="sin", hidden=(4,)))
    t.run(steps=5)
    assert np.all(np.isnan(t.history.array()[:, 4:]))


def test_step_keeps_nothing_per_step():
    t = build(Settings(dataset="xor", hidden=(4,)))
    for _ in range(500):
        t.step()
    assert len(t.history) == 0


def test_target_loss_is_the_full_training_loss_at_an_epoch_end():
    t = build(Settings(dataset="xor", hidden=(4,), eps=0.3))
    target = 0.3
    t.run(epochs=500, target_loss=target)
    assert t.evaluate()["train_loss"] <= target
    assert t.step_count % t.batcher.batches_per_epoch == 0     # it stopped where an epoch ended
    assert t.history.last("train_loss") <= target


def test_session_restores_exactly_the_curve(tmp_path):
    t = build(Settings(dataset="xor", hidden=(4,)))
    t.run(epochs=5)
    save_session(tmp_path / "s.nnviz", t)
    back = load_session(tmp_path / "s.nnviz")
    assert np.array_equal(back.history.array(), t.history.array(), equal_nan=True)
    assert back.history.stride == t.history.stride and back.history.calls == t.history.calls
    t.run(epochs=2)
    back.run(epochs=2)                            # and it goes on the same way
    assert np.array_equal(back.history.array(), t.history.array(), equal_nan=True)


def test_a_session_after_ten_million_steps_is_small_and_reopens(tmp_path):
    t = build(Settings(dataset="xor", hidden=(4,)))
    t.run(steps=3)
    small = tmp_path / "small.nnviz"
    save_session(small, t)
    for i in range(0, 10_000_000, 997):           # a long run's history, simulated
        t.history.add(i + 3, (i + 3) / 10, 0.5, 0.6, 0.9, 0.8)
    t.step_count = 10_000_001
    big = tmp_path / "big.nnviz"
    save_session(big, t)
    assert big.stat().st_size < small.stat().st_size + 200_000
    back = load_session(big)
    assert back.step_count == 10_000_001
    assert np.array_equal(back.history.array(), t.history.array())


def _tamper(src, dst, doc_change=None, rows=None):
    _rewrite(src, dst, doc_change, None if rows is None else (lambda a: a.update(history=rows)))


@pytest.mark.parametrize("change", [
    dict(rows=np.zeros((3, 5))),                                  # wrong width
    dict(rows=np.array([[5.0, 0, 0, 0, 0, 0], [2.0, 0, 0, 0, 0, 0]])),   # steps going back
    dict(rows=np.array([[1.5, 0, 0, 0, 0, 0]])),                  # a step that is no whole number
    dict(rows=np.zeros((3000, 6))),                               # more rows than the capacity
    dict(doc_change=lambda d: d["history"].update(capacity=10 ** 12)),
    dict(doc_change=lambda d: d["history"].update(stride="2")),
    dict(doc_change=lambda d: d.pop("history")),
])
def test_an_inconsistent_history_is_refused(tmp_path, change):
    t = build(Settings(dataset="xor", hidden=(4,)))
    t.run(steps=5)
    save_session(tmp_path / "s.nnviz", t)
    _tamper(tmp_path / "s.nnviz", tmp_path / "bad.nnviz", **change)
    with pytest.raises(SessionError):
        load_session(tmp_path / "bad.nnviz")


def test_a_version_1_session_opens_with_its_curve_started_anew(tmp_path):
    t = build(Settings(dataset="xor", hidden=(4,)))
    t.run(steps=7)
    save_session(tmp_path / "s.nnviz", t)

    def old(doc):
        doc["version"] = 1
        doc["history"] = {"step": list(range(1, 8)), "epoch": [0.1] * 7, "loss": [0.5] * 7}
    _tamper(tmp_path / "s.nnviz", tmp_path / "v1.nnviz", doc_change=old)
    back = load_session(tmp_path / "v1.nnviz")
    assert back.step_count == 7 and back.history.array()[:, 0].tolist() == [7]


def test_capacity_must_be_sensible():
    with pytest.raises(InputError):
        History(capacity=3)


def test_csv_text_of_an_empty_history_is_the_header():
    assert csv_text(np.empty((0, 6))) == ",".join(COLUMNS) + "\n"
