"""The hidden layers l = 2 … L−1 of the side panel: one row each, units and activation."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from ..core.activations import TITLES
from .i18n import word
from .widgets import make_combo, note_label, select_data, tool_button

__all__ = ["ArchitectureEditor", "MAX_LAYERS", "MAX_UNITS"]

MAX_LAYERS, MAX_UNITS = 10, 32


class _LayerRow(QWidget):
    """One hidden layer: "layer l", [−] n_l [+], its activation f, and a remove button."""

    changed = Signal()
    removed = Signal(object)

    def __init__(self, units, activation):
        super().__init__()
        self.units = units
        self.label = QLabel(minimumWidth=48)
        self.minus = tool_button("−", self.tr("one unit fewer"), lambda: self._add(-1))
        self.count = QLabel(alignment=Qt.AlignCenter, minimumWidth=22,
                            toolTip=self.tr("n_l, the number of units: W^(l) has n_l rows"))
        self.plus = tool_button("+", self.tr("one unit more"), lambda: self._add(1))
        self.act = make_combo([(word(t), k) for k, t in TITLES.items()],
                              self.tr("activation f of this layer: z^(l) = f(u^(l))"))
        select_data(self.act, activation)
        self.act.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.remove = tool_button("✕", self.tr("remove this layer"), lambda: self.removed.emit(self))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        for w in (self.label, self.minus, self.count, self.plus, self.act, self.remove):
            lay.addWidget(w, w is self.act)
        self._add(0)

    def _add(self, delta):
        self.units = min(max(self.units + delta, 1), MAX_UNITS)
        self.count.setText(str(self.units))
        self.minus.setEnabled(self.units > 1)
        self.plus.setEnabled(self.units < MAX_UNITS)
        if delta:
            self.changed.emit()


class ArchitectureEditor(QWidget):
    """The hidden layers l = 2 … L−1, one row each; layer 1 (input) and L (output) are fixed text.

    :meth:`hidden` gives their sizes (n_2, …, n_(L−1)), :meth:`activations` one name per
    hidden layer. ``changed`` fires on every user edit; :meth:`set_layers` and
    :meth:`set_io` emit nothing. Up to 10 hidden layers of 1 to 32 units.
    """

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows, self._fallback, self._io = [], "tanh", (2, 1)
        self._input, self._output = note_label(), note_label()
        self._add = QPushButton(self.tr("+ add layer"),
                                toolTip=self.tr("a new hidden layer just before the output layer L"))
        self._add.clicked.connect(self.add_layer)
        self._list = QVBoxLayout()
        self._list.setSpacing(2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        for item in (self._input, self._list, self._output, self._add):
            (lay.addLayout if isinstance(item, QLayout) else lay.addWidget)(item)
        self._refresh()

    def hidden(self):
        """Hidden layer sizes, a tuple of ints."""
        return tuple(r.units for r in self.rows)

    def activations(self):
        """One activation name per hidden layer."""
        return tuple(r.act.currentData() for r in self.rows)

    def default_activation(self):
        """The activation a new layer gets: the last layer's, or else the last removed one's."""
        return self.rows[-1].act.currentData() if self.rows else self._fallback

    def set_layers(self, hidden, activations=("tanh",)):
        """Show these layers (``activations``: one for all or one per layer), emitting nothing."""
        for row in list(self.rows):
            self._take(row)
        acts = list(activations) or [self._fallback]
        acts += [acts[-1]] * (len(hidden) - len(acts))
        self._fallback = acts[0]
        for n, a in list(zip(hidden, acts))[:MAX_LAYERS]:
            self._put(int(n), a)
        self._refresh()

    def set_io(self, n_in, n_out):
        """Sizes of layer 1 and layer L, shown as text (None: not known yet)."""
        self._io = (n_in, n_out)
        self._refresh()

    def add_layer(self):
        """Append a hidden layer like the last one (4 units if there is none)."""
        if len(self.rows) < MAX_LAYERS:
            self._put(self.rows[-1].units if self.rows else 4, self.default_activation())
            self._refresh()
            self.changed.emit()

    def remove_layer(self, row=None):
        """Remove ``row`` (default: the last hidden layer)."""
        row = row or (self.rows[-1] if self.rows else None)
        if row is not None:
            self._fallback = row.act.currentData()
            self._take(row)
            self._refresh()
            self.changed.emit()

    def _put(self, units, activation):
        row = _LayerRow(min(max(units, 1), MAX_UNITS), activation)
        row.changed.connect(lambda: self.changed.emit())
        row.removed.connect(self.remove_layer)
        self._list.addWidget(row)
        self.rows.append(row)

    def _take(self, row):
        self.rows.remove(row)
        self._list.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _refresh(self):
        for l, row in enumerate(self.rows, start=2):
            row.label.setText(self.tr("layer {}").format(l))
        n_in, n_out = self._io
        self._input.setText(self.tr("layer 1 · input x · 1 unit") if n_in == 1 else
                            self.tr("layer 1 · input x · {} units").format("?" if n_in is None else n_in))
        L = len(self.rows) + 2
        self._output.setText(self.tr("layer {} = L · output y · 1 unit").format(L) if n_out == 1 else
                             self.tr("layer {} = L · output y · {} units").format(L, "?" if n_out is None else n_out))
        self._add.setEnabled(len(self.rows) < MAX_LAYERS)
