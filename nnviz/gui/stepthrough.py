"""Step through one training step, phase by phase, with the numbers in the formulas (lecture §7, README's tour).

The window asks the worker for one real training step recorded as a
:class:`~nnviz.core.trace.Trace` (``record_requested``) and hands it to
:meth:`StepThroughPanel.set_trace`. The panel then walks through its phases in
the slides' order — forward l = 1 … L, the loss, the output δ, the δ recursion
l = L−1 … 2, the gradients l = L … 2, the updates — forwards, backwards or
animated, and says which phase it shows through ``phase_changed`` so the
network view can follow. A click on a unit or an edge of the network view
(:meth:`show_unit`, :meth:`show_edge`) writes out that unit's or weight's
formula with every term.
"""
from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton,
                               QSizePolicy, QSpinBox, QSplitter, QStyle, QTextBrowser, QToolButton,
                               QVBoxLayout, QWidget)

from . import formulas
from .i18n import word

__all__ = ["StepThroughPanel", "GRADCHECK_TOLERANCE"]

GRADCHECK_TOLERANCE = 1e-5      # largest norm-wise error max|g − n| / max|g| still counted as agreement
_OK, _BAD = "#1a7f37", "#c62828"


class _Formula(QTextBrowser):
    """Read-only rich text for formulas: selectable, no frame, scrolls when long."""

    def __init__(self, min_height):
        super().__init__()
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.NoFrame)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setMinimumHeight(min_height)
        self.document().setDocumentMargin(6)


