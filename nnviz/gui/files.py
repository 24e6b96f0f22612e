"""The File menu: sessions, weights, CSV data, exports, recent files, drag and drop.

Reading a file happens here only as far as checking it (weights files are small);
the worker, which owns the training state, does every save and every load, so a
save never races a training step. Every failure is one message; nothing changes.
"""
from __future__ import annotations

import os

from PySide6.QtCore import (QBuffer, QCoreApplication, QEventLoop, QIODevice, QObject, QPoint, QRectF, QSize,
                            Qt, QTimer, Slot)
from PySide6.QtGui import QAction, QImage, QKeySequence, QPainter
from PySide6.QtWidgets import QFileDialog, QGraphicsScene, QMessageBox

from ..core.datasets import DataError, save_csv
from ..core.onnx_export import onnx_available
from ..core.weights_io import WeightsError, atomic_write, read_weights
from ..training.history import csv_text
from .i18n import explain

MAX_RECENT = 8
#: the views File → Export saves: key → (the window's attribute, the index of the tab it is on)
VIEWS = {"network": ("network_view", 0), "output": ("output_view", 0), "hidden": ("hidden_view", 0),
         "loss": ("loss_view", 0), "arena": ("arena", 1), "landscape": ("landscape", 2),
         "stepthrough": ("stepthrough", 0), "gallery": ("gallery", 0)}
OPENABLE = ("*.nnviz", "*.npz", "*.json", "*.onnx", "*.csv")


