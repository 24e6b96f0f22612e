"""The scene items and helpers of the network view: units, edges, the colour bar, the canvas.

Kept apart from :mod:`nnviz.gui.network_view` so that module reads as the view's
behaviour (build once, update, hover, step-through) and this one as its parts.
Keys use array indices from 0; text numbers units from 1, as the lecture does.
"""
from __future__ import annotations

from collections import deque
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import (QColor, QImage, QLinearGradient, QPainter, QPainterPath,
                           QPainterPathStroker, QPen, QPixmap)
from PySide6.QtWidgets import (QFrame, QGraphicsItem, QGraphicsPathItem, QGraphicsPixmapItem,
                               QGraphicsSimpleTextItem, QGraphicsView, QSizePolicy, QWidget)

from ..core.notation import layer
from .colors import MID, NEG, POS, finite, qcolor

NODE, PITCH = 36.0, 50.0        # unit size and vertical spacing, scene units
RADIUS = 5.0                    # of the unit's rounded corners
LEVELS, WIDTHS = 33, (0.7, 1.5, 2.5, 3.8)     # pen colours (odd: the middle one is 0) and widths



def nice_ceil(x):
    """The smallest step of the 1-2-5 series (…, 0.1, 0.2, 0.5, 1, 2, …) that is ≥ x."""
    x = float(x) if np.isfinite(x) and x > 1e-9 else 1e-9
    e = 10.0 ** np.floor(np.log10(x))
    return next(m * e for m in (1, 2, 5, 10) if m * e >= x * (1 - 1e-9))


class Level:
    """A symmetric colour range ±vmax: the max |value| of the last ``frames`` frames, stepped."""

    def __init__(self, frames=30):
        self._recent = deque(maxlen=frames)

    def __call__(self, values):
        a = np.abs(finite(values))
        self._recent.append(float(a.max()) if a.size else 0.0)
        return nice_ceil(max(self._recent))


def hover_fmt(v):
    """``v`` to four significant digits with a true minus sign, never "−0" (hover text)."""
    return f"{v + 0.0:.4g}".replace("-", "−")


def short_value(v):
    """``v`` in at most ~5 characters (printed inside a unit)."""
    a = abs(v)
    s = "0" if a == 0 else f"{v:.2f}" if 0.01 <= a < 100 else f"{v:.0f}" if 100 <= a < 1e4 else f"{v:.0e}"
    return s.replace("e-0", "e-").replace("-", "−")


def indexed_sym(name, l, *idx):
    """The lecture's symbol with indices, e.g. ``indexed_sym("w", 3, 2, 1)`` → "w₂₁⁽³⁾" (idx from 1)."""
    return layer(name, l, ("," if max(idx) >= 10 else "").join(str(k) for k in idx))


def color_levels(values, vmax):
    """Colour level 0 … LEVELS − 1 of each value on [−vmax, vmax] (LEVELS // 2 is zero)."""
    x = np.clip(finite(values) / vmax, -1.0, 1.0)
    return np.round((x + 1.0) * (LEVELS - 1) / 2).astype(int)


class _Hoverable:
    """Mixin for scene items: forwards hover and click to the owning view, with the item's key."""

    def _setup(self, key, owner):
        self.key, self._owner = key, owner
        self.setAcceptHoverEvents(True)

    def hoverEnterEvent(self, event):
        self._owner.hover(self.key)

    def hoverLeaveEvent(self, event):
        self._owner.hover(None)

    def mousePressEvent(self, event):
        event.accept()                  # become the grabber, so the release comes here

    def mouseReleaseEvent(self, event):
        # Released over this item by the very test the scene's hover uses (the item's shape
        # meets the pixel under the mouse), not by whether it contains the exact point: else
        # a click on the rim of a hovered edge did nothing.
        if any(self in view.items(view.mapFromScene(event.scenePos())) for view in self.scene().views()):
            self._owner.click(self.key)


class Edge(_Hoverable, QGraphicsPathItem):
    """A curve between two units, with a hover/click shape a few units wide."""

    def __init__(self, key, owner, path):
        super().__init__(path)
        self._setup(key, owner)
        stroker = QPainterPathStroker()
        stroker.setWidth(7.0)
        self._shape = stroker.createStroke(path)

    # QGraphicsPathItem's own boundingRect() is this shape's rect, cached; one written in
    # Python would be called from C++ for every edge on every paint.
    def shape(self):
        return self._shape


@lru_cache(maxsize=8)
def _corner_alpha(h, w):
    """Alpha (h, w) uint8 of the unit's rounded square at a thumbnail's resolution: cheaper
    than clipping each thumbnail to the unit's outline."""
    r = RADIUS * w / NODE
    y, x = np.mgrid[0:h, 0:w] + 0.5
    dx = np.maximum(np.maximum(r - x, x - (w - r)), 0)
    dy = np.maximum(np.maximum(r - y, y - (h - r)), 0)
    return (np.clip(r + 0.5 - np.hypot(dx, dy), 0, 1) * 255).astype(np.uint8)


