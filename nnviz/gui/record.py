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

import io
import os
import shutil
import tempfile
import threading

from ..core.animation import (MAX_FPS, MAX_FRAMES, MEMORY_LIMIT, RecordError, check, frame_of,  # noqa: F401
                              video_available)
from ..core.weights_io import atomic_write
from .i18n import translate

#: what ``nnviz record --tab`` shows, and the window's tab it is on
TABS = {"network": 0, "arena": 1, "landscape": 2, "stepthrough": 0}


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
        writer = imageio_ffmpeg.write_frames(video, (w, h), fps=fps, macro_block_size=1, pix_fmt_out="yuv420p")
        writer.send(None)
        for im in images:
            writer.send(im.crop((0, 0, w, h)).tobytes())
        writer.close()
        with open(video, "rb") as src:
            atomic_write(path, lambda fh: shutil.copyfileobj(src, fh))


# ------------------------------------------------------------------ headless
def record_scene(key, out, fps=10, frames=40, tab="network", size=(1280, 800), steps_per_frame=None):
    """Open the window offscreen on scene ``key``, show ``tab`` and record ``frames`` frames
    of the whole window into ``out``; returns (frames, width, height).

    network: ``steps_per_frame`` training steps between frames (default: the scene's length
    spread over the recording); arena: the race, iteration by iteration; landscape: the
    scene trained, its PCA slice, the training path drawn point by point; stepthrough: one
    training step's phases. Raises RecordError before anything opens if it cannot be recorded."""
    check(out, frames, *size)
    from .screenshots import use_offscreen
    use_offscreen((size[0] + 100, size[1] + 100))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ..training.scenes import scene
    from .app import quiet_qt_messages
    from .main_window import MainWindow
    from .screenshots import show_tab, train_steps
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
                train_steps(app, w, steps * (frames - 1), frames - 1, on_frame=grab)
            elif tab == "stepthrough":
                w.docks["stepthrough"].show()
                w.docks["stepthrough"].raise_()
                w.record_step()
                wait(app, lambda: w.stepthrough.trace is not None)
                for k in range(frames):
                    w.stepthrough.set_phase(frame_of(k, frames, len(w.stepthrough.trace.phases)))
                    grab()
            elif tab == "arena":
                show_tab(app, w, TABS[tab])
                n = max([p.stop_step for p in w.arena.paths.values()] or [w.arena.steps.value()]) + 1
                for k in range(frames):
                    w.arena.show_step(min(k * steps_per_frame, n - 1) if steps_per_frame else frame_of(k, frames, n))
                    grab()
            else:
                train_steps(app, w, steps * (frames - 1))
                show_tab(app, w, TABS[tab])
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


def record_dialog_class():
    """The File → Record dialog's class (built on first use: this module imports no Qt)."""
    from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                                   QLabel, QSpinBox)

    class RecordDialog(QDialog):
        """What to record (the current tab, the whole window, the step-through's phases),
        the format, the frame rate and the length; the number of frames it makes."""

        def __init__(self, parent=None):
            super().__init__(parent)
            self.setWindowTitle(translate("record", "Record an animation"))
            self.what = QComboBox()
            for key, text in (("tab", translate("record", "the current tab, while it trains")),
                              ("window", translate("record", "the whole window, while it trains")),
                              ("phases", translate("record", "the step-through's phases, one after another"))):
                self.what.addItem(text, key)
            self.format = QComboBox()
            self.format.addItem(translate("record", "animated GIF"), ".gif")
            self.format.addItem(translate("record", "MP4 video") if video_available() else
                                translate("record", "MP4 video — needs: pip install 'nnviz[video]'"), ".mp4")
            self.format.model().item(1).setEnabled(video_available())
            self.fps = QSpinBox()
            self.fps.setRange(1, MAX_FPS)
            self.fps.setValue(10)
            self.fps.setSuffix(translate("record", " frames/s"))
            self.seconds = QDoubleSpinBox()
            self.seconds.setRange(0.2, 300.0)
            self.seconds.setValue(5.0)
            self.seconds.setSuffix(translate("record", " s"))
            self.count = QLabel()
            for box in (self.fps, self.seconds):
                box.valueChanged.connect(self._on_change)
            buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
            buttons.button(QDialogButtonBox.Ok).setText(translate("record", "Record…"))
            buttons.accepted.connect(self.accept)
            buttons.rejected.connect(self.reject)
            form = QFormLayout(self)
            for label, w in ((translate("record", "Record"), self.what), (translate("record", "Format"), self.format),
                             (translate("record", "Frame rate"), self.fps), (translate("record", "Length"), self.seconds),
                             ("", self.count)):
                form.addRow(label, w)
            form.addRow(buttons)
            self._on_change()

        def frames(self):
            return max(2, min(MAX_FRAMES, round(self.fps.value() * self.seconds.value())))

        def _on_change(self):
            self.count.setText(translate("record", "{0} frames").format(self.frames()))

    return RecordDialog