class FileActions(QObject):
    """Builds the File menu of ``window`` and carries out its actions."""

    def __init__(self, window, menu):
        super().__init__(window)
        self.w = window
        self.session_path = None          # the current file: a session that opened or saved
        self.saved_marker = None          # (version, step) when last saved or opened
        self._last_save = None            # (path, error) of the latest save
        self._add(menu, self.tr("&Open…"), self.open_dialog, QKeySequence.Open,
                  self.tr("Open a session (.nnviz), weights (.npz, .json, .onnx) or data (.csv)"))
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self._add(menu, self.tr("&Import CSV data…"), lambda: self.import_csv(None), None,
                  self.tr("Train on your own data: choose input and target columns"))
        menu.addSeparator()
        self._add(menu, self.tr("&Save session"), self.save_session, QKeySequence.Save,
                  self.tr("Save everything: settings, data, weights, optimiser state, loss history"))
        self._add(menu, self.tr("Save session &as…"), lambda: self.save_session(ask=True), QKeySequence.SaveAs)
        self._add(menu, self.tr("Export &weights…"), self.export_weights, None,
                  self.tr("The trained weights as .npz or .json (NumPy) or .onnx (ONNX runtimes, Netron)"))
        self._add(menu, self.tr("Export work&sheet…"), self.export_worksheet, None,
                  self.tr("A printable PDF exercise of one training step (the step-through's, else a new one), "
                          "with its answer key"))
        export = menu.addMenu(self.tr("E&xport"))
        self._add(export, self.tr("Training data as CSV…"), lambda: self.export_data("train"))
        self._add(export, self.tr("Test data as CSV…"), lambda: self.export_data("test"))
        self._add(export, self.tr("Loss history as CSV…"), self.export_history)
        export.addSeparator()
        for key, title in (("network", self.tr("Network view")), ("output", self.tr("Output view")),
                           ("hidden", self.tr("Hidden features view")), ("loss", self.tr("Loss view")),
                           ("arena", self.tr("Optimiser arena")), ("landscape", self.tr("Loss landscape")),
                           ("stepthrough", self.tr("Step-through formulas")), ("gallery", self.tr("Activation functions"))):
            self._add(export, self.tr("{0} as PNG or SVG…").format(title), lambda _=False, k=key: self.export_view(k))
        from .record import WindowRecorder, video_available
        self.recorder = WindowRecorder(window)
        self._add(menu, self.tr("&Record animation…"), self.recorder.ask, None,
                  self.tr("The current tab while it trains, or the step-through's phases, as an animated GIF "
                          "or MP4 for slides") + ("" if video_available() else
                                            self.tr(" (MP4 needs: pip install 'nnviz[video]')")))
        menu.addSeparator()
        self._update_recent()
        window.worker.saved.connect(self._on_saved)
        window.worker.opened.connect(self._on_opened)
        window.worker.traced.connect(self._on_traced)
        window.worker.diverged.connect(lambda _: setattr(self, "_sheet_path", None))   # no step, no sheet
        self._sheet_path = None           # a worksheet waiting for its recorded step

    def _add(self, menu, text, slot, shortcut=None, tip=""):
        act = QAction(text, self.w)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.setStatusTip(tip)
        act.triggered.connect(lambda _=False: slot())
        menu.addAction(act)
        return act

    # ------------------------------------------------------------------ open
    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self.w, self.tr("Open"), self._folder(),
                                              self.tr("nnviz files ({0})").format(" ".join(OPENABLE)))
        if path:
            self.open_path(path)

    def open_path(self, path):
        """Open ``path`` by its kind: session, weights file or CSV data."""
        lower = path.lower()
        if lower.endswith(".nnviz"):
            if self.may_discard():
                self.w.commands.open_session.emit(path)      # the current file once it opened (_on_opened)
        elif lower.endswith((".npz", ".json", ".onnx")):
            self.open_weights(path)
        elif lower.endswith(".csv"):
            self.import_csv(path)
        else:
            self.w.show_error(self.tr("{0}: nnviz opens .nnviz, .npz, .json, .onnx and .csv files").format(
                os.path.basename(path)))

    def open_weights(self, path):
        """Check a weights file (an .onnx MLP too); offer to adopt its architecture if it differs."""
        try:
            meta, arrays = read_weights(path)
        except WeightsError as e:
            self.w.show_error(explain(e))
            return
        s = self.w.settings
        snap = self.w.snapshot
        sizes, acts = list(meta["sizes"]), list(meta["activations"])
        current = (list(snap.sizes), [a for a in snap.activations[2:-1]], snap.activations[-1]) if snap else None
        if current != (sizes, acts, meta["output"]):
            answer = QMessageBox.question(
                self.w, self.tr("Another architecture"),
                self.tr("The file has layers {0} ({1}), the current network {2}. "
                        "Adopt the file's architecture?").format(
                    sizes, ", ".join(acts) or "-", current[0] if current else "-"))
            if answer != QMessageBox.Yes:
                return
            s = s.replace(hidden=tuple(sizes[1:-1]), activations=tuple(acts) or s.activations,
                          output=meta["output"], loss=meta["loss"], elu_alpha=meta["elu_alpha"])
        if not self.may_discard():
            return
        self.w.commands.load_weights.emit(s, meta, arrays)
        self._remember(path)

    def import_csv(self, path):
        from .csv_dialog import CsvImportDialog
        dialog = CsvImportDialog(path, self.w)
        if dialog.exec() and dialog.dataset() is not None and self.may_discard():
            settings = self.w.settings.replace(**dialog.settings_patch(), inputs=tuple(dialog.input_names()))
            self.w.controls.set_settings(settings)
            self.w.settings = settings
            self.w.commands.use_data.emit(dialog.dataset(), settings)
            if dialog.settings_patch().get("data_file"):
                self._remember(dialog.settings_patch()["data_file"])

    # ------------------------------------------------------------------ save
    def save_session(self, ask=False):
        """Save to the current file, or (none yet, or ``ask``) to a name the user chooses;
        returns that path or None. A path becomes the current file once its save worked."""
        path = self.session_path
        if ask or not path:
            path = self.save_name(self.tr("Save session"), "session.nnviz", self.tr("nnviz session (*.nnviz)"))
        if path:
            self.w.commands.save.emit(path, {"sample": self.w.snapshot.sample if self.w.snapshot else 0})
        return path or None

    def save_and_wait(self):
        """Save the session and wait for the worker (at most 30 s): True if it was saved."""
        self.w.worker.cancel()                     # a slice, Hessian or restarts stop: the save comes next
        loop = QEventLoop()
        self.w.worker.saved.connect(loop.quit)     # queued after _on_saved, which notes the result
        try:
            self._last_save = None
            path = self.save_session()
            if path:
                QTimer.singleShot(30000, loop.quit)
                loop.exec()
        finally:
            self.w.worker.saved.disconnect(loop.quit)
        return bool(path) and self._last_save == (path, "")

    def export_weights(self):
        filters = [self.tr("NumPy weights (*.npz)"), self.tr("JSON weights (*.json)")]
        filters.append(self.tr("ONNX model (*.onnx)") if onnx_available() else
                       self.tr("ONNX model (*.onnx) — needs: pip install 'nnviz[onnx]'"))
        path = self.save_name(self.tr("Export weights"), "weights.npz", ";;".join(filters))
        if not path:
            return
        if path.endswith(".onnx") and not onnx_available():
            self.w.show_error(self.tr("ONNX export needs the onnx package: pip install 'nnviz[onnx]'"))
            return
        self.w.commands.save.emit(path, None)

    @Slot(str, str)
    def _on_saved(self, path, error):
        self._last_save = (path, error)
        if error:
            self.w.show_error(error)
            return
        if path.endswith(".nnviz"):
            snap = self.w.snapshot
            self.session_path = path
            self.saved_marker = (snap.version, snap.step) if snap else None
        self._remember(path)
        self.w.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)

    @Slot(str, int, int)
    def _on_opened(self, path, version, step):
        self.session_path, self.saved_marker = path, (version, step)
        self._remember(path)

    def export_data(self, part):
        snap = self.w.snapshot
        if snap is None:
            return
        d = snap.data
        path, excel = self.save_csv_name(self.tr("Export data"), f"{d.name}_{part}.csv")
        if path:
            X, D = (d.X_train, d.d_train) if part == "train" else (d.X_test, d.d_test)
            self._guard(lambda: save_csv(path, X, D, d.input_names, d.target_names, d.classes, bom=excel))

    def export_history(self):
        snap = self.w.snapshot
        path, excel = self.save_csv_name(self.tr("Export loss history"), "loss.csv") if snap is not None else ("", False)
        if not path:
            return
        text = csv_text(snap.history)     # the very file `nnviz train --history` writes
        self._guard(lambda: atomic_write(path, lambda fh: fh.write(text.encode("utf-8-sig" if excel else "utf-8"))))

    def export_view(self, key):
        """Save the view ``key`` (one of :data:`VIEWS`) as PNG or SVG, shown first as it is saved."""
        view = self.reveal(key)
        path = self.save_name(self.tr("Export view"), f"{key}.png", self.tr("PNG image (*.png);;SVG image (*.svg)"))
        if path:
            self._guard(lambda: export_view(view, path))

    def reveal(self, key):
        """Bring the view ``key`` to the front (its tab; its dock shown and raised), laid out
        at its size in the window; returns it."""
        attribute, tab = VIEWS[key]
        self.w.tabs.setCurrentIndex(tab)
        if key in self.w.docks:
            self.w.docks[key].show()
            self.w.docks[key].raise_()
        QCoreApplication.processEvents()                 # laid out before it is painted
        return getattr(self.w, attribute)

    def export_worksheet(self):
        """The step-through's trace as a worksheet PDF; without one, a step is recorded first."""
        path = self.save_name(self.tr("Export worksheet"), "worksheet.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return
        trace = self.w.stepthrough.trace
        if trace is None:
            self._sheet_path = path
            self.w.commands.record_trace.emit(self.w.stepthrough.sample_spin.value())     # → _on_traced
        else:
            self._write_worksheet(trace, path)

    @Slot(object)
    def _on_traced(self, trace):
        path, self._sheet_path = self._sheet_path, None
        if path:
            self._write_worksheet(trace, path)

    def _write_worksheet(self, trace, path):
        from .worksheet import write_pdf
        self._guard(lambda: write_pdf(trace, path))

    def _guard(self, action):
        try:
            action()
        except (OSError, ValueError, DataError) as e:
            self.w.show_error(explain(e))
        else:
            self.w.statusBar().showMessage(self.tr("Exported"), 3000)

    # --------------------------------------------------------------- unsaved
    def unsaved(self):
        """True when training changed the weights since the last save or open."""
        snap = self.w.snapshot
        return bool(snap and snap.step > 0 and (snap.version, snap.step) != self.saved_marker)

    def may_discard(self):
        """Whether the run may be replaced (Quit; opening a session, weights, CSV data or a
        preset): nothing is unsaved, or the user discards it, or saves it and the save works."""
        if not self.unsaved():
            return True
        choice = self.ask_save()
        return choice == "discard" or (choice == "save" and self.save_and_wait())

    def ask_save(self):
        """'save', 'discard' or 'cancel' (tests replace this)."""
        box = QMessageBox(QMessageBox.Question, self.tr("Unsaved training"),
                          self.tr("The network has trained since it was last saved. Save the session?"),
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, self.w)
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(box.exec(), "cancel")

    # ---------------------------------------------------------------- recent
    def _remember(self, path):
        qs = self.w.qsettings
        recent = [p for p in (qs.value("recent") or []) if p != path]
        qs.setValue("recent", [path] + recent[: MAX_RECENT - 1])
        self._update_recent()

    def _update_recent(self):
        self.recent_menu.clear()
        recent = self.w.qsettings.value("recent") or []
        recent = [recent] if isinstance(recent, str) else recent
        for path in recent:
            act = self.recent_menu.addAction(os.path.basename(path))
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(recent))

    def _folder(self):
        recent = self.w.qsettings.value("recent") or []
        return os.path.dirname(recent[0]) if recent and isinstance(recent, list) else os.getcwd()

    def save_name(self, title, name, filters):
        """The file the user picks to save ``name`` as ('' if cancelled), with the extension
        of the chosen one of ``filters`` ("A (*.a);;B (*.b)") added when it has none."""
        return self._ask_save(title, name, filters, "")[0]

    def save_csv_name(self, title, name):
        """(path, for_excel): a CSV file to save, and whether the user chose "CSV for Excel"
        (UTF-8 with a BOM, which Excel needs to read anything but ASCII; nnviz reads both).
        The choice is remembered as the next dialog's default."""
        plain, excel = self.tr("CSV (*.csv)"), self.tr("CSV for Excel: UTF-8 with a BOM (*.csv)")
        qs = self.w.qsettings
        path, chosen = self._ask_save(title, name, f"{plain};;{excel}",
                                      excel if qs.value("csv_for_excel") in (True, "true") else plain)
        if path:
            qs.setValue("csv_for_excel", chosen == excel)
        return path, chosen == excel

    def _ask_save(self, title, name, filters, chosen):
        path, chosen = QFileDialog.getSaveFileName(self.w, title, os.path.join(self._folder(), name), filters,
                                                   chosen)
        if path and not os.path.splitext(path)[1]:
            path += chosen[chosen.rfind("*.") + 1: chosen.rfind(")")]
        return path, chosen


