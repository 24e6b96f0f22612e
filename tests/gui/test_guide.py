"""Help → Guide: one section per tab and panel, what it shows and what to try, in both languages."""
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction

from nnviz.gui.guide import SECTIONS, GuideDialog
from nnviz.training.scenes import load_scenes
from nnviz.training.trainer import Settings
from tests.gui.test_translations import JAPANESE
from tests.gui.test_translations_wording import english, japanese  # noqa: F401  (a fixture)

#: What the guide keeps in Japanese too: surfaces named after people, a key, GD (as SGD),
#: and the slide whose title is English on the slide itself, “SGD vs Momentum SGD”.
NAMES = {"Rosenbrock", "Himmelblau", "Space", "GD", "vs", "Momentum"}


def _window(qtbot, tmp_path):
    from nnviz.gui.main_window import MainWindow

    qs = QSettings(str(tmp_path / "nnviz.ini"), QSettings.IniFormat)
    w = MainWindow(Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1), qsettings=qs)
    w.files.ask_save = lambda: "discard"
    qtbot.addWidget(w)
    return w


def test_help_guide_opens_with_a_section_per_tab_and_panel(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    try:
        w.show()
        w.tabs.setCurrentIndex(1)
        guide_action = next(a for a in w.findChildren(QAction) if a.objectName() == "guide")
        guide_action.trigger()
        assert w.guide.isVisible()
        titles = {key: title for key, title, _ in w.guide.sections()}
        panels = {key: dock.windowTitle() for key, dock in w.docks.items()}
        tabs = dict(zip(("network", "arena", "landscape"), (w.tabs.tabText(i) for i in range(3))))
        assert titles == {**panels, **tabs}               # every tab and dock, under its own title
        text = w.guide.browser.toPlainText()
        assert all(title in text for title in titles.values())
        guide_action.trigger()                             # again: the same dialog, raised
        assert len(w.findChildren(GuideDialog)) == 1
    finally:
        w.close()


def test_each_section_says_what_it_shows_and_what_to_try(qtbot):
    guide = GuideDialog()
    qtbot.addWidget(guide)
    scenes = {s.key: s.title for s in load_scenes()}
    for (key, _, shows, tries, keys), (_, _, body) in zip(SECTIONS, guide.sections()):
        assert "What it shows:" in body and "Try:" in body and len(tries) > 80, key
        assert all(k in scenes and scenes[k].replace("'", "&#x27;") in body for k in keys), key
    assert "global minimum" in guide.browser.toPlainText()     # the restarts' recipe, honestly put


def test_the_guide_is_japanese_when_the_app_is(japanese, qtbot):  # noqa: F811
    guide = GuideDialog()
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert guide.windowTitle() == "nnviz ガイド" and JAPANESE.search(text)
    assert set(english(text)) <= NAMES, set(english(text)) - NAMES
    for term in ("試してみよう", "誤差曲面", "確率的勾配降下法", "大域解の候補", "誤差逆伝播法"):
        assert term in text, term
    assert QCoreApplication.translate("MainWindow", "&Guide") == "ガイド(&G)"
