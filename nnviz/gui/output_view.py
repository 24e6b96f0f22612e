"""What the network computes over its input space, drawn under the data (TensorFlow Playground style).

2-D inputs: the output y = z^(L) over the input plane as a heatmap (``Snapshot.grid_z[L]``):
binary, the probability y of class 1 on the diverging map with 0.5 at its white middle and
the decision boundary y = 0.5 as a line; multiclass, the colour of the most probable class,
paler where that probability is low; regression, the value y on fixed symmetric levels.
1-D inputs: the fitted curve y(x) (``Snapshot.curve_x``, ``curve_y``) over the data points.

Training points are filled circles, test points diamonds with a dark outline; a ring marks
the selected sample, and clicking near a training point emits its index.

Drawing your own data (2-D inputs, and 1-D regression): with "Draw" on, a click adds a
training point of the chosen class (or value; for 1-D regression the click's height is the
value), "Erase" removes the nearest point, "Clear" all of them. Each edit shows at once and
builds a new Dataset ("drawn"), emitted once per burst of clicks as :attr:`OutputView.data_drawn`.
The point styling (:class:`~nnviz.gui.plots.PointLayer`) is shared with the hidden view.
"""
from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGraphicsItem, QHBoxLayout, QLabel,
                               QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from ..core.datasets import Dataset
from ..training.snapshot import plot_extent
from .colors import CLASS_COLORS, LUT, MID, POS, lut_index
from .plots import ContourLines, PointLayer, make_plot, point_legend, pretty_name, value_max

__all__ = ["OutputView"]

HEAT_ALPHA = 170         # heatmap opacity over the white plot, so the points stand out
CLICK_RADIUS_PX = 8      # a click this close (in pixels) to a training point selects it
ERASE_RADIUS_PX = 10     # an eraser click this close (in pixels) to a point removes it
DRAW_DEBOUNCE_MS = 300   # a burst of drawing clicks emits data_drawn once
#: The drawing row's buttons: a checked tool stands out in the positive colour.
TOOL_STYLE = """QToolButton { border: 1px solid palette(mid); border-radius: 4px; padding: 3px 9px;
                              background: palette(button); }
                QToolButton:hover { border-color: palette(dark); }
                QToolButton:checked { background: rgb(220, 235, 247); border-color: rgb%s;
                                      color: rgb(5, 80, 127); }
                QToolButton:disabled { color: palette(mid); }""" % (POS,)


def axis_label(name):
    """A column name as an axis label: :func:`pretty_name`, shown as text (pyqtgraph reads HTML)."""
    return html.escape(pretty_name(name), quote=False)