def export_view(view, path):
    """Save a view as PNG (at twice the screen's resolution) or SVG (vectors).

    What is saved is the view's ``export_source()`` when it has one, else the view: a
    pyqtgraph plot (its ``plot``), a graphics scene (its ``scene``), text documents (a
    tuple, one below the other, each whole however far it scrolls) or any other widget
    as it is laid out. The image is made in memory and written atomically: a failed
    write raises WeightsError and leaves any old file as it was."""
    width, height, draw = _picture(view)
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    svg = path.lower().endswith(".svg")
    if svg:
        from PySide6.QtSvg import QSvgGenerator
        target = QSvgGenerator()
        target.setOutputDevice(buffer)
        target.setSize(QSize(width, height))
        target.setViewBox(QRectF(0, 0, width, height))
    else:
        target = QImage(width * 2, height * 2, QImage.Format_ARGB32)
        target.fill(Qt.white)
    painter = QPainter(target)
    painter.setRenderHint(QPainter.Antialiasing)
    if not svg:
        painter.scale(2, 2)
    draw(painter)
    painter.end()
    if not svg and not target.save(buffer, "PNG"):
        raise OSError(f"{os.path.basename(path)}: could not make the image")
    atomic_write(path, lambda fh: fh.write(bytes(buffer.data())))


