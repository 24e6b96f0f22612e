"""The training thread: commands in, frozen snapshots out, never a frozen window."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnviz.gui.worker import TrainingWorker
from nnviz.training.trainer import Settings


@pytest.fixture
def worker(make_worker):
    return make_worker()


def wait_for(qtbot, received, predicate, timeout=10000):
    qtbot.waitUntil(lambda: bool(received) and predicate(received[-1]), timeout=timeout)
    return received[-1]


def barrier(qtbot, remote, received, sample=3):
    """A command the worker answers with a snapshot: once it is in, every command sent
    before it has been handled and the worker has ticked since."""
    remote.select_sample.emit(sample)
    return wait_for(qtbot, received, lambda s: s.sample == sample)


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
    with qtbot.waitSignal(w.relay.running_changed, timeout=5000) as paused:
        remote.set_running.emit(False)
    assert paused.args == [False]
    step = w.trainer.step_count
    for sample in (3, 4, 5):                 # ticks that follow the pause train nothing
        assert barrier(qtbot, remote, received, sample).step == step
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
    with qtbot.waitSignal(w.relay.failed, timeout=5000) as sig:
        remote.apply_settings.emit(w.settings.replace(dataset="xor", task="multiclass"))
    assert "multiclass" in sig.args[0]
    assert w.trainer.net.sizes == [2, 4, 1]


def test_divergence_pauses_and_restores(make_worker, qtbot):
    w, remote, received = make_worker(Settings(dataset="sin", hidden=(8,), activations=("relu",), eps=5.0))
    with qtbot.waitSignal(w.relay.diverged, timeout=10000) as sig:
        remote.set_running.emit(True)
    assert "too large" in sig.args[0]
    qtbot.waitUntil(lambda: not w.running, timeout=5000)
    assert np.all(np.isfinite(w.trainer.net.params))


def test_edit_weight_and_select_sample(worker, qtbot):
    w, remote, received = worker
    remote.set_weight.emit(2, 1, 0, 0.75)
    snap = wait_for(qtbot, received, lambda s: s.W[2][1, 0] == 0.75)
    remote.select_sample.emit(9)
    snap = wait_for(qtbot, received, lambda s: s.sample == 9)
    assert snap.z[1].shape == (2,)


def test_snapshots_wait_for_the_gui(make_worker, qtbot):
    """Without drawn(), the worker sends one snapshot and then waits: no queue of stale frames."""
    w, remote, got = make_worker(Settings(dataset="xor", hidden=(4,)), draw=False)
    remote.set_running.emit(True)
    # the proof that ticks went by: thousands of steps, each tick trains at most 5 ms and
    # then (the snapshot being due) would emit one, if the GUI had drawn the last
    qtbot.waitUntil(lambda: w.trainer.step_count > 3000, timeout=10000)
    assert len(got) == 1                                   # training went on, drawing waited


def test_record_trace_and_gradient_check(make_worker, qtbot):
    w, r, received = make_worker(Settings(dataset="xor", hidden=(3,)))
    with qtbot.waitSignal(w.relay.traced, timeout=5000) as sig:
        r.record_trace.emit(7)
    trace = sig.args[0]
    assert trace.meta["sample"] == 7 and trace.phases[0].kind == "forward"
    with qtbot.waitSignal(w.relay.gradient_checked, timeout=10000) as sig:
        r.gradient_check.emit()
    assert sig.args[0] < 1e-5 and sig.args[1] == sig.args[2] == 3 * 3 + 4     # every parameter


def test_landscape_requests(make_worker, qtbot):
    w, r, received = make_worker(Settings(dataset="xor", hidden=(3,)))
    r.set_running.emit(True)
    qtbot.waitUntil(lambda: len(w.trajectory.points) >= 3, timeout=10000)
    progress = []
    w.progress.connect(lambda done, total: progress.append((done, total)), Qt.DirectConnection)
    with qtbot.waitSignal(w.relay.slice_ready, timeout=10000) as sig:
        r.compute_slice.emit({"kind": "pca", "grid": 9, "range": 0.5})
    out, version = sig.args
    assert progress and progress[-1] == (81, 81) and version == w.version
    assert out["loss"].shape == (9, 9) and out["trajectory"] is not None
    assert not w.running                                            # training paused for it
    progress.clear()
    with qtbot.waitSignal(w.relay.hessian_ready, timeout=10000) as sig:
        r.compute_hessian.emit()
    assert len(sig.args[0]["eigenvalues"]) == w.trainer.net.n_params == 13 and sig.args[-1] == w.version
    assert progress == [(10, 13), (13, 13)]                         # columns done
    progress.clear()
    with qtbot.waitSignal(w.relay.restarts_ready, timeout=20000) as sig:
        r.compute_restarts.emit(3, 50)
    assert len(sig.args[0]["final_loss"]) == 3 and sig.args[-1] == w.version
    assert progress == [(0, 3), (1, 3), (2, 3)]                     # runs done of K
    w.progress.connect(lambda done, total: w.cancel(), Qt.DirectConnection)   # cancel mid-way
    with qtbot.waitSignal(w.relay.explore_cancelled, timeout=10000) as _blocker:
        r.compute_slice.emit({"kind": "random", "grid": 151})


def test_cancel_stops_restarts_at_once_and_training_goes_on(make_worker, qtbot):
    """50 runs of 100,000 steps would take minutes: Cancel ends them within a chunk of steps."""
    w, r, received = make_worker()
    with qtbot.waitSignal(w.relay.progress, timeout=10000) as sig:       # the first run has begun
        r.compute_restarts.emit(50, 100000)
    assert sig.args == [0, 50]
    with qtbot.assertNotEmitted(w.restarts_ready):
        with qtbot.waitSignal(w.relay.explore_cancelled, timeout=5000) as _blocker:
            w.cancel()
        with qtbot.waitSignal(w.relay.running_changed, timeout=5000) as _blocker:   # the worker is free again
            r.set_running.emit(True)
        wait_for(qtbot, received, lambda s: s.running and s.step > 0)
    r.set_running.emit(False)


def test_cancel_reaches_a_request_still_in_the_queue(make_worker, qtbot):
    w, r, received = make_worker()
    with qtbot.waitSignals([w.relay.explore_cancelled, w.relay.explore_cancelled], timeout=5000) as _blocker:
        r.compute_hessian.emit()
        r.compute_restarts.emit(50, 100000)      # both queued; neither has begun
        w.cancel()
    with qtbot.waitSignal(w.relay.hessian_ready, timeout=10000) as _blocker:     # a later request is not cancelled
        r.compute_hessian.emit()


def test_cancel_stops_the_hessian(make_worker, qtbot):
    w, r, received = make_worker(Settings(dataset="xor", hidden=(30,)))     # 121 parameters
    w.progress.connect(lambda done, total: w.cancel(), Qt.DirectConnection)
    seen = []
    w.progress.connect(lambda done, total: seen.append(done), Qt.DirectConnection)
    with qtbot.waitSignal(w.relay.explore_cancelled, timeout=10000) as _blocker:
        r.compute_hessian.emit()
    assert seen == [10]


def test_a_hessian_too_large_says_why(make_worker, qtbot):
    w, r, received = make_worker(Settings(dataset="xor", hidden=(30, 30)))
    with qtbot.waitSignal(w.relay.explore_failed, timeout=10000) as sig:
        r.compute_hessian.emit()
    assert "at most 500 parameters" in sig.args[0]


def test_the_gradient_check_of_a_large_net_checks_a_sample(make_worker, qtbot):
    from nnviz.gui.worker import GRADCHECK_SAMPLE
    w, r, received = make_worker(Settings(dataset="xor", hidden=(64, 64)))
    P = w.trainer.net.n_params
    assert P == 2 * 64 + 64 + 64 * 64 + 64 + 64 + 1 > GRADCHECK_SAMPLE
    with qtbot.waitSignal(w.relay.gradient_checked, timeout=30000) as sig:
        r.gradient_check.emit()
    err, checked, total = sig.args
    assert (checked, total) == (GRADCHECK_SAMPLE, P) and err < 1e-3
    with qtbot.waitSignal(w.relay.gradient_checked, timeout=30000) as again:
        r.gradient_check.emit()
    assert again.args == sig.args                             # a seeded sample: the same one


def test_training_gets_at_least_the_time_frames_take(qapp, monkeypatch):
    """The pacing, on a fake clock: a frame that takes 20 ms to draw is followed by at least
    ~20 ms of training before the next snapshot, and frames come no faster than 30 a second."""
    from nnviz.gui import worker as module

    clock = [100.0]
    monkeypatch.setattr(module.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(module.time, "sleep", lambda s: clock.__setitem__(0, clock[0] + s))
    w = TrainingWorker(Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1))
    w._adopt_trainer(module.build(w.settings))
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


# ------------------------------------------------------------------ pace
def fake_clock_worker(settings=Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1), runs=None):
    """A worker ticked by hand on a fake clock (no thread): a list of its snapshots, the clock."""
    clock = [100.0]
    w = TrainingWorker(settings)
    w.clock = lambda: clock[0]
    w._last_tick = clock[0]
    w._rebuild(runs or [(None, settings)])
    got = []
    w.snapshot.connect(lambda s: (got.append(s), w.drawn()), Qt.DirectConnection)
    return w, got, clock


def run_ticks(w, clock, seconds, dt=0.01):
    for _ in range(round(seconds / dt)):
        clock[0] += dt
        w._tick()


@pytest.mark.parametrize("speed", [50.0, 300.0])
def test_a_limited_speed_trains_speed_steps_per_second_of_ticks(qapp, speed):
    """The budget: N steps for N / speed seconds of ticks, on the worker's own (fake) clock."""
    w, got, clock = fake_clock_worker()
    w.set_speed(speed)
    w.set_running(True)
    run_ticks(w, clock, 4.0)
    assert abs(w.trainer.step_count - 4 * speed) <= 1


