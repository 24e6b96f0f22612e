"""The pyqtgraph pieces the views share: one place, so no view imports another's.

- :func:`make_plot`: the white plot every view draws on.
- Data points (output and hidden views): :class:`PointLayer` draws training points, test
  points and the selected-sample ring; :func:`point_brushes` colours them and
  :func:`point_legend` says what the marks and colours mean.
- :class:`LogAxis` / :func:`log_axis`: a log-scale axis labelled only at 1, 2, 5 × 10ⁿ
  (loss curve, restarts, arena).
- Heatmaps with contours (landscape and arena): :func:`contour_levels` picks the lines
  (log-spaced where the field spans many decades), :class:`ContourMap` holds the image,
  its contour lines and colour bar, :func:`grid_rect` places an image on its grid.
- :class:`ContourLines` / :func:`contour_segments`: contour lines of a grid, fast (marching
  squares in NumPy, drawn as one path; pyqtgraph's IsocurveItem traces each line point by
  point in Python, about 6 ms per level for the output view's 64 × 64 grid on every redraw).
"""
from __future__ import annotations

import math
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsPathItem

from ..core.notation import sub
from .colors import CLASS_COLORS, LUT, NEG, POS, class_color, lut_index
from .i18n import translate

__all__ = ["make_plot", "PointLayer", "point_brushes", "point_legend", "pretty_name", "value_max",
           "LogAxis", "log_axis", "ContourMap", "contour_levels", "grid_rect", "LOSS_CMAP",
           "ContourLines", "contour_segments"]

TRAIN_PEN = pg.mkPen(255, 255, 255, 230, width=1)
TEST_PEN = pg.mkPen(30, 30, 30, 220, width=1.2)
RING_PEN = pg.mkPen(20, 20, 20, width=2.5)
#: Low loss pale, high loss deep blue, so coloured paths stand out in the valleys.
LOSS_CMAP = pg.ColorMap([0.0, 0.3, 0.65, 1.0],
                        [(252, 252, 250), (214, 229, 236), (131, 172, 205), (38, 78, 130)])
CONTOUR_PEN = pg.mkPen(40, 55, 75, 110, width=1)


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


# ------------------------------------------------------------ data points

def pretty_name(name):
    """'x1' → 'x₁': trailing digits of an input name as subscripts."""
    m = re.fullmatch(r"(.*?[^\d])(\d+)", name)
    return m.group(1) + sub(m.group(2)) if m else name


def value_max(dataset, output=0):
    """Fixed colour range: max |d_k| over the regression targets of output k (1 for classification)."""
    if dataset.task != "regression":
        return 1.0
    d = np.concatenate([dataset.d_train[:, output], dataset.d_test[:, output]])
    return float(max(np.abs(d).max(initial=0.0), 1e-9))


def point_brushes(dataset, part, output=0):
    """One QBrush per point of ``part`` ("train" or "test"): its class colour, or its target
    value d_k of output k on the diverging map (regression)."""
    d = getattr(dataset, f"d_{part}")
    if dataset.task == "regression":
        return [pg.mkBrush(*c) for c in LUT[lut_index(d[:, output], value_max(dataset, output))]]
    brushes = [pg.mkBrush(class_color(k)) for k in range(max(2, len(dataset.classes)))]
    return [brushes[k] for k in getattr(dataset, f"labels_{part}")]


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

    def set_dataset(self, dataset, by_value=True, output=0):
        """Take the point colours of a new data set (positions follow in :meth:`set_positions`).

        Regression points are coloured by their target value of output k, or, with ``by_value`` False,
        grey (training) and white (test) where the value is already the point's height.
        """
        regression = dataset.task == "regression"
        self.train.setPen(pg.mkPen(70, 70, 70, 200, width=1) if regression else TRAIN_PEN)
        if regression and not by_value:
            self.brushes = ([pg.mkBrush(150, 150, 150)] * len(dataset.X_train),
                            [pg.mkBrush(255, 255, 255)] * len(dataset.X_test))
        else:
            self.brushes = (point_brushes(dataset, "train", output), point_brushes(dataset, "test", output))

    def set_positions(self, train_xy, test_xy, sample=None):
        """Place the points: ``train_xy`` (N_train, 2), ``test_xy`` (N_test, 2); ring at train row ``sample``."""
        for item, xy, brush in ((self.train, train_xy, self.brushes[0]), (self.test, test_xy, self.brushes[1])):
            item.setData(x=xy[:, 0], y=xy[:, 1], brush=brush if len(brush) == len(xy) else None)
        if sample is not None and 0 <= sample < len(train_xy):
            self.ring.setData(x=train_xy[sample:sample + 1, 0], y=train_xy[sample:sample + 1, 1])
        else:
            self.ring.setData(x=[], y=[])