class WindowRecorder:
    """File → Record for ``window``: asks what and where, records, shows progress and a Stop
    button in the status bar, and says where the file went (or why it did not)."""

    def __init__(self, window):
        self.w, self.recording, self._started_training = window, None, False
        self.stop_button = None

    def ask(self):
        """The dialog, the file name, then :meth:`start`; returns the Recording or None."""
        if self.recording is not None:            # File → Record again: the Stop button's job
            self.stop()
            return None
        dialog = record_dialog_class()(self.w)
        if not dialog.exec():
            return None
        ext = dialog.format.currentData()
        path = self.w.files.save_name(translate("record", "Record"), "recording" + ext,
                                       translate("record", "animated GIF (*.gif)") if ext == ".gif"
                                       else translate("record", "MP4 video (*.mp4)"))
        return self.start(dialog.what.currentData(), path, dialog.fps.value(), dialog.frames()) if path else None

    def start(self, what, path, fps, frames):
        """Record ``frames`` frames of ``what`` ("tab", "window" or "phases") into ``path``."""
        from .i18n import explain
        w = self.w
        if what == "phases" and w.stepthrough.trace is None:
            w.show_error(translate("record", "Step through a training step first (Train → Step through one training step), "
                                             "then record its phases."))
            return None
        widget = w.tabs.currentWidget() if what == "tab" else w
        ratio = widget.devicePixelRatioF()
        try:
            check(path, frames, round(widget.width() * ratio), round(widget.height() * ratio))
        except RecordError as e:
            w.show_error(explain(e))
            return None
        if what == "phases":
            st = w.stepthrough
            st.play(False)

            def grab(k):
                st.set_phase(frame_of(k, frames, len(st.trace.phases)))
                return w.grab()
            interval = 0
        else:
            def grab(_k):
                return widget.grab()
            interval = round(1000 / fps)
            if w.tabs.currentIndex() == 1:
                w.arena.restart_animation()
            self._started_training = not (w.snapshot and w.snapshot.running) and w.tabs.currentIndex() == 0
            if self._started_training:
                w.play(True)
        self._show_stop()

        def counted(k):
            self.stop_button.setText(translate("record", "■ Stop recording ({0} of {1} frames)").format(k + 1, frames))
            return grab(k)
        self.recording = Recording(counted, path, fps, frames, interval, self._done, w)
        self.recording.start()
        return self.recording

    def stop(self):
        if self.recording is not None:
            self.recording.stop()

    def _show_stop(self):
        from PySide6.QtWidgets import QPushButton
        self.stop_button = QPushButton()
        self.stop_button.setToolTip(translate("record", "End the recording now and keep the frames recorded so far"))
        self.stop_button.clicked.connect(self.stop)
        self.w.statusBar().addWidget(self.stop_button)

    def _done(self, path, error):
        from .i18n import explain
        w = self.w
        if self._started_training:
            w.play(False)
        w.statusBar().removeWidget(self.stop_button)
        self.stop_button.deleteLater()
        n, self.recording, self.stop_button = len(self.recording.images), None, None
        if error is not None:
            w.show_error(explain(error))
        else:
            w.statusBar().showMessage(translate("record", "Recorded {0} frames to {1}").format(n, path), 8000)
