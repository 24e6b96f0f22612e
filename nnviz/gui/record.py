"""Animations for slides: File → Record in the window, ``nnviz record`` headless.

A recording grabs a widget (``QWidget.grab``) frame by frame and turns each grab into a
Pillow image at once; at the end the frames are written as an animated GIF (Pillow) or
an MP4 (imageio-ffmpeg, the optional extra ``nnviz[video]``), atomically: a failed write
leaves any old file as it was. The frames are held in memory, so a recording that would
need more than :data:`MEMORY_LIMIT` bytes is refused before it starts.

In the window, frames are taken on a timer at the chosen rate while training runs (or
the arena's race plays), or one per step-through phase; a Stop button in the status bar
ends it early and keeps what was recorded. Headless, the frames are deterministic: a
fixed number of training steps (or race iterations, or trajectory points, or phases)
between two frames, whatever the clock says (the screenshot script's driver).

A GIF stores identical consecutive frames once, with their durations added: it plays
the same, but Pillow then reads fewer frames than were recorded.
"""
from __future__ import annotations

import importlib.util
import io
import os
import shutil
import tempfile
import threading

from ..core.errors import InputError
from ..core.weights_io import atomic_write

MAX_FPS = 30
MAX_FRAMES = 3000
MEMORY_LIMIT = 1 << 30          # bytes of RGB frames one recording may hold (frames × width × height × 3)
FORMATS = (".gif", ".mp4")
#: what ``nnviz record --tab`` shows, and the window's tab it is on
TABS = {"network": 0, "arena": 1, "landscape": 2, "stepthrough": 0}


class RecordError(InputError):
    """A recording that cannot be made: its format, its size. Nothing was recorded."""


def video_available():
    """Whether MP4 recordings can be written (imageio-ffmpeg is installed)."""
    return importlib.util.find_spec("imageio_ffmpeg") is not None


def check(path, frames, width, height):
    """Raise RecordError unless ``frames`` frames of ``width`` × ``height`` pixels can be
    recorded into ``path`` (.gif; .mp4 with imageio-ffmpeg) within :data:`MEMORY_LIMIT`."""
    ext = os.path.splitext(str(path))[1].lower()
    if ext not in FORMATS:
        raise RecordError("{file}: nnviz records .gif or .mp4 files", file=os.path.basename(str(path)))
    if ext == ".mp4" and not video_available():
        raise RecordError("MP4 recordings need imageio-ffmpeg: pip install 'nnviz[video]' (or record a .gif)")
    need = frames * width * height * 3
    if need > MEMORY_LIMIT:
        raise RecordError("{frames} frames of {width} × {height} pixels need {need:,} MB, more than the "
                          "{limit:,} MB a recording may hold: record fewer frames or a smaller picture",
                          frames=frames, width=width, height=height, need=need >> 20, limit=MEMORY_LIMIT >> 20)


def to_pil(image):
    """A Pillow RGB image (a copy) of a QImage or QPixmap."""
    from PIL import Image
    from PySide6.QtGui import QImage
    image = (image.toImage() if hasattr(image, "toImage") else image).convertToFormat(QImage.Format_RGB888)
    return Image.frombytes("RGB", (image.width(), image.height()), bytes(image.constBits()),
                           "raw", "RGB", image.bytesPerLine())


def write(path, images, fps):
    """Write ``images`` (Pillow, the first one's size) as an animation of ``fps`` frames a
    second to ``path`` (.gif or .mp4), atomically; WeightsError if it cannot be saved."""
    size = images[0].size
    images = [im if im.size == size else im.resize(size) for im in images]   # the window was resized
    if str(path).lower().endswith(".mp4"):
        _write_mp4(path, images, fps)
        return
    buffer = io.BytesIO()
    images[0].save(buffer, format="GIF", save_all=True, append_images=images[1:],
                   duration=round(1000 / fps), loop=0)
    atomic_write(path, lambda fh: fh.write(buffer.getvalue()))


def _write_mp4(path, images, fps):
    import imageio_ffmpeg
    w, h = (n - n % 2 for n in images[0].size)          # H.264 (yuv420p) wants even sides
    with tempfile.TemporaryDirectory() as tmp:
        video = os.path.join(tmp, "out.mp4")
        writer = imageio_ffmpeg.write_frames(video, (w, h), fps=fps, macro_block_size=1,
                                             output_params=["-pix_fmt", "yuv420p"])
        writer.send(None)
        for im in images:
            writer.send(im.crop((0, 0, w, h)).tobytes())
        writer.close()
        with open(video, "rb") as src:
            atomic_write(path, lambda fh: shutil.copyfileobj(src, fh))


