"""Text size (View → Larger / Smaller / Normal text) and fitting the window to the screen.

A text scale is one factor (1.0 = the normal size) that the window hands to every view:
widgets take it through the window's font (and, where that does not reach them, through
:func:`scale_widgets`), the views that set pixel sizes of their own (the network, the formula
panel) through ``set_text_scale``, and pyqtgraph's axes and legends through :func:`scale_plots`.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget
import pyqtgraph as pg

SCALES = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)    # Ctrl+− / Ctrl+= walk this ladder
PRESENTATION_SCALES = (1.25, 1.5, 1.75, 2.0)
LEGEND_PT = 9                                         # pyqtgraph's default legend size


def step_scale(scale, steps):
    """The scale ``steps`` rungs above (or below, for negative) ``scale`` on SCALES, clamped."""
    nearest = min(range(len(SCALES)), key=lambda k: abs(SCALES[k] - scale))
    return SCALES[max(0, min(len(SCALES) - 1, nearest + steps))]


def stored_scale(value, allowed=SCALES, default=1.0):
    """A scale read from QSettings (a string, a float or None): one of ``allowed``, else ``default``."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return default
    return value if any(abs(value - s) < 1e-6 for s in allowed) else default


def scaled_font(font, scale):
    """A copy of ``font`` ``scale`` times as large (point or pixel sized)."""
    font = QFont(font)
    if font.pixelSize() > 0:
        font.setPixelSize(max(1, round(font.pixelSize() * scale)))
    else:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


def scale_widgets(root, scale, old_scale):
    """The widgets under ``root`` whose font the window's does not reach, at ``scale`` times
    their size at scale 1: those given a font of their own (a smaller note, a bold title) and
    those a style sheet styles (Qt's style-sheet style keeps the font a widget was first shown
    with). Each one's size at scale 1 is its size when first seen divided by ``old_scale``,
    the scale it was made at, so call this before the window's font changes; it keeps its own
    bold and italic. Fonts in pixels are their views' own (the network, the formulas)."""
    chosen = []
    for widget in root.findChildren(QWidget):     # all first, before a parent's new font reaches a child
        font = widget.font()
        base = widget.property("nnviz_font")
        if base is None:
            if font.pixelSize() > 0 or not (widget.testAttribute(Qt.WA_SetFont) or _styled(widget, root)):
                continue
            base = scaled_font(font, 1 / old_scale)
            widget.setProperty("nnviz_font", base)
        chosen.append((widget, base, font.bold(), font.italic()))
    for widget, base, bold, italic in chosen:
        font = scaled_font(base, scale)
        font.setBold(bold)
        font.setItalic(italic)
        widget.setFont(font)


def _styled(widget, root):
    """True when a style sheet of ``widget`` or of an ancestor below ``root`` applies to it."""
    while widget is not None and widget is not root:
        if widget.styleSheet():
            return True
        widget = widget.parentWidget()
    return False


def scale_plots(widget, scale, font):
    """Every pyqtgraph axis (tick and label text) and legend under ``widget`` at ``scale``
    times its own first size (so that scaling twice is not compounded). An axis with no tick
    font of its own starts from ``font``, the window's unscaled one (not its view's, which
    the window's scaled font has already enlarged)."""
    for view in widget.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                base = item.__dict__.setdefault("_nnviz_fonts", (item.style["tickFont"] or QFont(font),
                                                                 QFont(item.label.font())))
                item.setStyle(tickFont=scaled_font(base[0], scale))
                item.label.setFont(scaled_font(base[1], scale))
                item._adjustSize()
                item.picture = None
                item.update()
            elif isinstance(item, pg.LegendItem):
                size = f"{LEGEND_PT * scale:g}pt"
                item.opts["labelTextSize"] = size
                for _, label in item.items:
                    label.setText(label.text, size=size)


def fit_rect(wanted, available):
    """``wanted`` (a QSize) shrunk to fit ``available`` (a QRect, the screen's free area),
    centred in it: the window's frame rectangle to open with."""
    size = QSize(min(wanted.width(), available.width()), min(wanted.height(), available.height()))
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect
