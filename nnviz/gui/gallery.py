"""The lecture's activation table made visible (lecture §2, README's tour): f and f' of all nine, side by side.

:class:`ActivationGallery` is a 3 × 3 grid, one small plot per activation of
:data:`~nnviz.core.activations.ACTIVATIONS` in the table's order, each with f
(solid) and f' (dashed) over u ∈ [−4, 4], its name, and its table row as a
caption. Where a curve jumps (the binary step, the derivatives of ReLU and
PReLU) it is drawn without a vertical connector, with a filled dot at the value
taken at u = 0 and an open dot at the limit from the left. The activations the
current network uses can be highlighted.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ..core.activations import ACTIVATIONS, TITLES
from .colors import NEG, POS, qcolor
from .i18n import word

__all__ = ["ActivationGallery", "U"]

#: The inputs every plot is drawn at: u ∈ [−4, 4], including u = 0 exactly.
U = np.linspace(-4.0, 4.0, 401)
JUMP = 0.25          # a change of more than this between neighbouring points is a jump
F_COLOR, DF_COLOR = POS, NEG
FRAME = {False: ("#d5d9dc", "#ffffff"), True: (f"rgb{POS}", "#e8f2fa")}   # border, background


def _jumps(y):
    """Where a sampled curve jumps: ``connect`` flags (n,) for pyqtgraph and the jump indices i.

    A jump lies between U[i] and U[i + 1]; those two points are left unconnected.
    """
    gap = np.abs(np.diff(y)) > JUMP
    return np.append(~gap, False), np.flatnonzero(gap)


def _ticks(values):
    """pyqtgraph's tick list: one level of labelled major ticks at ``values``."""
    return [[(v, f"{v:g}") for v in values]]


def _y_ticks(lo, hi):
    """0 and, on each side of it, the largest of ±0.5, 1, 2, 4 the curves reach (within 5 %).

    A side shorter than a quarter of the range gets no label: three labels at
    most, never crowded, so even a small plot stays legible.
    """
    ticks = [0.0]
    for sign, reach in ((-1, -lo), (1, hi)):
        fits = [v for v in (0.5, 1, 2, 4) if v <= 1.05 * reach]
        if fits and reach >= 0.25 * (hi - lo):
            ticks.append(sign * fits[-1])
    return sorted(ticks)


def _alpha_note(act):
    """'α = …' for activations with a parameter (PReLU's initial α, ELU's fixed α), else ''."""
    alpha = getattr(act, "alpha_init", getattr(act, "alpha", None))
    return "" if alpha is None else f"α = {alpha:g}"


class _Cell(QFrame):
    """One activation: its title, a plot of f and f', and the table's formulas."""

    def __init__(self, name, act):
        super().__init__()
        self.name = name
        note = _alpha_note(act)
        self.title = QLabel(word(TITLES[name]) + (f"  ({note})" if note else ""))
        self.title.setAlignment(Qt.AlignCenter)
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.8)
        self._build_plot(act, small)
        # The formulas are mathematics, shown as the registry writes them; a derivative may
        # carry a word (the step's "0 at x = 0"), so it is a Term, translated by word().
        self.caption = QLabel(f"f(x) = {act.formula}\nf′(x) = {word(act.derivative)}")
        self.caption.setAlignment(Qt.AlignCenter)
        self.caption.setStyleSheet("color: #404040;")
        self.caption.setFont(small)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(2)
        for w, stretch in ((self.title, 0), (self.plot, 1), (self.caption, 0)):
            lay.addWidget(w, stretch)
        self.set_highlighted(False)

    def _build_plot(self, act, font):
        """The plot of f (solid) and f' (dashed) over U, with the axes through the origin."""
        self.plot = pg.PlotWidget()
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(False, False)
        item.showGrid(x=True, y=True, alpha=0.12)
        item.setXRange(U[0], U[-1], padding=0.06)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setTextPen((90, 90, 90))
            axis.setPen((170, 170, 170))
            axis.setStyle(tickTextOffset=2, tickLength=-4, tickFont=font, hideOverlappingLabels=12)
        item.getAxis("left").setWidth(30)
        item.getAxis("bottom").setTicks(_ticks((-4, -2, 0, 2, 4)))
        for pos, angle in ((0, 0), (0, 90)):           # the u and f axes through the origin
            item.addItem(pg.InfiniteLine(pos, angle, pen=pg.mkPen(150, 150, 150, 160)))
        z = act.f(U)
        dz = act.df(U, z)
        item.getAxis("left").setTicks(_ticks(_y_ticks(min(z.min(), dz.min()), max(z.max(), dz.max()))))
        self.f_curve, f_dots = self._curve(item, z, pg.mkPen(qcolor(F_COLOR), width=2))
        self.df_curve, df_dots = self._curve(item, dz,
                                             pg.mkPen(qcolor(DF_COLOR), width=2, style=Qt.DashLine))
        item.addItem(pg.ScatterPlotItem(spots=f_dots + df_dots, size=6))

    @staticmethod
    def _curve(item, y, pen):
        """Draw ``y`` over U; returns the PlotDataItem and the jump dots (filled at 0, open left)."""
        connect, jumps = _jumps(y)
        curve = item.plot(U, y, pen=pen, connect=connect)
        color = pen.color()
        dots = []
        for i in jumps:
            dots.append({"pos": (U[i + 1], y[i + 1]), "brush": color, "pen": color})
            dots.append({"pos": (U[i + 1], y[i]), "brush": pg.mkBrush("w"),
                         "pen": pg.mkPen(color, width=1.5)})
        return curve, dots

    def set_highlighted(self, on):
        """A coloured frame, a tinted background and a bold title when ``on``."""
        border, background = FRAME[on]
        self.setStyleSheet(f"_Cell {{ border: 2px solid {border}; border-radius: 6px;"
                           f" background: {background}; }}")
        self.plot.setBackground(background)
        font = self.title.font()
        font.setBold(on)
        self.title.setFont(font)


class ActivationGallery(QWidget):
    """The nine activations of the lecture's table in a 3 × 3 grid, f solid and f' dashed.

    ``cells`` lists one cell per activation in ACTIVATIONS order; each has
    ``name``, ``title``, ``plot``, ``f_curve``, ``df_curve`` (data over :data:`U`) and ``caption``.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._highlighted = set()
        self.cells = [_Cell(name, act) for name, act in ACTIVATIONS.items()]
        function_word = self.tr("function")
        derivative_word = self.tr("derivative")
        legend = QLabel(f"<span style='color:{qcolor(F_COLOR).name()}'>━━</span> f(x) "
                        f"{function_word} &nbsp;&nbsp;&nbsp; "
                        f"<span style='color:{qcolor(DF_COLOR).name()}'>╍╍</span> f′(x) "
                        f"{derivative_word}")
        legend.setAlignment(Qt.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(8)
        for k, cell in enumerate(self.cells):
            grid.addWidget(cell, k // 3, k % 3)
        lay = QVBoxLayout(self)
        lay.addWidget(legend)
        lay.addLayout(grid, 1)

    def set_highlight(self, names):
        """Highlight the activations in ``names`` (e.g. those the current network uses).

        Names that are not in the gallery (None, "softmax") are ignored.
        """
        self._highlighted = {n for n in names if n in ACTIVATIONS}
        for cell in self.cells:
            on = cell.name in self._highlighted
            cell.set_highlighted(on)
            cell.setToolTip(self.tr("Used by the current network") if on else "")

    def highlighted(self):
        """The set of activation names currently highlighted."""
        return set(self._highlighted)