def frame_of(k, frames, n):
    """Which of ``n`` items (phases, race iterations, trajectory points) frame ``k`` of
    ``frames`` shows: the first at the first frame, the last at the last."""
    return round(k * (n - 1) / (frames - 1)) if frames > 1 else n - 1


# ------------------------------------------------------------------ headless
def record_scene(key, out, fps=10, frames=40, tab="network", size=(1280, 800), steps_per_frame=None):
    """Open the window offscreen on scene ``key``, show ``tab`` and record ``frames`` frames
    of the whole window into ``out``; returns (frames, width, height).

    network: ``steps_per_frame`` training steps between frames (default: the scene's length
    spread over the recording); arena: the race, iteration by iteration; landscape: the
    scene trained, its PCA slice, the training path drawn point by point; stepthrough: one
    training step's phases. Raises RecordError before anything opens if it cannot be recorded."""
    check(out, frames, *size)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ..training.scenes import scene
    from .app import quiet_qt_messages
    from .main_window import MainWindow
    from .screenshots import _show_tab, _train
    from .selftest import wait

    quiet_qt_messages()
    app = QApplication.instance() or QApplication(["nnviz"])
    the_scene = scene(key)
    steps = steps_per_frame or max(1, the_scene.steps // (frames - 1))
    images = []
    with tempfile.TemporaryDirectory() as tmp:
        w = MainWindow(the_scene.settings, qsettings=QSettings(os.path.join(tmp, "s.ini"), QSettings.IniFormat))
        w.files.ask_save = lambda: "discard"
        w.resize(*size)
        w.show()
        try:
            wait(app, lambda: w.frames > 0)

            def grab(_k=None):
                app.processEvents()
                images.append(to_pil(w.grab()))
            if tab == "network":
                _train(app, w, steps * (frames - 1), frames - 1, on_frame=grab)
            elif tab == "stepthrough":
                w.docks["stepthrough"].show()
                w.docks["stepthrough"].raise_()
                w._on_record()
                wait(app, lambda: w.stepthrough.trace is not None)
                for k in range(frames):
                    w.stepthrough.set_phase(frame_of(k, frames, len(w.stepthrough.trace.phases)))
                    grab()
            elif tab == "arena":
                _show_tab(app, w, TABS[tab])
                n = max([p.stop_step for p in w.arena.paths.values()] or [w.arena.steps.value()]) + 1
                for k in range(frames):
                    w.arena.show_step(min(k * steps_per_frame, n - 1) if steps_per_frame else frame_of(k, frames, n))
                    grab()
            else:
                _train(app, w, steps * (frames - 1))
                _show_tab(app, w, TABS[tab])
                xs, ys = w.landscape.path.getData()
                xs, ys = ([], []) if xs is None else (xs, ys)
                for k in range(frames):
                    m = frame_of(k, frames, len(xs)) + 1
                    w.landscape.path.setData(xs[:m], ys[:m])
                    grab()
        finally:
            w.close()
    write(out, images, fps)
    return len(images), *images[0].size


# ------------------------------------------------------------------ the window
class Recording:
    """Frames grabbed in the window: ``grab(k)`` returns frame k's QImage or QPixmap, called
    every ``interval_ms`` (0: as fast as the event loop allows) until ``frames`` are in or
    :meth:`stop`; then the file is written in a thread, and ``done(path, error)`` is called in
    the GUI thread (error "" when written)."""

    def __init__(self, grab, path, fps, frames, interval_ms, done, parent):
        from PySide6.QtCore import QTimer
        self.grab, self.path, self.fps, self.frames, self.done = grab, path, fps, frames, done
        self.images, self.error, self._writer = [], None, None
        self.timer = QTimer(parent)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def start(self):
        self._tick()
        self.timer.start()

    @property
    def running(self):
        return self.timer.isActive()

    def _tick(self):
        self.images.append(to_pil(self.grab(len(self.images))))
        if len(self.images) >= self.frames:
            self.stop()

    def stop(self):
        """End the recording (early: with the frames recorded so far) and write the file."""
        if self._writer is not None:
            return
        self.timer.stop()

        def run():
            try:
                write(self.path, self.images, self.fps)
            except Exception as e:       # noqa: BLE001 - reported in the GUI thread
                self.error = e
        self._writer = threading.Thread(target=run, name="nnviz-record", daemon=True)
        self._writer.start()
        self.timer.timeout.disconnect(self._tick)
        self.timer.timeout.connect(self._poll)
        self.timer.setInterval(50)
        self.timer.start()

    def _poll(self):
        if self._writer.is_alive():
            return
        self.timer.stop()
        self.done(self.path, self.error)

    def wait(self, timeout=60):
        """Wait (tests) for the writing thread to end; the result comes with the next poll."""
        if self._writer is not None:
            self._writer.join(timeout)
