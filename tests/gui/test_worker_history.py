"""The worker reads the Trainer's one history: the curve it sends, the stop rule, sessions."""
import numpy as np
import pytest

from nnviz.training.trainer import Settings


@pytest.fixture
def worker(make_worker):
    return make_worker(Settings(dataset="xor", hidden=(4,), eps=0.3, seed=1))


def test_the_snapshot_carries_the_trainers_own_history(worker, qtbot):
    w, remote, received = worker
    remote.set_running.emit(True)
    qtbot.waitUntil(lambda: received[-1].step > 500, timeout=10000)
    with qtbot.waitSignal(w.running_changed, timeout=5000):
        remote.set_running.emit(False)
    qtbot.waitUntil(lambda: not received[-1].running, timeout=5000)
    snap = received[-1]
    assert snap.history.shape[1] == 6 and snap.history[-1, 0] == snap.step
    assert snap.history[-1, 2] == snap.train_loss                 # the full training loss
    assert not hasattr(w, "history")                              # the worker keeps no copy


def test_stop_at_loss_uses_the_full_training_loss_at_an_epoch_end(worker, qtbot):
    w, remote, received = worker
    target = 0.4
    remote.set_stop.emit(None, target)
    remote.set_running.emit(True)
    snap = None

    def stopped():
        nonlocal snap
        snap = received[-1]
        return bool(snap.stopped)
    qtbot.waitUntil(stopped, timeout=20000)
    t = w.trainer
    assert not w.running and snap.train_loss <= target
    assert t.step_count % t.batcher.batches_per_epoch == 0
    assert "0.4" in snap.stopped


def test_a_reopened_session_shows_exactly_the_saved_curve(worker, qtbot, tmp_path):
    w, remote, received = worker
    remote.set_running.emit(True)
    qtbot.waitUntil(lambda: received[-1].step > 300, timeout=10000)
    with qtbot.waitSignal(w.running_changed, timeout=5000):
        remote.set_running.emit(False)
    path = str(tmp_path / "run.nnviz")
    with qtbot.waitSignal(w.saved, timeout=5000) as saved:
        remote.save.emit(path, {})
    assert saved.args == [path, ""]
    curve = w.trainer.history.array()
    remote.reset.emit()
    qtbot.waitUntil(lambda: received[-1].step == 0, timeout=5000)
    with qtbot.waitSignal(w.settings_loaded, timeout=5000):
        remote.open_session.emit(path)
    qtbot.waitUntil(lambda: received[-1].version == w.version and received[-1].step == curve[-1, 0],
                    timeout=5000)
    assert np.array_equal(received[-1].history, curve, equal_nan=True)