class OutputView(QWidget):
    """The network output over the input plane (or line), with the data points.

    Signals
    -------
    sample_clicked(int)
        The index n into X_train of the training point the user clicked (draw mode off).
    data_drawn(Dataset)
        The data after the user drew or erased points: name "drawn", the same task, names
        and classes, at least one training row; once per burst of clicks (debounced).

    Call :meth:`set_data` with a Dataset when the data change, :meth:`show_snapshot`
    with each new Snapshot (only existing items are updated).
    """

    sample_clicked = Signal(int)
    data_drawn = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dataset, self._snap, self._version, self._extent = None, None, -1, ()
        self._train_xy = np.empty((0, 2))
        self.plot = make_plot(self)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.boundary = ContourLines(pg.mkPen(60, 60, 60, 200, width=1.5), parent=self.image)
        self.curve = pg.PlotDataItem(pen=pg.mkPen(*POS, width=3))
        self.curve.setZValue(20)
        self.plot.addItem(self.image)
        self.plot.addItem(self.curve)
        self.points = PointLayer(self.plot)
        # The points lie on an image that changes every frame: cached as pixmaps, they are
        # blitted instead of drawn point by point.
        for item in (self.points.train, self.points.test, self.points.ring):
            item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.plot.setToolTip(self.tr("Click a training point to select that sample n."))

        self.show_test = QCheckBox(self.tr("Show test data"))
        self.show_test.setChecked(True)
        self.show_test.setToolTip(self.tr("Show the held-out test data (diamonds); the network never "
                                          "trains on them, so they show how well it generalises."))
        self.discretize = QCheckBox(self.tr("Discretize output"))
        self.discretize.setToolTip(self.tr("Colour each point of the plane by the decided class "
                                           "(y > 0.5, or the largest softmax output) instead of by y."))
        self.output_choice = QComboBox()           # several outputs: the one drawn
        self.output_choice.setToolTip(self.tr("The network has several outputs; the plot shows this one "
                                              "and its targets."))
        self.output_choice.currentIndexChanged.connect(self._on_output)
        self.output_label = QLabel(self.tr("Output shown:"))
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.RichText)
        self.show_test.toggled.connect(self.points.test.setVisible)
        self.discretize.toggled.connect(self._redraw)

        boxes = QHBoxLayout()
        boxes.addWidget(self.show_test)
        boxes.addWidget(self.discretize)
        boxes.addStretch(1)
        boxes.addWidget(self.output_label)
        boxes.addWidget(self.output_choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._build_draw_tools())
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        layout.addLayout(boxes)

    def _build_draw_tools(self):
        """The drawing row: Draw, the class (or value) to draw, Erase, Clear, a status line."""
        self._pending = self._emitted = None
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(DRAW_DEBOUNCE_MS)
        self._draw_timer.timeout.connect(self._emit_drawn)

        def button(text, tip, checkable):
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.setCheckable(checkable)
            b.setToolButtonStyle(Qt.ToolButtonTextOnly)
            b.setStyleSheet(TOOL_STYLE)
            return b

        self.draw_button = button(self.tr("Draw data"), self.tr("Draw your own data: each click on the plot adds a "
                                                                "training point of the chosen class."), True)
        self.erase_button = button(self.tr("Erase"), self.tr("Click a point to remove it."), True)
        self.clear_button = button(self.tr("Clear"), self.tr("Remove all points, training and test."), False)
        self.draw_class = QComboBox()
        self.draw_class.setToolTip(self.tr("The class of the points you draw."))
        self.draw_value = QDoubleSpinBox()
        self.draw_value.setRange(-9999.99, 9999.99)
        self.draw_value.setDecimals(2)
        self.draw_value.setSingleStep(0.1)
        self.draw_value.setPrefix(self.tr("d = "))
        self.draw_value.setToolTip(self.tr("The target value d of the points you draw."))
        self.draw_value.setMaximumWidth(110)
        self.draw_value.valueChanged.connect(self._on_draw_value)
        self.draw_swatch = QLabel()
        self.draw_status = _ElidedLabel()
        self.draw_status.setStyleSheet("color: #606060;")
        self.draw_button.toggled.connect(self._on_draw_mode)
        self.erase_button.toggled.connect(self._on_erase_mode)
        self.draw_class.currentIndexChanged.connect(lambda _: self._draw_hint())
        self.clear_button.clicked.connect(self._clear_points)
        self.draw_row = QWidget()
        row = QHBoxLayout(self.draw_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        tools = (self.draw_button, self.draw_class, self.draw_swatch, self.draw_value, self.erase_button,
                 self.clear_button)
        for w in tools:
            row.addWidget(w)
        row.addWidget(self.draw_status, 1)
        # As tall with the tools hidden as shown, so switching Draw never moves the plot.
        self.draw_row.setFixedHeight(max(w.sizeHint().height() for w in tools))
        self._on_draw_mode(False)
        return self.draw_row

    # ---------------------------------------------------------------- data
    def set_data(self, dataset):
        """Show a new data set: raw inputs X (N, 1 or 2) and targets d (N, K)."""
        echo = dataset is self._emitted and self._pending is not None
        if not echo:                                 # new data: edits of the old ones are void
            self._draw_timer.stop()
            self._pending = None
        self._set_draw_choices(dataset)
        self._set_outputs(dataset)
        self.dataset, self._snap = dataset, None
        one_d = dataset.n_inputs == 1
        self.image.setVisible(dataset.n_inputs == 2)
        self.boundary.setVisible(dataset.n_inputs == 2 and dataset.task == "binary")
        self.curve.setVisible(one_d)
        self.curve.setData([], [])
        self.image.clear()                          # the old network's picture until a snapshot comes
        self.boundary.set_data(None)
        self.discretize.setEnabled(not one_d)
        train, test = self._xy(dataset)
        self._train_xy = train
        self.points.set_dataset(dataset, by_value=not one_d, output=self._output)
        self.points.set_positions(train, test)
        names = [axis_label(n) for n in dataset.input_names[:2]]
        self.plot.setLabel("bottom", names[0])
        self.plot.setLabel("left", axis_label(dataset.target_names[self._output]) if one_d else names[1])
        both = np.concatenate([train, test])
        self._extent = plot_extent(both) if len(both) else (-6.0, 6.0, -6.0, 6.0)   # (x0, x1, y0, y1)
        self.plot.setRange(xRange=self._extent[:2], yRange=self._extent[2:], padding=0)
        self.caption.setText(self._caption_text())
        if echo:                                     # an earlier drawing came back; newer edits wait
            self._show_points(self._pending)

    def _set_outputs(self, dataset):
        """The output choice: shown for a regression of several outputs, kept when the names stay."""
        names = list(dataset.target_names) if dataset.task == "regression" else []
        old = [self.output_choice.itemText(i) for i in range(self.output_choice.count())]
        if names != old:
            with QSignalBlocker(self.output_choice):
                self.output_choice.clear()
                self.output_choice.addItems(names)
        for w in (self.output_choice, self.output_label):
            w.setVisible(len(names) > 1)

    @property
    def _output(self):
        """The index k of the output drawn (0 unless the data have several)."""
        return max(self.output_choice.currentIndex(), 0) if self.output_choice.count() > 1 else 0

    def _on_output(self, _):
        """Another output chosen: its targets, label and caption, then the same snapshot again."""
        snap = self._snap
        if self.dataset is not None:               # (drawing is off: several outputs cannot be drawn)
            self.set_data(self.dataset)
        if snap is not None:
            self.show_snapshot(snap)

    def _xy(self, dataset):
        """Plot positions of the training and test points: (x1, x2), or (x, d_k) for 1-D inputs."""
        if dataset.n_inputs == 1:
            k = self._output
            return (np.column_stack([dataset.X_train[:, 0], dataset.d_train[:, k]]),
                    np.column_stack([dataset.X_test[:, 0], dataset.d_test[:, k]]))
        return dataset.X_train[:, :2], dataset.X_test[:, :2]

    def _show_points(self, dataset):
        """Show the points of an edited data set now; the plot range and picture stay."""
        self.dataset = dataset
        train, test = self._xy(dataset)
        self._train_xy = train
        self.points.set_dataset(dataset, by_value=dataset.n_inputs == 2, output=self._output)
        self.points.set_positions(train, test, self._snap.sample if self._snap is not None else None)

    def _caption_text(self):
        ds = self.dataset
        if ds.n_inputs > 2:
            text = self.tr("The data have {0} inputs: the points show the first two, x₁ and x₂; the "
                           "output over the input plane needs 1 or 2 inputs").format(ds.n_inputs)
        elif ds.task == "binary":
            c1 = (ds.classes + ("0", "1"))[1]
            text = self.tr("Background: the output y = P(class {0} | x), white at y = 0.5; "
                           "line: the decision boundary y = 0.5").format(c1)
        elif ds.task == "multiclass":
            text = self.tr("Background: the class k with the largest output y<sub>k</sub>, "
                           "paler where y<sub>k</sub> is small")
        elif ds.n_inputs == 2:
            text = self.tr("Background: the output y on the same colours as the targets")
        else:
            text = self.tr("Blue line: the network output y(x); points: the data (x, d)")
        if ds.task == "regression" and ds.n_outputs > 1:
            text += "<br>" + self.tr("Output shown: {0} ({1} of {2} outputs)").format(
                pretty_name(ds.target_names[self._output]), self._output + 1, ds.n_outputs)
        return f"{text}<br>{point_legend(ds, by_value=ds.n_inputs == 2, output=self._output)}"

    # ------------------------------------------------------------ snapshots
    def show_snapshot(self, snap):
        """Draw a Snapshot: heatmap or curve, and the selected-sample ring. Older versions are dropped."""
        if self.dataset is None or snap.version < self._version:
            return
        two_d = self.dataset.n_inputs == 2
        if two_d != bool(snap.grid_z) or (not two_d and snap.curve_x is None):
            return                                   # a snapshot of other data, in flight
        self._version, self._snap = snap.version, snap
        if tuple(snap.extent[:2 * self.dataset.n_inputs]) != self._extent[:2 * self.dataset.n_inputs]:
            self._extent = tuple(snap.extent[:2]) + tuple(snap.extent[2:] or self._extent[2:])
            self.plot.setRange(xRange=self._extent[:2], yRange=self._extent[2:], padding=0)
        self._redraw()
        n = snap.sample
        if 0 <= n < len(self._train_xy):
            self.points.ring.setData(x=self._train_xy[n:n + 1, 0], y=self._train_xy[n:n + 1, 1])

    def _redraw(self, *_):
        snap = self._snap
        if snap is None:
            return
        if not snap.grid_z:
            self.curve.setData(snap.curve_x, snap.curve_y[:, self._output])
            return
        y = snap.grid_z[-1]
        self.image.setImage(self.heatmap(y, snap.task), autoLevels=False)
        x0, x1, y0, y1 = snap.extent
        dx, dy = (x1 - x0) / (y.shape[1] - 1), (y1 - y0) / (y.shape[0] - 1)
        self.image.setRect(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)
        if snap.task == "binary":
            self.boundary.set_data(y[:, :, 0], [0.5])

    def heatmap(self, y, task):
        """RGBA image (G, G, 4) uint8 of the output ``y`` (G, G, n_L) over the plane."""
        discrete = self.discretize.isChecked()
        if task == "multiclass":
            k = np.argmax(y, axis=2)
            colours = np.array(CLASS_COLORS, dtype=float)[k % len(CLASS_COLORS)]
            chance = 1.0 / y.shape[2]
            t = 1.0 if discrete else np.clip((y.max(axis=2) - chance) / (1 - chance), 0, 1)[..., None]
            rgb = np.array(MID, dtype=float) + (colours - MID) * t
        else:
            v = y[:, :, 0] - 0.5 if task == "binary" else y[:, :, self._output]
            vmax = 0.5 if task == "binary" else value_max(self.dataset, self._output)
            rgb = LUT[lut_index(np.sign(v) * vmax if discrete else v, vmax)]
        out = np.empty(y.shape[:2] + (4,), np.uint8)
        out[..., :3] = np.round(rgb)
        out[..., 3] = HEAT_ALPHA
        return out

    # --------------------------------------------------------------- clicks
    def _on_mouse_clicked(self, event):
        vb = self.plot.getPlotItem().vb
        if event.button() == Qt.LeftButton and vb.sceneBoundingRect().contains(event.scenePos()):
            p = vb.mapSceneToView(event.scenePos())
            if not self.draw_button.isChecked():
                self._click_at(p.x(), p.y())
            elif not event.double():                 # a double click is not two points
                (self._erase_at if self.erase_button.isChecked() else self._draw_at)(p.x(), p.y())

    def _click_at(self, x, y):
        """Emit :attr:`sample_clicked` for the training point nearest to data point (x, y), if it
        lies within CLICK_RADIUS_PX pixels; returns that index or None."""
        if not len(self._train_xy):
            return None
        px, py = self.plot.getPlotItem().vb.viewPixelSize()
        dist = np.hypot((self._train_xy[:, 0] - x) / max(px, 1e-12), (self._train_xy[:, 1] - y) / max(py, 1e-12))
        n = int(np.argmin(dist))
        if dist[n] > CLICK_RADIUS_PX:
            return None
        self.sample_clicked.emit(n)
        return n

    # -------------------------------------------------------------- drawing
    @staticmethod
    def drawable(dataset):
        """Whether points can be drawn for ``dataset``: 2-D inputs, or 1-D regression (one target)."""
        if dataset is None:
            return False
        if dataset.n_inputs == 1:
            return dataset.task == "regression" and dataset.n_outputs == 1
        return dataset.n_inputs == 2 and (dataset.task != "regression" or dataset.n_outputs == 1)

    def _set_draw_choices(self, dataset):
        """Follow the data in the drawing row: its classes (kept if unchanged) or a value."""
        ok = self.drawable(dataset)
        self.draw_button.setEnabled(ok)
        self.draw_button.setToolTip(self.tr("Draw your own data: each click on the plot adds a training "
                                            "point of the chosen class.") if ok else
                                    self.tr("Drawing needs data with 2 inputs, or 1 input and a "
                                            "numeric target."))
        old = self.dataset
        if old is None or (old.task, old.classes) != (dataset.task, dataset.classes):
            current = self.draw_class.currentIndex()
            self.draw_class.blockSignals(True)
            self.draw_class.clear()
            for k, name in enumerate(dataset.classes):
                self.draw_class.addItem(_dot_icon(CLASS_COLORS[k % len(CLASS_COLORS)]),
                                        self.tr("class {0}").format(name))
            self.draw_class.setCurrentIndex(min(max(current, 1 if dataset.task == "binary" else 0),
                                                len(dataset.classes) - 1))
            self.draw_class.blockSignals(False)
            if dataset.task == "regression":
                self.draw_value.setValue(round(value_max(dataset), 2))
                self._on_draw_value(self.draw_value.value(), dataset)
        if not ok:
            self.draw_button.setChecked(False)
        self._on_draw_mode(self.draw_button.isChecked(), dataset)

    def _on_draw_mode(self, on, dataset=None):
        ds = dataset or self.dataset
        task = ds.task if ds is not None else None
        self.draw_class.setVisible(on and task in ("binary", "multiclass"))
        value = on and task == "regression" and ds.n_inputs == 2
        self.draw_value.setVisible(value)
        self.draw_swatch.setVisible(value)
        for w in (self.erase_button, self.clear_button):
            w.setVisible(on)
        if not on:
            self.draw_status.set_full_text("")       # stays in the row, keeping Draw at the left
        if not on:
            self.erase_button.setChecked(False)
        self.plot.viewport().setCursor(Qt.CrossCursor if on else Qt.ArrowCursor)
        self.plot.setToolTip(self.tr("Click to add a point; switch on Erase to remove points.") if on else
                             self.tr("Click a training point to select that sample n."))
        self._draw_hint(ds)

    def _on_erase_mode(self, on):
        for w in (self.draw_class, self.draw_value, self.draw_swatch):
            w.setEnabled(not on)                     # what to draw does not apply while erasing
        self._draw_hint()

    def _on_draw_value(self, value, dataset=None):
        """Beside the value: a dot in the colour its points will have."""
        ds = dataset or self.dataset
        vmax = value_max(ds) if ds is not None and ds.task == "regression" else 1.0
        self.draw_swatch.setPixmap(_dot_icon(LUT[lut_index(value, vmax)]).pixmap(14, 14))

    def _draw_hint(self, dataset=None):
        ds = dataset or self.dataset
        if ds is None or not self.draw_button.isChecked():
            return
        if self.erase_button.isChecked():
            text = self.tr("Click a point to remove it.")
        elif ds.task == "regression" and ds.n_inputs == 1:
            text = self.tr("Click to add a point (x, d).")
        elif ds.task == "regression":
            text = self.tr("Click to add a point with the value d.")
        else:
            text = self.tr("Click to add points of {0}.").format(self.draw_class.currentText())
        self._status(text)

    def _status(self, text, warn=False):
        self.draw_status.set_full_text(text)
        self.draw_status.setStyleSheet("color: #b03a2e;" if warn else "color: #606060;")

    def _edit(self, X_train, d_train, X_test, d_test):
        """Show the edited points at once; emit them as a new Dataset after the burst."""
        ds = self.dataset
        new = Dataset("drawn", ds.task, X_train, d_train, X_test, d_test,
                      ds.input_names, ds.target_name, ds.classes)
        self._pending = new
        self._show_points(new)
        self._draw_timer.start()
        return new

    def _counts(self, ds):
        return self.tr("{0} train, {1} test").format(len(ds.X_train), len(ds.X_test))

    def _draw_at(self, x, y):
        """Add a training point at data point (x, y) with the chosen class or value (for 1-D
        regression, input x and target y); returns its index in X_train, or None."""
        ds = self.dataset
        if not self.drawable(ds):
            return None
        if ds.n_inputs == 1:
            X, d = [x], [y]
        else:
            X, k = [x, y], max(self.draw_class.currentIndex(), 0)
            d = ([self.draw_value.value()] if ds.task == "regression" else
                 [float(k)] if ds.task == "binary" else np.eye(len(ds.classes))[k])
        new = self._edit(np.vstack([ds.X_train, [X]]), np.vstack([ds.d_train, [d]]), ds.X_test, ds.d_test)
        self._status(self.tr("Added a point: {0}").format(self._counts(new)))
        return len(new.X_train) - 1

    def _erase_at(self, x, y):
        """Remove the (visible) training or test point nearest to data point (x, y) within
        ERASE_RADIUS_PX pixels; returns ("train" or "test", its index), or None. The last
        training point is never removed: a data set needs one."""
        ds = self.dataset
        if not self.drawable(ds):
            return None
        px, py = self.plot.getPlotItem().vb.viewPixelSize()
        best = None
        parts = zip(("train", "test"), self._xy(ds), (True, self.show_test.isChecked()))
        for part, xy, visible in parts:
            if visible and len(xy):
                dist = np.hypot((xy[:, 0] - x) / max(px, 1e-12), (xy[:, 1] - y) / max(py, 1e-12))
                n = int(np.argmin(dist))
                if dist[n] <= ERASE_RADIUS_PX and (best is None or dist[n] < best[2]):
                    best = (part, n, dist[n])
        if best is None:
            return None
        part, n, _ = best
        if part == "train" and len(ds.X_train) == 1:
            self._status(self.tr("The last training point stays: training needs at least one. "
                                 "Draw another point first."), warn=True)
            return None
        arrays = [ds.X_train, ds.d_train, ds.X_test, ds.d_test]
        i = 0 if part == "train" else 2
        arrays[i], arrays[i + 1] = np.delete(arrays[i], n, axis=0), np.delete(arrays[i + 1], n, axis=0)
        new = self._edit(*arrays)
        self._status(self.tr("Removed a point: {0}").format(self._counts(new)))
        return part, n

    def _clear_points(self):
        """Remove every point; nothing is emitted until a point is drawn again."""
        ds = self.dataset
        if not self.drawable(ds):
            return
        empty = np.empty((0, ds.n_inputs)), np.empty((0, ds.n_outputs))
        self._edit(*empty, *empty)
        self._status(self.tr("All points removed: draw at least one training point to train on."), warn=True)

    def _emit_drawn(self):
        new, self._pending = self._pending, None
        if new is not None and len(new.X_train):
            self._emitted = new
            self.data_drawn.emit(new)


class _ElidedLabel(QLabel):
    """A one-line label that never widens its row: too long a text ends in '…' (whole in the tooltip)."""

    def __init__(self):
        super().__init__()
        self._full = ""
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

    def set_full_text(self, text):
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self):
        return self._full

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._elide()

    def _elide(self):
        self.setText(self.fontMetrics().elidedText(self._full, Qt.ElideRight, max(self.width(), 20)))


def _dot_icon(rgb, size=14):
    """A round colour swatch like a training point, for the class selector."""
    pix = QPixmap(size, size)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    p.setPen(QColor(90, 90, 90))
    p.setBrush(QColor(*rgb))
    p.drawEllipse(1, 1, size - 2, size - 2)
    p.end()
    return QIcon(pix)