def _picture(view):
    """(width, height, draw): the size of what :func:`export_view` saves of ``view``, and
    ``draw(painter)``, which paints it from (0, 0) in that size."""
    source = view.export_source() if hasattr(view, "export_source") else None
    if isinstance(source, tuple):                      # text documents, one below the other
        docs = [d for d in source if not d.isEmpty()] or list(source[:1])

        def draw(painter):
            for doc in docs:
                doc.drawContents(painter)
                painter.translate(0, doc.size().height())
        return (int(max(d.size().width() for d in docs)) + 1,
                int(sum(d.size().height() for d in docs)) + 1, draw)
    plot = getattr(view, "plot", None)
    if source is None and (plot is not None or isinstance(getattr(view, "scene", None), QGraphicsScene)):
        if plot is not None:
            scene, rect = plot.scene(), plot.getPlotItem().sceneBoundingRect()
        else:
            scene = view.scene
            rect = scene.itemsBoundingRect().adjusted(-10, -10, 10, 10)
        width, height = int(rect.width()), int(rect.height())
        return width, height, lambda painter: scene.render(painter, QRectF(0, 0, width, height), rect)
    widget = source if source is not None else view     # as it is laid out, children and all
    widget.ensurePolished()
    return widget.width(), widget.height(), lambda painter: widget.render(painter, QPoint())
