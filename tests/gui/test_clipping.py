"""No text is clipped: every label, button, combo box, group box and tab of the window, in English
and in Japanese, on a laptop (1366 × 768, also at View → Larger text 150 %) and on a projector
(1920 × 1080 at QT_SCALE_FACTOR 1.5 and 2).

QT_SCALE_FACTOR is read once when Qt starts, so it cannot change inside the test process. It
makes a screen's logical size smaller and leaves text the same size in logical pixels: the
projector at 1.5 is a logical 1280 × 720 screen and at 2 a 960 × 540 one, which is what the fake
screens below are. The presentation text size (F5 at 150/200 %) and View → Larger text (Ctrl+=)
are checked the same way.
"""
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
import pyqtgraph as pg
from PySide6.QtWidgets import (QAbstractScrollArea, QCheckBox, QComboBox, QGroupBox, QLabel, QPushButton,
                               QRadioButton, QScrollArea, QStyle, QStyleOptionButton, QStyleOptionComboBox,
                               QTabBar, QToolButton, QWidget)

from nnviz.gui.i18n import install_translator, remove_translator
from nnviz.gui.network_items import ColorBar
from nnviz.gui.widgets import WrappingCombo
from test_main_window import fake_screen  # tests/gui is on sys.path

# (logical width, height less a 40 px panel (20 at 2×); None, or the presentation text size on the
# whole screen; the View → Larger text size)
SCREENS = {"laptop": (1366, 728, None, 1.0), "projector": (1280, 680, None, 1.0),
           "projector_200": (960, 520, None, 1.0), "laptop_text_150": (1366, 728, None, 1.5),
           "presenting_150": (1280, 720, 1.5, 1.0), "presenting_200": (1280, 720, 2.0, 1.0)}


