"""What the network computes over its input space, drawn under the data (TensorFlow Playground style).

2-D inputs: the output y = z^(L) over the input plane as a heatmap (``Snapshot.grid_z[L]``):
binary, the probability y of class 1 on the diverging map with 0.5 at its white middle and
the decision boundary y = 0.5 as a line; multiclass, the colour of the most probable class,
paler where that probability is low; regression, the value y on fixed symmetric levels.
1-D inputs: the fitted curve y(x) (``Snapshot.curve_x``, ``curve_y``) over the data points.

Training points are filled circles, test points diamonds with a dark outline; a ring marks
the selected sample, and clicking near a training point emits its index.
The point styling (:class:`PointLayer`, :func:`point_brushes`) is shared with the hidden view.
"""
from __future__ import annotations

import re

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..training.snapshot import plot_extent
from .colors import CLASS_COLORS, LUT, MID, NEG, POS, class_color, lut_index

__all__ = ["OutputView", "PointLayer", "point_brushes", "point_legend", "value_max", "make_plot"]

HEAT_ALPHA = 170         # heatmap opacity over the white plot, so the points stand out
CLICK_RADIUS_PX = 8      # a click this close (in pixels) to a training point selects it
TRAIN_PEN = pg.mkPen(255, 255, 255, 230, width=1)
TEST_PEN = pg.mkPen(30, 30, 30, 220, width=1.2)
RING_PEN = pg.mkPen(20, 20, 20, width=2.5)
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def pretty_name(name):
    """'x1' → 'x₁': trailing digits of an input name as subscripts."""
    m = re.fullmatch(r"(.*?[^\d])(\d+)", name)
    return m.group(1) + m.group(2).translate(_SUB) if m else name


def value_max(dataset):
    """Fixed colour range: max |d| over all regression targets (1 for classification)."""
    if dataset.task != "regression":
        return 1.0
    d = np.concatenate([dataset.d_train[:, 0], dataset.d_test[:, 0]])
    return float(max(np.abs(d).max(initial=0.0), 1e-9))


def point_brushes(dataset, part):
    """One QBrush per point of ``part`` ("train" or "test"): its class colour, or its target
    value on the diverging map (regression)."""
    d = getattr(dataset, f"d_{part}")
    if dataset.task == "regression":
        return [pg.mkBrush(*c) for c in LUT[lut_index(d[:, 0], value_max(dataset))]]
    brushes = [pg.mkBrush(class_color(k)) for k in range(max(2, len(dataset.classes)))]
    return [brushes[k] for k in getattr(dataset, f"labels_{part}")]


def make_plot(parent):
    """A white PlotWidget with dark axes and no auto-ranging (views set their ranges)."""
    plot = pg.PlotWidget(parent, background="w")
    plot.setMenuEnabled(False)
    plot.hideButtons()
    for name in ("left", "bottom"):
        ax = plot.getAxis(name)
        ax.setPen(pg.mkPen(110, 110, 110))
        ax.setTextPen(pg.mkPen(60, 60, 60))
        ax.enableAutoSIPrefix(False)
    plot.disableAutoRange()
    plot.setAntialiasing(True)
    plot.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)   # smooth, not blocky, heatmaps
    return plot


class PointLayer:
    """The training points, test points and selected-sample ring on one plot (items built once)."""

    def __init__(self, plot, z=10):
        self.train = pg.ScatterPlotItem(size=8, symbol="o", pen=TRAIN_PEN)
        self.test = pg.ScatterPlotItem(size=9, symbol="d", pen=TEST_PEN)
        self.ring = pg.ScatterPlotItem(size=17, symbol="o", pen=RING_PEN, brush=None)
        for i, item in enumerate((self.train, self.test, self.ring)):
            item.setZValue(z + i)
            plot.addItem(item)
        self.brushes = ([], [])

    def set_dataset(self, dataset, by_value=True):
        """Take the point colours of a new data set (positions follow in :meth:`set_positions`).

        Regression points are coloured by their target value, or, with ``by_value`` False,
        grey (training) and white (test) where the value is already the point's height.
        """
        regression = dataset.task == "regression"
        self.train.setPen(pg.mkPen(70, 70, 70, 200, width=1) if regression else TRAIN_PEN)
        if regression and not by_value:
            self.brushes = ([pg.mkBrush(150, 150, 150)] * len(dataset.X_train),
                            [pg.mkBrush(255, 255, 255)] * len(dataset.X_test))
        else:
            self.brushes = (point_brushes(dataset, "train"), point_brushes(dataset, "test"))

    def set_positions(self, train_xy, test_xy, sample=None):
        """Place the points: ``train_xy`` (N_train, 2), ``test_xy`` (N_test, 2); ring at train row ``sample``."""
        for item, xy, brush in ((self.train, train_xy, self.brushes[0]), (self.test, test_xy, self.brushes[1])):
            item.setData(x=xy[:, 0], y=xy[:, 1], brush=brush if len(brush) == len(xy) else None)
        if sample is not None and 0 <= sample < len(train_xy):
            self.ring.setData(x=train_xy[sample:sample + 1, 0], y=train_xy[sample:sample + 1, 1])
        else:
            self.ring.setData(x=[], y=[])


def _t(text):
    return QCoreApplication.translate("PointLayer", text)


def _swatch(rgb, text):
    return f'<span style="color:rgb{tuple(int(c) for c in rgb)}">■</span>&nbsp;{text}'


