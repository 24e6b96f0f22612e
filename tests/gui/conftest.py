"""Fixtures for the GUI tests: real snapshots of small real training runs, a worker in its
own thread wired as the window wires it, and the window itself."""
import gc

import pytest
from PySide6.QtCore import QObject, QSettings, QThread, Signal

from nnviz.gui.worker import TrainingWorker, WorkerCommands

from nnviz.training.snapshot import take
from nnviz.training.trainer import Settings, build


def make_snapshot(steps=20, version=1, **settings):
    """A Snapshot of a real run: ``settings`` are Settings fields (default XOR, 2-4-4-1)."""
    trainer = build(Settings(**settings))
    for _ in range(steps):
        trainer.step()
        take(trainer, version)
    return take(trainer, version)


@pytest.fixture
def snapshot():
    return make_snapshot()


@pytest.fixture
def snapshot_factory():
    return make_snapshot


class Relay(QObject):
    """The worker's signals again, in the GUI thread. A slot that is no QObject's (pytest-qt's
    blockers) runs in the sender's thread: waiting on the worker's own signals would run the
    blockers in the training thread, where they cannot stop their GUI-thread timers (and
    may free them there). Tests wait on ``w.relay``'s signals instead."""
    snapshot = Signal(object)
    traced = Signal(object)
    gradient_checked = Signal(float, int, int)
    diverged = Signal(str)
    failed = Signal(str)
    progress = Signal(int, int)
    slice_ready = Signal(object, int)
    hessian_ready = Signal(object, int)
    restarts_ready = Signal(object, int)
    explore_failed = Signal(str)
    explore_cancelled = Signal()
    settings_loaded = Signal(object)
    running_changed = Signal(bool)

    def __init__(self, worker):
        super().__init__()
        for name in ("snapshot", "traced", "gradient_checked", "diverged", "failed", "progress", "slice_ready",
                     "hessian_ready", "restarts_ready", "explore_failed", "explore_cancelled", "settings_loaded",
                     "running_changed"):
            getattr(worker, name).connect(getattr(self, name))     # queued: the relay lives here


@pytest.fixture
def make_worker(qtbot):
    """A started worker for ``settings`` with a WorkerCommands wired as the window wires it; stopped
    (and its thread checked ended) after the test. ``draw=False``: the GUI never
    acknowledges a snapshot.

    Python's cyclic garbage collector runs in whichever thread allocates: in the worker's,
    it would delete the test's leftover Qt objects (pytest-qt's timers) from the wrong
    thread, and the GUI thread's event loop would crash on the dangling timer. So the
    garbage is collected here, in the GUI thread, before and after."""
    started = []
    gc.collect()
    gc.disable()

    def make(settings=Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1), draw=True):
        thread = QThread()
        w = TrainingWorker(settings)
        w.moveToThread(thread)
        remote = WorkerCommands()
        remote.connect_to(w)
        received = []
        w.snapshot.connect(lambda s: (received.append(s), draw and w.drawn()))
        w.relay = Relay(w)
        thread.started.connect(w.start)
        thread.finished.connect(w.deleteLater)       # in its own thread, as the window does
        with qtbot.waitSignal(w.relay.snapshot, timeout=5000) as first:
            thread.start()
        started.append((w, remote, thread, first))
        return w, remote, received
    try:
        yield make
        for w, remote, thread, _ in started:
            w.cancel()
            remote.stop_worker.emit()
            assert thread.wait(10000)
            assert not thread.isRunning()
    finally:
        gc.enable()
        gc.collect()


WINDOW_XOR = Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1)


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Windows on their own QSettings files (``ini``), closed after the test, their training
    threads checked ended."""
    from nnviz.gui.main_window import MainWindow
    windows = []
    gc.collect()          # not in the training thread: see make_worker in test_worker.py
    gc.disable()

    def make(settings=WINDOW_XOR, ini="nnviz.ini", speed=0.0):
        """``speed``: the pace saved before (0: max, as the tests train); None: a fresh install."""
        qs = QSettings(str(tmp_path / ini), QSettings.IniFormat)
        if speed is not None and qs.value("speed") is None:
            qs.setValue("speed", speed)
        w = MainWindow(settings, qsettings=qs)
        w.files.ask_save = lambda: "discard"
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(lambda: w.frames > 0, timeout=10000)
        windows.append(w)
        return w
    try:
        yield make
        for w in windows:
            w.close()
            assert not w.thread.isRunning()
    finally:
        gc.enable()
        gc.collect()


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch):
    """A real modal dialog would wait for a user that never comes: a test that opens one
    without standing in for it fails at once instead of hanging the suite."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    def refuse(*args, **kwargs):
        raise AssertionError("a real dialog was opened: monkeypatch it (or what calls it)")
    for cls, names in ((QFileDialog, ("getSaveFileName", "getOpenFileName", "getExistingDirectory")),
                       (QInputDialog, ("getDouble", "getInt", "getText")),
                       (QMessageBox, ("question", "information", "warning", "critical"))):
        for name in names:
            monkeypatch.setattr(cls, name, staticmethod(refuse))