class Unit(_Hoverable, QGraphicsPathItem):
    """A rounded square: a thumbnail (2-D inputs) or a fill colour with the value printed."""

    def __init__(self, key, owner, x, y, font, thumbnail):
        path = QPainterPath()
        path.addRoundedRect(QRectF(-NODE / 2, -NODE / 2, NODE, NODE), RADIUS, RADIUS)
        super().__init__(path)
        self._setup(key, owner)
        self.setPos(x, y)
        self.setZValue(10)
        self.setPen(owner.node_pens[False])
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setFont(font)
        self.thumb, self._buf, self._thumb_width = None, None, None
        if thumbnail:
            self.thumb = QGraphicsPixmapItem(self)
            self.thumb.setFlag(QGraphicsItem.ItemStacksBehindParent)   # border drawn on top
            self.thumb.setTransformationMode(Qt.SmoothTransformation)
            self.thumb.setPos(-NODE / 2, -NODE / 2)

    def set_image(self, rgb):
        """Show ``rgb`` (h, w, 3) uint8 as the thumbnail, its corners rounded; row 0 is the top."""
        h, w = rgb.shape[:2]
        self._buf = buf = np.empty((h, w, 4), np.uint8)  # QImage reads this buffer: keep it alive
        buf[..., :3] = rgb
        buf[..., 3] = _corner_alpha(h, w)
        self.thumb.setPixmap(QPixmap.fromImage(QImage(buf.data, w, h, 4 * w, QImage.Format_RGBA8888)))
        if self._thumb_width != w:                     # from values to a thumbnail, or a new size
            self._thumb_width = w
            self.thumb.setScale(NODE / w)
            self.thumb.show()
            self.text.hide()
            self.setBrush(Qt.NoBrush)

    def set_value(self, brush, text, light_text):
        """Fill with ``brush`` and print ``text`` centred."""
        if self.thumb is not None:
            self.thumb.hide()
            self._thumb_width = None
        self.setBrush(brush)
        self.text.setText(text)
        self.text.setBrush(QColor("white") if light_text else QColor(40, 40, 40))
        r = self.text.boundingRect()
        self.text.setPos(-r.width() / 2, -r.height() / 2)
        self.text.setVisible(self._owner.values_readable)


class ColorBar(QWidget):
    """The diverging map as a bar with −vmax … 0 … +vmax below it and the quantity's symbol."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title, self.vmax = "w", 1.0
        self.setSizePolicy(QSizePolicy.Minimum, QSizePolicy.Fixed)

    def sizeHint(self):
        """The bar and, under it, its labels in the current font (larger at a larger text size)."""
        fm = self.fontMetrics()
        text = fm.horizontalAdvance(f"{self.title}  {hover_fmt(-self.vmax)}  0  +{hover_fmt(self.vmax)}")
        return QSize(max(260, text + 16), 4 + 11 + 1 + fm.height() + 2)

    minimumSizeHint = sizeHint

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self.updateGeometry()

    def set_range(self, title, vmax):
        if (title, vmax) != (self.title, self.vmax):
            self.title, self.vmax = title, vmax
            self.updateGeometry()
            self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        tw = p.fontMetrics().horizontalAdvance(self.title) + 10
        bar = QRectF(tw, 4, self.width() - tw - 6, 11)
        grad = QLinearGradient(bar.topLeft(), bar.topRight())
        for t, c in ((0.0, NEG), (0.5, MID), (1.0, POS)):
            grad.setColorAt(t, qcolor(c))
        p.setPen(QPen(QColor(150, 150, 150), 0.8))
        p.setBrush(grad)
        p.drawRoundedRect(bar, 3, 3)
        p.setPen(self.palette().windowText().color())
        p.drawText(QRectF(0, 0, tw, self.height()), Qt.AlignVCenter | Qt.AlignLeft, self.title)
        labels = (hover_fmt(-self.vmax), "0", "+" + hover_fmt(self.vmax))
        for text, align, x in zip(labels, (Qt.AlignLeft, Qt.AlignHCenter, Qt.AlignRight), (0, 0.5, 1)):
            cx = bar.left() + x * bar.width()
            w = p.fontMetrics().horizontalAdvance(text) + 4
            p.drawText(QRectF(cx - w * x, bar.bottom() + 1, w, p.fontMetrics().height()), align | Qt.AlignTop, text)


class Canvas(QGraphicsView):
    """The QGraphicsView: antialiased, no scroll bars, laid out (or the whole scene fitted) on every resize."""

    def __init__(self, scene):
        super().__init__(scene)
        self.setRenderHints(QPainter.Antialiasing | QPainter.SmoothPixmapTransform
                            | QPainter.TextAntialiasing)
        self.setFrameShape(QFrame.NoFrame)
        self.setBackgroundBrush(QColor(253, 253, 253))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.FullViewportUpdate)

    layout = None              # layout(width, height) sets the scene rect and the zoom; else the scene is fitted

    def fit(self):
        if self.layout is not None:
            self.layout(self.viewport().width(), self.viewport().height())
        else:
            self.fitInView(self.sceneRect(), Qt.KeepAspectRatio)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit()
