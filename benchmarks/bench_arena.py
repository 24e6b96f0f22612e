"""Frames per second of the optimiser arena with all seven optimisers racing (target ≥ 30).

    python benchmarks/bench_arena.py [--seconds 5] [--size 1600x1000]

Offscreen unless QT_QPA_PLATFORM says otherwise (e.g. xcb on a real or Xvfb display); the
arena animates at most 30 frames a second.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--size", default="1600x1000", help="the arena's size, WxH (default 1600x1000)")
    a = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from nnviz.gui.arena import ArenaView
    app = QApplication(sys.argv[:1])
    view = ArenaView()
    view.resize(*(int(v) for v in a.size.split("x")))
    view.show()
    for name, box in view.checks.items():
        box.setChecked(True)
    view.steps.setValue(2000)
    # the default reveal speed: 2000 steps take longer than the measurement, so the timer never stops
    view.restart_animation()
    n0, t0 = view.frames_drawn, time.perf_counter()
    loop = QEventLoop()
    QTimer.singleShot(int(a.seconds * 1000), loop.quit)
    loop.exec()
    fps = (view.frames_drawn - n0) / (time.perf_counter() - t0)
    print(f"platform {app.platformName()}, {a.size}: {len(view.checked())} optimisers, {fps:.1f} frames/s "
          "(target ≥ 30)")


if __name__ == "__main__":
    main()