def test_at_slow_speeds_every_step_gets_its_own_snapshot(qapp, monkeypatch):
    """5 steps/s: the snapshots' steps go up by exactly 1, even when the GUI takes longer to
    draw a frame (0.5 s) than a step lasts (0.2 s): the next step waits for the drawing."""
    from nnviz.gui import worker as module
    w, got, clock = fake_clock_worker()
    monkeypatch.setattr(module.time, "sleep", lambda s: clock.__setitem__(0, clock[0] + s))
    w.snapshot.disconnect()
    pending = []
    w.snapshot.connect(lambda s: (got.append(s), pending.append(clock[0] + 0.5)), Qt.DirectConnection)
    w.set_speed(5)
    w.set_running(True)
    for _ in range(1000):               # 10 s of ticks
        clock[0] += 0.01
        if pending and clock[0] >= pending[0]:
            pending.clear()
            w.drawn()
        w._tick()
    steps = [s.step for s in got if s.running]
    assert len(steps) > 10 and np.all(np.diff(steps) == 1)


# ------------------------------------------------------------------ comparisons
XOR = Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1)
THREE = [("ε = 0.1", XOR), ("ε = 1", XOR.replace(eps=1.0)), ("momentum", XOR.replace(optimizer="momentum", mu=0.9))]


def test_a_comparison_trains_in_lockstep_and_carries_every_curve(make_worker, qtbot):
    w, remote, received = make_worker()
    remote.load_runs.emit(THREE)
    snap = wait_for(qtbot, received, lambda s: s.version == 2)
    assert [r.label for r in snap.runs] == ["ε = 0.1", "ε = 1", "momentum"] and snap.selected == 0
    first = [t.net.params.copy() for t in w.comparison.trainers]
    assert all(np.array_equal(first[0], p) for p in first)          # the same initial weights
    remote.set_running.emit(True)
    snap = wait_for(qtbot, received, lambda s: s.step > 300)
    remote.set_running.emit(False)
    snap = wait_for(qtbot, received, lambda s: not s.running)
    steps = {t.step_count for t in w.comparison.trainers}
    assert len(steps) == 1                                           # lockstep
    assert all(len(r.history) > 2 for r in snap.runs)
    assert not snap.runs[0].history.flags.writeable
    assert np.array_equal(snap.runs[0].history, snap.history)        # the selected run's own curve
    assert not np.array_equal(snap.runs[0].history[-1], snap.runs[1].history[-1])


