"""Memory stays flat however long it trains (issue 12).

    python benchmarks/bench_memory.py [--steps 1000000] [--minutes 10] [--offscreen]

Measures, in one run:
- headless: resident memory (RSS) growth over ``--steps`` Trainer steps, as
  ``nnviz train`` runs them (target ≤ 25 MB over 10⁶ steps);
- the window: RSS growth over ``--minutes`` of full-speed training with every
  view drawing (target ≤ 50 MB over 10 minutes); ``--minutes 0`` skips it.

Growth is measured from a warmed-up start (the first epochs allocate the
network's buffers and NumPy's caches) to the end. Run the window part on a real
(or Xvfb) display; --offscreen uses Qt's offscreen platform.
"""
import argparse
import gc
import os
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from bench_gui import SETTINGS  # noqa: E402  (the 6 × 8 net on the spiral)


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def headless(steps):
    from nnviz.training.trainer import Settings, build
    t = build(Settings(**SETTINGS))
    t.run(steps=20_000)                  # warm up
    gc.collect()
    before, t0 = rss_mb(), time.perf_counter()
    t.run(steps=steps)
    gc.collect()
    return rss_mb() - before, time.perf_counter() - t0, len(t.history)


def window(minutes):
    from bench_gui import _run_for as run_for, open_window   # the same window bench_gui measures
    w = open_window()
    run_for(1.0)
    w._play(True)
    run_for(30.0)                         # warm up: every view has drawn, caches are full
    gc.collect()
    before, samples = rss_mb(), []
    end = time.perf_counter() + 60 * minutes
    while time.perf_counter() < end:
        run_for(min(30.0, end - time.perf_counter()))
        samples.append(rss_mb())
    steps, frames = w.worker.trainer.step_count, w.frames
    w._play(False)
    w.close()
    gc.collect()
    return samples[-1] - before, max(samples) - before, steps, frames


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=1_000_000)
    p.add_argument("--minutes", type=float, default=10.0)
    p.add_argument("--offscreen", action="store_true")
    a = p.parse_args()
    if a.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    grow, secs, rows = headless(a.steps)
    print("net 2-8-8-8-8-8-8-1 on spiral, B=10")
    print(f"headless: {a.steps:,} steps in {secs:.0f} s, RSS growth {grow:+.1f} MB "
          f"(target ≤ 25 MB), history {rows} rows")
    if a.minutes > 0:
        grow, peak, steps, frames = window(a.minutes)
        print(f"window:   {a.minutes:g} min at full speed ({steps:,} steps, {frames:,} frames), "
              f"RSS growth {grow:+.1f} MB, peak {peak:+.1f} MB (target ≤ 50 MB)")


if __name__ == "__main__":
    main()
