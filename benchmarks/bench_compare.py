"""Steps per second of the training worker: a comparison of four variants against one run.

    python benchmarks/bench_compare.py [--seconds 5]

Measures, in one run and side by side, the lockstep steps per second the worker trains
(in its thread, at full speed, the snapshots taken in at once by a GUI-thread slot) for
one run of the xor_hidden scene and for four variants of it (ε, update rule and μ, the
output/loss pair, hidden sizes), and the same two headless (Comparison.step alone). A
comparison step trains every run, so four runs cost about four times one.
Runs on Qt's offscreen platform.
"""
import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from PySide6.QtCore import QEventLoop, QObject, QThread, QTimer, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from nnviz.gui.worker import TrainingWorker  # noqa: E402
from nnviz.training.compare import Comparison  # noqa: E402
from nnviz.training.scenes import scene  # noqa: E402


def variants():
    s = scene("xor_hidden").settings
    return [("ε = 0.03", s), ("ε = 0.3", s.replace(eps=0.3)), ("momentum μ = 0.9", s.replace(optimizer="momentum", mu=0.9)),
            ("σ + squared error, 8 units", s.replace(output="sigmoid", loss="squared", hidden=(8,)))]


class Remote(QObject):
    load_runs = Signal(object)
    set_running = Signal(bool)
    stop_worker = Signal()


def wait(seconds):
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def worker_rate(runs, seconds):
    thread, w, remote = QThread(), TrainingWorker(runs[0][1]), Remote()
    w.moveToThread(thread)
    for name in ("load_runs", "set_running", "stop_worker"):
        getattr(remote, name).connect(getattr(w, name))
    frames = []
    w.snapshot.connect(lambda snap: (frames.append(snap.step), w.drawn()))
    thread.started.connect(w.start)
    thread.start()
    wait(0.5)
    remote.load_runs.emit(runs)
    wait(0.3)
    remote.set_running.emit(True)
    wait(0.5)
    s0, t0 = w.comparison.step_count, time.perf_counter()
    wait(seconds)
    s1, t1 = w.comparison.step_count, time.perf_counter()
    remote.set_running.emit(False)
    remote.stop_worker.emit()
    thread.wait()
    return (s1 - s0) / (t1 - t0), len(frames)


def headless_rate(runs, seconds):
    c = Comparison(runs)
    end, n = time.perf_counter() + seconds, 0
    t0 = time.perf_counter()
    while time.perf_counter() < end:
        for _ in range(50):
            c.step()
        n += 50
    return n / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args()
    QApplication([])
    four = variants()
    one = four[:1]
    print(f"{'':28} {'1 run':>12} {'4 variants':>12} {'ratio':>7}")
    w1, f1 = worker_rate(one, args.seconds)
    w4, f4 = worker_rate(four, args.seconds)
    print(f"{'worker, steps/s':28} {w1:12,.0f} {w4:12,.0f} {w4 / w1:7.2f}")
    h1, h4 = headless_rate(one, args.seconds), headless_rate(four, args.seconds)
    print(f"{'headless Comparison.step/s':28} {h1:12,.0f} {h4:12,.0f} {h4 / h1:7.2f}")
    print(f"(a lockstep step trains every run: 4 variants × {w4:,.0f} = {4 * w4:,.0f} run-steps/s in the worker)")


if __name__ == "__main__":
    main()
