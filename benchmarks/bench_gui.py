"""Responsiveness of the window while it trains at full speed.

    python benchmarks/bench_gui.py [--seconds 10] [--offscreen]

Measures, in one run, with TensorFlow Playground's 6 × 8 net on the spiral:
- training steps per second with the window drawing, as a fraction of the
  headless steps per second of the same trainer (target ≥ 50 %);
- how late a 10 ms heartbeat timer on the GUI thread fires (target p99 ≤ 30 ms);
- frames drawn per second, thumbnails on (target ≥ 30);
- time from a fresh interpreter to the first painted window (target ≤ 1.5 s).

Run it on a real (or Xvfb) display for honest drawing costs; --offscreen uses
Qt's offscreen platform.
"""
import argparse
import os
import subprocess
import sys
import time

T0 = time.perf_counter()
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

SETTINGS = dict(dataset="spiral", samples=400, noise=0.0, hidden=(8, 8, 8, 8, 8, 8),
                activations=("tanh",), eps=0.03, batch=10)


def _run_for(seconds):
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _run_until(predicate, timeout):
    end = time.perf_counter() + timeout
    while not predicate() and time.perf_counter() < end:
        _run_for(0.01)


def headless_rate(seconds):
    import numpy as np

    from nnviz.training.trainer import Diverged, Settings, build
    t = build(Settings(**SETTINGS))
    end, n = time.perf_counter() + seconds, 0
    with np.errstate(all="ignore"):
        while time.perf_counter() < end:
            for _ in range(100):
                try:
                    t.step()
                except Diverged:
                    t.reset()
            n += 100
    return n / seconds


def first_paint():
    """Run in a fresh interpreter: seconds from start to the first drawn snapshot."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from nnviz.gui.main_window import MainWindow
    from nnviz.training.trainer import Settings
    app = QApplication(sys.argv[:1])  # noqa: F841  (kept alive while the window lives)
    qs = QSettings(os.path.join(os.environ.get("TMPDIR", "/tmp"), "nnviz-bench.ini"), QSettings.IniFormat)
    qs.clear()
    w = MainWindow(Settings(**SETTINGS), qsettings=qs)
    w.files.ask_save = lambda: "discard"
    w.show()
    _run_until(lambda: w.frames > 0, 30)
    elapsed = time.perf_counter() - T0
    w.close()
    return elapsed


def open_window():
    """The main window on the 6 × 8 spiral net, 1600 × 1000, fresh settings, its first frame drawn."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from nnviz.gui.main_window import MainWindow
    from nnviz.training.trainer import Settings
    QApplication.instance() or QApplication(sys.argv[:1])
    qs = QSettings(os.path.join(os.environ.get("TMPDIR", "/tmp"), "nnviz-bench.ini"), QSettings.IniFormat)
    qs.clear()
    w = MainWindow(Settings(**SETTINGS), qsettings=qs)
    w.files.ask_save = lambda: "discard"
    w.resize(1600, 1000)
    w.show()
    _run_until(lambda: w.frames > 0, 30)
    return w


def window_rates(seconds):
    import numpy as np
    from PySide6.QtCore import QElapsedTimer, QTimer
    w = open_window()
    _run_for(1.0)
    late, clock = [], QElapsedTimer()
    beat = QTimer()
    beat.setInterval(10)

    def on_beat():
        late.append(max(0, clock.restart() - 10))
    beat.timeout.connect(on_beat)
    w._play(True)
    _run_until(lambda: w.snapshot.running, 30)
    step0, frames0, t0 = w.worker.trainer.step_count, w.frames, time.perf_counter()
    clock.start()
    beat.start()
    _run_for(seconds)         # Qt's own event loop: a Python loop here would fight for the GIL
    elapsed = time.perf_counter() - t0
    beat.stop()
    steps = w.worker.trainer.step_count - step0
    frames = w.frames - frames0
    w.close()
    lateness = np.array(late[1:], dtype=float)
    return steps / elapsed, frames / elapsed, np.percentile(lateness, 99), np.percentile(lateness, 50)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--offscreen", action="store_true")
    p.add_argument("--first-paint", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if a.first_paint:
        print(f"{first_paint():.3f}")
        return
    launches = [float(subprocess.run([sys.executable, __file__, "--first-paint"] + (["--offscreen"] * a.offscreen),
                                     capture_output=True, text=True, check=True).stdout.split()[-1])
                for _ in range(3)]
    headless = headless_rate(min(a.seconds, 5.0))
    gui_sps, fps, p99, p50 = window_rates(a.seconds)
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'default')}, net 2-8-8-8-8-8-8-1 on spiral, B=10")
    print(f"headless training:        {headless:10,.0f} steps/s")
    print(f"with the window drawing:  {gui_sps:10,.0f} steps/s  = {gui_sps / headless:.0%} of headless (target ≥ 50%)")
    print(f"heartbeat lateness:       p50 {p50:.1f} ms, p99 {p99:.1f} ms (target p99 ≤ 30 ms)")
    print(f"frames drawn:             {fps:.1f} per second (target ≥ 30)")
    print(f"launch to first paint:    best {min(launches):.2f} s of 3 (target ≤ 1.5 s)")


if __name__ == "__main__":
    main()
