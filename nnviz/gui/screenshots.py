"""Make the README's screenshots: ``python -m nnviz.gui.screenshots [OUTDIR] [--lang en ja]``.

Each scene opens the real window with a preset, trains a fixed number of steps
and saves the window as a PNG. Everything is seeded and nothing depends on the
clock (the steps between two frames, the arena's frame), so two runs write the
same pictures. Each is stored in Qt's 8-bit indexed format on a palette of its own
(a fifth of the bytes, the same look), and written only when its pixels changed: a
view that did not change leaves its file (and the repository) alone. Runs headless on
Qt's offscreen platform unless a display is asked for.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

#: (file name, preset key, training steps, dock or tab to raise or None, step-through phase or None)
SCENES = [
    ("xor.png", "xor_hidden", 3000, None, None),
    ("compare.png", "sigmoid_squared", 3000, None, None),
    ("spiral.png", "spiral_tanh", 30000, None, None),
    ("classes.png", "blobs_softmax", 1500, None, None),
    ("gallery.png", "xor_hidden", 0, "gallery", None),
    ("arena.png", "xor_hidden", 0, "tab:1", None),
    ("landscape.png", "xor_hidden", 2000, "tab:2", None),
] + [(f"step_{kind}.png", "worked_example", 0, None, (kind, layer, unit))
     for kind, layer, unit in (("forward", 2, (2, 0)), ("output_delta", 3, (3, 0)), ("backward", 2, (2, 1)),
                               ("gradient", 2, (2, 0, 1)), ("update", 3, (3, 1, 0)))]
#: frames of a training scene (at most one a step): snapshots (points of the loss curve and
#: of the PCA slice's trajectory) after every steps/FRAMES steps, however fast the machine trains
FRAMES = 100
#: the arena's race is shown at this iteration (1.5 s at the default 60 updates a second)
ARENA_STEP = 90


def use_offscreen(size=(1920, 1200)):
    """Draw on Qt's offscreen platform with one screen of ``size`` (unless a platform is set
    already). Its own screen is 800 × 800, and the window fits itself to the screen."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    w, h = (max(n, m) for n, m in zip(size, (1920, 1200)))
    config = Path(tempfile.gettempdir()) / f"nnviz-offscreen-{w}x{h}.json"
    config.write_text(json.dumps({"screens": [{"name": "nnviz", "x": 0, "y": 0, "width": w, "height": h,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def indexed(image, colors=256):
    """``image`` in Qt's 8-bit indexed format, on a palette of its own ``colors`` colours,
    each pixel its nearest palette colour, no dithering. Pillow's median cut gives three
    quarters of the palette (it follows the smooth gradients of the heat maps, where most
    pixels are), its fast octree the rest (it keeps a small mark's colour, e.g. the
    landscape's orange star, that the median cut would merge into its surroundings)."""
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, qRgb

    rgb = image.convertToFormat(QImage.Format_RGB888)
    pil = Image.frombuffer("RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB",
                           rgb.bytesPerLine(), 1)
    table = []
    for method, n in ((Image.Quantize.MEDIANCUT, colors * 3 // 4), (Image.Quantize.FASTOCTREE, colors // 4)):
        palette = pil.quantize(n, method=method, dither=Image.Dither.NONE).getpalette()[:3 * n]
        table += [c for c in (qRgb(*palette[i:i + 3]) for i in range(0, len(palette), 3)) if c not in table]
    return rgb.convertToFormat(QImage.Format_Indexed8, table, Qt.ThresholdDither)


def save_png(image, path):
    """Write ``image`` (:func:`indexed`) as a PNG to ``path`` unless the file there already
    shows the same pixels; returns whether it wrote."""
    from PySide6.QtGui import QImage

    new, old = indexed(image), QImage(str(path))
    if not old.isNull() and old.convertToFormat(QImage.Format_RGB32) == new.convertToFormat(QImage.Format_RGB32):
        return False
    if not new.save(str(path), "PNG", 0):          # 0: zlib's best compression
        raise OSError(f"cannot write {path}")
    return True


def shoot(outdir, lang="en", scenes=SCENES, size=(1560, 960), log=None):
    """Write one PNG per scene into ``outdir`` (``name.png`` in English, ``name_ja.png`` in
    Japanese), each only if its pixels changed; returns their paths. ``log(path, wrote)``,
    when given, is told of each."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ..training.scenes import scene
    from .i18n import font_problem, install_translator, remove_translator
    from .main_window import MainWindow
    from .selftest import wait as _wait

    app = QApplication.instance() or QApplication(sys.argv[:1])
    translator = install_translator(app, lang)
    problem = font_problem(translator)
    if problem:
        remove_translator(app, translator)
        raise SystemExit(f"screenshots: {problem}")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, key, steps, dock, phase in scenes:
            qs = QSettings(os.path.join(tmp, f"{name}.ini"), QSettings.IniFormat)
            sc = scene(key)
            w = MainWindow(sc.settings, qsettings=qs)
            w.files.ask_save = lambda: "discard"
            w.resize(*size)
            w.show()
            target = w
            _wait(app, lambda: w.frames > 0)
            if sc.is_comparison:          # every run of the scene, and its claim
                w.load_scene(sc)
                _wait(app, lambda: len(w.worker.comparison) == len(sc.runs()) and w.worker.is_drawn())
            if steps:
                train_steps(app, w, steps)
            if dock and dock.startswith("tab:"):
                show_tab(app, w, int(dock[4:]))
            elif dock:                       # the dock alone, floated at the picture's size
                target = w.docks[dock]
                target.setFloating(True)
                target.resize(*size)
                target.show()
            if phase:
                _step_through(app, w, *phase)
            for _ in range(20):
                app.processEvents()
            path = outdir / (name if lang == "en" else name.replace(".png", f"_{lang}.png"))
            wrote = save_png(target.grab().toImage(), path)
            if log:
                log(path, wrote)
            paths.append(path)
            w.close()
    remove_translator(app, translator)
    return paths


def train_steps(app, w, steps, frames=FRAMES, on_frame=None):
    """Train exactly ``steps`` steps from the initial weights, in the worker's thread, with
    ``frames`` + 1 snapshots on the way, each taken in by the window before the next: the
    same frames on every run (playing trains as many steps per frame as the clock allows).
    ``on_frame(k)``, when given, runs in the GUI thread once snapshot k is in, before the
    worker trains on (a recording grabs the window there)."""
    from PySide6.QtCore import QTimer
    from .selftest import wait as _wait
    worker, done, frames = w.worker, [], min(frames, steps)
    emitted, handled = [], []

    def record():                     # runs in the worker's thread, between its ticks
        try:
            worker.reset()            # a fresh loss history and trajectory: no start-up frames
            for k in range(frames + 1):
                worker.train_now(steps * k // frames - worker.trainer.step_count)
                _until(lambda: worker.is_drawn() and (on_frame is None or len(handled) >= k))
                worker.send_now()
                emitted.append(k)
            done.append(None)
        except Exception as e:        # noqa: BLE001 - raised again in the GUI thread
            done.append(e)
    QTimer.singleShot(0, worker, record)
    for k in range(frames + 1 if on_frame else 0):
        _wait(app, lambda: (done and done[0] is not None) or (len(emitted) > k and worker.is_drawn()), timeout=600)
        if done and done[0] is not None:
            break
        on_frame(k)
        handled.append(k)
    _wait(app, lambda: done and worker.is_drawn(), timeout=600)
    if done[0] is not None:
        raise done[0]
    assert w.snapshot.step == steps and not w.snapshot.running


def _until(predicate, timeout=60):
    """Sleep (handing the interpreter to the GUI thread) until ``predicate()`` holds."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("timed out waiting for the window to take a snapshot in")
        time.sleep(0.001)


def show_tab(app, w, index):
    """The arena mid-race, or the landscape with a PCA slice and the Hessian computed."""
    from .selftest import wait as _wait
    w.tabs.setCurrentIndex(index)
    if index == 1:
        _wait(app, lambda: w.arena.frames_drawn >= 1)
        w.arena.timer.stop()
        w.arena.show_step(ARENA_STEP)
        return
    got = []
    w.worker.slice_ready.connect(lambda *a: got.append(a))
    w.worker.hessian_ready.connect(lambda *a: got.append(a))
    w.worker.explore_failed.connect(lambda message: got.append(RuntimeError(message)))
    w.landscape.kind.setCurrentIndex(w.landscape.kind.findData("pca"))
    w.landscape.request_slice()
    _wait(app, lambda: len(got) >= 1)
    w.landscape.hessian_requested.emit()
    _wait(app, lambda: len(got) >= 2)
    for failure in (x for x in got if isinstance(x, Exception)):
        raise failure


def _step_through(app, w, kind, layer, item):
    """Record one step of the worked example and show one phase, with a unit or edge clicked."""
    from .selftest import wait as _wait
    w.record_step()
    _wait(app, lambda: w.stepthrough.trace is not None)
    trace = w.stepthrough.trace
    w.stepthrough.set_phase(trace.find(kind, layer))
    (w.stepthrough.show_unit if len(item) == 2 else w.stepthrough.show_edge)(*item)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("outdir", nargs="?", default="resources/screenshots")
    p.add_argument("--lang", nargs="+", default=["en", "ja"], choices=("en", "ja"),
                   help="the languages to shoot (default: both)")
    p.add_argument("--display", action="store_true", help="use the real display, not offscreen")
    a = p.parse_args(argv)
    if not a.display:
        use_offscreen()
    for lang in a.lang:
        shoot(a.outdir, lang, log=lambda path, wrote: print(path, "" if wrote else "(unchanged)", flush=True))


if __name__ == "__main__":
    main()