def test_selecting_a_run_switches_the_trainer_and_announces_its_settings(make_worker, qtbot):
    w, remote, received = make_worker()
    remote.load_runs.emit(THREE)
    wait_for(qtbot, received, lambda s: s.version == 2)
    with qtbot.waitSignal(w.relay.settings_loaded, timeout=5000) as sig:
        remote.select_run.emit(2)
    assert sig.args[0].optimizer == "momentum"
    snap = wait_for(qtbot, received, lambda s: s.selected == 2)
    assert w.trainer is w.comparison.trainers[2] and snap.version == 3


def test_a_diverged_run_stops_and_the_others_go_on(make_worker, qtbot):
    w, remote, received = make_worker()
    remote.load_runs.emit([("ok", XOR), ("too large", XOR.replace(eps=500.0, activations=("relu",)))])
    wait_for(qtbot, received, lambda s: s.version == 2)
    with qtbot.waitSignal(w.relay.diverged, timeout=10000) as sig:
        remote.set_running.emit(True)
    assert "too large" in sig.args[0] and "other runs go on" in sig.args[0]
    snap = wait_for(qtbot, received, lambda s: s.step > 200)
    assert snap.running and snap.runs[1].stopped.startswith("diverged") and not snap.runs[0].stopped
    assert w.comparison.trainers[1].step_count < w.comparison.trainers[0].step_count