def point_legend(dataset, by_value=True):
    """HTML line saying what the point marks and colours mean (see :class:`PointLayer`)."""
    marks = _t("● training data &nbsp; ◆ test data &nbsp; ◯ selected sample")
    if dataset.task != "regression":
        return marks + " &nbsp;|&nbsp; " + " &nbsp;".join(
            _swatch(CLASS_COLORS[k % len(CLASS_COLORS)], _t("class {0}").format(c))
            for k, c in enumerate(dataset.classes))
    if not by_value:
        return marks
    return marks + " &nbsp;|&nbsp; " + _t("target d: {0} {1}").format(
        _swatch(NEG, _t("negative")), _swatch(POS, _t("positive")))


class OutputView(QWidget):
    """The network output over the input plane (or line), with the data points.

    Signals
    -------
    sample_clicked(int)
        The index n into X_train of the training point the user clicked.

    Call :meth:`set_data` with a Dataset when the data change, :meth:`show_snapshot`
    with each new Snapshot (only existing items are updated).
    """

    sample_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dataset, self._snap, self._version, self._extent = None, None, -1, ()
        self._train_xy = np.empty((0, 2))
        self.plot = make_plot(self)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self._boundary_time = 0.0
        self.boundary = pg.IsocurveItem(level=0.5, pen=pg.mkPen(60, 60, 60, 200, width=1.5),
                                        axisOrder="row-major")
        self.boundary.setParentItem(self.image)
        self.curve = pg.PlotDataItem(pen=pg.mkPen(*POS, width=3))
        self.curve.setZValue(20)
        self.plot.addItem(self.image)
        self.plot.addItem(self.curve)
        self.points = PointLayer(self.plot)
        self.plot.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.plot.setToolTip(self.tr("Click a training point to select that sample n."))

        self.show_test = QCheckBox(self.tr("Show test data"))
        self.show_test.setChecked(True)
        self.show_test.setToolTip(self.tr("Show the held-out test data (diamonds); the network never "
                                          "trains on them, so they show how well it generalises."))
        self.discretize = QCheckBox(self.tr("Discretize output"))
        self.discretize.setToolTip(self.tr("Colour each point of the plane by the decided class "
                                           "(y > 0.5, or the largest softmax output) instead of by y."))
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.RichText)
        self.show_test.toggled.connect(self.points.test.setVisible)
        self.discretize.toggled.connect(self._redraw)

        boxes = QHBoxLayout()
        boxes.addWidget(self.show_test)
        boxes.addWidget(self.discretize)
        boxes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        layout.addLayout(boxes)

    # ---------------------------------------------------------------- data
    def set_data(self, dataset):
        """Show a new data set: raw inputs X (N, 1 or 2) and targets d (N, K)."""
        self.dataset, self._snap = dataset, None
        one_d = dataset.n_inputs == 1
        self.image.setVisible(dataset.n_inputs == 2)
        self.boundary.setVisible(dataset.n_inputs == 2 and dataset.task == "binary")
        self.curve.setVisible(one_d)
        self.curve.setData([], [])
        self.image.clear()                          # the old network's picture until a snapshot comes
        self.boundary.setData(None)
        self.discretize.setEnabled(not one_d)
        if one_d:
            train = np.column_stack([dataset.X_train[:, 0], dataset.d_train[:, 0]])
            test = np.column_stack([dataset.X_test[:, 0], dataset.d_test[:, 0]])
        else:
            train, test = dataset.X_train[:, :2], dataset.X_test[:, :2]
        self._train_xy = train
        self.points.set_dataset(dataset, by_value=not one_d)
        self.points.set_positions(train, test)
        names = [pretty_name(n) for n in dataset.input_names[:2]]
        self.plot.setLabel("bottom", names[0])
        self.plot.setLabel("left", pretty_name(dataset.target_name) if one_d else names[1])
        self._extent = plot_extent(np.concatenate([train, test]))      # (x0, x1, y0, y1)
        self.plot.setRange(xRange=self._extent[:2], yRange=self._extent[2:], padding=0)
        self.caption.setText(self._caption_text())

    def _caption_text(self):
        ds, tr = self.dataset, self.tr
        if ds.task == "binary":
            c1 = (ds.classes + ("0", "1"))[1]
            text = tr("Background: the output y = P(class {0} | x), white at y = 0.5; "
                      "line: the decision boundary y = 0.5").format(c1)
        elif ds.task == "multiclass":
            text = tr("Background: the class k with the largest output y<sub>k</sub>, "
                      "paler where y<sub>k</sub> is small")
        elif ds.n_inputs == 2:
            text = tr("Background: the output y on the same colours as the targets")
        else:
            text = tr("Blue line: the network output y(x); points: the data (x, d)")
        return f"{text}<br>{point_legend(ds, by_value=ds.n_inputs == 2)}"

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
            self.curve.setData(snap.curve_x, snap.curve_y[:, 0])
            return
        y = snap.grid_z[-1]
        self.image.setImage(self.heatmap(y, snap.task), autoLevels=False)
        x0, x1, y0, y1 = snap.extent
        dx, dy = (x1 - x0) / (y.shape[1] - 1), (y1 - y0) / (y.shape[0] - 1)
        self.image.setRect(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)
        now = time.monotonic()      # the boundary (marching squares in Python) at most 10×/s
        if snap.task == "binary" and (not snap.running or now - self._boundary_time >= 0.1):
            self._boundary_time = now
            self.boundary.setData(y[:, :, 0])

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
            v = y[:, :, 0] - 0.5 if task == "binary" else y[:, :, 0]
            vmax = 0.5 if task == "binary" else value_max(self.dataset)
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
            self._click_at(p.x(), p.y())

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
