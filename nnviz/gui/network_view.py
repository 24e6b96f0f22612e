"""The network diagram at the centre of the app (lecture §1, §4, §7).

Units stand in columns, layer 1 (the input) on the left to layer L (the output)
on the right; edge (l, j, i) carries w_ji^(l) from unit i of layer l−1 to unit j
of layer l. Two modes colour the same items:

- "weights": edges by w_ji^(l), units by z_j^(l) of the selected sample (for 2-D
  inputs, each unit shows a thumbnail of z_j^(l) over the input plane);
- "gradients": what backpropagation computes, as the lecture writes it: edges by
  ∂L/∂w_ji^(l) of the last training step (its minibatch), units by the deltas
  δ_j^(l) = ∂L_n/∂u_j^(l) of the selected training sample n (the hover says which n).

A third state follows a recorded training step (:meth:`NetworkView.show_phase`):
the layer of the current phase is highlighted, an arrow shows which way the
values flow, units show z (forward) or δ (backward) of the followed sample as
far as the step has computed them, and edges show w, ∂L/∂w or the update Δw.
Live snapshots arriving meanwhile are kept and drawn when the step-through ends.

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

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (QGraphicsScene, QHBoxLayout, QInputDialog, QLabel, QSizePolicy,
                               QToolTip, QVBoxLayout, QWidget)

from ..core.notation import layer, sub
from ..core.activations import OUTPUT_TITLES
from .colors import LUT, finite, lut_index, qcolor
from .formulas import sym
from .i18n import word
from .network_items import (LEVELS, NODE, PITCH, WIDTHS, Canvas, ColorBar, Edge, Level, Unit, color_levels,
                            hover_fmt, indexed_sym, nice_ceil, short_value)
from .network_labels import MIN_PX, LabelRows, readable
from .widgets import WideCombo

__all__ = ["NetworkView", "MAX_UNITS", "MIN_PX", "nice_ceil"]
CAPTION_ROOM = "δ ∈ [−0.0000, 0.0000]"     # the width a range caption is given before its first numbers

UNIT_PX = 9                     # pixel size of the values printed inside units (at text scale 1)
MAX_UNITS = 32                  # wider layers show their first MAX_UNITS units and "…+N"
BOUNDED = {"tanh": (-1.0, 1.0), "arctan": (-np.pi / 2, np.pi / 2), "sigmoid": (0.0, 1.0),
           "step": (0.0, 1.0), "softmax": (0.0, 1.0)}      # fixed colour ranges of outputs z
MODES = ("weights", "gradients")


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
    phase : (trace, index) shown by :meth:`show_phase`, or None in the live view
    """

    weight_edited = Signal(int, int, int, float)
    unit_clicked = Signal(int, int)
    edge_clicked = Signal(int, int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mode, self.snapshot, self.pen_changes = "weights", None, 0
        self.node_items, self.edge_items, self._captions, self._levels = {}, {}, {}, {}
        self._arch = self._hovered = self._highlight = self._band = None
        self.phase = self._pending = self._flow = None
        colors = [qcolor(c) for c in LUT[lut_index(np.linspace(-1, 1, LEVELS), 1.0)]]
        self._pens = [QPen(c, w, Qt.SolidLine, Qt.RoundCap) for c in colors for w in WIDTHS]
        # step-through: the same pens faded, for the edges the current phase does not use
        self._faded = [QPen(QColor(c.red(), c.green(), c.blue(), 60), w, Qt.SolidLine, Qt.RoundCap)
                       for c in colors for w in WIDTHS]
        self._blank = QBrush(QColor(246, 246, 246))          # a unit the step has not reached yet
        self._brushes = [QBrush(c) for c in colors]
        self.node_pens = (QPen(QColor(110, 110, 110), 1.0), QPen(QColor(20, 20, 20), 2.5))
        self.text_scale = 1.0                   # View → Larger / Smaller text
        self._font = QFont(self.font())
        self._font.setPixelSize(UNIT_PX)        # the values printed inside units

        self.mode_box = WideCombo()                  # its longest item in full at every text size
        tips = (self.tr("Edges: the weights wⱼᵢ⁽ˡ⁾. Units: the outputs zⱼ⁽ˡ⁾ = f(uⱼ⁽ˡ⁾) of the "
                        "selected sample; for 2-D inputs, each unit's zⱼ⁽ˡ⁾ over the input plane."),
                self.tr("Edges: the gradients ∂L/∂wⱼᵢ⁽ˡ⁾ = Σₙ δⱼ⁽ˡ⁾ zᵢ⁽ˡ⁻¹⁾ of the last step's "
                        "minibatch. Units: the deltas δⱼ⁽ˡ⁾ = ∂Lₙ/∂uⱼ⁽ˡ⁾ that backpropagation sends "
                        "back, of the selected training sample n."))
        names = (self.tr("weights w, outputs z"), self.tr("gradients ∂L/∂w, deltas δ"))
        for k, (name, tip) in enumerate(zip(names, tips)):
            self.mode_box.addItem(name, MODES[k])
            self.mode_box.setItemData(k, tip, Qt.ToolTipRole)
        self.mode_box.setToolTip("\n".join(tips))
        self.mode_box.currentIndexChanged.connect(lambda k: self.set_mode(MODES[k]))
        self.color_bar = ColorBar()
        self.color_bar.setToolTip(self.tr("Edge colours: orange negative, blue positive; "
                                          "thicker edges carry larger |values|."))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Colour by:")))
        top.addWidget(self.mode_box)
        top.addStretch(1)
        top.addWidget(self.color_bar)

        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.NoIndex)   # every item changes: no BSP tree to keep
        self.canvas = Canvas(self.scene)
        self.values_readable = True             # the units' values are big enough on screen to print
        self._labels = LabelRows(self.scene, self._font)
        self._layer_text, self._flow_args, self._diagram = {}, None, None
        self.canvas.layout = self._layout
        self._hint = self.tr("Hover a unit or an edge to read its values; click an edge to set its weight.")
        self._phase_hint = self.tr("Stepping through one training step: click a unit or an edge "
                                   "to see its formula with the numbers.")
        self.info_label = QLabel(self._hint)
        self.info_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.info_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # never widens us
        self.info_label.setWordWrap(True)            # after the policy: it sets height-for-width
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.canvas, 1)
        lay.addWidget(self.info_label)

    # ------------------------------------------------------------------ public
    def export_source(self):
        """What File → Export saves: the diagram as it is on screen (its labels keep
        their on-screen size and places, which a render of the whole scene would not)."""
        return self.canvas.viewport()

    def show_snapshot(self, snap):
        """Draw ``snap``; rebuild the items only when the architecture changed.

        During a step-through (:meth:`show_phase`) the snapshot is kept and drawn
        when :meth:`end_phase` returns to the live view."""
        if self.phase is not None:
            self._pending = snap
            return
        arch = (tuple(snap.sizes), tuple(snap.activations), bool(snap.grid_z))
        if arch != self._arch:
            self._build(snap)
            self._arch = arch
        elif self._new_run(snap):
            self._levels.clear()         # Reset, New weights, a preset: colour by the new weights
        self.snapshot = snap
        self._update()

    def _layout(self, width, height):
        """Fit the columns into a ``width`` × ``height`` viewport with room for the label rows
        around them (in screen pixels), pick which labels fit, and place them."""
        if self._diagram is None:
            return
        d, phase, labels = self._diagram, self.phase is not None, self._labels

        def fitted(picked):
            top, bottom = labels.margins(phase, {k: f for k, (f, _) in picked.items()})
            widest = labels.overhang(picked, 0.0, 0.0)
            return max(1e-3, min((width - 2 * max(8, widest + 4)) / d.width(), (height - top - bottom) / d.height()))
        picked = labels.pick(fitted({}))
        scale = fitted(picked)                  # shorter labels leave more room: never smaller
        top, bottom = labels.margins(phase, {k: f for k, (f, _) in picked.items()})
        side = max(8, labels.overhang(picked, scale, NODE / 2) + 4)
        rect = d.adjusted(-side / scale, -top / scale, side / scale, bottom / scale)
        self.scene.setSceneRect(rect)
        self.canvas.setTransform(QTransform.fromScale(scale, scale))
        self.canvas.centerOn(rect.center())
        labels.place(d, picked, phase, self.canvas)
        band = self._band.rect()
        self._band.setRect(band.x(), rect.top(), band.width(), rect.height())
        self._flow[0].setData(0, d.bottom() + labels.flow_y(phase, picked) / scale)
        self._scale = scale
        if phase and self._flow_args is not None:
            self._draw_arrow(*self._flow_args)
        self._show_values(readable(self._font.pixelSize() * scale))

    def _show_values(self, shown):
        """Print the units' values only where they are readable (a deep or wide net fitted small:
        hover a unit for its values)."""
        if shown != self.values_readable:
            self.values_readable = shown
            for node in self.node_items.values():
                if node.thumb is None or not node.thumb.isVisible():
                    node.text.setVisible(shown)

    def set_text_scale(self, scale):
        """Every label and unit value ``scale`` times its normal size (redrawn at once)."""
        self.text_scale = scale
        self._font.setPixelSize(max(1, round(UNIT_PX * scale)))
        if self._arch is None:
            return
        phase, self.phase, self._arch = self.phase, None, None
        if self.snapshot is not None:
            self.show_snapshot(self.snapshot)
        if phase is not None:
            self.show_phase(*phase)

    def set_mode(self, mode):
        """Colour by "weights" (w, z) or "gradients" (∂L/∂w, δ)."""
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

    def show_phase(self, trace, index=-1):
        """Show phase ``index`` of a recorded step ``trace``; None or index < 0 ends the step-through."""
        if trace is None or index < 0:
            self.end_phase()
            return
        sizes = tuple(trace.meta["sizes"])
        acts = (None, None, *trace.meta["activations"])
        if self._arch is None or self._arch[:2] != (sizes, acts):
            self._build(_Arch(sizes, acts))
            self._arch = (sizes, acts, False)
        self.phase = (trace, int(index))
        self.info_label.setText(self._phase_hint)
        self.highlight_layer(trace.phases[index].layer)
        self._draw_phase(trace, trace.phases[index])

    def end_phase(self):
        """Leave the step-through: the newest snapshot (kept meanwhile) is drawn as usual."""
        if self.phase is None:
            return
        self.phase, self._flow_args = None, None
        self.canvas.fit()
        self.highlight_layer(None)
        self.info_label.setText(self._hint)
        if self._flow is not None:
            self._flow[0].hide(), self._flow[1].hide()
        self._pen_idx[:] = -1                   # every edge gets its live pen (and z order) back
        snap, self._pending = self._pending, None
        if snap is not None:
            self.show_snapshot(snap)
        elif self.snapshot is not None:
            self._update()

    def edge_color(self, l, j, i):
        """The QColor edge ``W[l][j, i]`` is drawn with."""
        return self.edge_items[(l, j, i)].pen().color()

    # ------------------------------------------------------------------- build
    def _build(self, snap):
        """Create every item for ``snap``'s architecture (sizes[l − 1] units in layer l)."""
        self.scene.clear()
        self._labels.clear()
        self.node_items.clear(), self.edge_items.clear(), self._captions.clear(), self._levels.clear()
        self._hovered = None
        sizes = snap.sizes
        self._L = L = len(sizes)
        self._m = m = {l: min(sizes[l - 1], MAX_UNITS) for l in range(1, L + 1)}
        cut = any(n > MAX_UNITS for n in sizes)
        pitch = PITCH - 8 * np.clip((max(m.values()) - 16) / 16, 0, 1)    # tighter for tall columns
        half = max(m.values()) * pitch / 2
        f = max(1.0, (2 * half + 150) / 460) ** 0.8 * self.text_scale    # a tall net gets wider gaps
        self._gap = gap = float(np.clip(1.5 * (2 * half + 150) / (L - 1), max(150, 125 * f), 520))
        self._x = {l: (l - 1) * gap for l in m}
        y = {(l, j): (j - (m[l] - 1) / 2) * pitch for l in m for j in range(m[l])}
        px, add = 12 * self.text_scale, self._labels.add
        for l in range(1, L + 1):
            x = self._x[l]
            title = (self.tr("layer 1 (input)") if l == 1 else
                     self.tr("layer {0} (output)").format(l) if l == L else self.tr("layer {0}").format(l))
            caption = "z<sup>(1)</sup> = x" if l == 1 else word(OUTPUT_TITLES[snap.activations[l]])
            self._layer_text[l] = f"{title}: " + ("z⁽¹⁾ = x" if l == 1 else caption)
            add("title", x, (f"<b>{title}</b><br><span style='color:#777'>{caption}</span>", f"<b>{title}</b>",
                             f"<b><i style='font-family:serif'>l</i> = {l}</b>"), px, True)
            for j in range(m[l]):
                self.node_items[(l, j)] = node = Unit((l, j), self, x, y[(l, j)], self._font,
                                                       bool(snap.grid_z))
                self.scene.addItem(node)
            if cut:
                add("cut", x, (self.tr("…+{0}").format(sizes[l - 1] - m[l]) if sizes[l - 1] > m[l] else "",),
                    11 * self.text_scale)
            self._captions[l] = add("caption", x, (CAPTION_ROOM,), 10 * self.text_scale)
            if l > 1:
                shape = f"<span style='color:#777'>{sizes[l - 1]} × {sizes[l - 2]}</span>"
                add("shape", x - gap / 2, (f"<i>W</i><sup>({l})</sup>&nbsp; {shape}", f"<i>W</i><sup>({l})</sup>"),
                    px, True)
                self._add_edges(l, y)
        self._edge_list = list(self.edge_items.values())
        self._pen_idx = np.full(len(self._edge_list), -1)
        self._diagram = QRectF(-NODE / 2, -half, self._x[L] + NODE, 2 * half)     # the columns, in the scene
        self._band = self.scene.addRect(QRectF(0, 0, 1, 1), QPen(Qt.NoPen), QColor(255, 200, 40, 55))
        self._band.setZValue(-10)
        self._build_flow(px)                # the step-through's arrow, under the columns
        self._flow[0].hide(), self._flow[1].hide()
        self.canvas.fit()
        self.highlight_layer(self._highlight)

    def _add_edges(self, l, y):
        """Edges into layer l, ordered j-major like ``W[l][:m_l, :m_(l−1)].ravel()``."""
        x0, x1 = self._x[l - 1] + NODE / 2, self._x[l] - NODE / 2
        mid = (x0 + x1) / 2
        for j in range(self._m[l]):
            for i in range(self._m[l - 1]):
                path = QPainterPath()
                path.moveTo(x0, y[(l - 1, i)])
                path.cubicTo(mid, y[(l - 1, i)], mid, y[(l, j)], x1, y[(l, j)])
                self.edge_items[(l, j, i)] = edge = Edge((l, j, i), self, path)
                edge.index = len(self.edge_items) - 1      # its place in self._edge_list
                self.scene.addItem(edge)

    # ------------------------------------------------------------------ update
    def _new_run(self, snap):
        """Whether ``snap`` starts another run than the one drawn: a rebuild (new version)
        or a reset (the step count went back). The colour ranges hold only within a run."""
        old = self.snapshot
        return old is not None and (snap.version != old.version or snap.step < old.step)

    def _level(self, key, values):
        return self._levels.setdefault(key, Level())(values)

    def _update(self):
        self._update_edges()
        self._update_units()
        if self._hovered is not None:
            self.hover(self._hovered)

    def _update_edges(self):
        """New pens for the edges whose colour level or width class changed."""
        s, L, m = self.snapshot, self._L, self._m
        A = s.dW if self.mode == "gradients" else s.W
        values = finite(np.concatenate([A[l][:m[l], :m[l - 1]].ravel() for l in range(2, L + 1)]))
        vmax = self._level("edges", values)
        width = np.minimum((np.abs(values) / vmax * len(WIDTHS)).astype(int), len(WIDTHS) - 1)
        idx = color_levels(values, vmax) * len(WIDTHS) + width
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
        values = {l: finite((s.delta[l] if grad and l > 1 else s.z[l])[:m[l]]) for l in range(1, L + 1)}
        shared = self._level("delta", np.concatenate([values[l] for l in range(2, L + 1)])) if grad else None
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
                for j, k in enumerate(color_levels(centred, half)):
                    self.node_items[(l, j)].set_value(self._brushes[k], short_value(values[l][j]),
                                                      abs(k - LEVELS // 2) > LEVELS // 3)
            symbol = "x" if l == 1 else "δ" if grad else "z"
            self._caption(l, f"{symbol} ∈ [{hover_fmt(lo)}, {hover_fmt(hi)}]")

    def _caption(self, l, text):
        """Layer l's range caption says ``text``; a caption wider than before lays the rows out again."""
        if self._labels.set_forms(self._captions[l], (text,)):
            self.canvas.fit()

    # -------------------------------------------------------------- hover/click
    def _describe(self, key):
        """The hover text of a unit (l, j) or an edge (l, j, i), in the lecture's symbols."""
        s = self.snapshot
        if len(key) == 3:
            l, j, i = key
            w = indexed_sym("w", l, j + 1, i + 1)
            shape = f"{layer('W', l)}: {s.sizes[l - 1]} × {s.sizes[l - 2]}"
            return (f"{w} = {hover_fmt(s.W[l][j, i])}    ∂L/∂{w} = {hover_fmt(s.dW[l][j, i])}  "
                    + self.tr("(last minibatch)") + "\n"
                    + self.tr("from unit i = {0} of layer {1} to unit j = {2} of layer {3}; "
                              "click to set the weight").format(i + 1, l - 1, j + 1, l) + "\n" + shape)
        l, j = key
        head = (self.tr("unit j = {0} of layer l = {1}").format(j + 1, l)        # and what its column's labels say
                + f" — {self._layer_text[l]}, {self._captions[l].text()}")
        sample = self.tr("of training sample n = {0}:").format(s.sample)
        if l == 1:
            return f"{head}\n{sample} {indexed_sym('z', 1, j + 1)} = x{sub(j + 1)} = {hover_fmt(s.z[1][j])}"
        rows = (("u", s.u), ("z", s.z), ("δ", s.delta))
        lines = [sample + "  " + "   ".join(f"{indexed_sym(name, l, j + 1)} = {hover_fmt(a[l][j])}" for name, a in rows),
                 f"{indexed_sym('b', l, j + 1)} = {hover_fmt(s.b[l][j])}    ∂L/∂{indexed_sym('b', l, j + 1)} = "
                 f"{hover_fmt(s.db[l][j])}  " + self.tr("(last minibatch)")]
        return "\n".join([head, *lines])

    def hover(self, key):
        """Show (or, with None, clear) the info of the hovered item, and mark the item."""
        for k, on in ((self._hovered, False), (key, True)):
            if k is not None and len(k) == 2:
                self.node_items[k].setPen(self.node_pens[on])
            elif k is not None:
                self.edge_items[k].setZValue(9 if on else self._pen_idx[self.edge_items[k].index] % len(WIDTHS))
        self._hovered = key
        if key is None or self.snapshot is None or self.phase is not None:
            self.info_label.setText(self._phase_hint if self.phase is not None else self._hint)
            return
        text = self._describe(key)
        (self.node_items if len(key) == 2 else self.edge_items)[key].setToolTip(text)
        self.info_label.setText(text.replace("\n", "    "))
        if QToolTip.isVisible():
            QToolTip.showText(QCursor.pos(), text)

    def click(self, key):
        if len(key) == 2:
            self.unit_clicked.emit(*key)
            return
        self.edge_clicked.emit(*key)
        if self.phase is not None or self.snapshot is None:
            return                          # stepping through a recorded step: no weight editing
        l, j, i = key
        value = self._ask_weight(l, j, i, float(self.snapshot.W[l][j, i]))
        if value is not None:
            self.weight_edited.emit(l, j, i, float(value))

    def _ask_weight(self, l, j, i, current):
        """A dialog asking for a new w_ji^(l), prefilled with ``current``; None if cancelled."""
        value, ok = QInputDialog.getDouble(
            self, self.tr("Set a weight"),
            self.tr("New value of {0}:").format(indexed_sym("w", l, j + 1, i + 1)), current, -1e6, 1e6, 6)
        return value if ok else None

    # ------------------------------------------------------------ step-through
    def _build_flow(self, px):
        """The arrow and formula under the columns that say which way a phase's values flow
        (the arrow's y, in the scene, is set by each layout)."""
        pen = QPen(QColor(60, 60, 60), 2.2, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
        pen.setCosmetic(True)                       # as thick on screen however small the net is drawn
        arrow = self.scene.addPath(QPainterPath(), pen)
        self._flow = (arrow, self._labels.add("flow", self._x[1], ("",), px, True))

    def _set_flow(self, start, end, html, color):
        """Arrow from the column of layer ``start`` to that of ``end`` (None: no arrow), ``html`` under it."""
        arrow, label = self._flow
        self._flow_args = (start, end, color)
        label.x_scene = (self._x[start] + self._x[end]) / 2 if start is not None else self._x[end]
        self._labels.set_forms(label, (f"<div align='center' style='color:{color.name()}'>{html}</div>",))
        self.canvas.fit()
        arrow.show(), label.show()

    def _draw_arrow(self, start, end, color):
        """The flow arrow (its head a fixed size on screen), at the y the layout gave it."""
        arrow, y, head = self._flow[0], self._flow[0].data(0), 1 / self._scale
        path = QPainterPath()
        if start is not None and start != end:
            x0, x1 = self._x[start], self._x[end]
            sign = 1 if x1 > x0 else -1
            x0, x1 = x0 + sign * NODE / 2, x1 - sign * NODE / 2
            path.moveTo(x0, y)
            path.lineTo(x1, y)
            path.addPolygon(QPolygonF([QPointF(x1 - sign * 11 * head, y - 6 * head), QPointF(x1, y),
                                       QPointF(x1 - sign * 11 * head, y + 6 * head)]))
        arrow.setPath(path)
        pen = arrow.pen()
        pen.setColor(color)
        arrow.setPen(pen)

    def _draw_phase(self, trace, p):
        """Colour edges, units and captions, and point the flow arrow, for phase ``p`` of ``trace``."""
        by = {}                                     # by[kind][layer] = that phase's values
        for q in trace.phases:
            by.setdefault(q.kind, {})[q.layer] = q.values
        self._phase_edges(p.kind, p.layer, by)
        self._phase_units(p.kind, p.layer, by)
        self._flow_for(p.kind, p.layer, trace)

    def _phase_edges(self, kind, l0, by):
        """Edges by w before the step, the minibatch's ∂L/∂w, or the update's Δw, on one
        range for the whole step; layers the step has not reached yet read 0, and edges
        the phase does not use are faded."""
        L, m = self._L, self._m
        if kind == "gradient":
            arrays, done, title = {l: v["dW"] for l, v in by["gradient"].items()}, range(l0, L + 1), "∂L/∂w"
        elif kind == "update":
            arrays = {l: v["W_after"] - v["W_before"] for l, v in by["update"].items()}
            done, title = range(2, l0 + 1), "Δw"
        else:
            arrays, done, title = {l: v["W"] for l, v in by["forward"].items() if l > 1}, range(2, L + 1), "w"
        active = {"forward": l0, "backward": l0 + 1, "gradient": l0, "update": l0}.get(kind)
        parts = {l: np.nan_to_num(np.asarray(arrays[l], dtype=float)[:m[l], :m[l - 1]]) for l in range(2, L + 1)}
        vmax = nice_ceil(max(float(np.abs(a).max()) for a in parts.values()))
        values = np.concatenate([(a if l in done else 0 * a).ravel() for l, a in parts.items()])
        faded = np.concatenate([np.full(a.size, l != active) for l, a in parts.items()])
        width = np.minimum((np.abs(values) / vmax * len(WIDTHS)).astype(int), len(WIDTHS) - 1)
        idx = color_levels(values, vmax) * len(WIDTHS) + width + faded * len(self._pens)
        for k in np.flatnonzero(idx != self._pen_idx):
            pens = self._faded if faded[k] else self._pens
            self._edge_list[k].setPen(pens[idx[k] % len(self._pens)])
            self._edge_list[k].setZValue(width[k] + (0 if faded[k] else 5))
        self._pen_idx = idx
        self.color_bar.set_range(title, vmax)

    def _phase_units(self, kind, l0, by):
        """Units by z as far as the forward pass got, δ as far as the backward pass got,
        or Δb of the layers updated so far; the input column always shows x."""
        L, m, fw = self._L, self._m, by["forward"]

        def shared(arrays):                         # one symmetric range for a quantity of the whole step
            r = nice_ceil(max(float(np.abs(np.nan_to_num(a[:m[l]])).max()) for l, a in arrays.items()))
            return (-r, r)
        units = {1: ("x", fw[1]["z"], None)}
        if kind in ("forward", "loss"):
            for l in range(2, (l0 if kind == "forward" else L) + 1):
                units[l] = ("z", fw[l]["z"], BOUNDED.get(self._arch[1][l]))
        elif kind in ("output_delta", "backward", "gradient"):
            deltas = {L: by["output_delta"][L]["delta"], **{l: v["delta"] for l, v in by.get("backward", {}).items()}}
            first, rng = {"output_delta": L, "backward": l0}.get(kind, 2), shared(deltas)
            units.update({l: ("δ", deltas[l], rng) for l in range(first, L + 1)})
        else:
            db = {l: v["b_after"] - v["b_before"] for l, v in by["update"].items()}
            rng = shared(db)
            units.update({l: ("Δb", db[l], rng) for l in range(2, l0 + 1)})
        for l in range(1, L + 1):
            if l not in units:
                for j in range(m[l]):
                    self.node_items[(l, j)].set_value(self._blank, "", False)
                self._caption(l, "")
                continue
            symbol, v, rng = units[l]
            v = np.nan_to_num(np.asarray(v, dtype=float)[:m[l]])
            lo, hi = rng or shared({l: v})
            for j, k in enumerate(color_levels(v - (lo + hi) / 2, (hi - lo) / 2)):
                self.node_items[(l, j)].set_value(self._brushes[k], short_value(v[j]), abs(k - LEVELS // 2) > LEVELS // 3)
            self._caption(l, f"{symbol} ∈ [{hover_fmt(lo)}, {hover_fmt(hi)}]")

    def _flow_for(self, kind, l0, trace):
        """The arrow and formula of phase (kind, l0): forwards in blue, backwards in orange."""
        L, df, dL = self._L, "<i>f</i>′", "∂<i>L</i>/∂"
        fwd, back, grey = QColor(20, 90, 160), QColor(196, 90, 10), QColor(70, 70, 70)
        forward, backward = "→ " + self.tr("forward") + ": ", "← " + self.tr("backward") + ": "
        if kind == "forward" and l0 == 1:
            flow = (None, 1, forward + f"{sym('z', 1)} = {sym('x', sub='<i>n</i>')}", fwd)
        elif kind == "forward":
            flow = (l0 - 1, l0, forward + f"{sym('u', l0)} = {sym('W', l0)}{sym('z', l0 - 1)} + {sym('b', l0)}, "
                    f"{sym('z', l0)} = <i>f</i>({sym('u', l0)})", fwd)
        elif kind == "loss":
            loss = trace.phases[trace.find("loss")].values["L"]
            flow = (None, L, f"{sym('L', sub='<i>n</i>')} = {hover_fmt(loss)}", grey)
        elif kind == "output_delta":
            matched = trace.phases[trace.find("output_delta")].values.get("matched", True)
            rule = f"{sym('z')} − {sym('d')}" if matched else f"{df} ⊙ {dL}{sym('z')}"
            flow = (None, L, backward + f"{sym('δ', L)} = {rule}", back)
        elif kind == "backward":
            flow = (l0 + 1, l0, backward + f"{sym('δ', l0)} = {df}({sym('u', l0)}) ⊙ "
                    f"{sym('W', l0 + 1, T=True)}{sym('δ', l0 + 1)}", back)
        elif kind == "gradient":
            flow = (l0, l0 - 1, self.tr("gradient") + f": {dL}{sym('W', l0)} = {sym('δ', l0)}"
                    f"{sym('z', l0 - 1, T=True)}", back)
        else:
            momentum = " + μ<i>v</i>" if trace.meta.get("optimizer") == "momentum" else ""
            flow = (l0 - 1, l0, self.tr("update") + f": {sym('W', l0)} ← {sym('W', l0)} − "
                    f"ε{dL}{sym('W', l0)}{momentum}", grey)
        self._set_flow(*flow)


class _Arch:
    """The architecture of a trace, standing in for a snapshot when the view is built from one."""

    def __init__(self, sizes, activations):
        self.sizes, self.activations, self.grid_z = sizes, activations, ()
