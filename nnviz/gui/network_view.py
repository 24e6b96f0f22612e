"""The network diagram at the centre of the app (lecture §1, §4, §7).

Units stand in columns, layer 1 (the input) on the left to layer L (the output)
on the right; edge (l, j, i) carries w_ji^(l) from unit i of layer l−1 to unit j
of layer l. Two modes colour the same items:

- "weights": edges by w_ji^(l), units by z_j^(l) of the selected sample (for 2-D
  inputs, each unit shows a thumbnail of z_j^(l) over the input plane);
- "gradients": edges by ∂L/∂w_ji^(l), units by ∂L/∂b_j^(l), i.e. δ_j^(l) reduced
  over the last minibatch: what the last step backpropagated.

Items are built once per architecture and then only get new pens, brushes,
pixmaps and text. Edges pick from a few precomputed pens (LEVELS colours ×
len(WIDTHS) widths) on a symmetric range that holds the maximum of recent
frames, stepped 1-2-5, so colours do not flicker; bounded outputs use fixed ranges
(sigmoid's [0, 1] spans the whole map, 0.5 white). Layers wider than
:data:`MAX_UNITS` draw their first MAX_UNITS units and a "…+N" marker.

Keys and signals use array indices from 0 (edge (l, j, i) is ``W[l][j, i]``);
the text shown to students numbers units from 1, as the lecture does.
"""
from __future__ import annotations

from collections import deque

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QCursor, QFont, QImage, QLinearGradient, QPainter,
                           QPainterPath, QPainterPathStroker, QPen, QPixmap)
from PySide6.QtWidgets import (QComboBox, QFrame, QGraphicsItem, QGraphicsPathItem,
                               QGraphicsPixmapItem, QGraphicsScene,
                               QGraphicsSimpleTextItem, QGraphicsTextItem, QGraphicsView,
                               QHBoxLayout, QInputDialog, QLabel, QSizePolicy, QToolTip,
                               QVBoxLayout, QWidget)

from .colors import LUT, MID, NEG, POS, lut_index, qcolor

__all__ = ["NetworkView", "MAX_UNITS", "nice_ceil"]

MAX_UNITS = 32                  # wider layers show their first MAX_UNITS units and "…+N"
NODE, PITCH = 36.0, 50.0        # unit size and vertical spacing, scene units
LEVELS, WIDTHS = 33, (0.7, 1.5, 2.5, 3.8)     # pen colours (odd: the middle one is 0) and widths
BOUNDED = {"tanh": (-1.0, 1.0), "arctan": (-np.pi / 2, np.pi / 2), "sigmoid": (0.0, 1.0),
           "step": (0.0, 1.0), "softmax": (0.0, 1.0)}      # fixed colour ranges of outputs z
MODES = ("weights", "gradients")
_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def nice_ceil(x):
    """The smallest step of the 1-2-5 series (…, 0.1, 0.2, 0.5, 1, 2, …) that is ≥ x."""
    x = float(x) if np.isfinite(x) and x > 1e-9 else 1e-9
    e = 10.0 ** np.floor(np.log10(x))
    return next(m * e for m in (1, 2, 5, 10) if m * e >= x * (1 - 1e-9))


class _Level:
    """A symmetric colour range ±vmax: the max |value| of the last ``frames`` frames, stepped."""

    def __init__(self, frames=30):
        self._recent = deque(maxlen=frames)

    def __call__(self, values):
        a = np.abs(np.nan_to_num(np.asarray(values, dtype=float)))
        self._recent.append(float(a.max()) if a.size else 0.0)
        return nice_ceil(max(self._recent))


def _fmt(v):
    """``v`` to four significant digits with a true minus sign (hover text)."""
    return f"{v:.4g}".replace("-", "−")


def _short(v):
    """``v`` in at most ~5 characters (printed inside a unit)."""
    a = abs(v)
    s = "0" if a == 0 else f"{v:.2f}" if 0.01 <= a < 100 else f"{v:.0f}" if a >= 100 else f"{v:.0e}"
    return s.replace("e-0", "e-").replace("-", "−")