def _plain(text):
    """A label's text as shown: rich text through a QTextDocument, mnemonics' & dropped."""
    if "<" in text and re.search(r"<[a-zA-Z/]", text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _on_screen(w, window):
    """Whether any part of ``w`` is in view inside ``window`` (not scrolled away, not hidden; a
    plot's view is covered by its viewport, a scroll area's viewport by the panel it scrolls)."""
    shown = w.widget() if isinstance(w, QScrollArea) and w.widget() else \
        w.viewport() if isinstance(w, QAbstractScrollArea) else w
    return w.isVisibleTo(window) and not shown.visibleRegion().isEmpty()


def _width(fm, text):
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _combo_option(combo):
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    return opt


def clipped(window):
    """Every text of ``window`` that does not fit where it is drawn: [(widget, text, need, have)]."""
    out = []

    def check(w, text, need, have):
        if text.strip() and need > have:
            out.append((f"{type(w).__name__} {w.objectName() or ''}".strip(), text, need, have))

    for w in window.findChildren(QWidget):
        if not _on_screen(w, window):
            continue
        fm, style = w.fontMetrics(), w.style()
        if isinstance(w, QLabel) and w.pixmap().isNull() and w.text():
            text, rect = _plain(w.text()), w.contentsRect()
            if w.wordWrap():
                check(w, text, w.heightForWidth(w.width()), w.height())
                doc = QTextDocument()                          # a word wider than the label sticks out
                doc.setDefaultFont(w.font())
                doc.setDocumentMargin(0)
                doc.setPlainText(text)
                doc.setTextWidth(rect.width())
                check(w, text, round(doc.idealWidth()), rect.width())
            else:
                check(w, text, _width(fm, text), rect.width() - 2 * w.margin() - max(w.indent(), 0))
                check(w, text, fm.lineSpacing() * (text.count("\n") + 1) - fm.leading(), rect.height())
        elif isinstance(w, (QCheckBox, QRadioButton)):
            opt = QStyleOptionButton()
            w.initStyleOption(opt)
            element = QStyle.SE_CheckBoxContents if isinstance(w, QCheckBox) else QStyle.SE_RadioButtonContents
            check(w, _plain(w.text()), _width(fm, _plain(w.text())),
                  style.subElementRect(element, opt, w).width())
        elif isinstance(w, QPushButton):
            opt = QStyleOptionButton()
            w.initStyleOption(opt)
            icon = w.iconSize().width() + 4 if not w.icon().isNull() else 0
            check(w, _plain(w.text()), _width(fm, _plain(w.text())) + icon,
                  style.subElementRect(QStyle.SE_PushButtonContents, opt, w).width())
        elif isinstance(w, QToolButton) and w.text() and w.toolButtonStyle() != 0:
            check(w, _plain(w.text()), _width(fm, _plain(w.text())), w.width() - 4)
        elif isinstance(w, WrappingCombo):                   # its text wraps in its field
            field = style.subControlRect(QStyle.CC_ComboBox, _combo_option(w), QStyle.SC_ComboBoxEditField, w)
            check(w, w.currentText(), w.heightForWidth(w.width()), w.height())
            check(w, w.currentText(), fm.boundingRect(0, 0, 1, 10**6, Qt.TextWordWrap, w.currentText()).width(),
                  field.width())
        elif isinstance(w, QComboBox) and w.count():
            field = style.subControlRect(QStyle.CC_ComboBox, _combo_option(w), QStyle.SC_ComboBoxEditField, w).width()
            widest = max(range(w.count()), key=lambda k: fm.horizontalAdvance(w.itemText(k)))
            icon = w.iconSize().width() + 4 if not w.itemIcon(widest).isNull() else 0
            check(w, w.itemText(widest), fm.horizontalAdvance(w.itemText(widest)) + icon, field)
        elif isinstance(w, QGroupBox) and w.title():
            check(w, _plain(w.title()), fm.horizontalAdvance(_plain(w.title())) + 16, w.width())
        elif isinstance(w, QTabBar):
            for k in range(w.count()):
                text, rect = _plain(w.tabText(k)), w.tabRect(k)
                check(w, text, fm.horizontalAdvance(text) + 8, rect.width())
                check(w, text + " (beyond the tab bar)", rect.right(), w.width())
        elif isinstance(w, ColorBar):            # the bar (4 + 11 px), its labels under it, the title beside
            labels = f"{w.title}  −{w.vmax:g}  0  +{w.vmax:g}"
            check(w, labels, 4 + 11 + 1 + fm.height(), w.height())
            check(w, labels, fm.horizontalAdvance(labels) + 16, w.width())
        elif isinstance(w, pg.GraphicsView):
            out.extend(_clipped_axes(w))
        elif isinstance(w, QScrollArea) and w.widget() is not None:   # a panel cut off with no bar to scroll
            inner, port = w.widget(), w.viewport()
            if not w.horizontalScrollBar().isVisible():
                check(w, f"{type(inner).__name__} (no sideways scroll bar)", inner.width(), port.width())
            if not w.verticalScrollBar().isVisible():
                check(w, f"{type(inner).__name__} (no scroll bar)", inner.height(), port.height())
    return out


def _clipped_axes(view):
    """The tick labels of the plots in ``view`` wider (left/right axes) or taller (top/bottom)
    than their axis leaves room for."""
    out = []
    for item in view.scene().items():
        if not isinstance(item, pg.AxisItem) or not item.isVisible() or not item.style["showValues"]:
            continue
        fm = pg.QtGui.QFontMetrics(item.style["tickFont"] or view.font())
        lo, hi = sorted(item.range)
        size = item.width() if item.orientation in ("left", "right") else item.height()
        levels = item.tickStrings(item.tickValues(lo, hi, size)[0][1] if item.tickValues(lo, hi, size) else [],
                                  item.scale, item.tickValues(lo, hi, size)[0][0] if item.tickValues(lo, hi, size)
                                  else 1)
        label = item.label.boundingRect().height() * 0.8 if item.label.isVisible() else 0  # as pyqtgraph
        spacing = item.style["tickTextOffset"][0 if item.orientation in ("left", "right") else 1]
        ticks = max(item.style["tickLength"], 0)
        if not levels:
            continue
        if item.orientation in ("left", "right"):
            text = max(levels, key=fm.horizontalAdvance)
            need, have = fm.horizontalAdvance(text) + spacing + ticks + label, item.width()
        else:
            text = levels[0]
            need, have = item.textHeight + spacing + ticks + label, item.height()  # the height pyqtgraph measured
        if need > have + 1:
            out.append((f"{type(item).__name__} {item.orientation} in {type(view.parent()).__name__}",
                        text, round(need), round(have)))
    return out


def visit(window, qtbot, seen):
    """Every main tab, and (unless presenting) every tabbed dock raised in turn; collect clippings."""
    def look(where, ms=100):
        qtbot.wait(ms)
        for name, text, need, have in clipped(window):
            seen.setdefault((name, text), (where, need, have))
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        look(window.tabs.tabText(tab))
    window.tabs.setCurrentIndex(0)
    if window._presenting is not None:
        return
    for key in ("loss", "gallery", "stepthrough"):
        window.docks[key].raise_()
        look(key)
    window.docks["loss"].raise_()
    window._show_lessons()
    look("lessons", 400)                      # the dock area widens to the tab titles (an animated resize)


@pytest.fixture(params=["en", "ja"])
def language(request, qapp):
    translator = install_translator(qapp, request.param) if request.param != "en" else None
    assert request.param == "en" or translator is not None
    yield request.param
    remove_translator(qapp, translator)


@pytest.mark.parametrize("screen", SCREENS)
def test_no_text_is_clipped_on_a_laptop_or_a_projector(make_window, language, screen, monkeypatch, qtbot):
    from PySide6.QtGui import QAction
    width, height, presenting, text = SCREENS[screen]
    fake_screen(monkeypatch, width, height)
    w = make_window(ini=f"clip_{screen}_{language}.ini")
    w.findChild(QAction, "preset_momentum").trigger()                # a comparison: its result line
    qtbot.waitUntil(lambda: w.snapshot is not None and len(w.snapshot.runs) == 2, timeout=10000)
    w.load_settings(w.settings.replace(hidden=(8, 4)))              # two hidden layers to choose from
    qtbot.waitUntil(lambda: w.hidden_view.layer.count() == 2, timeout=10000)
    if text != 1.0:
        w.set_text_scale(text)
    if presenting:                               # the offscreen screen is 800 × 800: "full screen" by hand
        w.showFullScreen = lambda: w.setGeometry(0, 0, width, height)
        w.set_presentation_scale(presenting)
        w.set_presenting(True)
    seen = {}
    visit(w, qtbot, seen)
    lines = [f"{name}: {text!r} needs {need} px, has {have} ({where})"
             for (name, text), (where, need, have) in sorted(seen.items())]
    assert not lines, f"{len(lines)} texts clipped on the {screen} ({width} × {height}), {language}:\n" + \
        "\n".join(lines)


def test_the_comparison_result_is_in_view_below_the_loss_plot_on_a_laptop(make_window, monkeypatch, qtbot):
    fake_screen(monkeypatch, 1366, 728)
    w = make_window(ini="clip_result.ini")
    from PySide6.QtGui import QAction
    w.findChild(QAction, "preset_momentum").trigger()
    qtbot.waitUntil(lambda: w.loss_view.result.isVisibleTo(w) and bool(w.loss_view.result.text()), timeout=15000)
    qtbot.wait(50)
    result = w.loss_view.result
    scroll = w.docks["loss"].widget()
    bottom = result.mapTo(scroll.widget(), result.rect().bottomLeft()).y()
    assert bottom <= scroll.viewport().height() and scroll.verticalScrollBar().value() == 0


def test_larger_text_widens_the_controls_dock_to_its_panel_on_a_laptop(make_window, monkeypatch, qtbot):
    fake_screen(monkeypatch, 1366, 728)
    w = make_window(ini="clip_wider.ini")
    for _ in range(3):                                           # Ctrl+= three times: 1.1, 1.25, 1.5
        w._step_text(+1)
    assert w.text_scale == 1.5
    scroll = w.docks["controls"].widget()
    qtbot.waitUntil(lambda: scroll.viewport().width() >= w.controls.minimumSizeHint().width(), timeout=3000)
    assert not scroll.horizontalScrollBar().isVisible()
    assert w.docks["output"].width() >= 120 and w.centralWidget().width() >= w.centralWidget().minimumSizeHint().width()


def test_a_wide_combo_keeps_its_longest_item_and_a_wrapping_combo_wraps_at_any_text_size(qtbot):
    from nnviz.gui.textsize import scaled_font
    from nnviz.gui.widgets import WideCombo
    wide, wrap = WideCombo(), WrappingCombo()
    for combo in (wide, wrap):
        qtbot.addWidget(combo)
        combo.addItems(["SGD", "1. ユニット：重み付き和と活性化関数 and a long English tail"])
        combo.setCurrentIndex(1)
    longest = wide.fontMetrics().horizontalAdvance(wide.itemText(1))
    assert wide.minimumSizeHint().width() > longest
    wide.setFont(scaled_font(wide.font(), 1.5))            # Ctrl+=: the minimum follows the font
    assert wide.minimumSizeHint().width() > wide.fontMetrics().horizontalAdvance(wide.itemText(1)) > longest
    assert wrap.minimumSizeHint().width() < longest / 3      # CJK and words break
    assert wrap.heightForWidth(wrap.minimumSizeHint().width()) > 2 * wrap.heightForWidth(4 * longest) > 0
