"""The optimiser arena (lecture §5–6, README's tour): GD, SGD, momentum, Nesterov, AdaGrad, RMSProp
and Adam racing across the same 2-D loss surface, from the same start, each with the
common ε or its own.

A surface opens with its :class:`~nnviz.core.surfaces.Scene` (the race ``nnviz paths``
runs by default); its hint states the scene's claim only while the paths show it.

Everything runs in the GUI thread: 2-D paths are cheap. Any change of a setting
recomputes every path at once with :func:`~nnviz.core.surfaces.run_paths`; a
~30 fps timer then reveals the precomputed paths step by step (one line and one
head marker per optimiser, built once and updated with ``setData``). Beside the
contour plot: the loss against the iteration, a readout of ‖∇L‖ and the Hessian
eigenvalues at each moving point (a negative eigenvalue is a saddle direction)
and, for the ravine, the momentum convergence rate over (ε, μ).
"""
from __future__ import annotations

import math
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSizePolicy, QSlider, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ..core.notation import sup
from ..core.surfaces import (MAX_PLOT_VALUE, RACERS, RAVINE_AB, claim_holds, convergence_map, hessian_eigen,
                             make_surface, path_outcome, plot_field, run_paths, view_field)
from .i18n import explain
from .colors import NEG
from .plots import ContourMap, grid_rect, log_axis, make_plot
from .widgets import ERROR_STYLE, NOTE_STYLE

__all__ = ["ArenaView", "OPTIMIZERS", "COLORS"]

OPTIMIZERS = RACERS
LABELS = {
    "gd": QT_TRANSLATE_NOOP("ArenaView", "GD"),
    "sgd": QT_TRANSLATE_NOOP("ArenaView", "SGD"),
    "momentum": QT_TRANSLATE_NOOP("ArenaView", "Momentum SGD"),
    "nesterov": QT_TRANSLATE_NOOP("ArenaView", "Nesterov"),
    "adagrad": QT_TRANSLATE_NOOP("ArenaView", "AdaGrad"),
    "rmsprop": QT_TRANSLATE_NOOP("ArenaView", "RMSProp"),
    "adam": QT_TRANSLATE_NOOP("ArenaView", "Adam"),
}
COLORS = {"gd": (25, 25, 25), "sgd": NEG, "momentum": (30, 150, 60), "nesterov": (130, 80, 190),
          "adagrad": (150, 95, 40), "rmsprop": (20, 160, 170), "adam": (210, 40, 45)}
