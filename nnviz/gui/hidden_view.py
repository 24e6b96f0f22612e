"""The data seen through a hidden layer: each point x_n drawn at its hidden outputs z^(l)(x_n).

Hidden layers learn features φ(x) in which the classes become linearly separable (the
lecture's 線形化): watched during training, same-class points gather and a straight line
starts to separate them. Two ways to look at layer l with n_l units:

- "Two units": the plane (z_a^(l), z_b^(l)) of two chosen units (``Snapshot.data_z[l][:, (a, b)]``);
- "PCA (2-D)": the projection onto the two directions of largest variance of z^(l) over the
  training points (SVD of the centred outputs; test points use the same centre and basis).

When layer l is the last hidden layer and the plot's coordinates determine z^(l) (two units, or
the PCA of two units), the output layer's decision boundary is drawn exactly: for a logistic
output unit the dashed straight line w^(L)ᵀz + b^(L) = 0 (y = 0.5), for K softmax outputs the
shaded regions argmax_k (w_kᵀz + b_k). In any other projection of a wider layer the boundary is
not a line of the plane: a note says so and nothing false is drawn.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QStackedWidget,
                               QVBoxLayout, QWidget)

from .colors import CLASS_COLORS
from .plots import PointLayer, make_plot, point_legend

__all__ = ["HiddenView", "pca"]

SHRINK = 0.35            # refit an axis when the points fill less than this share of it
REGION_GRID = 120        # the class regions are computed on this many points per axis of the view
REGION_ALPHA = 60


def pca(Z_train, Z_all, previous=None):
    """Principal components of ``Z_train`` (N_train, n) applied to ``Z_all`` (N, n).

    Returns (P, basis, mean, ratio): P (N, k) the centred projections, k = min(2, n);
    basis (k, n) orthonormal rows, signs chosen to agree with ``previous`` (so the picture does
    not flip between frames); mean (n,); ratio (k,) the share of variance each axis explains.
    """
    mean = Z_train.mean(axis=0)
    _, s, vt = np.linalg.svd(Z_train - mean, full_matrices=False)
    basis = vt[:2].copy()
    if previous is not None and previous.shape == basis.shape:
        basis *= np.where(np.sum(basis * previous, axis=1) < 0, -1.0, 1.0)[:, None]
    var = s ** 2
    ratio = var[:2] / var.sum() if var.sum() > 0 else np.zeros(len(basis))
    return (Z_all - mean) @ basis.T, basis, mean, ratio


def _z_label(j, l):
    return f"z<sub>{j}</sub><sup>({l})</sup>"


class HiddenView(QWidget):
    """Scatter of the train and test points in the space of a hidden layer's outputs.

    Call :meth:`set_data` with a Dataset when the data change and :meth:`show_snapshot` with
    each Snapshot. The layer combo lists the hidden layers l = 2 … L−1 (item data: l).
    """

    TWO_UNITS, PCA = 0, 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dataset, self._snap, self._sizes, self._version = None, None, None, -1
        self._basis, self._affine, self._refit, self._jitter = None, None, True, np.empty(0)
        self.layer = QComboBox()
        self.layer.setSizeAdjustPolicy(QComboBox.AdjustToContents)   # "layer 3 (8 units)" in full
        self.layer.setToolTip(self.tr("The hidden layer l whose outputs z^(l) = f(u^(l)) are the coordinates. "
                                      "Hidden layers learn features φ(x) that make the classes linearly "
                                      "separable (線形化): same-class data gather together."))
        self.mode = QComboBox()
        self.mode.addItems([self.tr("Two units"), self.tr("PCA (2-D)")])
        self.mode.setToolTip(self.tr("Two units: plot the outputs z_a^(l), z_b^(l) of two chosen units.\n"
                                     "PCA: project all n_l outputs onto the two directions in which they "
                                     "vary most over the training data."))
        self.unit_a, self.unit_b = QSpinBox(), QSpinBox()
        for box, axis in ((self.unit_a, self.tr("horizontal")), (self.unit_b, self.tr("vertical"))):
            box.setMinimum(1)
            box.setToolTip(self.tr("The unit j of layer l on the {0} axis (1 … n_l).").format(axis))
            box.valueChanged.connect(self._on_choice)
        self.layer.currentIndexChanged.connect(self._on_choice)
        self.mode.currentIndexChanged.connect(self._on_choice)

        self.plot = make_plot(self)
        self.points = PointLayer(self.plot)
        self.boundary = pg.InfiniteLine(pen=pg.mkPen(60, 60, 60, 200, width=1.5, style=Qt.DashLine))
        self.boundary.setToolTip(self.tr("The output layer's decision boundary W^(L) z + b^(L) = 0, where "
                                         "y = 0.5: a straight line in the space of the last hidden layer."))
        self.plot.addItem(self.boundary)
        self.regions = pg.ImageItem(axisOrder="row-major")
        self.regions.setZValue(-10)
        self.regions.setToolTip(self.tr("The output layer's class regions argmax_k (w_k^(L)ᵀ z + b_k^(L)): "
                                        "in the space of the last hidden layer they are cut by straight lines."))
        self.plot.addItem(self.regions)
        self.plot.getPlotItem().vb.sigRangeChanged.connect(lambda *_: self._update_regions())
        self._output_map = None                      # (V (K, 2), c (K,)): u^(L) = V p + c in the plane
        self.boundary_note = QLabel()
        self.boundary_note.setWordWrap(True)
        self.boundary_note.setStyleSheet("color: #505050;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.RichText)
        self.message = QLabel(self.tr("This network has no hidden layer: the output is computed straight "
                                      "from the input. Add a hidden layer to see the features it learns."))
        self.message.setAlignment(Qt.AlignCenter)
        self.message.setWordWrap(True)

        controls = QVBoxLayout()           # two rows: a narrow dock keeps every choice in full
        for row in ((QLabel(self.tr("Layer")), self.layer, QLabel(self.tr("View")), self.mode),
                    (QLabel(self.tr("Units")), self.unit_a, self.unit_b)):
            line = QHBoxLayout()
            for w in row:
                line.addWidget(w)
            line.addStretch(1)
            controls.addLayout(line)
        for combo in (self.layer, self.mode):
            combo.setSizePolicy(QSizePolicy.Minimum, QSizePolicy.Fixed)    # never narrower than its text
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.plot, 1)
        box.addWidget(self.boundary_note)
        box.addWidget(self.note)
        self.stack = QStackedWidget()
        self.stack.addWidget(page)
        self.stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.stack, 1)
        self._set_architecture(None)

    # ---------------------------------------------------------------- inputs
    def set_data(self, dataset):
        """Take a new data set: point colours (class or target value); the axes refit."""
        self.dataset, self._snap, self._refit, self._basis = dataset, None, True, None
        self.points.set_dataset(dataset)
        n = len(dataset.X_train) + len(dataset.X_test)
        self._jitter = np.random.default_rng(0).uniform(-0.5, 0.5, n)   # fixed: points do not dance

    def show_snapshot(self, snap):
        """Draw a Snapshot's ``data_z``; a new architecture resets the layer and unit choices."""
        if self.dataset is None or snap.version < self._version or not snap.data_z:
            return
        if len(snap.data_z[1]) != len(self._jitter):
            return                                   # a snapshot of other data, in flight
        self._version, self._snap = snap.version, snap
        if tuple(snap.sizes) != self._sizes:
            self._set_architecture(tuple(snap.sizes))
        self._redraw()

    # -------------------------------------------------------------- controls
    def _set_architecture(self, sizes):
        """Fill the layer combo with l = 2 … L−1 (the last hidden layer selected); units 1 and 2."""
        self._sizes = sizes
        hidden = list(range(2, len(sizes))) if sizes else []
        blockers = [w.blockSignals(True) for w in (self.layer, self.unit_a, self.unit_b)]
        self.layer.clear()
        for l in hidden:
            n = sizes[l - 1]
            text = self.tr("Layer {0} (1 unit)") if n == 1 else self.tr("Layer {0} ({1} units)")
            self.layer.addItem(text.format(l, n), l)
        self.layer.setCurrentIndex(len(hidden) - 1)
        n = sizes[hidden[-1] - 1] if hidden else 1
        for box, value in ((self.unit_a, 1), (self.unit_b, 2)):
            box.setMaximum(n)
            box.setValue(min(value, n))
        for w, old in zip((self.layer, self.unit_a, self.unit_b), blockers):
            w.blockSignals(old)
        self.stack.setCurrentIndex(0 if hidden or sizes is None else 1)
        self._on_choice()

    def _on_choice(self, *_):
        """Layer, mode or unit changed: enable the right controls, relabel, refit the axes."""
        l = self.layer.currentData()
        n = self._sizes[l - 1] if l is not None else 0
        two = self.mode.currentIndex() == self.TWO_UNITS
        for box in (self.unit_a, self.unit_b):
            old = box.blockSignals(True)
            box.setMaximum(max(n, 1))
            box.blockSignals(old)
        self.unit_a.setEnabled(two and n > 0)
        self.unit_b.setEnabled(two and n > 1)
        self.layer.setEnabled(n > 0)
        self.mode.setEnabled(n > 0)
        self.plot.getAxis("left").setTicks([[]] if n == 1 else None)   # jitter has no scale
        self._refit, self._basis = True, None
        if l is not None:
            x = _z_label(self.unit_a.value(), l) if two else self.tr("PC1")
            y = _z_label(self.unit_b.value(), l) if two else self.tr("PC2")
            self.plot.setLabel("bottom", x)
            self.plot.setLabel("left", self.tr("jitter (no meaning)") if n == 1 else y)
        self._redraw()

    # --------------------------------------------------------------- drawing
    def coordinates(self, snap):
        """The plotted points, (N_train + N_test, 2), and the caption text for ``snap``.

        Also keeps the PCA basis (for sign continuity) and the map z = A p + m from plot
        coordinates p back to z^(l) where it exists (for the decision line).
        """
        l = self.layer.currentData()
        Z = snap.data_z[l]
        n_train = len(self.dataset.X_train)
        n, note = Z.shape[1], ""
        self._affine = None                          # z = A p + m, for the boundary line
        if self.mode.currentIndex() == self.TWO_UNITS:
            a, b = self.unit_a.value() - 1, min(self.unit_b.value(), n) - 1
            xy = np.column_stack([Z[:, a], Z[:, b]])
            if sorted((a, b)) == [0, 1] and n == 2:
                self._affine = (np.eye(2)[:, [a, b]], np.zeros(2))
        else:
            xy, basis, mean, ratio = pca(Z[:n_train], Z, self._basis)
            self._basis = basis
            if n == 2:
                self._affine = (basis.T, mean)
            note = self.tr("PC1 explains {0:.0f} % of the variance of z<sup>({1})</sup> over the training data").format(
                100 * ratio[0], l)
            if n > 1:
                note += self.tr(", PC2 {0:.0f} %").format(100 * ratio[1])
            note += "."
        if n == 1:
            xy = np.column_stack([xy[:, 0], self._jitter])
            note = self.tr("Layer {0} has one unit: its output z<sub>1</sub><sup>({0})</sup> is plotted "
                           "against random jitter so that overlapping points stay visible.").format(l)
        return xy, note

    def _redraw(self):
        snap = self._snap
        if snap is None or self.dataset is None or self.layer.currentData() is None:
            return
        xy, note = self.coordinates(snap)
        n_train = len(self.dataset.X_train)
        self.points.set_positions(xy[:n_train], xy[n_train:], snap.sample)
        note = f"{note}<br>{point_legend(self.dataset)}" if note else point_legend(self.dataset)
        if note != self.note.text():
            self.note.setText(note)
        self._update_boundary(snap)
        self._update_range(xy)
        self._update_regions()

    def _update_boundary(self, snap):
        """Draw the output's decision boundary where it is exact in this plane, else say why not.

        In plot coordinates p, z = A p + m (where the plane determines z), so the output layer's
        u^(L) = V p + c with V = W^(L) A and c = W^(L) m + b^(L): a logistic unit's boundary
        u = 0 is a line, K softmax units pick argmax_k u_k (regions cut by lines)."""
        l, L = self.layer.currentData(), len(snap.sizes)
        n = snap.sizes[l - 1]
        kind = {("binary", "sigmoid"): "line", ("multiclass", "softmax"): "regions"}.get(
            (snap.task, snap.activations[L]))
        self._output_map, line, note = None, False, ""
        if kind and l == L - 1 and self._affine is not None:
            A, m = self._affine
            V, c = snap.W[L] @ A, snap.W[L] @ m + snap.b[L]
            if kind == "line" and float(V[0] @ V[0]) > 1e-12:
                w, norm2 = V[0], float(V[0] @ V[0])
                self.boundary.setPos(pg.Point(*(-float(c[0]) * w / norm2)))
                self.boundary.setAngle(math.degrees(math.atan2(w[0], -w[1])))
                line = True
                note = self.tr("Dashed: the output unit's decision line w<sup>(L)</sup>ᵀz + b<sup>(L)</sup> = 0 "
                               "(y = 0.5), exact here: the network puts every point on its side's class.")
            elif kind == "regions":
                self._output_map = (V, c)
                note = self.tr("Shaded: the output's class regions argmax<sub>k</sub> (w<sub>k</sub>ᵀz + "
                               "b<sub>k</sub>), exact here: the network gives every point its region's class.")
        elif kind and l == L - 1:
            note = (self.tr("The output reads all {0} units of layer {1}: in the plane of two of them its "
                            "decision boundary is not exact, so it is not drawn.") if self.mode.currentIndex()
                    == self.TWO_UNITS else
                    self.tr("The output reads all {0} units of layer {1}: in this PCA projection its decision "
                            "boundary is not exact, so it is not drawn.")).format(n, l)
        elif kind:
            note = self.tr("The output's decision boundary is drawn in the space of the last hidden layer "
                           "(layer {0}).").format(L - 1)
        self.boundary.setVisible(line)
        self.boundary_note.setText(note)
        self.boundary_note.setVisible(bool(note))

    def _update_regions(self):
        """Colour the view by the class the output picks, argmax_k (V p + c)_k (or clear it)."""
        if self._output_map is None:
            self.regions.clear()
            self.regions.setVisible(False)
            return
        V, c = self._output_map
        (x0, x1), (y0, y1) = self.plot.getPlotItem().vb.viewRange()
        gx, gy = np.meshgrid(np.linspace(x0, x1, REGION_GRID), np.linspace(y0, y1, REGION_GRID))
        k = np.argmax(np.column_stack([gx.ravel(), gy.ravel()]) @ V.T + c, axis=1)
        rgba = np.empty((REGION_GRID * REGION_GRID, 4), np.uint8)
        rgba[:, :3] = np.array(CLASS_COLORS, np.uint8)[k % len(CLASS_COLORS)]
        rgba[:, 3] = REGION_ALPHA
        self.regions.setImage(rgba.reshape(REGION_GRID, REGION_GRID, 4), autoLevels=False)
        self.regions.setRect(x0, y0, x1 - x0, y1 - y0)
        self.regions.setVisible(True)

    def _update_range(self, xy):
        """Fit the axes after a change of data, layer or mode; afterwards only grow them, or
        refit an axis whose points have shrunk to a small part of it."""
        vb = self.plot.getPlotItem().vb
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        pad = np.maximum(0.08 * (hi - lo), 1e-3)
        want = np.column_stack([lo - pad, hi + pad])
        current = np.array(vb.viewRange())
        new = want if self._refit else current.copy()
        for k in range(0 if self._refit else 2):
            span = current[k, 1] - current[k, 0]
            if current[k, 0] > lo[k] or current[k, 1] < hi[k]:
                new[k] = min(current[k, 0], want[k, 0]), max(current[k, 1], want[k, 1])
            if hi[k] - lo[k] < SHRINK * span:
                new[k] = want[k]
        if self._refit or not np.array_equal(new, current):
            vb.setRange(xRange=new[0], yRange=new[1], padding=0)
        self._refit = False
