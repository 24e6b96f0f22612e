"""Small widgets and builders the side panel is made of (controls.py, architecture.py), and label styles."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel,
                               QLayout, QSizePolicy, QSpinBox, QStyle, QStyleOptionComboBox, QStylePainter,
                               QToolButton, QWidget)

__all__ = ["LadderSpinBox", "WideCombo", "WrappingCombo", "make_combo", "select_data", "make_spin", "tool_button",
           "note_label", "hbox", "FormGrid", "Debounce", "ERROR_STYLE", "NOTE_STYLE"]

ERROR_STYLE = "color: #c0392b;"      # a label that reports a mistake
NOTE_STYLE = "color: #505050;"       # a quiet explanatory label


class LadderSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox whose arrows walk a ladder (…, 0.01, 0.03, 0.1, …) and which drops
    trailing zeros; any value in range can still be typed."""

    def __init__(self, ladder, decimals=5, tip=""):
        super().__init__(decimals=decimals, toolTip=tip)
        self.ladder = ladder
        self.setRange(min(ladder), max(ladder))

    def stepBy(self, steps):
        v = self.value()
        up, down = [x for x in self.ladder if x > v * (1 + 1e-9)], [x for x in self.ladder if x < v * (1 - 1e-9)]
        if steps > 0 and up:
            self.setValue(up[min(steps, len(up)) - 1])
        elif steps < 0 and down:
            self.setValue(down[max(steps, -len(down))])

    def textFromValue(self, v):
        s, point = self.locale().toString(v, "f", self.decimals()), self.locale().decimalPoint()
        return s.rstrip("0").rstrip(point) if point in s else s


class WideCombo(QComboBox):
    """A combo box never narrower than its longest item, at every text size (a plain QComboBox
    keeps the minimum width it measured with its first font)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)

    def minimumSizeHint(self):
        return self.sizeHint()


class WrappingCombo(QComboBox):
    """A combo box whose current text wraps onto more lines rather than being cut (a lesson's
    long title in a narrow dock); its list shows every item in full."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.view().setTextElideMode(Qt.ElideNone)
        self.currentTextChanged.connect(lambda *_: self.updateGeometry())

    def _field(self, width, height=100):
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        opt.rect = QRect(0, 0, width, height)
        return self.style().subControlRect(QStyle.CC_ComboBox, opt, QStyle.SC_ComboBoxEditField, self)

    def _text_height(self, width):
        field = self._field(width)
        return self.fontMetrics().boundingRect(QRect(0, 0, max(field.width(), 1), 10**6), Qt.TextWordWrap,
                                               self.currentText()).height()

    def hasHeightForWidth(self):
        return True

    def heightForWidth(self, width):
        return super().sizeHint().height() - self.fontMetrics().height() + self._text_height(width)

    def minimumSizeHint(self):
        width = self.fontMetrics().boundingRect(QRect(0, 0, 1, 10**6), Qt.TextWordWrap,   # its widest
                                                self.currentText()).width()               # unbreakable part
        full = super().minimumSizeHint().width()
        return QSize(width + full - self._field(full).width(), self.heightForWidth(full))

    def sizeHint(self):
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event):
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        text, opt.currentText = opt.currentText, ""
        painter.drawComplexControl(QStyle.CC_ComboBox, opt)
        painter.drawControl(QStyle.CE_ComboBoxLabel, opt)
        painter.drawText(self._field(self.width(), self.height()), Qt.AlignVCenter | Qt.TextWordWrap, text)

    def showPopup(self):
        self.view().setMinimumWidth(min(self.view().sizeHintForColumn(0) + 24, self.screen().availableGeometry().width()))
        super().showPopup()


def make_combo(items, tip="", wide=False):
    """A combo of (text, data) items that may shrink below its longest item (unless ``wide``:
    a :class:`WideCombo`, for a row whose panel has room or scrolls)."""
    c = WideCombo(toolTip=tip) if wide else QComboBox(
        toolTip=tip, minimumContentsLength=4, sizeAdjustPolicy=QComboBox.AdjustToMinimumContentsLengthWithIcon)
    for text, data in items:
        c.addItem(text, data)
    return c


def select_data(combo, data):
    combo.setCurrentIndex(max(combo.findData(data), 0))


def make_spin(lo, hi, tip="", step=1, suffix="", decimals=None):
    """A QSpinBox, or a QDoubleSpinBox when ``decimals`` is given."""
    s = QSpinBox() if decimals is None else QDoubleSpinBox(decimals=decimals)
    s.setRange(lo, hi)
    s.setSingleStep(step)
    s.setSuffix(suffix)
    s.setToolTip(tip)
    return s


def tool_button(text, tip, slot, icon=None):
    """A small square tool button."""
    b = QToolButton(text=text, toolTip=tip)
    if icon is not None:
        b.setIcon(b.style().standardIcon(icon))
    b.setFixedSize(24, 24)
    b.clicked.connect(lambda *_: slot())
    return b


def note_label(text=""):
    """A small wrapped grey label for explanations."""
    label = QLabel(text, wordWrap=True, foregroundRole=QPalette.PlaceholderText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def hbox(*items):
    lay = QHBoxLayout()
    lay.setSpacing(4)
    for item in items:
        lay.addWidget(item, 0 if isinstance(item, QAbstractButton) else 1)
    return lay


class FormGrid(QGridLayout):
    """Rows of label/field pairs in four columns; a row's last cell spans what is left.
    A text cell becomes a label carrying the tooltip of the field after it."""

    def __init__(self, box):
        super().__init__(box)
        self.setContentsMargins(6, 4, 6, 6)
        self.setHorizontalSpacing(4)
        self.setVerticalSpacing(5)
        self.setColumnStretch(1, 3)
        self.setColumnStretch(3, 1)
        self.n = 0

    def row(self, *cells):
        """Add one row; returns its widgets (labels made from text included)."""
        widgets = []
        for i, cell in enumerate(cells):
            if isinstance(cell, str):
                cell = QLabel(cell)
                nxt = cells[i + 1] if i + 1 < len(cells) else None
                if isinstance(nxt, QWidget):
                    cell.setToolTip(nxt.toolTip())
                    cell.setBuddy(nxt)
            span = 4 - i if i == len(cells) - 1 else 1
            (self.addLayout if isinstance(cell, QLayout) else self.addWidget)(cell, self.n, i, 1, span)
            widgets.append(cell)
        self.n += 1
        return widgets


class Debounce:
    """Calls ``fn`` once, 250 ms after the last :meth:`later`, or at once with :meth:`now`."""

    def __init__(self, parent, fn, ms=250):
        self.fn, self.timer = fn, QTimer(parent, singleShot=True, interval=ms)
        self.timer.timeout.connect(fn)

    def later(self):
        self.timer.start()

    def now(self):
        self.timer.stop()
        self.fn()