SURFACE_NAMES = {
    "ravine": QT_TRANSLATE_NOOP("ArenaView", "Ravine (SGD vs Momentum SGD)"),
    "saddle": QT_TRANSLATE_NOOP("ArenaView", "Saddle x² − y²"),
    "monkey": QT_TRANSLATE_NOOP("ArenaView", "Monkey saddle"),
    "rosenbrock": QT_TRANSLATE_NOOP("ArenaView", "Rosenbrock"),
    "himmelblau": QT_TRANSLATE_NOOP("ArenaView", "Himmelblau (four minima)"),
    "beale": QT_TRANSLATE_NOOP("ArenaView", "Beale"),
    "camel": QT_TRANSLATE_NOOP("ArenaView", "Six-hump camel"),
    "custom": QT_TRANSLATE_NOOP("ArenaView", "Custom formula…"),
}
#: The claims of scenes, shown only while :func:`~nnviz.core.surfaces.claim_holds` says they hold.
CLAIMS = {
    "ravine": QT_TRANSLATE_NOOP("ArenaView", "SGD zig-zags across the ravine, momentum SGD runs along it and gets further "
                                             "(lecture §6)."),
    "saddle": QT_TRANSLATE_NOOP("ArenaView", "GD lingers near the saddle point for many steps before it leaves; the noise of "
                                             "SGD pushes it off sooner (§5)."),
}
HINTS = {
    "ravine": QT_TRANSLATE_NOOP("ArenaView", "The ravine of the slide “SGD vs Momentum SGD”. ε > 2/20 = 0.1 diverges."),
    "saddle": QT_TRANSLATE_NOOP("ArenaView", "Started just off y = 0, the axis that runs into the saddle point."),
    "monkey": QT_TRANSLATE_NOOP("ArenaView", "A degenerate saddle: the Hessian is zero at the origin."),
    "rosenbrock": QT_TRANSLATE_NOOP("ArenaView", "A curved, flat-bottomed valley: easy to enter, slow to follow to the minimum "
                                                 "(1, 1)."),
    "himmelblau": QT_TRANSLATE_NOOP("ArenaView", "Four minima: which one is found depends on the start (§5). Click to move the "
                                                 "start."),
    "beale": QT_TRANSLATE_NOOP("ArenaView", "Steep walls and a flat floor: a large ε overshoots, a small one crawls."),
    "camel": QT_TRANSLATE_NOOP("ArenaView", "Six minima, two of them global, and saddles between them."),
    "custom": QT_TRANSLATE_NOOP("ArenaView", "Your formula L(x, y), with exact derivatives."),
}
CURVATURE = {
    "minimum": QT_TRANSLATE_NOOP("ArenaView", "curves up both ways"),
    "saddle": QT_TRANSLATE_NOOP("ArenaView", "saddle-shaped"),
    "maximum": QT_TRANSLATE_NOOP("ArenaView", "curves down"),
    "flat": QT_TRANSLATE_NOOP("ArenaView", "flat in one direction"),
}
AT = {
    "minimum": QT_TRANSLATE_NOOP("ArenaView", "at a minimum"),
    "saddle": QT_TRANSLATE_NOOP("ArenaView", "at a saddle point"),
    "maximum": QT_TRANSLATE_NOOP("ArenaView", "at a maximum"),
    "flat": QT_TRANSLATE_NOOP("ArenaView", "at a flat critical point"),
}
EPS_RANGE, GRID, FPS, CRITICAL_GRAD = (1e-5, 1.0), 161, 30, 1e-3
FAR = 3.0                    # a path is drawn until it leaves the view box enlarged FAR times
SYMBOLS = {"minimum": "star", "saddle": "x", "maximum": "t"}
COLUMNS = (
    QT_TRANSLATE_NOOP("ArenaView", "optimiser"),
    QT_TRANSLATE_NOOP("ArenaView", "t"),
    QT_TRANSLATE_NOOP("ArenaView", "L"),
    QT_TRANSLATE_NOOP("ArenaView", "‖∇L‖"),
    QT_TRANSLATE_NOOP("ArenaView", "λ₁"),
    QT_TRANSLATE_NOOP("ArenaView", "λ₂"),
    QT_TRANSLATE_NOOP("ArenaView", "here"),
)


def pretty(text):
    """Formula text for reading: x**2 → x², * → ·, - → −."""
    text = re.sub(r"\*\*(\d+)", lambda m: sup(m.group(1)), text)
    return text.replace("**", "^").replace("*", "·").replace(" - ", " − ")


def _swatch(rgb):
    pix = QPixmap(18, 10)
    pix.fill(QColor(*rgb))
    return QIcon(pix)


class ValueSlider(QWidget):
    """A horizontal slider over [lo, hi] (log-spaced with ``log``) and its value as text."""

    valueChanged = Signal(float)

    def __init__(self, lo, hi, value, log=False, fmt="{:.3g}", tip="", n=400):
        super().__init__()
        self.lo, self.hi, self.log, self.fmt, self.n = lo, hi, log, fmt, n
        self.slider, self.label = QSlider(Qt.Horizontal), QLabel()
        self.slider.setRange(0, n)
        self.label.setMinimumWidth(46)
        self.label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.setToolTip(tip)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.label)
        self._value = None
        self.setValue(value, quiet=True)
        self.slider.valueChanged.connect(lambda k: self.setValue(self._from_index(k), k))

    def _from_index(self, k):
        t = k / self.n
        return self.lo * (self.hi / self.lo) ** t if self.log else self.lo + (self.hi - self.lo) * t

    def _to_index(self, v):
        if self.log:
            return round(self.n * math.log(v / self.lo) / math.log(self.hi / self.lo))
        return round(self.n * (v - self.lo) / (self.hi - self.lo))

    def value(self):
        return self._value

    def setValue(self, v, index=None, quiet=False):
        """Set the value exactly (clipped to [lo, hi]); emit valueChanged unless ``quiet``."""
        v = float(min(max(v, self.lo), self.hi))
        if v == self._value:
            return
        self._value = v
        self.slider.blockSignals(True)
        self.slider.setValue(self._to_index(v) if index is None else index)
        self.slider.blockSignals(False)
        self.label.setText(self.fmt.format(v))
        if not quiet:
            self.valueChanged.emit(v)


