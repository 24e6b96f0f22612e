"""The network's own loss surface (lecture §5, README's tour): a 2-D slice, the Hessian, restarts.

:class:`LandscapeView` only asks and shows. Its buttons emit requests; the window
runs the heavy maths in the training thread (:mod:`nnviz.training.explore`) and
hands the answers back to :meth:`~LandscapeView.show_slice`,
:meth:`~LandscapeView.show_hessian` and :meth:`~LandscapeView.show_restarts`
(or :meth:`~LandscapeView.show_error`, :meth:`~LandscapeView.show_cancelled`): one
answer per request, in order. Cancel drops the answer of the request it cancels,
whatever it is, so a cancelled result never replaces a picture; results computed on
an earlier network (:meth:`~LandscapeView.set_version`) are cleared.

The heatmap-with-contours drawing (:class:`~nnviz.gui.plots.ContourMap`) is shared with the
optimiser arena and lives in :mod:`nnviz.gui.plots`.
"""
from __future__ import annotations


import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QProgressBar, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ..core.notation import layer
from .colors import CLASS_COLORS, LUT, NEG, POS, class_color, lut_index, qcolor
from .plots import ContourMap, log_axis, make_plot
from .widgets import ERROR_STYLE, NOTE_STYLE

__all__ = ["LandscapeView", "sub_w"]

UNCONVERGED = (160, 160, 160)
MAX_PICTURES = 6         # solutions drawn as pictures (the rest are counted)
PICTURE_PX = 56          # side of a solution's picture on screen


def picture_rgb(picture, kind, vmax=1.0):
    """RGB (G, G, 3) uint8 of a restart's output over the input plane, picture (G, G) with row 0
    at the bottom (drawn top-down): the class colours for "multiclass" (class numbers), the
    diverging map around y = 0.5 for "binary", around 0 on ±``vmax`` otherwise (NaN grey)."""
    pic = np.asarray(picture, dtype=float)[::-1]
    if kind == "multiclass":
        k = np.nan_to_num(pic, nan=0).astype(int) % len(CLASS_COLORS)
        rgb = np.array(CLASS_COLORS, dtype=np.uint8)[k]
    else:
        rgb = LUT[lut_index(pic - 0.5 if kind == "binary" else pic, 0.5 if kind == "binary" else vmax)]
    rgb[np.isnan(pic)] = UNCONVERGED
    return np.ascontiguousarray(rgb)


def pixmap(rgb, size):
    """A ``size`` × ``size`` QPixmap of an RGB image (G, G, 3) uint8."""
    h, w = rgb.shape[:2]
    image = QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()
    return QPixmap.fromImage(image).scaled(size, size, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)


def _fmt(v):
    """``v`` to three significant digits with a true minus sign, never "−0"."""
    return f"{v + 0.0:.3g}".replace("-", "−")


def sub_w(l, j, i):
    """Plain-text w_ji^(l) for the array indices (l, j, i) (units numbered from 1)."""
    ji = f"{j + 1}{i + 1}" if j < 9 and i < 9 else f"{j + 1},{i + 1}"
    return layer("w", l, ji)


def _spin(cls, lo, hi, value, tip, step=1, decimals=None):
    box = cls()
    box.setRange(lo, hi)
    box.setSingleStep(step)
    if decimals is not None:
        box.setDecimals(decimals)
    box.setValue(value)
    box.setToolTip(tip)
    return box