class StepThroughPanel(QWidget):
    """One training step, phase by phase.

    Signals
    -------
    phase_changed(trace, index)   the phase shown changed (trace None, index −1: nothing shown)
    sample_changed(n)             the user picked training sample n to follow
    record_requested(n)           "Record next step": perform one step following sample n
    gradcheck_requested()         "Gradient check" was pressed

    Attributes
    ----------
    trace : Trace or None;  index : int (−1 without a trace)
    formula_view, detail_view : QTextBrowser of the phase and of the clicked unit/edge
    """

    phase_changed = Signal(object, int)
    sample_changed = Signal(int)
    record_requested = Signal(int)
    gradcheck_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._trace, self._index, self._selection = None, -1, None
        self._chars, self._px = 60, 14
        self.text_scale = 1.0                   # View → Larger / Smaller text; 1.5–2 when presenting
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)

        self.record_button = QPushButton(self.tr("Record next step"))
        self.record_button.setToolTip(self.tr("Perform one real training step and follow sample n "
                                              "through it, phase by phase."))
        self.record_button.clicked.connect(lambda: self.record_requested.emit(self.sample_spin.value()))
        self.sample_spin = QSpinBox()
        self.sample_spin.setRange(-1, 0)           # −1: the minibatch's own first sample
        self.sample_spin.setValue(-1)
        self.sample_spin.setPrefix("n = ")
        self.sample_spin.setSpecialValueText(self.tr("the minibatch's first"))
        self.sample_spin.setToolTip(self.tr("The training sample n whose u, z and δ are followed; "
                                            "by default the first sample of the minibatch the step uses "
                                            "(for SGD, the sample n* it picked)."))
        self.sample_spin.valueChanged.connect(lambda n: n >= 0 and self.sample_changed.emit(n))
        self.gradcheck_button = QPushButton(self.tr("Gradient check"))
        self.gradcheck_button.setToolTip(self.tr("Compare backpropagation's gradient with central "
                                                 "differences (L(w + h) − L(w − h)) / 2h."))
        self.gradcheck_button.clicked.connect(self._on_gradcheck)
        self.gradcheck_label = QLabel()
        self.gradcheck_label.setWordWrap(True)
        self.gradcheck_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.gradcheck_label.hide()

        self.prev_button = QToolButton(text="◀", toolTip=self.tr("Previous phase"))
        self.next_button = QToolButton(text="▶", toolTip=self.tr("Next phase"))
        self.play_button = QToolButton(checkable=True, toolTip=self.tr("Play the phases"))
        self._icons = (self.style().standardIcon(QStyle.SP_MediaPlay),
                       self.style().standardIcon(QStyle.SP_MediaPause))
        self.play_button.setIcon(self._icons[0])
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.play_button.toggled.connect(self._on_play)
        self.speed_spin = QDoubleSpinBox()
        self.speed_spin.setRange(0.3, 3.0)
        self.speed_spin.setSingleStep(0.1)
        self.speed_spin.setDecimals(1)
        self.speed_spin.setValue(1.2)
        self.speed_spin.setSuffix(self.tr(" s/phase"))
        self.speed_spin.setToolTip(self.tr("Seconds per phase while playing"))
        self.speed_spin.valueChanged.connect(lambda s: self.timer.setInterval(round(1000 * s)))
        self.timer.setInterval(round(1000 * self.speed_spin.value()))
        self.position_label = QLabel()
        self.phase_box = QComboBox()
        self.phase_box.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.phase_box.currentIndexChanged.connect(self._on_box)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("color: #555")

        self.formula_view = _Formula(160)
        self.detail_view = _Formula(70)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.formula_view)
        splitter.addWidget(self.detail_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.record_button)
        top.addWidget(self.sample_spin)
        top.addStretch(1)
        top.addWidget(self.gradcheck_button)
        nav = QHBoxLayout()
        for w in (self.prev_button, self.next_button, self.play_button, self.speed_spin):
            nav.addWidget(w)
        nav.addStretch(1)
        nav.addWidget(self.position_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.gradcheck_label)
        lay.addWidget(self.info_label)
        lay.addLayout(nav)
        lay.addWidget(self.phase_box)
        lay.addWidget(splitter, 1)
        self._render()

    def export_source(self):
        """What File → Export saves: the phase's formulas, then the clicked unit's or edge's
        (each whole, however far it scrolls)."""
        return self.formula_view.document(), self.detail_view.document()

    # ------------------------------------------------------------------ public
    @property
    def trace(self):
        return self._trace

    @property
    def index(self):
        return self._index

    @property
    def playing(self):
        return self.timer.isActive()

    def set_trace(self, trace):
        """Show ``trace`` from its first phase (None clears the panel)."""
        self._trace = trace
        self.phase_box.blockSignals(True)
        self.phase_box.clear()
        if trace is not None:
            self.phase_box.addItems([f"{k + 1}. {self._plain(t)}"
                                     for k, t in enumerate(formulas.phase_titles(trace))])
            n = int(trace.meta.get("sample", 0))
            if n > self.sample_spin.maximum():
                self.sample_spin.setMaximum(n)
            self.sample_spin.blockSignals(True)
            self.sample_spin.setValue(n)
            self.sample_spin.blockSignals(False)
        self.phase_box.blockSignals(False)
        if self._selection and trace is not None and not self._fits(self._selection):
            self._selection = None
        self._index = 0 if trace is not None and trace.phases else -1
        self._show()

    def set_phase(self, i):
        """Show phase ``i`` (clamped to the trace's phases)."""
        if self._trace is None:
            return
        i = max(0, min(int(i), len(self._trace.phases) - 1))
        if i != self._index:
            self._index = i
            self._show()

    def next(self):
        """One phase on (nothing at the last)."""
        self.set_phase(self._index + 1)

    def previous(self):
        """One phase back (nothing at the first)."""
        self.set_phase(self._index - 1)

    def play(self, on=True):
        """Start (or stop) animating the phases, one every ``speed_spin`` seconds."""
        self.play_button.setChecked(on)

    def set_speed(self, seconds):
        """Seconds per phase while playing (0.3 … 3)."""
        self.speed_spin.setValue(seconds)

    def set_sample_count(self, n):
        """The training set has ``n`` samples: n can be picked from 0 to n − 1."""
        self.sample_spin.setMaximum(max(0, int(n) - 1))

    def show_unit(self, l, j):
        """Write out unit j (from 0) of layer l for the current phase."""
        self._selection = ("unit", int(l), int(j))
        self._render_detail()

    def show_edge(self, l, j, i):
        """Write out weight w_ji^(l) = ``W[l][j, i]`` (j, i from 0) for the current phase."""
        self._selection = ("edge", int(l), int(j), int(i))
        self._render_detail()

    def clear_selection(self):
        self._selection = None
        self._render_detail()

    def show_gradcheck(self, max_rel_error, n_params, n_total=0):
        """Show a gradient check's result (the norm-wise error of core.network.gradient_check):
        green when backprop agrees with central differences. ``n_params`` were checked, of
        ``n_total`` (a random sample when fewer)."""
        ok = math.isfinite(max_rel_error) and max_rel_error <= GRADCHECK_TOLERANCE
        verdict = (self.tr("backprop agrees with central differences") if ok else
                   self.tr("backprop and central differences disagree"))
        if n_params < n_total:
            text = self.tr("error max|g − n| / max|g| = {0} over a random sample of {1} of the {2} "
                           "parameters — {3}").format(f"{max_rel_error:.1e}", n_params, n_total, verdict)
        else:
            text = self.tr("error max|g − n| / max|g| = {0} over {1} parameters — {2}").format(
                f"{max_rel_error:.1e}", n_params, verdict)
        self.gradcheck_label.setText(text)
        self.gradcheck_label.setStyleSheet(f"color: {_OK if ok else _BAD}; font-weight: bold")
        self.gradcheck_label.show()

    def formula_html(self):
        """The rich text of the current phase (as given to the formula view)."""
        return self._html

    def detail_html(self):
        """The rich text of the clicked unit or edge ("" for none)."""
        return self._detail_html

    # ------------------------------------------------------------------ internals
    @staticmethod
    def _plain(html):
        return re.sub(r"<[^>]+>", "", html)

    def _fits(self, sel):
        sizes = self._trace.meta["sizes"]
        l, j = sel[1], sel[2]
        if not (1 <= l <= len(sizes) and 0 <= j < sizes[l - 1]):
            return False
        return sel[0] == "unit" or (l >= 2 and 0 <= sel[3] < sizes[l - 2])

    def _show(self):
        """Bring controls, formula and detail up to date, then say so."""
        self._render()
        self.phase_changed.emit(self._trace, self._index)

    def _render(self):
        t, k = self._trace, self._index
        has = t is not None and k >= 0
        n = len(t.phases) if t is not None else 0
        self.prev_button.setEnabled(has and k > 0)
        self.next_button.setEnabled(has and k < n - 1)
        self.play_button.setEnabled(has)
        self.phase_box.setEnabled(has)
        self.position_label.setText(self.tr("phase {0} of {1}").format(k + 1, n) if has else "")
        if has and self.phase_box.currentIndex() != k:
            self.phase_box.blockSignals(True)
            self.phase_box.setCurrentIndex(k)
            self.phase_box.blockSignals(False)
        self.info_label.setText(self._info() if t is not None else "")
        self.info_label.setVisible(t is not None)
        if has:
            self._html = formulas.phase_html(t, k, self._chars)
        else:
            self._html = ("<h3>" + self.tr("One training step, phase by phase") + "</h3><p>"
                          + self.tr("Press <b>Record next step</b>: the app performs one real training "
                                    "step and follows sample n through it in the slides' four steps — "
                                    "forward pass, output δ, δ recursion, gradients — and the update. "
                                    "Then step with ◀ ▶ or play them.") + "</p>")
        self._set_html(self.formula_view, self._html)
        self._render_detail()

    def _render_detail(self):
        t, k, sel = self._trace, self._index, self._selection
        if t is None or k < 0 or sel is None or not self._fits(sel):
            self._detail_html = ""
            self._set_html(self.detail_view, "<p style='color:#777'>" + self.tr(
                "Click a unit or an edge in the network to see its formula with every term.") + "</p>")
            return
        kind = t.phases[k].kind
        self._detail_html = (formulas.unit_line(t, *sel[1:], kind=kind) if sel[0] == "unit"
                             else formulas.edge_line(t, *sel[1:], kind=kind))
        self._set_html(self.detail_view, self._detail_html)

    def _set_html(self, view, html):
        bar = view.verticalScrollBar()
        pos = bar.value()
        view.setHtml(html)
        bar.setValue(pos)

    def _info(self):
        m = self._trace.meta
        B = len(m.get("batch") or ()) or m.get("batch_size", "")
        opt = m.get("optimizer", "")
        rule = f"ε = {formulas.num(m.get('eps', 0))}" + (f", μ = {formulas.num(m['mu'])}"
                                                          if opt == "momentum" else "")
        return self.tr("training step t = {0} · sample n = {1} · minibatch B = {2} ({3}) · {4}: {5}").format(
            m.get("step", "?"), m.get("sample", 0), B, word(m.get("reduction", "mean")), word(opt), rule)

    def _on_box(self, k):
        if k >= 0:
            self.set_phase(k)

    def _on_play(self, on):
        self.play_button.setIcon(self._icons[on])
        self.play_button.setToolTip(self.tr("Pause") if on else self.tr("Play the phases"))
        if not on:
            self.timer.stop()
            return
        if self._trace is None:
            self.play_button.setChecked(False)
            return
        if self._index >= len(self._trace.phases) - 1:
            self.set_phase(0)
        self.timer.start()

    def _tick(self):
        if self._trace is None or self._index >= len(self._trace.phases) - 1:
            self.play(False)
            return
        self.next()
        if self._index >= len(self._trace.phases) - 1:
            self.play(False)

    def _on_gradcheck(self):
        self.gradcheck_label.setText(self.tr("checking…"))
        self.gradcheck_label.setStyleSheet("color: #555")
        self.gradcheck_label.show()
        self.gradcheck_requested.emit()

    # ------------------------------------------------------------------ sizing
    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_text()

    def showEvent(self, event):
        super().showEvent(event)
        self._fit_text()

    def set_text_scale(self, scale):
        """The formulas ``scale`` times their normal size (which follows the panel's width)."""
        self.text_scale = scale
        self._fit_text()

    def _fit_text(self):
        """Scale the formula font with the panel's width and re-wrap the equations to fit."""
        width = self.formula_view.viewport().width() - 16
        px = int(min(17, max(12, width / 36)) * self.text_scale)
        font = QFont(self.font())
        font.setPixelSize(px)
        chars = max(24, int(width / QFontMetricsF(font).horizontalAdvance("0")))
        if (px, chars) != (self._px, self._chars):
            self._px, self._chars = px, chars
            for view, size in ((self.formula_view, px), (self.detail_view, px - 1)):
                f = QFont(font)
                f.setPixelSize(size)
                view.document().setDefaultFont(f)
            self._render()