class AspectBox(QWidget):
    """Holds ``plot`` and gives it the largest rectangle in which its view box has the shape of
    the data box (height / width = ``ratio``): with equal scales the surface fills the plot."""

    def __init__(self, plot, ratio=1.0):
        super().__init__()
        self.plot, self.ratio = plot, ratio
        plot.setParent(self)
        self.setMinimumSize(240, 160)
        plot.getPlotItem().vb.sigResized.connect(self._fit)

    def set_ratio(self, ratio):
        self.ratio = ratio
        self._fit()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit()

    def _fit(self, *_):
        vb = self.plot.getPlotItem().vb.geometry()
        # the axes' and colour bar's room around the view box (a guess before the first layout)
        ex, ey = ((self.plot.width() - vb.width(), self.plot.height() - vb.height()) if vb.width() > 10
                  else (110.0, 40.0))
        room_w, room_h = self.width() - ex, self.height() - ey
        if room_w <= 10 or room_h <= 10:
            self.plot.setGeometry(self.rect())
            return
        w = min(room_w, room_h / self.ratio)
        w_px, h_px = round(w + ex), round(w * self.ratio + ey)
        geometry = ((self.width() - w_px) // 2, (self.height() - h_px) // 2, w_px, h_px)
        if self.plot.geometry().getRect() != geometry:
            self.plot.setGeometry(*geometry)


class ArenaView(QWidget):
    """Optimisers side by side on an analytic surface L(x, y).

    Attributes for tests and the window: ``surface``, ``start`` (x, y), ``paths``
    (name → Path, from run_paths), ``lines`` / ``heads`` / ``loss_curves`` (name →
    item), ``step`` (the iteration shown), ``frames_drawn``, ``conv_marker``.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.surface = make_surface("ravine")
        self.start, self.paths, self.frames_drawn, self.step = self.surface.start, {}, 0, 0
        self._cursor, self._extent, self._shown = 0.0, (0, 0, 0, 0), {}
        self.timer = QTimer(self)
        self.timer.setInterval(1000 // FPS)
        self.timer.timeout.connect(self._tick)
        lay = QHBoxLayout(self)
        lay.addWidget(self._build_controls())
        self.figure = QWidget()                 # the plots, legend and table: what File → Export saves
        self.figure.setLayout(self._build_plots())
        self.figure.layout().setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.figure, 1)
        self.set_surface("ravine")

    def export_source(self):
        """What File → Export saves: the plots without the controls."""
        return self.figure

    # ------------------------------------------------------------ building
    def _build_controls(self):
        panel = QWidget()
        panel.setMinimumWidth(270)           # and as wide as its texts at a larger text size
        panel.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Preferred)
        col = QVBoxLayout(panel)
        col.setContentsMargins(0, 0, 0, 0)
        self.surface_combo = QComboBox()
        for key, text in SURFACE_NAMES.items():
            self.surface_combo.addItem(self.tr(text), key)
        self.surface_combo.setToolTip(self.tr("The loss L(x, y) the optimisers descend; "
                                              "w = (x, y) plays the weights"))
        self.surface_combo.currentIndexChanged.connect(self._on_surface_combo)
        self.formula = QLineEdit("x**2 + 3*sin(y)**2 + 0.1*y**2")
        self.formula.setToolTip(self.tr("L in x and y: + − * / ** ( ), numbers, pi, e, sin cos tan exp log "
                                        "sqrt abs tanh …; press Enter to apply"))
        self.formula.returnPressed.connect(self.apply_formula)
        self.formula_error = QLabel()
        self.formula_error.setWordWrap(True)
        self.formula_error.setStyleSheet(ERROR_STYLE)
        for w in (self.formula, self.formula_error):
            w.setVisible(False)
        self.preset = QPushButton(self.tr("GD lingers at the saddle"))
        self.preset.setToolTip(self.tr("Saddle x² − y², start just off y = 0: GD runs into the saddle point and "
                                       "lingers (∇L ≈ 0) before it leaves; the noise of SGD pushes it off "
                                       "sooner (lecture §5)"))
        self.preset.clicked.connect(self.preset_saddle)
        box = QGroupBox(self.tr("Surface"))
        form = QVBoxLayout(box)
        for w in (self.surface_combo, self.formula, self.formula_error, self.preset):
            form.addWidget(w)
        col.addWidget(box)

        box = QGroupBox(self.tr("Optimisers"))
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        tips = {"gd": self.tr("w ← w − ε∇L on the exact gradient (full-batch gradient descent)"),
                "sgd": self.tr("w ← w − ε(∇L + noise): the noisy gradient of one sample"),
                "momentum": self.tr("w ← w − ε∇L + μv, v = w − w_prev: inertia damps the zig-zag (§6)"),
                "nesterov": self.tr("Momentum with the gradient taken at the look-ahead point w + μv"),
                "adagrad": self.tr("AdaGrad: each coordinate's step divided by √(sum of its squared gradients)"),
                "rmsprop": self.tr("RMSProp: each coordinate's step divided by its running gradient size"),
                "adam": self.tr("Adam: each coordinate's step scaled by its running gradient size")}
        self.checks, self.own_eps = {}, {}
        for r, name in enumerate(OPTIMIZERS):
            check = self.checks[name] = QCheckBox(self.tr(LABELS[name]))
            check.setIcon(_swatch(COLORS[name]))
            check.setChecked(True)
            check.setToolTip(tips[name])
            check.toggled.connect(self.recompute)
            own = self.own_eps[name] = QDoubleSpinBox()
            own.setRange(0.0, EPS_RANGE[1])
            own.setDecimals(4)
            own.setSingleStep(0.005)
            own.setSpecialValueText(self.tr("= ε"))          # 0: the common ε of the slider below
            own.setToolTip(self.tr("This optimiser's own learning rate; “= ε”: the common ε below"))
            own.valueChanged.connect(self.recompute)
            grid.addWidget(check, r, 0)
            grid.addWidget(own, r, 1)
        col.addWidget(box)

        box = QGroupBox(self.tr("Settings"))
        form = QFormLayout(box)
        self.eps = ValueSlider(*EPS_RANGE, self.surface.eps, log=True, tip=self.tr(
            "Learning rate ε: too small converges slowly, too large oscillates and overshoots (§5)"))
        self.mu = ValueSlider(0.0, 0.99, 0.9, n=99, fmt="{:.2f}", tip=self.tr(
            "Momentum μ: how much of the last update v = w − w_prev carries on (§6)"))
        self.noise = ValueSlider(0.0, 5.0, 0.5, n=100, fmt="{:.2f}", tip=self.tr(
            "Standard deviation of the noise added to ∇L for every optimiser but GD"))
        self.steps = QSpinBox()
        self.steps.setRange(10, 2000)
        self.steps.setSingleStep(50)
        self.steps.setValue(200)
        self.steps.setToolTip(self.tr("Number of updates t"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 9999)
        self.seed.setToolTip(self.tr("Seed of the gradient noise (all optimisers see the same noise)"))
        self.speed = ValueSlider(3.0, 3000.0, 60.0, log=True, fmt="{:.0f}/s", n=100,
                                 tip=self.tr("Animation speed: updates shown per second"))
        for label, w in ((self.tr("ε"), self.eps), (self.tr("μ"), self.mu), (self.tr("noise"), self.noise),
                         (self.tr("steps"), self.steps), (self.tr("seed"), self.seed), (self.tr("speed"), self.speed)):
            form.addRow(label, w)
        for w in (self.eps, self.mu, self.noise):
            w.valueChanged.connect(self.recompute)
        for w in (self.steps, self.seed):
            w.valueChanged.connect(self.recompute)
        col.addWidget(box)

        self.replay = QPushButton(self.tr("Replay"))
        self.replay.clicked.connect(self.restart_animation)
        col.addWidget(self.replay)
        col.addStretch(1)
        return panel

    def _build_plots(self):
        self.plot = make_plot(self)
        self.plot.setMouseEnabled(False, False)
        self.plot.setAspectLocked(True)         # equal scales: the gradient is normal to the contours
        self.plot.setToolTip(self.tr("Click to start every optimiser from that point"))
        self.plot.setLabel("bottom", "x")
        self.plot.setLabel("left", "y")
        self.map = ContourMap(self.plot, n_lines=12)
        self.critical = pg.ScatterPlotItem(size=13, pen=pg.mkPen(20, 20, 20, width=1.2),
                                           brush=pg.mkBrush(255, 255, 255))
        self.start_marker = pg.ScatterPlotItem(size=12, symbol="o", pen=pg.mkPen(20, 20, 20, width=2),
                                               brush=pg.mkBrush(255, 255, 255, 230))
        self.lines, self.heads = {}, {}
        for z, name in enumerate(OPTIMIZERS):
            pen = pg.mkPen(*COLORS[name], width=2)
            self.lines[name] = pg.PlotDataItem(pen=pen)
            self.heads[name] = pg.ScatterPlotItem(size=11, pen=pg.mkPen("w", width=1.5),
                                                  brush=pg.mkBrush(*COLORS[name]))
            for item, base in ((self.lines[name], 10), (self.heads[name], 30)):
                item.setZValue(base + z)
                self.plot.addItem(item)
        for item, z in ((self.critical, 5), (self.start_marker, 40)):
            item.setZValue(z)
            self.plot.addItem(item)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.plot.getPlotItem().vb.sigRangeChanged.connect(self._draw_field)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.RichText)
        self.legend.setWordWrap(True)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(NOTE_STYLE)

        self.loss_plot = make_plot(self)
        log_axis(self.loss_plot)
        self.loss_plot.setMouseEnabled(False, False)
        self.loss_plot.showGrid(x=True, y=True, alpha=0.15)
        self.loss_plot.setLabel("bottom", self.tr("iteration t"))
        self.loss_plot.setLabel("left", self.tr("loss L"))
        self.loss_curves = {name: self.loss_plot.plot([], [], pen=pg.mkPen(*COLORS[name], width=2))
                            for name in OPTIMIZERS}
        self.loss_now = pg.InfiniteLine(0, angle=90, pen=pg.mkPen(140, 140, 140, style=Qt.DashLine))
        self.loss_plot.addItem(self.loss_now, ignoreBounds=True)

        self.table = QTableWidget(len(OPTIMIZERS), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        header = self.table.horizontalHeader()       # fixed widths: no re-layout as the numbers change
        header.setSectionResizeMode(QHeaderView.Fixed)
        header.setStretchLastSection(True)
        digits = self.table.fontMetrics().horizontalAdvance("−0.000000e+00")
        names = max(self.table.fontMetrics().horizontalAdvance(self.tr(LABELS[n])) for n in OPTIMIZERS) + 40
        for c, width in enumerate((names, digits // 2, digits, digits, digits * 3 // 4, digits * 3 // 4)):
            self.table.setColumnWidth(c, width)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setToolTip(self.tr("At each moving point: the gradient size ‖∇L‖ and the eigenvalues "
                                      "λ of the Hessian ∇²L. A negative λ is a direction that still goes "
                                      "down: where ∇L = 0 and some λ < 0 the point is a saddle."))
        for r, name in enumerate(OPTIMIZERS):
            for c in range(len(COLUMNS)):
                self.table.setItem(r, c, QTableWidgetItem())
                self.table.item(r, c).setTextAlignment(Qt.AlignRight | Qt.AlignVCenter if 0 < c < 6
                                                       else Qt.AlignLeft | Qt.AlignVCenter)
            self.table.item(r, 0).setIcon(_swatch(COLORS[name]))
            self.table.item(r, 0).setText(self.tr(LABELS[name]))

        side = QVBoxLayout()
        side.addWidget(self.loss_plot, 1)
        side.addWidget(self._build_convergence(), 1)
        top = QHBoxLayout()
        left = QVBoxLayout()
        self.plot_box = AspectBox(self.plot)
        left.addWidget(self.plot_box, 1)
        left.addWidget(self.legend)
        left.addWidget(self.caption)
        top.addLayout(left, 2)
        top.addLayout(side, 1)
        col = QVBoxLayout()
        col.addLayout(top, 1)
        col.addWidget(self.table)
        return col

    def _build_convergence(self):
        """The momentum rate on the ravine over (log ε, μ), computed once; a marker at (ε, μ)."""
        self.conv_box = QWidget()
        self.conv_plot = make_plot(self.conv_box)
        self.conv_plot.setMouseEnabled(False, False)
        self.conv_plot.setLabel("bottom", "ε")
        self.conv_plot.setLabel("left", "μ")
        lo, hi = (math.log10(v) for v in EPS_RANGE)
        eps, mu = np.logspace(lo, hi, 241), np.linspace(0.0, 0.99, 100)
        rate = convergence_map(*RAVINE_AB, eps, mu)          # the ravine make_surface("ravine") builds
        slow = np.clip(np.log10(1.0 / np.maximum(1.0 - rate, 1e-9)) / 3.0, 0.0, 1.0)[..., None]
        dark, light = np.array([18, 42, 86.0]), np.array([246, 247, 248.0])
        rgb = np.where(rate[..., None] >= 1.0, [235, 170, 160], dark + (light - dark) * slow)
        self.conv_image = pg.ImageItem(np.round(rgb).astype(np.uint8), axisOrder="row-major")
        self.conv_image.setRect(*grid_rect(lo, hi, 0.0, 0.99, rate.shape))
        self.conv_plot.addItem(self.conv_image)
        self.conv_plot.getAxis("bottom").setTicks(
            [[(float(k), "10" + sup(k)) for k in range(int(lo), int(hi) + 1)], []])
        self.conv_plot.setRange(xRange=(lo, hi), yRange=(0.0, 0.99), padding=0)
        self.conv_marker = pg.ScatterPlotItem(size=12, symbol="o", pen=pg.mkPen(255, 200, 0, width=2.5),
                                              brush=None)
        self.conv_plot.addItem(self.conv_marker)
        caption = QLabel(self.tr("Momentum on the ravine: rate of convergence per step over (ε, μ). "
                                 "Darker is faster; red: rate ≥ 1 diverges. ○ = current (ε, μ)."))
        caption.setWordWrap(True)
        caption.setStyleSheet(NOTE_STYLE)
        lay = QVBoxLayout(self.conv_box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.conv_plot, 1)
        lay.addWidget(caption)
        return self.conv_box

    # ------------------------------------------------------------ surface
    def set_surface(self, name, formula=None):
        """Switch to surface ``name`` ("custom" needs ``formula``). A bad formula is shown
        in red under the field and the old surface stays; returns True on success."""
        try:
            surface = make_surface(name, formula=formula)
            *_, Z, off_scale = view_field(surface, GRID)
        except ValueError as err:                # FormulaError, no formula at all, nothing to draw
            self._formula_message(explain(err), ERROR_STYLE)
            if getattr(err, "column", None):
                self.formula.setSelection(err.column - 1, 1)
            return False
        self._formula_message(self.tr("L(x, y) is infinite or beyond ±{0:g} in part of the plot: drawn "
                                      "there in the top colour.").format(MAX_PLOT_VALUE) if off_scale else "",
                              NOTE_STYLE)
        self.surface, self.start, self._Z = surface, surface.start, Z
        self.surface_combo.blockSignals(True)
        self.surface_combo.setCurrentIndex(self.surface_combo.findData(name))
        self.surface_combo.blockSignals(False)
        self.formula.setVisible(name == "custom")
        self._apply_scene(surface.scene)
        self._show_surface()
        return True

    def _apply_scene(self, scene):
        """Set every control to ``scene`` (the surface's own: what ``nnviz paths`` runs), quietly."""
        own = dict(scene.own_eps)
        boxes = (self.steps, self.seed, *self.checks.values(), *self.own_eps.values())
        for w in boxes:
            w.blockSignals(True)
        for name in OPTIMIZERS:
            self.checks[name].setChecked(name in scene.optimizers)
            self.own_eps[name].setValue(own.get(name, 0.0))
        self.steps.setValue(scene.steps)
        self.seed.setValue(scene.seed)
        for w in boxes:
            w.blockSignals(False)
        self.eps.setValue(self.surface.eps, quiet=True)
        self.mu.setValue(scene.mu, quiet=True)
        self.noise.setValue(scene.noise, quiet=True)

    def _formula_message(self, text, style):
        """The line under the formula: an error (the old surface stays), a note, or nothing."""
        self.formula_error.setText(text)
        self.formula_error.setStyleSheet(style)
        self.formula_error.setVisible(bool(text))

    def apply_formula(self):
        """Parse the formula field into the custom surface (see :meth:`set_surface`)."""
        return self.set_surface("custom", self.formula.text())

    def _on_surface_combo(self):
        name = self.surface_combo.currentData()
        self.formula.setVisible(name == "custom")
        if name == "custom":
            self.apply_formula()
        else:
            self.set_surface(name)

    def _show_surface(self):
        s = self.surface
        x0, x1, y0, y1 = s.view
        self.map.set_scale(self._Z)              # fixed colours and contour levels per surface
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.plot_box.set_ratio((y1 - y0) / (x1 - x0))
        self._draw_field(force=True)
        crit = [(p, k) for k, p in s.critical if x0 <= p[0] <= x1 and y0 <= p[1] <= y1]
        self.critical.setData([{"pos": p, "symbol": SYMBOLS[k]} for p, k in crit])
        finite = self._Z[np.isfinite(self._Z)]
        self._zrange = (finite.min(), finite.max()) if finite.size else (0.0, 1.0)
        self._loss_log = bool(finite.size and finite.min() >= 0)
        self.loss_plot.setLogMode(y=self._loss_log)
        self.conv_box.setVisible(s.name == "ravine")
        self.recompute()

    def _draw_field(self, *_, force=False):
        """Draw L over the whole visible box (wider than the surface's view when the plot's
        shape differs), on the surface's fixed colour scale."""
        if self.map.levels is None:
            return
        (x0, x1), (y0, y1) = self.plot.getPlotItem().vb.viewRange()
        extent = (x0, x1, y0, y1)
        if not force and np.allclose(extent, self._extent, rtol=1e-3):
            return
        self._extent = extent
        wide = max(x1 - x0, y1 - y0)
        nx, ny = (max(20, round(GRID * (x1 - x0) / wide)), max(20, round(GRID * (y1 - y0) / wide)))
        X, Y = np.meshgrid(np.linspace(x0, x1, nx), np.linspace(y0, y1, ny))
        self.map.draw(plot_field(self.surface, X, Y), extent)

    def _on_click(self, event):
        vb = self.plot.getPlotItem().vb
        if event.button() == Qt.LeftButton and vb.sceneBoundingRect().contains(event.scenePos()):
            p = vb.mapSceneToView(event.scenePos())
            self._set_start(p.x(), p.y())

    def _set_start(self, x, y):
        """Start every optimiser from (x, y) and run again."""
        self.start = (float(x), float(y))
        self.recompute()

    def preset_saddle(self):
        """The saddle's scene: GD vs SGD on x² − y² from just off the stable line y = 0."""
        self.set_surface("saddle")

    # ------------------------------------------------------------ paths
    def checked(self):
        """Names of the optimisers whose box is ticked, in display order."""
        return [n for n in OPTIMIZERS if self.checks[n].isChecked()]

    def recompute(self, *_):
        """Run the ticked optimisers with the current settings and restart the animation."""
        names = self.checked()
        self.paths = run_paths(self.surface, self.start, names, self.eps.value(), mu=self.mu.value(),
                               steps=self.steps.value(), noise=self.noise.value(), seed=self.seed.value(),
                               own_eps=self.own_eps_values())
        self.start_marker.setData([self.start[0]], [self.start[1]])
        eps_momentum = self.own_eps_values().get("momentum", self.eps.value())    # the ε momentum runs with
        self.conv_marker.setData([math.log10(max(eps_momentum, EPS_RANGE[0]))], [self.mu.value()])
        x0, x1, y0, y1 = self.surface.view
        cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, FAR * (x1 - x0) / 2, FAR * (y1 - y0) / 2
        entries = []
        for r, name in enumerate(OPTIMIZERS):
            shown = name in self.paths
            for item in (self.lines[name], self.heads[name], self.loss_curves[name]):
                item.setVisible(shown)
            self.table.setRowHidden(r, not shown)
            if shown:                         # drawn up to the first point far outside the view
                p = self.paths[name].points
                out = np.flatnonzero((np.abs(p[:, 0] - cx) > hx) | (np.abs(p[:, 1] - cy) > hy))
                self._shown[name] = int(out[0]) if out.size else len(p) - 1
                rgb = "rgb({},{},{})".format(*COLORS[name])
                status = self._status(name)
                style = ERROR_STYLE if path_outcome(self.paths[name], self.surface)[0] == "diverged" else NOTE_STYLE
                entries.append(f'<span style="color:{rgb}">━━</span>&nbsp;{self.tr(LABELS[name])}'
                               + (f'&nbsp;<span style="{style}">{status}</span>' if status else ""))
        self.legend.setText(" &nbsp;&nbsp; ".join(entries))
        self.table.setFixedHeight(24 + 22 * max(len(self.paths), 1) + 4)     # no empty rows
        self._show_caption()
        self._fit_loss_range()
        self.restart_animation()

    def own_eps_values(self):
        """name → ε of the optimisers with their own learning rate (box not at “= ε”)."""
        return {n: box.value() for n, box in self.own_eps.items() if box.value() > 0}

    def _show_caption(self):
        """The formula, the surface's hint, and its scene's claim while the paths show it."""
        claim = self.tr(CLAIMS[self.surface.name]) + " " if claim_holds(self.surface, self.paths) else ""
        self.caption.setText(f"L(x, y) = {pretty(self.surface.text)}<br>{claim}{self.tr(HINTS[self.surface.name])} "
                             + self.tr("★ minimum ✕ saddle ○ start — click to move the start."))

    def _status(self, name):
        """How the path ended (see :func:`~nnviz.core.surfaces.path_outcome`), as words, or ""."""
        kind, k = path_outcome(self.paths[name], self.surface)
        if kind == "left":
            return self.tr("left the plotted region at step {0}").format(k)
        return self.tr("diverged at step {0}").format(k) if kind == "diverged" else ""

    def _fit_loss_range(self):
        n = max([p.stop_step for p in self.paths.values()] + [1])
        self.loss_plot.setXRange(0, n, padding=0.02)
        losses = np.concatenate([p.losses for p in self.paths.values()] or [np.zeros(1)])
        losses = losses[np.isfinite(losses) & ((losses > 0) | (not self._loss_log))]
        if not losses.size:
            return
        lo, hi = losses.min(), losses.max()
        if self._loss_log:
            lo, hi = math.log10(max(lo, hi * 1e-12)), math.log10(hi)
        else:                                  # beyond the surface's own range L is off the plot
            zlo, zhi = self._zrange
            lo, hi = max(lo, zlo - 0.25 * (zhi - zlo)), min(hi, zhi)
        self.loss_plot.setYRange(lo, hi if hi > lo else lo + 1, padding=0.05)

    def restart_animation(self):
        """Reveal the paths again from t = 0 at the chosen speed."""
        self._cursor = 0.0
        self.show_step(0)
        self.timer.start()

    def skip_to_end(self):
        """Stop the animation and draw the whole paths."""
        self.timer.stop()
        self.show_step(max([p.stop_step for p in self.paths.values()] + [0]))

    def _tick(self):
        if not self.isVisible():          # a hidden tab: hold the animation, spend nothing
            return
        self._cursor += self.speed.value() / FPS
        end = max([p.stop_step for p in self.paths.values()] + [0])
        self.show_step(min(int(self._cursor), end))
        self.frames_drawn += 1
        if self._cursor >= end:
            self.timer.stop()

    def show_step(self, t):
        """Draw every path up to iteration ``t`` (each stops at its own last step)."""
        self.step = int(t)
        self.loss_now.setValue(self.step)
        self.table.setUpdatesEnabled(False)            # one repaint for all rows
        for r, name in enumerate(OPTIMIZERS):
            path = self.paths.get(name)
            if path is None:
                continue
            k = min(self.step, path.stop_step)
            pts = path.points[:min(k, self._shown[name]) + 1]
            self.lines[name].setData(pts[:, 0], pts[:, 1])
            self.heads[name].setData(pts[-1:, 0], pts[-1:, 1])
            y = path.losses[:k + 1]
            keep = np.isfinite(y) & ((y > 0) | (not self._loss_log))
            self.loss_curves[name].setData(np.arange(k + 1)[keep], y[keep])
            self._readout(r, name, path, k)
        self.table.setUpdatesEnabled(True)

    def _readout(self, row, name, path, k):
        w = path.points[k]
        g = float(np.linalg.norm(self.surface.gradient(w)))
        lam, label = hessian_eigen(self.surface, w)
        kind, at = path_outcome(path, self.surface)
        ended = kind == "left" and k >= at or kind == "diverged" and k == path.stop_step
        if ended:
            here = self._status(name)
        else:
            here = self.tr(AT[label] if g < CRITICAL_GRAD else CURVATURE[label])
        texts = (str(k), f"{path.losses[k]:.4g}", f"{g:.3g}", f"{lam[0]:.3g}", f"{lam[1]:.3g}", here)
        for c, text in enumerate(texts, start=1):
            item = self.table.item(row, c)
            if item.text() != text:
                item.setText(text)
        for c, v in ((4, lam[0]), (5, lam[1])):
            self.table.item(row, c).setForeground(QColor(200, 80, 0) if v < 0 else QColor(40, 40, 40))
        self.table.item(row, 6).setForeground(QColor(192, 57, 43) if ended and kind == "diverged"
                                              else QColor(40, 40, 40))
        self.table.item(row, 6).setToolTip(explain(path.reason) if ended and path.reason else "")