def _note(style=NOTE_STYLE):
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class LandscapeView(QWidget):
    """The training loss of the network on a plane through its weights, its Hessian, and restarts.

    Signals
    -------
    slice_requested(dict)
        {"kind": "weights" | "random" | "pca", "picks": ((l, j, i), (l, j, i)) or None,
        "grid": int, "range": float, "seed": int}
    cancel_requested()
        stop the request that runs (its answer will not be shown)
    hessian_requested()
    restarts_requested(K, steps)
    """

    slice_requested = Signal(object)
    cancel_requested = Signal()
    hessian_requested = Signal()
    restarts_requested = Signal(int, int)

    KINDS = ("weights", "random", "pca")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.picks, self.busy = [], False
        self._asked = None                       # the request shown next by show_slice
        self._drop = 0                           # answers still to come for cancelled requests
        self.shown = {}                          # "slice", "hessian", "restarts": version shown
        self._slice_note = ""                    # what the status says about the slice shown
        layout = QVBoxLayout(self)            # the slice on top, Hessian and restarts below it
        layout.addLayout(self._build_slice(), 3)
        below = QHBoxLayout()
        below.addWidget(self._build_hessian(), 1)
        below.addWidget(self._build_restarts(), 1)
        layout.addLayout(below, 2)
        self._on_kind()
        self.set_busy(False)

    def export_source(self):
        """What File → Export saves: the whole view, the slice with its Hessian and restarts."""
        return self

    # ------------------------------------------------------------ building
    def _build_slice(self):
        self.kind = QComboBox()
        for key, text in zip(self.KINDS, (self.tr("two weights you pick"),
                                          self.tr("two random filter-normalised directions (Li et al. 2018)"),
                                          self.tr("principal directions of the trajectory"))):
            self.kind.addItem(text, key)
        self.kind.setToolTip(self.tr("The plane through the current weights w on which the loss L is drawn: "
                                     "L(w + α d₁ + β d₂) for the directions d₁, d₂."))
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.grid = _spin(QSpinBox, 21, 201, 51, self.tr("Grid points per axis; the loss is computed "
                                                         "grid² times, with the training data"), step=10)
        self.span = _spin(QDoubleSpinBox, 0.05, 20.0, 1.0, self.tr("How far the plane reaches: α and β run "
                                                                   "from −range to +range"), 0.25, 2)
        self.span.setPrefix("± ")
        self.seed = _spin(QSpinBox, 0, 99999, 0, self.tr("Seed of the random directions"))
        self.compute = QPushButton(self.tr("Compute"))
        self.compute.setToolTip(self.tr("Compute the loss over the plane in the training thread"))
        self.compute.clicked.connect(self.request_slice)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(self._on_cancel)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMaximumWidth(160)
        self.kind.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(18)            # long choices elide instead of widening
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Directions:")))
        row.addWidget(self.kind, 1)          # the row to itself: its long choices in full at 200 %
        row2 = QHBoxLayout()
        for w in (QLabel(self.tr("grid")), self.grid, QLabel(self.tr("range")), self.span, QLabel(self.tr("seed")), self.seed):
            row2.addWidget(w)
        self.picks_label = _note()
        row2.addWidget(self.picks_label, 1)
        for w in (self.compute, self.cancel, self.progress):
            row2.addWidget(w)
        self.plot = make_plot(self)
        self.plot.setMouseEnabled(False, False)
        self.map = ContourMap(self.plot, n_lines=12)
        self.path = pg.PlotDataItem(pen=pg.mkPen(30, 30, 30, 220, width=2))
        self.path_start = pg.ScatterPlotItem(size=10, symbol="o", pen=pg.mkPen(30, 30, 30, width=2),
                                             brush=pg.mkBrush(255, 255, 255))
        self.center = pg.ScatterPlotItem(size=18, symbol="star", pen=pg.mkPen(30, 30, 30, width=1.2),
                                         brush=pg.mkBrush(*NEG))
        for z, item in enumerate((self.path, self.path_start, self.center)):
            item.setZValue(10 + z)
            self.plot.addItem(item)
        self.status = _note()
        col = QVBoxLayout()
        col.addLayout(row)
        col.addLayout(row2)
        col.addWidget(self.plot, 1)
        col.addWidget(self.status)
        return col

    def _build_hessian(self):
        box = QGroupBox(self.tr("Hessian at the current weights"))
        self.hessian_button = QPushButton(self.tr("Compute Hessian"))
        self.hessian_button.setToolTip(self.tr("∇²L, the matrix of second derivatives ∂²L/∂w∂w'. Its "
                                               "eigenvalues are the curvatures along its eigenvectors: "
                                               "all positive at a minimum, some negative at a saddle point."))
        self.hessian_button.clicked.connect(self._on_hessian)
        self.hessian_plot = make_plot(box)
        self.hessian_plot.setMouseEnabled(False, False)
        self.hessian_plot.setLabel("bottom", self.tr("eigenvalue (sorted)"))
        self.hessian_plot.setLabel("left", "λ")
        self.hessian_plot.addItem(pg.InfiniteLine(0.0, angle=0, pen=pg.mkPen(90, 90, 90, width=1)))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, pen=None)
        self.hessian_plot.addItem(self.bars)
        self.hessian_text = _note()
        self.grad_label = QLabel()
        self.grad_label.setToolTip(self.tr("The length of the gradient of the training loss at the current "
                                           "weights. Only where it is (almost) zero is the point a critical "
                                           "point, which the eigenvalues then call a minimum or a saddle."))
        top = QHBoxLayout()
        top.addWidget(self.hessian_button)
        top.addWidget(self.grad_label, 1)
        lay = QVBoxLayout(box)
        lay.addLayout(top)
        lay.addWidget(self.hessian_plot, 1)
        lay.addWidget(self.hessian_text)
        return box

    def _build_restarts(self):
        box = QGroupBox(self.tr("Restarts from other initial weights"))
        self.restarts_k = _spin(QSpinBox, 2, 50, 10, self.tr("K: how many networks to train, each from "
                                                             "its own random initial weights w⁰"))
        self.restarts_steps = _spin(QSpinBox, 10, 100000, 2000, self.tr(
            "The most training steps per run; a run stops sooner once it has converged (‖∇L‖ ≤ 10⁻³, "
            "or with minibatches the loss has stopped falling)"), step=500)
        self.restarts_button = QPushButton(self.tr("Run restarts"))
        self.restarts_button.setToolTip(self.tr("Train K networks with the current settings from seeds "
                                                "seed … seed + K − 1, each until it converges, and compare "
                                                "the solutions they find"))
        self.restarts_button.clicked.connect(self._on_restarts)
        self.restarts_plot = make_plot(box)
        self.restarts_plot.setMouseEnabled(False, False)
        log_axis(self.restarts_plot)
        self.restarts_plot.setLabel("bottom", self.tr("seed"))
        self.restarts_plot.setLabel("left", self.tr("final loss"))
        self.restarts_plot.showGrid(x=False, y=True, alpha=0.2)
        self.finals = pg.ScatterPlotItem(size=9, symbol="o")
        self.restarts_plot.addItem(self.finals)
        self.restarts_text = _note()
        self.pictures = []                  # (picture QLabel, caption QLabel) per solution shown
        self.solutions = QHBoxLayout()
        for _ in range(MAX_PICTURES):
            cell, image, caption = QVBoxLayout(), QLabel(), _note()
            image.setFixedSize(PICTURE_PX, PICTURE_PX)
            caption.setWordWrap(False)
            cell.addWidget(image, 0, Qt.AlignHCenter)
            cell.addWidget(caption, 0, Qt.AlignHCenter)
            self.solutions.addLayout(cell)
            self.pictures.append((image, caption))
        self.solutions.addStretch(1)
        self._hide_pictures()
        grid = QGridLayout()
        for c, w in enumerate((QLabel("K"), self.restarts_k, QLabel(self.tr("steps")),
                               self.restarts_steps, self.restarts_button)):
            grid.addWidget(w, 0, c)
        grid.setColumnStretch(5, 1)
        lay = QVBoxLayout(box)
        lay.addLayout(grid)
        lay.addWidget(self.restarts_plot, 1)
        lay.addLayout(self.solutions)
        lay.addWidget(self.restarts_text)
        return box

    def _hide_pictures(self):
        for image, caption in self.pictures:
            image.clear()
            image.setToolTip("")
            caption.setText("")
            image.setVisible(False)
            caption.setVisible(False)

    # ------------------------------------------------------------ requests
    def add_pick(self, l, j, i):
        """Pick weight w_ji^(l) (array indices, ``W[l][j, i]``); the last two picks are kept."""
        key = (int(l), int(j), int(i))
        if not self.picks or self.picks[-1] != key:
            self.picks = (self.picks + [key])[-2:]
        self._on_kind()

    def request_slice(self):
        """Emit :attr:`slice_requested` for the controls' settings (or say what is missing)."""
        kind = self.kind.currentData()
        if kind == "weights" and len(self.picks) < 2:
            self._say_error(self.tr("Pick two weights first: click two edges in the network diagram."))
            return None
        request = {"kind": kind, "picks": tuple(self.picks) if kind == "weights" else None,
                   "grid": self.grid.value(), "range": self.span.value(), "seed": self.seed.value()}
        self._asked = request
        self.set_busy(True, self.tr("Computing the loss on {0} × {0} points…").format(request["grid"]))
        self.slice_requested.emit(request)
        return request


    def set_busy(self, on, text="", progress_format="%p%"):
        """Show that a request is running (Cancel enabled, ``text`` in the status line) or
        that none is (the status line tells about the slice shown again)."""
        self.busy = on
        self.cancel.setEnabled(on)
        for b in (self.compute, self.hessian_button, self.restarts_button):
            b.setEnabled(not on)
        self.status.setStyleSheet(NOTE_STYLE)
        self.status.setText(text if on else self._slice_note)
        if on:
            self.progress.setRange(0, 0)                   # busy until the first progress report
        else:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        self.progress.setFormat(progress_format if on else "")

    def show_progress(self, done, total):
        """``done`` of ``total`` (grid points, Hessian columns, restart runs) are done."""
        if self.busy and not self._drop:           # not the progress of a cancelled request
            self.progress.setRange(0, max(int(total), 1))
            self.progress.setValue(int(done))

    def _answered(self):
        """An answer arrived: False when it answers a cancelled request (drop it)."""
        if self._drop:
            self._drop -= 1
            return False
        self.set_busy(False)
        return True

    def show_error(self, msg):
        """Say in red why a request failed; the last picture stays."""
        if self._answered():
            self._say_error(msg)

    def show_cancelled(self):
        """The worker stopped a request that was not cancelled here (e.g. by the window)."""
        if self._answered():
            self.status.setText(self.tr("Cancelled."))

    def _say_error(self, msg):
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(str(msg))

    def set_version(self, version):
        """The network or its data are now ``version`` (Snapshot.version): results computed
        on an earlier one are cleared."""
        self.clear_results([k for k, v in self.shown.items() if v is not None and v < version])

    def clear_results(self, parts=("slice", "hessian", "restarts")):
        """Remove the results ``parts`` (all by default) and say why."""
        parts = [p for p in parts if p in self.shown]
        if not parts:
            return
        for part in parts:
            del self.shown[part]
        if "slice" in parts:
            self.map.image.clear()
            self.map.data = None
            self.map.lines.set_data(np.zeros((0, 0)), [])
            for item in (self.path, self.path_start, self.center):
                item.setData([], [])
            self._slice_note = ""
        if "hessian" in parts:
            self.bars.setOpts(x=[], height=[], brushes=[])
            self.hessian_text.setText("")
            self.grad_label.setText("")
        if "restarts" in parts:
            self.finals.setData([], [])
            self.restarts_text.setText("")
            self._hide_pictures()
        if not self.busy:
            self.status.setStyleSheet(NOTE_STYLE)
            self.status.setText(self.tr("The network or the data changed: the results computed "
                                        "before were cleared."))

    def _on_kind(self, *_):
        kind = self.kind.currentData()
        self.seed.setEnabled(kind == "random")
        if kind == "weights":
            picked = ", ".join(sub_w(*p) for p in self.picks) or self.tr("none yet")
            self.picks_label.setText(self.tr("Picked: {0} — click edges in the network diagram to pick "
                                             "two weights.").format(picked))
        elif kind == "random":
            self.picks_label.setText(self.tr("Each unit's random direction is scaled to the size of its "
                                             "weights (filter normalisation), so the picture is fair."))
        else:
            self.picks_label.setText(self.tr("The two directions along which the weights moved most "
                                             "during training (needs a training run first)."))

    def _on_cancel(self):
        if not self.busy:
            return
        self._drop += 1                          # its answer, whichever it is, is not shown
        self.set_busy(False)
        self.status.setText(self.tr("Cancelled."))
        self.cancel_requested.emit()

    def _on_hessian(self):
        self.set_busy(True, self.tr("Computing the Hessian…"))
        self.hessian_requested.emit()

    def _on_restarts(self):
        k = self.restarts_k.value()
        self.set_busy(True, self.tr("Training {0} networks…").format(k), self.tr("%v of %m runs"))
        self.restarts_requested.emit(k, self.restarts_steps.value())

    # ------------------------------------------------------------ answers
    def _axis_names(self, kind, picks):
        if kind == "weights" and picks:
            return tuple(self.tr("α: change of {0}").format(sub_w(*p)) if k == 0 else
                         self.tr("β: change of {0}").format(sub_w(*p)) for k, p in enumerate(picks))
        if kind == "pca":
            return self.tr("α (1st principal direction)"), self.tr("β (2nd principal direction)")
        return self.tr("α (random direction d₁)"), self.tr("β (random direction d₂)")

    def show_slice(self, result, version=None):
        """Draw a slice: ``result`` has alphas (A,), betas (B,), loss (B, A) with rows β,
        trajectory (T, 2) or None, center_loss (float); optionally kind and picks.
        ``version``: of the network it was computed on."""
        if not self._answered():
            return
        self.shown["slice"] = version
        a, b = np.asarray(result["alphas"], float), np.asarray(result["betas"], float)
        loss = np.asarray(result["loss"], float)
        extent = (a[0], a[-1], b[0], b[-1])
        self.map.show(loss, extent)
        self.plot.setRange(xRange=extent[:2], yRange=extent[2:], padding=0)
        asked = self._asked or {}
        kind = result.get("kind", asked.get("kind", self.kind.currentData()))
        names = self._axis_names(kind, result.get("picks", asked.get("picks")))
        self.plot.setLabel("bottom", names[0])
        self.plot.setLabel("left", names[1])
        path = result.get("trajectory")
        if path is None or len(path) == 0:
            self.path.setData([], [])
            self.path_start.setData([], [])
        else:
            path = np.asarray(path, float)
            self.path.setData(path[:, 0], path[:, 1])
            self.path_start.setData(path[:1, 0], path[:1, 1])
        self.center.setData([0.0], [0.0])
        self._slice_note = self.tr("★ the current weights (L = {0:.4g}); ○— the training path "
                                   "projected onto the plane; lines: contours of L{1}.").format(
            float(result.get("center_loss", np.nan)),
            self.tr(", log-spaced") if self.map.log else "")
        self.status.setText(self._slice_note)

    def show_hessian(self, result, version=None):
        """Plot the sorted spectrum of ∇²L, give ‖∇L‖, and name the point only where it is a
        critical point. ``result``: a dict from :func:`nnviz.training.explore.hessian_at`
        (eigenvalues (P,), label, n_negative, grad_norm, tol, critical)."""
        if not self._answered():
            return
        self.shown["hessian"] = version
        lam = np.sort(np.asarray(result["eigenvalues"], float))
        tol = 1e-6 * (np.abs(lam).max() if lam.size else 0.0) + 1e-12
        brushes = [pg.mkBrush(qcolor(NEG) if v < -tol else qcolor(POS) if v > tol else "#999")
                   for v in lam]
        x = np.arange(1, lam.size + 1)
        self.bars.setOpts(x=x, height=lam, brushes=brushes, width=0.8)
        if lam.size:
            pad = 0.05 * (max(lam.max(), 0) - min(lam.min(), 0) or 1.0)
            self.hessian_plot.setRange(xRange=(0.4, lam.size + 0.6),
                                       yRange=(min(lam.min(), 0) - pad, max(lam.max(), 0) + pad), padding=0)
        n_negative, g, gtol = int(result["n_negative"]), float(result["grad_norm"]), float(result["tol"])
        critical = bool(result["critical"])
        self.grad_label.setText(self.tr("‖∇L‖ = {0} {1} {2}").format(_fmt(g), "≤" if critical else ">",
                                                                    _fmt(gtol)))
        self.grad_label.setStyleSheet(NOTE_STYLE if critical else ERROR_STYLE)
        count = self.tr("{0} negative eigenvalues of {1}").format(n_negative, lam.size)
        if not critical:
            self.hessian_text.setText(self.tr(
                "Not a critical point: the loss still falls along −∇L (‖∇L‖ = {0}), so the curvature "
                "({1}) does not make it a minimum or a saddle. Train on and compute again.").format(
                _fmt(g), count))
            return
        words = {"minimum": self.tr("a minimum: the loss rises in every direction"),
                 "saddle": self.tr("a saddle point: the loss still falls along {0} directions").format(
                     n_negative),
                 "maximum": self.tr("a maximum: the loss falls in every direction"),
                 "flat": self.tr("flat: some directions have (almost) zero curvature")}
        self.hessian_text.setText(self.tr("‖∇L‖ ≈ 0 and {0} — {1}.").format(
            count, words.get(result["label"], result["label"])))

    def show_restarts(self, result, version=None):
        """Plot each run's final loss against its seed, coloured by the solution it found (grey:
        not converged), draw each solution's output over the input plane, and say how many
        distinct solutions the converged runs found. ``result``: a dict from
        :func:`nnviz.training.explore.restarts`."""
        if not self._answered():
            return
        self.shown["restarts"] = version
        final, seeds = np.asarray(result["final_loss"], float), np.asarray(result["seeds"], float)
        solution, status = np.asarray(result["solution"], int), list(result["status"])
        ok = np.isfinite(final)
        log = bool(ok.any() and (final[ok] > 0).all() and final[ok].max() > 10 * final[ok].min())
        self.restarts_plot.setLogMode(y=log)
        brushes = [pg.mkBrush(class_color(k) if k >= 0 else qcolor(UNCONVERGED, 120)) for k in solution[ok]]
        pens = [pg.mkPen("w") if k >= 0 else pg.mkPen(90, 90, 90) for k in solution[ok]]
        y = np.log10(final[ok]) if log else final[ok]
        self.finals.setData(x=seeds[ok], y=y, brush=brushes, pen=pens)
        self.restarts_plot.enableAutoRange()
        k, n_conv, n_distinct = final.size, int(result["n_converged"]), int(result["n_distinct"])
        self._show_pictures(result, final, solution)
        if not n_conv:
            text = self.tr("None of the {0} runs converged within {1} steps: the loss was still falling, "
                           "so they say nothing about minima yet. Allow more steps.").format(
                k, int(np.max(result["steps"], initial=0)))
        elif n_distinct == 1:
            text = self.tr("{0} of {1} runs converged, all to the same solution (the same outputs on the "
                           "data).").format(n_conv, k)
        else:
            text = self.tr("{0} of {1} runs converged, to {2} distinct solutions (different outputs on the "
                           "data): the solution found depends on the initial weights (lecture §5).").format(
                n_conv, k, n_distinct)
        unconverged = status.count("not converged")
        if n_conv and unconverged:
            text += " " + self.tr("Not converged (grey): {0}.").format(unconverged)
        if (~ok).any():
            text += " " + self.tr("Diverged: {0} of {1} runs.").format(int((~ok).sum()), k)
        self.restarts_text.setText(text)

    def _show_pictures(self, result, final, solution):
        """One small picture per solution (its first run's output over the input plane)."""
        self._hide_pictures()
        pictures = result.get("pictures")
        if pictures is None:
            return
        pictures = np.asarray(pictures, float)
        vmax = float(np.nanmax(np.abs(pictures))) if np.isfinite(pictures).any() else 1.0
        for n, (image, caption) in zip(range(int(result["n_distinct"])), self.pictures):
            runs = np.flatnonzero(solution == n)
            image.setPixmap(pixmap(picture_rgb(pictures[runs[0]], result.get("kind"), vmax), PICTURE_PX))
            image.setStyleSheet(f"border: 3px solid {class_color(n).name()};")
            image.setToolTip(self.tr("Solution {0}: the output of seed {1} over the input plane").format(
                n + 1, int(result["seeds"][runs[0]])))
            caption.setText(self.tr("×{0}, L = {1}").format(len(runs), _fmt(final[runs].min())))
            image.setVisible(True)
            caption.setVisible(True)