def _swatch(rgb, text):
    return f'<span style="color:rgb{tuple(int(c) for c in rgb)}">■</span>&nbsp;{text}'


def point_legend(dataset, by_value=True, output=0):
    """HTML line saying what the point marks and colours mean (see :class:`PointLayer`); with
    several outputs, which output's target the colours show."""
    marks = translate("PointLayer", "● training data &nbsp; ◆ test data &nbsp; ◯ selected sample")
    if dataset.task != "regression":
        return marks + " &nbsp;|&nbsp; " + " &nbsp;".join(
            _swatch(CLASS_COLORS[k % len(CLASS_COLORS)], translate("PointLayer", "class {0}").format(c))
            for k, c in enumerate(dataset.classes))
    if not by_value:
        return marks
    swatches = _swatch(NEG, translate("PointLayer", "negative")), _swatch(POS, translate("PointLayer", "positive"))
    if dataset.n_outputs > 1:
        return marks + " &nbsp;|&nbsp; " + translate("PointLayer", "target d of {0}: {1} {2}").format(
            pretty_name(dataset.target_names[output]), *swatches)
    return marks + " &nbsp;|&nbsp; " + translate("PointLayer", "target d: {0} {1}").format(*swatches)


# ------------------------------------------------------------ log axis

class LogAxis(pg.AxisItem):
    """An axis that, in log mode, labels only 1, 2 and 5 × 10ⁿ so the labels never crowd."""

    def logTickStrings(self, values, scale, spacing):
        strings = super().logTickStrings(values, scale, spacing)
        mantissa = [10 ** (v % 1.0) for v in np.asarray(values, dtype=float)]
        return [s if min(abs(m - k) for k in (1, 2, 5, 10)) < 1e-6 else ""
                for s, m in zip(strings, mantissa)]


def log_axis(plot):
    """Give ``plot`` (from make_plot) a left axis that labels only 1, 2, 5 × 10ⁿ in log mode."""
    axis = LogAxis("left")
    plot.setAxisItems({"left": axis})
    axis.setPen(pg.mkPen(110, 110, 110))
    axis.setTextPen(pg.mkPen(60, 60, 60))
    axis.enableAutoSIPrefix(False)
    return axis


# ------------------------------------------------------------ heatmaps with contours

def contour_levels(Z, n=10, decades=2.0):
    """``n`` contour levels for the field ``Z`` (any shape; NaN and ±inf are ignored).

    Returns (levels (n,) ascending, log). The levels are log-spaced when the field
    spans more than ``decades`` decades: max Z / min Z for a positive field (a loss,
    e.g. Rosenbrock, Beale), or, when Z reaches 0 or below, max(Z − min Z) over
    its 2nd percentile (the spread of the lowest values). Otherwise they are evenly
    spaced strictly between min Z and max Z.
    """
    z = np.asarray(Z, dtype=float)
    z = z[np.isfinite(z)]
    if not z.size:
        return np.zeros(0), False
    lo, hi = float(z.min()), float(z.max())
    base = _log_base(lo)
    low = lo if lo > 0 else float(np.percentile(z - lo, 2))
    low = max(low, (hi - base) * 1e-6)                 # at most six decades of lines
    if hi > lo and (hi - base) / low > 10 ** decades:
        return base + np.geomspace(low, hi - base, n + 2)[1:-1], True
    return np.linspace(lo, hi, n + 2)[1:-1], False