def test_the_stop_rule_applies_to_each_run_and_pauses_when_all_stopped(make_worker, qtbot):
    w, remote, received = make_worker()
    remote.load_runs.emit([("GD", XOR.replace(batch=0)), ("B = 10", XOR)])
    wait_for(qtbot, received, lambda s: s.version == 2)
    remote.set_stop.emit(5, None)
    with qtbot.waitSignal(w.relay.running_changed, timeout=10000, check_params_cb=lambda on: not on) as paused:
        remote.set_running.emit(True)
    assert paused.args == [False]
    gd, mini = w.comparison.trainers
    assert gd.batcher.epoch == mini.batcher.epoch == 5
    assert gd.step_count == 5 and mini.step_count == 50              # GD waited for the others


def test_settings_in_a_comparison_replace_the_selected_run_only(make_worker, qtbot):
    w, remote, received = make_worker()
    remote.load_runs.emit(THREE)
    wait_for(qtbot, received, lambda s: s.version == 2)
    remote.select_run.emit(1)
    wait_for(qtbot, received, lambda s: s.selected == 1)
    remote.apply_settings.emit(XOR.replace(eps=0.3, samples=100))
    snap = wait_for(qtbot, received, lambda s: s.version == 4)
    settings = [t.settings for t in w.comparison.trainers]
    assert [s.eps for s in settings] == [0.1, 0.3, 0.1] and settings[2].optimizer == "momentum"
    assert {s.samples for s in settings} == {100}                     # one data set for every run
    assert snap.selected == 1 and snap.runs[0].label == "ε = 0.1" and snap.runs[1].label != "ε = 1"


def test_add_and_remove_runs(make_worker, qtbot):
    w, remote, received = make_worker()
    for n in (2, 3, 4, 4):
        remote.add_run.emit()
        barrier(qtbot, remote, received, n)
        assert len(w.runs) == n and w.selected == n - 1
    remote.remove_run.emit(0)
    barrier(qtbot, remote, received, 9)
    assert len(w.runs) == 3 and w.selected == 2
