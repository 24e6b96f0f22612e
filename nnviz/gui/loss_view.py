"""The loss curve of the running training (lecture §5, README's tour) and the quality metrics beside it.

:class:`LossView` draws the train and test loss of ``Snapshot.history`` against
the step or the epoch, optionally on a log scale, reads out the values under
the mouse, and shows accuracy with a confusion matrix (classification) or RMSE
and R² (regression). A comparison (``Snapshot.runs``) overlays every run's training
loss in its colour, labelled in the legend; clicking a curve or its legend entry
selects that run (``run_selected``), and a line under the plot says who reached
95 % training accuracy at which step (classification) or each final loss. Every item is built once in ``__init__``;
:meth:`LossView.show_snapshot` only updates them.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ..training.compare import GOAL_ACCURACY, MAX_RUNS
from .colors import NEG, POS, RUN_COLORS, class_color, qcolor
from .plots import LogAxis

__all__ = ["LossView", "ConfusionTable"]

DASH = "—"                            # shown for a value that does not exist (no test set)
TRAIN_COLOR, TEST_COLOR = POS, NEG
COLUMNS = {QT_TRANSLATE_NOOP("LossView", "step"): 0, QT_TRANSLATE_NOOP("LossView", "epoch"): 1}   # x choices → Snapshot.history
MIN_SPAN = {"step": 10.0, "epoch": 1.0}   # the x axis never spans less (a run at step 0)
TRAIN, TEST = 2, 3                    # loss columns of Snapshot.history
INK = "#404040"                       # text colour of labels and axes


MAX_CHARS = 10                        # a printed value never widens its label past this


def _fmt(v, spec=".4g"):
    """``v`` formatted with ``spec``, or a dash for NaN / None; a value that would print longer than
    :data:`MAX_CHARS` (R² = −8.8e+307 of a diverged run in ".3f") in 3 significant digits."""
    if v is None or not math.isfinite(v):
        return DASH
    text = format(v, spec)
    return text if len(text) <= MAX_CHARS else format(v, ".3g")


def _pct(v):
    return DASH if v is None or not math.isfinite(v) else f"{100 * v:.1f} %"


class ConfusionTable(QTableWidget):
    """A K × K confusion matrix: rows the true class, columns the predicted one, shaded by count.

    The cells are made only when K changes; :meth:`show_counts` rewrites their text and colour.
    """

    CELL, MAX_SIDE = 34, 320           # pixels: one cell; the table scrolls beyond MAX_SIDE

    def __init__(self):
        super().__init__(0, 0)
        self._names = []
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.setFocusPolicy(Qt.NoFocus)
        for header, mode in ((self.horizontalHeader(), QHeaderView.ResizeToContents),
                             (self.verticalHeader(), QHeaderView.Fixed)):
            header.setSectionResizeMode(mode)
            header.setDefaultSectionSize(self.CELL)
            header.setMinimumSectionSize(self.CELL)

    def set_class_names(self, names):
        """Label rows and columns with ``names`` (class k → names[k]) instead of 0, 1, …"""
        self._names = [str(n) for n in names]
        self._label_classes()

    def show_counts(self, counts):
        """counts: (K, K) integers, counts[i, j] = samples of true class i predicted as j."""
        counts = np.asarray(counts)
        K = len(counts)
        if self.rowCount() != K:
            self.setRowCount(K)
            self.setColumnCount(K)
            for i in range(K):
                for j in range(K):
                    self.setItem(i, j, QTableWidgetItem())
                    self.item(i, j).setTextAlignment(Qt.AlignCenter)
            self._label_classes()
        white, ink = np.array([255, 255, 255]), np.array(POS)
        for (i, j), n in np.ndenumerate(counts):
            t = n / max(counts.max(), 1)
            self.item(i, j).setText(str(int(n)))
            self.item(i, j).setBackground(QColor(*np.round(white + (ink - white) * t).astype(int)))
            self.item(i, j).setForeground(QColor("white" if t > 0.55 else "#202020"))
        self._fit()

    def _label_classes(self):
        for k in range(self.rowCount()):
            pix = QPixmap(10, 10)
            pix.fill(class_color(k))                       # the class's colour in the data plots
            text = self._names[k] if k < len(self._names) else str(k)
            self.setVerticalHeaderItem(k, QTableWidgetItem(QIcon(pix), text))
            self.setHorizontalHeaderItem(k, QTableWidgetItem(QIcon(pix), text))
        self._fit()

    def _fit(self):
        """Size the table to its cells (up to MAX_SIDE), so it never shows empty space."""
        frame, hor, ver = 2 * self.frameWidth(), self.horizontalHeader(), self.verticalHeader()
        hor.resizeSections(QHeaderView.ResizeToContents)
        self.setFixedSize(min(ver.sizeHint().width() + hor.length() + frame, self.MAX_SIDE),
                          min(hor.sizeHint().height() + ver.length() + frame, self.MAX_SIDE))


def run_label(label):
    """A run's label in the window's language (a scene's labels are translated, context "presets")."""
    return QCoreApplication.translate("presets", label)


def _least_height(column):
    """The height a QVBoxLayout needs at least: its shown items at their minimum heights, a
    wrapped label at its height for the width it has."""
    heights = []
    for item in (column.itemAt(i) for i in range(column.count())):
        w = item.widget()
        if w is None:                                   # a nested layout or a spacing
            heights.append(item.minimumSize().height())
        elif w.isVisible():
            wraps = isinstance(w, QLabel) and w.wordWrap()
            heights.append(w.heightForWidth(w.width()) if wraps else w.minimumSizeHint().height())
    return sum(heights) + column.spacing() * (len(heights) - 1)


class LossView(QWidget):
    """Train and test loss against step or epoch, plus accuracy / RMSE, R² and a confusion matrix.

    Public widgets: ``plot`` (PlotWidget), ``train_curve`` and ``test_curve``
    (PlotDataItems), ``x_combo``, ``log_check``, ``readout`` (the hover label),
    ``values`` (row → (train QLabel, test QLabel); rows loss, accuracy, rmse, r2)
    and ``confusion`` (:class:`ConfusionTable`); ``run_curves`` (one PlotDataItem per run of a
    comparison) and ``result`` (the line above the plot that says which run reached the goal when).

    Signals
    -------
    run_selected(int)   the user clicked run i's curve or legend entry
    """

    run_selected = Signal(int)

    def heightForWidth(self, width):
        """Its least height: the plot at its minimum, the wrapped lines above and below it (the
        result, the hover readout) as tall as they wrap at the width they have, so that a short
        dock scrolls instead of squeezing them. (The layout's own height for width would take the
        plot's preferred height, and scroll the result line out of sight.)"""
        margins = self.layout().contentsMargins()
        return max(self.minimumSizeHint().height(),
                   max(map(_least_height, self._columns)) + margins.top() + margins.bottom())

    def __init__(self, parent=None):
        super().__init__(parent)
        self._history = np.empty((0, 6))   # Snapshot.history: the columns of training.history.COLUMNS
        self._runs, self._selected, self._legend_key = (), 0, None
        self._version = self._hover_x = None
        self._ranges, self._following = None, True
        lay = QHBoxLayout(self)
        self._columns = (self._build_plot(), self._build_metrics())
        lay.addLayout(self._columns[0], 1)
        lay.addLayout(self._columns[1])
        self.x_combo.currentIndexChanged.connect(self._on_axis_changed)
        self.log_check.toggled.connect(self._on_log_toggled)
        self._proxy = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30,
                                     slot=self._on_mouse_moved)
        self.plot.installEventFilter(self)                 # to see the mouse leave the plot
        self.plot.getPlotItem().getViewBox().sigRangeChangedManually.connect(self._on_manual_range)
        self.plot.getPlotItem().disableAutoRange()
        self._on_axis_changed()

    def _build_plot(self):
        self.x_combo, self.log_check = QComboBox(), QCheckBox(self.tr("log scale"))
        for key in COLUMNS:
            self.x_combo.addItem(self.tr(key), key)
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("x axis:")), self.x_combo, self.log_check):
            bar.addWidget(w)
        bar.insertSpacing(2, 12)
        bar.addStretch(1)
        self.plot = pg.PlotWidget(background="w", axisItems={"left": LogAxis("left")})
        item = self.plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        item.setMenuEnabled(False)
        item.hideButtons()
        for side in ("left", "bottom"):
            item.getAxis(side).setTextPen(INK)
            item.getAxis(side).setPen((150, 150, 150))
            item.getAxis(side).enableAutoSIPrefix(False)
        item.setLabel("left", self.tr("loss"), color=INK)
        self._legend = item.addLegend(offset=(-8, 8), brush=pg.mkBrush(255, 255, 255, 210),
                                      pen=pg.mkPen(200, 200, 200), labelTextColor=INK)
        self.train_curve = item.plot([], [], name=self.tr("train loss"),
                                     pen=pg.mkPen(qcolor(TRAIN_COLOR), width=2))
        self.test_curve = item.plot([], [], name=self.tr("test loss"),
                                    pen=pg.mkPen(qcolor(TEST_COLOR), width=2))
        self.run_curves = []
        for i in range(MAX_RUNS):
            curve = pg.PlotDataItem([], [], pen=pg.mkPen(qcolor(RUN_COLORS[i]), width=2))
            curve.setCurveClickable(True, width=8)
            curve.sigClicked.connect(lambda *_, i=i: self.run_selected.emit(i))
            item.addItem(curve)
            self.run_curves.append(curve)
        self._legend.sigSampleClicked.connect(self._on_legend_clicked)
        self._vline = pg.InfiniteLine(angle=90, pen=pg.mkPen(120, 120, 120, style=Qt.DashLine))
        self._markers = pg.PlotDataItem([], [], pen=None, symbol="o", symbolSize=7,
                                        symbolPen=pg.mkPen("w", width=1.5))
        for extra in (self._vline, self._markers):
            item.addItem(extra, ignoreBounds=True)
        self.readout = QLabel()
        self.readout.setStyleSheet(f"color: {INK};")
        self.readout.setWordWrap(True)       # a narrow dock wraps it: the numbers beside the plot stay in view
        self.result = QLabel(wordWrap=True)
        self.result.setStyleSheet(f"color: {INK}; font-weight: bold;")
        self.result.hide()
        column = QVBoxLayout()
        column.addLayout(bar)
        column.addWidget(self.result)        # above the plot: in view however low the dock is
        column.addWidget(self.plot, 1)
        column.addWidget(self.readout)
        return column

    def _build_metrics(self):
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        train_word = self.tr("train")
        test_word = self.tr("test")
        rows = (("", "", f"<b>{train_word}</b>", f"<b>{test_word}</b>"),
                ("loss", self.tr("loss")),
                ("accuracy", self.tr("accuracy")), ("rmse", self.tr("RMSE")), ("r2", self.tr("R²")))
        self.values, self._rows = {}, {}
        for r, (key, *texts) in enumerate(rows):
            labels = [QLabel(t) for t in texts] + [QLabel(DASH) for _ in range(3 - len(texts))]
            for c, label in enumerate(labels):
                label.setAlignment(Qt.AlignRight if c else Qt.AlignLeft)
                grid.addWidget(label, r, c)
            self._rows[key] = labels
            if key:
                self.values[key] = tuple(labels[1:])
        self._confusion_title = QLabel()
        self._confusion_note = QLabel(self.tr("rows: true class · columns: predicted"))
        self._confusion_note.setStyleSheet("color: #606060;")
        self._confusion_note.setWordWrap(True)     # at a large text size it would set the view's width
        self.confusion = ConfusionTable()
        column = QVBoxLayout()
        column.addLayout(grid)
        column.addSpacing(10)
        for w in (self._confusion_title, self._confusion_note, self.confusion):
            column.addWidget(w)
        column.addStretch(1)
        return column

    # ---------------------------------------------------------------- updates
    def show_snapshot(self, snap):
        """Draw ``snap.history`` (n, 6) and ``snap.metrics``; a new ``snap.version`` restarts the view.

        A new run's history starts short again; the curves simply follow it.
        """
        if snap.version != self._version:
            self._version, self._hover_x = snap.version, None
            self._follow_data()
        self._history = np.asarray(snap.history, dtype=float).reshape(-1, 6)
        self._runs, self._selected = (snap.runs if len(snap.runs) > 1 else ()), snap.selected
        self._update_curves()
        self.result.setVisible(bool(self._runs))
        if self._runs:
            self.result.setText(self.result_text(self._runs, snap.task != "regression"))
        self._show_metrics(snap)

    def set_class_names(self, names):
        """Name the classes in the confusion matrix: class k is ``names[k]``."""
        self.confusion.set_class_names(names)

    def _update_curves(self):
        h, log, runs = self._history, self.log_check.isChecked(), self._runs
        column = COLUMNS[self.x_combo.currentData()]
        x, xs, shown = h[:, column], [h[:, column]], []

        def draw(curve, rows, col):
            y = rows[:, col]
            keep = np.isfinite(y) & ((y > 0) | (not log))  # log10 of 0 or less does not exist
            curve.setData(rows[keep, column], y[keep])
            shown.append(y[keep])
        draw(self.test_curve, h, TEST)
        draw(self.train_curve, h if not runs else h[:0], TRAIN)
        for i, curve in enumerate(self.run_curves):
            rows = np.asarray(runs[i].history, dtype=float).reshape(-1, 6) if i < len(runs) else h[:0]
            draw(curve, rows, TRAIN)
            curve.setZValue(2 if i == self._selected else 1)
            xs.append(rows[:, column])
        x = np.concatenate(xs)
        self._fit_ranges(np.array([x.min(), x.max()]) if len(x) else x, np.concatenate(shown))
        color = qcolor(RUN_COLORS[self._selected] if runs else TEST_COLOR)
        self.test_curve.setPen(pg.mkPen(color, width=2, style=Qt.DashLine if runs else Qt.SolidLine))
        self._update_legend(not len(h) or bool(np.isfinite(h[:, TEST]).any()))
        self._hover_at(self._hover_x)

    def _update_legend(self, has_test):
        """The legend: train and test loss of one run, or every run's label and the selected run's
        test loss (listed only when there is a test set)."""
        runs = self._runs
        key = (tuple(r.label for r in runs), self._selected if runs else None, has_test)
        if key == self._legend_key:
            return
        self._legend_key = key
        self._legend.clear()
        if not runs:
            self._legend.addItem(self.train_curve, self.tr("train loss"))
        for i, r in enumerate(runs):
            self._legend.addItem(self.run_curves[i], ("▶ " if i == self._selected else "") + run_label(r.label))
        if has_test:
            self._legend.addItem(self.test_curve, self.tr("test loss (selected run)") if runs else self.tr("test loss"))

    def _on_legend_clicked(self, item):
        item.setVisible(True)          # pyqtgraph's legend would hide the curve: here a click selects
        if item in self.run_curves:
            self.run_selected.emit(self.run_curves.index(item))

    def result_text(self, runs, classification):
        """One line about a comparison's runs (RunCurve): who reached GOAL_ACCURACY at which
        step, or, for regression, the final training losses."""
        parts = []
        for r in runs:
            label, h = run_label(r.label), np.asarray(r.history, dtype=float).reshape(-1, 6)
            if not classification:
                parts.append(self.tr("{0}: L = {1}").format(label, _fmt(h[-1, TRAIN] if len(h) else None)))
            elif r.reached is not None:
                parts.append((self.tr("{0} reached {1:g} % at step {2:,}") if not any(
                    p for p in parts if p) else self.tr("{0} at step {2:,}")).format(label, 100 * GOAL_ACCURACY,
                                                                                    r.reached))
            else:
                acc = h[:, 4][np.isfinite(h[:, 4])] if len(h) else h[:0, 4]
                best = _pct(float(acc.max())) if len(acc) else DASH
                parts.append(self.tr("{0} stopped: {1} (best {2})").format(label, r.stopped, best) if r.stopped
                             else self.tr("{0} not yet (best {1})").format(label, best))
        head = "" if classification else self.tr("Final training loss — ")
        return head + ", ".join(parts)

    def _on_axis_changed(self):
        self.plot.getPlotItem().setLabel("bottom", self.x_combo.currentText(), color=INK)
        self._hover_x = None
        self._follow_data()
        self._update_curves()

    def _on_log_toggled(self, on):
        self.plot.getPlotItem().setLogMode(x=False, y=on)
        self._follow_data()
        self._update_curves()

    # ---------------------------------------------------------------- ranges
    def _follow_data(self):
        """Fit the ranges to all the data again at the next :meth:`_update_curves` (after a
        new run, another x axis or scale, or a zoom by hand)."""
        self._ranges, self._following = None, True

    def _on_manual_range(self, *_):
        self._following = False            # zoomed or panned by hand: leave the ranges alone

    def _fit_ranges(self, x, ys):
        """Keep the curves in view with ranges that change seldom: every change of range
        repaints both axes, which costs more than the curves. x runs to the next round
        number (1, 1.5, 2, 3, 5, 7.5 × 10ⁿ) past the data; y starts at 0 (a loss is never
        negative) or, in log scale, at whole decades, and changes only when the data leave
        it or fill less than half of it."""
        if not self._following or not len(x) or not len(ys):
            return
        x0, x1 = float(x[0]), float(x[-1])
        lo, hi = float(np.min(ys)), float(np.max(ys))
        if self.log_check.isChecked():
            lo, hi = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
            y_range = (lo, max(hi, lo + 1))
        else:
            top = hi * 1.08 if hi > 0 else 1.0
            y_range = (min(lo * 1.08, 0.0), top)
        old = self._ranges
        if old is not None:
            (ox0, ox1), (oy0, oy1) = old
            if ox0 <= x0 and x1 <= ox1 and oy0 <= y_range[0] and y_range[1] <= oy1 and \
                    (y_range[1] - y_range[0]) > 0.5 * (oy1 - oy0) and (x1 - x0) > 0.5 * (ox1 - ox0):
                return
        span = max(x1 - x0, MIN_SPAN[self.x_combo.currentData()])   # one point: a short axis
        decade = 10.0 ** math.floor(math.log10(span))
        nice = next(m * decade for m in (1, 1.5, 2, 3, 5, 7.5, 10, 15) if m * decade >= span * 1.02)
        self._ranges = ((x0, x0 + nice), y_range)
        self.plot.getPlotItem().getViewBox().setRange(xRange=self._ranges[0], yRange=y_range, padding=0)

    # ---------------------------------------------------------------- hover
    def eventFilter(self, obj, event):
        if obj is self.plot and event.type() == QEvent.Leave:
            self._hover_at(None)
        return super().eventFilter(obj, event)

    def _on_mouse_moved(self, args):
        vb, pos = self.plot.getPlotItem().getViewBox(), args[0]
        self._hover_at(vb.mapSceneToView(pos).x() if vb.sceneBoundingRect().contains(pos) else None)

    def _hover_at(self, x):
        """Read out the history point nearest to ``x`` (in x-axis units); None: the latest point.

        Marks the point on the plot while hovering; sets and returns the readout text
        ("" before the first point).
        """
        self._hover_x, h = x, self._history
        hovering = x is not None and len(h) > 0
        self._vline.setVisible(hovering)
        self._markers.setData([], [])
        if not len(h):
            self.readout.setText("")
            return ""
        xs = h[:, COLUMNS[self.x_combo.currentData()]]
        i = int(np.argmin(np.abs(xs - x))) if hovering else len(h) - 1
        step, epoch, train, test = h[i, :4]
        if hovering:
            self._vline.setValue(xs[i])
            ys = [(y, c) for y, c in ((train, TRAIN_COLOR), (test, TEST_COLOR))
                  if math.isfinite(y) and (y > 0 or not self.log_check.isChecked())]
            self._markers.setData([xs[i]] * len(ys), [y for y, _ in ys],
                                  symbolBrush=[qcolor(c) for _, c in ys])
        text = self.tr("step {step}   epoch {epoch}   train loss {train}   test loss {test}").format(
            step=int(step), epoch=_fmt(epoch, ".2f"), train=_fmt(train), test=_fmt(test))
        self.readout.setText(text)
        return text

    # ---------------------------------------------------------------- metrics
    def _label_outputs(self, m):
        """Several outputs: RMSE and R² are over all of them (pooled), and say so; each value's
        tooltip gives the R² of every output alone."""
        k = len(m.get("train_r2_each", ()))
        self._rows["rmse"][0].setText(self.tr("RMSE (all {0} outputs)").format(k) if k else self.tr("RMSE"))
        self._rows["r2"][0].setText(self.tr("R² (all {0} outputs, pooled)").format(k) if k else self.tr("R²"))
        for label, part in zip(self._rows["r2"][1:], ("train", "test")):
            each = m.get(f"{part}_r2_each", ())
            label.setToolTip(self.tr("R² of each output alone: {0}").format(" · ".join(
                self.tr("output {0}: {1}").format(i + 1, _fmt(v, ".3f")) for i, v in enumerate(each)))
                if each else "")

    def _show_metrics(self, snap):
        m, regression = snap.metrics, snap.task == "regression"
        texts = {"loss": (_fmt(snap.train_loss), _fmt(snap.test_loss))}
        if regression:
            texts["rmse"] = (_fmt(m.get("train_rmse")), _fmt(m.get("test_rmse")))
            texts["r2"] = (_fmt(m.get("train_r2"), ".3f"), _fmt(m.get("test_r2"), ".3f"))
            self._label_outputs(m)
        else:
            texts["accuracy"] = (_pct(m.get("train_accuracy")), _pct(m.get("test_accuracy")))
        for key, labels in self._rows.items():
            for label in labels:
                label.setVisible(key in texts or not key)  # the header row ("") always
            for label, text in zip(labels[1:], texts.get(key, ())):
                label.setText(text)
        counts = None if regression else m.get("confusion")
        for w in (self.confusion, self._confusion_title, self._confusion_note):
            w.setVisible(counts is not None)
        if counts is not None:                  # of the test set, or the training set without one
            on_test = math.isfinite(m.get("test_accuracy", math.nan))
            self._confusion_title.setText("<b>{}</b>".format(
                self.tr("Confusion matrix (test set)") if on_test
                else self.tr("Confusion matrix (training set)")))
            self.confusion.show_counts(counts)