def _log_base(lo):
    """What a log scale measures from: 0 for a positive field, else its minimum."""
    return 0.0 if lo > 0 else lo


def _tick(v):
    """A short colour-bar label: 0.01, 2.5, 300, 4e+04."""
    return f"{v:.0f}" if 10 <= abs(v) < 1e4 else f"{v:.2g}"


def grid_rect(x0, x1, y0, y1, shape):
    """(x, y, w, h) for ImageItem.setRect so that pixel centres sit on the grid
    points of a (rows, cols) field spanning [x0, x1] × [y0, y1]."""
    dx, dy = (x1 - x0) / max(shape[1] - 1, 1), (y1 - y0) / max(shape[0] - 1, 1)
    return x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy


class ContourMap:
    """A heatmap of a field over a rectangle, with contour lines and a colour bar.

    The items are built once; :meth:`show` updates them. Colour levels are fixed
    per field (from :func:`contour_levels`), so colours never drift; a log field
    is drawn as log₁₀ Z (log₁₀(Z − min Z) when Z reaches 0 or below) and its colour
    bar is labelled in values of Z.
    """

    def __init__(self, plot, n_lines=10, label="L"):
        self.plot, self.n_lines, self.log, self.data, self.levels = plot, n_lines, False, None, None
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-20)
        plot.addItem(self.image)
        self.lines = ContourLines(CONTOUR_PEN, parent=self.image)
        self.bar = pg.ColorBarItem(colorMap=LOSS_CMAP, width=12, interactive=False,
                                   label=label, pen=pg.mkPen(150, 150, 150), colorMapMenu=False)
        self.bar.setImageItem(self.image, insert_in=plot.getPlotItem())
        self.bar.axis.setTextPen(pg.mkPen(60, 60, 60))
        self.bar.axis.setPen(pg.mkPen(150, 150, 150))
        self.bar.axis.enableAutoSIPrefix(False)
        self.bar.axis.setWidth(None)        # as wide as its tick labels (pyqtgraph fixes 45 px) at any text size

    def set_scale(self, Z):
        """Fix the colour levels and contour lines from the field ``Z`` (any shape)."""
        Z = np.asarray(Z, dtype=float)
        self.levels, self.log = contour_levels(Z, self.n_lines)
        finite = Z[np.isfinite(Z)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        self._lo, self._hi = lo, hi
        self._base = _log_base(lo)
        if self.log:
            l0, l1 = self.levels[:2] - self._base
            self._floor = l0 * l0 / l1                     # one geometric step below the first line
            self.bounds = (math.log10(self._floor), math.log10(hi - self._base))
            ticks = []                    # per decade the round value of L nearest base + 10^e
            for e in range(math.ceil(self.bounds[0]), math.floor(self.bounds[1]) + 1):
                v = round(self._base + 10.0 ** e, max(-e, 0)) + 0.0   # + 0.0: no "-0"
                if v - self._base >= self._floor:
                    ticks.append((math.log10(v - self._base), _tick(v)))
            self.bar.axis.setTicks([ticks, []])
        else:
            self.bounds = (lo, hi if hi > lo else lo + 1.0)
            self.bar.axis.setTicks(None)
        self.bar.setLevels(self.bounds)
        return self.levels

    def draw(self, Z, extent):
        """Draw ``Z`` (rows along y, columns along x) over ``extent`` = (x0, x1, y0, y1) on
        the scale of :meth:`set_scale`."""
        Z = np.asarray(Z, dtype=float)
        data = np.where(np.isfinite(Z), Z, self._hi)
        lines = self.levels
        if self.log:
            data = np.log10(np.maximum(data - self._base, self._floor))
            lines = np.log10(self.levels - self._base)
        self.data = data
        self.image.setImage(data, autoLevels=False, levels=self.bounds)
        self.image.setRect(*grid_rect(*extent, data.shape))
        self.lines.set_data(data, lines)

    def show(self, Z, extent):
        """:meth:`set_scale` and :meth:`draw` for the one field ``Z``; returns the contour levels."""
        self.set_scale(Z)
        self.draw(Z, extent)
        return self.levels


# ------------------------------------------------------------ contour lines

def contour_segments(Z, level):
    """The level set ``Z = level`` of a row-major grid as line segments, (S, 2, 2): S pairs
    of points (x, y) in the pixel coordinates of an ImageItem showing ``Z`` (pixel (i, j)
    spans [j, j + 1] × [i, i + 1], its value sits at its centre). Crossings are linear
    between neighbouring values; lines run on to the image's edge; NaN cells are left out.
    """
    Z = np.asarray(Z, dtype=float)
    n, m = Z.shape
    if not Z.size:
        return np.empty((0, 2, 2))
    P = np.pad(Z, 1, mode="edge")        # padded centres at −0.5 and n + 0.5: lines reach the edge
    up = P > level
    with np.errstate(invalid="ignore", divide="ignore"):
        th = (level - P[:, :-1]) / (P[:, 1:] - P[:, :-1])     # along rows, (n + 2, m + 1)
        tv = (level - P[:-1, :]) / (P[1:, :] - P[:-1, :])     # along columns, (n + 1, m + 2)
    cut_h, cut_v = up[:, :-1] != up[:, 1:], up[:-1, :] != up[1:, :]
    rows, cols = np.arange(n + 2)[:, None] - 0.5, np.arange(m + 2)[None, :] - 0.5
    h = np.stack(np.broadcast_arrays(cols[:, :-1] + th, rows), axis=-1)   # crossing points
    v = np.stack(np.broadcast_arrays(cols, rows[:-1] + tv), axis=-1)
    # each cell's four edges in turn: top, right, bottom, left
    pts = np.stack([h[:-1], v[:, 1:], h[1:], v[:, :-1]], axis=2)          # (n + 1, m + 1, 4, 2)
    cut = np.stack([cut_h[:-1], cut_v[:, 1:], cut_h[1:], cut_v[:, :-1]], axis=2)
    count = cut.sum(axis=2)
    two = count == 2
    first = np.argsort(~cut[two], axis=1, kind="stable")[:, :2]             # the two cut edges
    segs = [np.take_along_axis(pts[two], first[:, :, None], axis=1)]
    four = count == 4                     # a saddle cell: pair the edges by the centre's side
    if four.any():
        i, j = np.nonzero(four)
        centre = (P[i, j] + P[i, j + 1] + P[i + 1, j] + P[i + 1, j + 1]) / 4 > level
        joined = centre == up[i, j]       # the top-left corner is joined to the centre
        q = pts[four]
        segs.append(np.where(joined[:, None, None], q[:, [0, 1]], q[:, [0, 3]]))
        segs.append(np.where(joined[:, None, None], q[:, [2, 3]], q[:, [2, 1]]))
    out = np.concatenate(segs)
    out = out[np.isfinite(out).all(axis=(1, 2))]
    np.clip(out[..., 0], 0, m, out=out[..., 0])
    np.clip(out[..., 1], 0, n, out=out[..., 1])
    return out


class ContourLines(QGraphicsPathItem):
    """The contour lines of a grid at one or more levels, as one path; make it a child of
    the ImageItem that shows the grid (``setParentItem(image)``) so they line up."""

    def __init__(self, pen, parent=None):
        super().__init__(parent)
        self.setPen(pg.mkPen(pen))
        self.data = None

    def set_data(self, Z, levels=()):
        """Draw the lines of ``Z`` (row-major) at ``levels``; ``Z`` None clears them."""
        self.data = Z
        segs = [contour_segments(Z, float(level)) for level in levels] if Z is not None else []
        segs = np.concatenate(segs) if segs else np.empty((0, 2, 2))
        self.setPath(pg.arrayToQPath(segs[..., 0].ravel(), segs[..., 1].ravel(), connect="pairs"))