def _sym(name, l, *idx):
    """The lecture's symbol with indices, e.g. ``_sym("w", 3, 2, 1)`` → "w₂₁⁽³⁾" (idx from 1)."""
    sub = ("," if max(idx) >= 10 else "").join(str(k) for k in idx)
    return f"{name}{sub.translate(_SUB)}{f'({l})'.translate(_SUP)}"


def _levels(values, vmax):
    """Colour level 0 … LEVELS − 1 of each value on [−vmax, vmax] (LEVELS // 2 is zero)."""
    x = np.clip(np.nan_to_num(np.asarray(values, dtype=float)) / vmax, -1.0, 1.0)
    return np.round((x + 1.0) * (LEVELS - 1) / 2).astype(int)


def _centred(item):
    """``item`` moved so that its centre is at x = item.data(0) (call after a text change)."""
    item.setX(item.data(0) - item.boundingRect().width() / 2)
    return item


class _Hoverable:
    """Mixin for scene items: forwards hover and click to the owning view, with the item's key."""

    def _setup(self, key, owner):
        self.key, self._owner = key, owner
        self.setAcceptHoverEvents(True)

    def hoverEnterEvent(self, event):
        self._owner._hover(self.key)

    def hoverLeaveEvent(self, event):
        self._owner._hover(None)

    def mousePressEvent(self, event):
        event.accept()                  # become the grabber, so the release comes here

    def mouseReleaseEvent(self, event):
        if self.contains(event.pos()):
            self._owner._click(self.key)


class _Edge(_Hoverable, QGraphicsPathItem):
    """A curve between two units, with a hover/click shape a few units wide."""

    def __init__(self, key, owner, path):
        super().__init__(path)
        self._setup(key, owner)
        stroker = QPainterPathStroker()
        stroker.setWidth(7.0)
        self._shape = stroker.createStroke(path)
        self._rect = self._shape.boundingRect()

    def shape(self):
        return self._shape

    def boundingRect(self):
        return self._rect


class _Unit(_Hoverable, QGraphicsPathItem):
    """A rounded square: a thumbnail (2-D inputs) or a fill colour with the value printed."""

    def __init__(self, key, owner, x, y, font, thumbnail):
        path = QPainterPath()
        path.addRoundedRect(QRectF(-NODE / 2, -NODE / 2, NODE, NODE), 5, 5)
        super().__init__(path)
        self._setup(key, owner)
        self.setPos(x, y)
        self.setZValue(10)
        self.setPen(owner._node_pens[False])
        self.setFlag(QGraphicsItem.ItemClipsChildrenToShape)
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setFont(font)
        self.thumb, self._buf = None, None
        if thumbnail:
            self.thumb = QGraphicsPixmapItem(self)
            self.thumb.setFlag(QGraphicsItem.ItemStacksBehindParent)   # border drawn on top
            self.thumb.setTransformationMode(Qt.SmoothTransformation)
            self.thumb.setPos(-NODE / 2, -NODE / 2)

    def set_image(self, rgb):
        """Show ``rgb`` (h, w, 3) uint8 as the thumbnail; row 0 is the top."""
        self._buf = np.ascontiguousarray(rgb)          # QImage reads this buffer: keep it alive
        h, w = self._buf.shape[:2]
        image = QImage(self._buf.data, w, h, 3 * w, QImage.Format_RGB888)
        self.thumb.setPixmap(QPixmap.fromImage(image))
        self.thumb.setScale(NODE / w)
        self.thumb.show()
        self.text.hide()
        self.setBrush(Qt.NoBrush)

    def set_value(self, brush, text, light_text):
        """Fill with ``brush`` and print ``text`` centred."""
        if self.thumb is not None:
            self.thumb.hide()
        self.setBrush(brush)
        self.text.setText(text)
        self.text.setBrush(QColor("white") if light_text else QColor(40, 40, 40))
        r = self.text.boundingRect()
        self.text.setPos(-r.width() / 2, -r.height() / 2)
        self.text.show()


