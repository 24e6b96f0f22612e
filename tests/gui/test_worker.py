"""The training thread: commands in, frozen snapshots out, never a frozen window."""
import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt, QThread, Signal

from nnviz.gui.worker import TrainingWorker
from nnviz.training.trainer import Settings


class Remote(QObject):
    """Queued signals into the worker, as the window sends them."""
    apply_settings = Signal(object)
    set_running = Signal(bool)
    step_once = Signal()
    reset = Signal()
    set_weight = Signal(int, int, int, float)
    select_sample = Signal(int)
    stop_worker = Signal()


@pytest.fixture
def worker(qtbot):
    thread = QThread()
    w = TrainingWorker(Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1))
    w.moveToThread(thread)
    remote = Remote()
    for name in ("apply_settings", "set_running", "step_once", "reset", "set_weight", "select_sample",
                 "stop_worker"):
        getattr(remote, name).connect(getattr(w, name))
    received = []
    w.snapshot.connect(lambda s: (received.append(s), w.drawn()))
    thread.started.connect(w.start)
    with qtbot.waitSignal(w.snapshot, timeout=5000):
        thread.start()
    yield w, remote, received
    remote.stop_worker.emit()
    assert thread.wait(5000)
    assert not thread.isRunning()


def wait_for(qtbot, received, predicate, timeout=10000):
    qtbot.waitUntil(lambda: bool(received) and predicate(received[-1]), timeout=timeout)
    return received[-1]


def test_first_snapshot_arrives_paused(worker):
    w, remote, received = worker
    snap = received[-1]
    assert snap.step == 0 and not snap.running and snap.version == 1


def test_play_trains_and_the_loss_falls(worker, qtbot):
    w, remote, received = worker
    start = received[-1].train_loss
    remote.set_running.emit(True)
    snap = wait_for(qtbot, received, lambda s: s.step > 2000)
    assert snap.train_loss < 0.7 * start
    remote.set_running.emit(False)
    wait_for(qtbot, received, lambda s: not s.running)


def test_pause_stops_steps(worker, qtbot):
    w, remote, received = worker
    remote.set_running.emit(True)
    wait_for(qtbot, received, lambda s: s.step > 100)
    with qtbot.waitSignal(w.running_changed, timeout=5000):
        remote.set_running.emit(False)
    qtbot.wait(100)
    step = w.trainer.step_count
    qtbot.wait(200)
    assert w.trainer.step_count == step


def test_step_once_and_reset(worker, qtbot):
    w, remote, received = worker
    w0 = received[-1].W[2].copy()
    remote.step_once.emit()
    snap = wait_for(qtbot, received, lambda s: s.step == 1)
    assert not np.array_equal(snap.W[2], w0)
    remote.reset.emit()
    snap = wait_for(qtbot, received, lambda s: s.step == 0)
    assert np.array_equal(snap.W[2], w0)


def test_live_setting_keeps_the_run_and_rebuild_makes_a_new_one(worker, qtbot):
    w, remote, received = worker
    remote.step_once.emit()
    wait_for(qtbot, received, lambda s: s.step == 1)
    remote.apply_settings.emit(w.settings.replace(eps=0.5))
    snap = wait_for(qtbot, received, lambda s: s.eps == 0.5)
    assert snap.version == 1 and snap.step == 1
    remote.apply_settings.emit(w.settings.replace(hidden=(3, 3)))
    snap = wait_for(qtbot, received, lambda s: s.version == 2)
    assert snap.sizes == (2, 3, 3, 1) and snap.step == 0


def test_bad_settings_fail_with_a_message_and_keep_the_run(worker, qtbot):
    w, remote, received = worker
    with qtbot.waitSignal(w.failed, timeout=5000) as sig:
        remote.apply_settings.emit(w.settings.replace(dataset="xor", task="multiclass"))
    assert "multiclass" in sig.args[0]
    assert w.trainer.net.sizes == [2, 4, 1]


def test_divergence_pauses_and_restores(qtbot):
    thread = QThread()
    w = TrainingWorker(Settings(dataset="sin", hidden=(8,), activations=("relu",), eps=5.0))
    w.moveToThread(thread)
    remote = Remote()
    remote.set_running.connect(w.set_running)
    remote.stop_worker.connect(w.stop_worker)
    w.snapshot.connect(lambda s: w.drawn())
    thread.started.connect(w.start)
    with qtbot.waitSignal(w.snapshot, timeout=5000):
        thread.start()
    with qtbot.waitSignal(w.diverged, timeout=10000) as sig:
        remote.set_running.emit(True)
    assert "too large" in sig.args[0]
    qtbot.waitUntil(lambda: not w.running, timeout=5000)
    assert np.all(np.isfinite(w.trainer.net.params))
    remote.stop_worker.emit()
    assert thread.wait(5000)


def test_edit_weight_and_select_sample(worker, qtbot):
    w, remote, received = worker
    remote.set_weight.emit(2, 1, 0, 0.75)
    snap = wait_for(qtbot, received, lambda s: s.W[2][1, 0] == 0.75)
    remote.select_sample.emit(9)
    snap = wait_for(qtbot, received, lambda s: s.sample == 9)
    assert snap.z[1].shape == (2,)


def test_snapshots_wait_for_the_gui(qtbot):
    """Without drawn(), the worker sends one snapshot and then waits: no queue of stale frames."""
    thread = QThread()
    w = TrainingWorker(Settings(dataset="xor", hidden=(4,)))
    w.moveToThread(thread)
    remote = Remote()
    remote.set_running.connect(w.set_running)
    remote.stop_worker.connect(w.stop_worker)
    got = []
    w.snapshot.connect(got.append)
    thread.started.connect(w.start)
    thread.start()
    qtbot.waitUntil(lambda: len(got) == 1, timeout=5000)
    remote.set_running.emit(True)
    qtbot.wait(300)
    assert len(got) == 1 and w.trainer.step_count > 0      # training went on, drawing waited
    remote.stop_worker.emit()
    assert thread.wait(5000)


def test_record_trace_and_gradient_check(qtbot):
    thread = QThread()
    w = TrainingWorker(Settings(dataset="xor", hidden=(3,)))
    w.moveToThread(thread)

    class R(QObject):
        record = Signal(int)
        check = Signal()
        stop = Signal()
    r = R()
    r.record.connect(w.record_trace)
    r.check.connect(w.gradient_check)
    r.stop.connect(w.stop_worker)
    w.snapshot.connect(lambda s: w.drawn())
    thread.started.connect(w.start)
    with qtbot.waitSignal(w.snapshot, timeout=5000):
        thread.start()
    with qtbot.waitSignal(w.traced, timeout=5000) as sig:
        r.record.emit(7)
    trace = sig.args[0]
    assert trace.meta["sample"] == 7 and trace.phases[0].kind == "forward"
    with qtbot.waitSignal(w.gradient_checked, timeout=10000) as sig:
        r.check.emit()
    assert sig.args[0] < 1e-5 and sig.args[1] == 3 * 3 + 4
    r.stop.emit()
    assert thread.wait(5000)


def test_landscape_requests(qtbot):
    thread = QThread()
    w = TrainingWorker(Settings(dataset="xor", hidden=(3,)))
    w.moveToThread(thread)

    class R(QObject):
        slice_ = Signal(object)
        hess = Signal()
        restart = Signal(int, int)
        run = Signal(bool)
        stop = Signal()
    r = R()
    r.slice_.connect(w.compute_slice)
    r.hess.connect(w.compute_hessian)
    r.restart.connect(w.compute_restarts)
    r.run.connect(w.set_running)
    r.stop.connect(w.stop_worker)
    w.snapshot.connect(lambda s: w.drawn())
    thread.started.connect(w.start)
    with qtbot.waitSignal(w.snapshot, timeout=5000):
        thread.start()
    r.run.emit(True)
    qtbot.waitUntil(lambda: len(w.trajectory.points) >= 3, timeout=10000)
    progress = []
    w.progress.connect(lambda done, total: progress.append((done, total)), Qt.DirectConnection)
    with qtbot.waitSignal(w.slice_ready, timeout=10000) as sig:
        r.slice_.emit({"kind": "pca", "grid": 9, "range": 0.5})
    out = sig.args[0]
    assert progress and progress[-1] == (81, 81)
    assert out["loss"].shape == (9, 9) and out["trajectory"] is not None
    with qtbot.waitSignal(w.hessian_ready, timeout=10000) as sig:
        r.hess.emit()
    assert len(sig.args[0]) == w.trainer.net.n_params
    with qtbot.waitSignal(w.restarts_ready, timeout=20000) as sig:
        r.restart.emit(3, 50)
    assert len(sig.args[0]) == 3
    w.progress.connect(lambda done, total: w.cancel(), Qt.DirectConnection)   # cancel mid-way
    with qtbot.waitSignal(w.explore_failed, timeout=10000):
        r.slice_.emit({"kind": "random", "grid": 151})
    r.stop.emit()
    assert thread.wait(5000)


def test_training_gets_at_least_the_time_frames_take(qapp, monkeypatch):
    """The pacing, on a fake clock: a frame that takes 20 ms to draw is followed by at least
    ~20 ms of training before the next snapshot, and frames come no faster than 30 a second."""
    from nnviz.gui import worker as module

    clock = [100.0]
    monkeypatch.setattr(module.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(module.time, "sleep", lambda s: clock.__setitem__(0, clock[0] + s))
    w = TrainingWorker(Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1))
    w._adopt(module.build(w.settings))
    w.running = True
    w._train = lambda steps: clock.__setitem__(0, clock[0] + 0.0001 * steps)   # 0.1 ms a step
    emitted = []

    def draw(snap):                    # the GUI takes 20 ms per frame, then acknowledges
        emitted.append(clock[0])
        clock[0] += 0.020
        w.drawn()
    w.snapshot.connect(draw, Qt.DirectConnection)
    while len(emitted) < 40:
        w._tick()
    gaps = np.diff(emitted[10:])
    assert gaps.min() >= 1 / 30 - 1e-9                     # at most 30 frames a second
    training = gaps - 0.020                                # each gap: the drawing, then training
    assert training.mean() >= 0.9 * 0.020                  # training keeps about half the time