class _ColorBar(QWidget):
    """The diverging map as a bar with −vmax … 0 … +vmax below it and the quantity's symbol."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title, self.vmax = "w", 1.0
        self.setMinimumSize(260, 34)

    def set_range(self, title, vmax):
        if (title, vmax) != (self.title, self.vmax):
            self.title, self.vmax = title, vmax
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
        labels = (_fmt(-self.vmax), "0", "+" + _fmt(self.vmax))
        for text, align, x in zip(labels, (Qt.AlignLeft, Qt.AlignHCenter, Qt.AlignRight), (0, 0.5, 1)):
            cx = bar.left() + x * bar.width()
            p.drawText(QRectF(cx - 80 * x, bar.bottom() + 1, 80, 18), align | Qt.AlignTop, text)


class _Canvas(QGraphicsView):
    """The QGraphicsView: antialiased, no scroll bars, the whole scene fitted on every resize."""

    def __init__(self, scene):
        super().__init__(scene)
        self.setRenderHints(QPainter.Antialiasing | QPainter.SmoothPixmapTransform
                            | QPainter.TextAntialiasing)
        self.setFrameShape(QFrame.NoFrame)
        self.setBackgroundBrush(QColor(253, 253, 253))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.FullViewportUpdate)

    def fit(self):
        self.fitInView(self.sceneRect(), Qt.KeepAspectRatio)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit()


class NetworkView(QWidget):
    """The network as a diagram of units and edges, coloured by a :class:`Snapshot`.

    Signals
    -------
    weight_edited(l, j, i, value)   the user typed a new w_ji^(l) for ``W[l][j, i]``
    unit_clicked(l, j)              unit j (from 0) of layer l was clicked
    edge_clicked(l, j, i)           edge of ``W[l][j, i]`` was clicked

    Attributes
    ----------
    node_items : dict {(l, j): item};  edge_items : dict {(l, j, i): item}
    info_label : QLabel showing the hovered item's values
    pen_changes : number of edges that got a new pen in the last update
    """

    weight_edited = Signal(int, int, int, float)
    unit_clicked = Signal(int, int)
    edge_clicked = Signal(int, int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mode, self.snapshot, self.pen_changes = "weights", None, 0
        self.node_items, self.edge_items, self._captions, self._levels = {}, {}, {}, {}
        self._arch = self._hovered = self._highlight = self._band = None
        colors = [qcolor(c) for c in LUT[lut_index(np.linspace(-1, 1, LEVELS), 1.0)]]
        self._pens = [QPen(c, w, Qt.SolidLine, Qt.RoundCap) for c in colors for w in WIDTHS]
        self._brushes = [QBrush(c) for c in colors]
        self._node_pens = (QPen(QColor(110, 110, 110), 1.0), QPen(QColor(20, 20, 20), 2.5))
        self._font = QFont(self.font())
        self._font.setPixelSize(9)              # the values printed inside units

        self.mode_box = QComboBox()
        tips = (self.tr("Edges: the weights wⱼᵢ⁽ˡ⁾. Units: the outputs zⱼ⁽ˡ⁾ = f(uⱼ⁽ˡ⁾) of the "
                        "selected sample; for 2-D inputs, each unit's zⱼ⁽ˡ⁾ over the input plane."),
                self.tr("Edges: the gradients ∂L/∂wⱼᵢ⁽ˡ⁾ = δⱼ⁽ˡ⁾ zᵢ⁽ˡ⁻¹⁾ of the last step. Units: "
                        "∂L/∂bⱼ⁽ˡ⁾, the deltas δⱼ⁽ˡ⁾ that backpropagation sent back, over the minibatch."))
        names = (self.tr("weights w, outputs z"), self.tr("gradients ∂L/∂w, ∂L/∂b"))
        for k, (name, tip) in enumerate(zip(names, tips)):
            self.mode_box.addItem(name, MODES[k])
            self.mode_box.setItemData(k, tip, Qt.ToolTipRole)
        self.mode_box.setToolTip("\n".join(tips))
        self.mode_box.currentIndexChanged.connect(lambda k: self.set_mode(MODES[k]))
        self.color_bar = _ColorBar()
        self.color_bar.setToolTip(self.tr("Edge colours: orange negative, blue positive; "
                                          "thicker edges carry larger |values|."))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Colour by:")))
        top.addWidget(self.mode_box)
        top.addStretch(1)
        top.addWidget(self.color_bar)

        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.NoIndex)   # every item changes: no BSP tree to keep
        self.canvas = _Canvas(self.scene)
        self._hint = self.tr("Hover a unit or an edge to read its values; click an edge to set its weight.")
        self.info_label = QLabel(self._hint)
        self.info_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.info_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # never widens us
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.canvas, 1)
        lay.addWidget(self.info_label)

    # ------------------------------------------------------------------ public
    def show_snapshot(self, snap):
        """Draw ``snap``; rebuild the items only when the architecture changed."""
        arch = (tuple(snap.sizes), tuple(snap.activations), bool(snap.grid_z))
        if arch != self._arch:
            self._build(snap)
            self._arch = arch
        self.snapshot = snap
        self._update()

    def set_mode(self, mode):
        """Colour by "weights" (w, z) or "gradients" (∂L/∂w, ∂L/∂b)."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        self.mode_box.blockSignals(True)
        self.mode_box.setCurrentIndex(MODES.index(mode))
        self.mode_box.blockSignals(False)
        if mode != self.mode:
            self.mode = mode
            self._levels.clear()
            if self.snapshot is not None:
                self._update()

    def highlight_layer(self, l):
        """Put a translucent band behind layer ``l``'s column (None removes it)."""
        self._highlight = l
        if self._band is not None:
            x = self._x.get(l)
            self._band.setVisible(x is not None)
            if x is not None:
                r = self._band.rect()
                self._band.setRect(x - 0.3 * self._gap, r.y(), 0.6 * self._gap, r.height())

    def edge_color(self, l, j, i):
        """The QColor edge ``W[l][j, i]`` is drawn with."""
        return self.edge_items[(l, j, i)].pen().color()

    # ------------------------------------------------------------------- build
    def _build(self, snap):
        """Create every item for ``snap``'s architecture (sizes[l − 1] units in layer l)."""
        self.scene.clear()
        self.node_items.clear(), self.edge_items.clear(), self._captions.clear(), self._levels.clear()
        self._hovered = None
        sizes = snap.sizes
        self._L = L = len(sizes)
        self._m = m = {l: min(sizes[l - 1], MAX_UNITS) for l in range(1, L + 1)}
        cut = any(n > MAX_UNITS for n in sizes)
        pitch = PITCH - 8 * np.clip((max(m.values()) - 16) / 16, 0, 1)    # tighter for tall columns
        half = max(m.values()) * pitch / 2
        f = max(1.0, (2 * half + 150) / 460) ** 0.8        # label scale: readable when fitted small
        self._gap = gap = float(np.clip(1.5 * (2 * half + 150) / (L - 1), max(150, 125 * f), 520))
        self._x = {l: (l - 1) * gap for l in m}
        y = {(l, j): (j - (m[l] - 1) / 2) * pitch for l in m for j in range(m[l])}
        label_y, caption_y = -half - 78 * f, half + (pitch if cut else 8)
        for l in range(1, L + 1):
            x = self._x[l]
            title = (self.tr("layer 1 (input)") if l == 1 else
                     self.tr("layer {0} (output)").format(l) if l == L else self.tr("layer {0}").format(l))
            sub = "z<sup>(1)</sup> = x" if l == 1 else snap.activations[l]
            self._label(f"<b>{title}</b><br><span style='color:#777'>{sub}</span>", x, label_y, 12 * f, True)
            for j in range(m[l]):
                self.node_items[(l, j)] = node = _Unit((l, j), self, x, y[(l, j)], self._font,
                                                       bool(snap.grid_z))
                self.scene.addItem(node)
            if sizes[l - 1] > m[l]:
                self._label(self.tr("…+{0}").format(sizes[l - 1] - m[l]), x, half + 4, 11 * f)
            self._captions[l] = self._label("", x, caption_y, 10 * f)
            if l > 1:
                shape = f"<span style='color:#777'>{sizes[l - 1]} × {sizes[l - 2]}</span>"
                self._label(f"<i>W</i><sup>({l})</sup>&nbsp; {shape}", x - gap / 2, -half - 36 * f, 12 * f, True)
                self._add_edges(l, y)
        self._edge_list = list(self.edge_items.values())
        self._pen_idx = np.full(len(self._edge_list), -1)
        self._band = self.scene.addRect(QRectF(0, label_y - 6, 1, caption_y - label_y + 24),
                                        QPen(Qt.NoPen), QColor(255, 200, 40, 55))
        self._band.setZValue(-10)
        rect = self.scene.itemsBoundingRect()
        self.scene.setSceneRect(rect.adjusted(-16, -10, 16, 10))
        self.highlight_layer(self._highlight)
        self.canvas.fit()

    def _add_edges(self, l, y):
        """Edges into layer l, ordered j-major like ``W[l][:m_l, :m_(l−1)].ravel()``."""
        x0, x1 = self._x[l - 1] + NODE / 2, self._x[l] - NODE / 2
        mid = (x0 + x1) / 2
        for j in range(self._m[l]):
            for i in range(self._m[l - 1]):
                path = QPainterPath()
                path.moveTo(x0, y[(l - 1, i)])
                path.cubicTo(mid, y[(l - 1, i)], mid, y[(l, j)], x1, y[(l, j)])
                self.edge_items[(l, j, i)] = edge = _Edge((l, j, i), self, path)
                edge.index = len(self.edge_items) - 1      # its place in self._edge_list
                self.scene.addItem(edge)

    def _label(self, text, x, y, px, rich=False):
        """A text item (HTML if ``rich``, else plain grey) centred on x, its top at y."""
        item = QGraphicsTextItem() if rich else QGraphicsSimpleTextItem(text)
        if rich:
            item.setHtml(f"<div align='center'>{text}</div>")
        else:
            item.setBrush(QColor(100, 100, 100))
        font = QFont(self._font)
        font.setPixelSize(round(px))
        item.setFont(font)
        item.setData(0, x)
        item.setY(y)
        self.scene.addItem(_centred(item))
        return item

    # ------------------------------------------------------------------ update
    def _level(self, key, values):
        return self._levels.setdefault(key, _Level())(values)

    def _update(self):
        self._update_edges()
        self._update_units()
        if self._hovered is not None:
            self._hover(self._hovered)

    def _update_edges(self):
        """New pens for the edges whose colour level or width class changed."""
        s, L, m = self.snapshot, self._L, self._m
        A = s.dW if self.mode == "gradients" else s.W
        values = np.nan_to_num(np.concatenate([A[l][:m[l], :m[l - 1]].ravel() for l in range(2, L + 1)]))
        vmax = self._level("edges", values)
        width = np.minimum((np.abs(values) / vmax * len(WIDTHS)).astype(int), len(WIDTHS) - 1)
        idx = _levels(values, vmax) * len(WIDTHS) + width
        changed = np.flatnonzero(idx != self._pen_idx)
        for k in changed:
            self._edge_list[k].setPen(self._pens[idx[k]])
            self._edge_list[k].setZValue(width[k])         # strong edges on top
        self._pen_idx, self.pen_changes = idx, len(changed)
        self.color_bar.set_range("∂L/∂w" if self.mode == "gradients" else "w", vmax)

    def _z_range(self, l, z):
        """Colour range of layer l's outputs: fixed for bounded activations, else ±(stepped max)."""
        fixed = BOUNDED.get(self.snapshot.activations[l])
        return fixed or (-(v := self._level(("z", l), z)), v)

    def _update_units(self):
        """Thumbnails, or fills with printed values, and each column's range caption."""
        s, L, m, grad = self.snapshot, self._L, self._m, self.mode == "gradients"
        values = {l: np.nan_to_num((s.db[l] if grad and l > 1 else s.z[l])[:m[l]]) for l in range(1, L + 1)}
        shared = self._level("db", np.concatenate([values[l] for l in range(2, L + 1)])) if grad else None
        for l in range(1, L + 1):
            thumbs = bool(s.grid_z) and (l == 1 or not grad)
            # thumbnails at half the grid's resolution (32 × 32 for a unit a few dozen pixels wide)
            data = s.grid_z[l][::-2, ::2, :m[l]] if thumbs else values[l]   # image row 0 = top
            lo, hi = (-shared, shared) if l > 1 and grad else self._z_range(l, data)
            centred, half = data - (lo + hi) / 2, (hi - lo) / 2
            if thumbs:
                rgb = LUT[lut_index(centred, half)]
                for j in range(m[l]):
                    self.node_items[(l, j)].set_image(rgb[:, :, j])
            else:
                for j, k in enumerate(_levels(centred, half)):
                    self.node_items[(l, j)].set_value(self._brushes[k], _short(values[l][j]),
                                                      abs(k - LEVELS // 2) > LEVELS // 3)
            symbol = "x" if l == 1 else "∂L/∂b" if grad else "z"
            caption = self._captions[l]
            caption.setText(f"{symbol} ∈ [{_fmt(lo)}, {_fmt(hi)}]")
            _centred(caption)

    # -------------------------------------------------------------- hover/click
    def _describe(self, key):
        """The hover text of a unit (l, j) or an edge (l, j, i), in the lecture's symbols."""
        s = self.snapshot
        if len(key) == 3:
            l, j, i = key
            w = _sym("w", l, j + 1, i + 1)
            return (f"{w} = {_fmt(s.W[l][j, i])}    ∂L/∂{w} = {_fmt(s.dW[l][j, i])}\n"
                    + self.tr("from unit i = {0} of layer {1} to unit j = {2} of layer {3}; "
                              "click to set the weight").format(i + 1, l - 1, j + 1, l))
        l, j = key
        head = self.tr("unit j = {0} of layer l = {1}").format(j + 1, l)
        if l == 1:
            return f"{head}\n{_sym('z', 1, j + 1)} = x{str(j + 1).translate(_SUB)} = {_fmt(s.z[1][j])}"
        rows = (("u", s.u), ("z", s.z), ("δ", s.delta), ("b", s.b))
        lines = [f"{_sym(name, l, j + 1)} = {_fmt(a[l][j])}" for name, a in rows]
        lines.append(f"∂L/∂{_sym('b', l, j + 1)} = {_fmt(s.db[l][j])}  " + self.tr("(last minibatch)"))
        return "\n".join([head, *lines])

    def _hover(self, key):
        """Show (or, with None, clear) the info of the hovered item, and mark the item."""
        for k, on in ((self._hovered, False), (key, True)):
            if k is not None and len(k) == 2:
                self.node_items[k].setPen(self._node_pens[on])
            elif k is not None:
                self.edge_items[k].setZValue(9 if on else self._pen_idx[self.edge_items[k].index] % len(WIDTHS))
        self._hovered = key
        if key is None or self.snapshot is None:
            self.info_label.setText(self._hint)
            return
        text = self._describe(key)
        (self.node_items if len(key) == 2 else self.edge_items)[key].setToolTip(text)
        self.info_label.setText(text.replace("\n", "    "))
        if QToolTip.isVisible():
            QToolTip.showText(QCursor.pos(), text)

    def _click(self, key):
        if len(key) == 2:
            self.unit_clicked.emit(*key)
            return
        self.edge_clicked.emit(*key)
        l, j, i = key
        value = self._ask_weight(l, j, i, float(self.snapshot.W[l][j, i]))
        if value is not None:
            self.weight_edited.emit(l, j, i, float(value))

    def _ask_weight(self, l, j, i, current):
        """A dialog asking for a new w_ji^(l), prefilled with ``current``; None if cancelled."""
        value, ok = QInputDialog.getDouble(
            self, self.tr("Set a weight"),
            self.tr("New value of {0}:").format(_sym("w", l, j + 1, i + 1)), current, -1e6, 1e6, 6)
        return value if ok else None
