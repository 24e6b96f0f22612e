"""The Japanese translation: complete, in step with the code, and in every visible string.

Update it with ``packaging/update_translations.py`` (see its docstring), translate what it
lists, and these tests say what is still missing.
"""
import collections
import html
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QDockWidget,
                               QGroupBox, QLabel, QLineEdit, QMenu, QTabBar, QTableWidget, QTextEdit,
                               QWidget)

from nnviz.gui.i18n import install_translator, remove_translator
from nnviz.training.trainer import Settings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "nnviz" / "resources" / "translations" / "nnviz_ja.ts"

#: Words that stay as they are in Japanese: names, file formats, function symbols.
ALLOWED = {
    "nnviz", "english",                                             # the app; a language's own name
    "relu", "prelu", "elu", "softplus", "arctan", "tanh", "sigmoid", "softmax",
    "sgd", "adam", "adagrad", "rmsprop", "nesterov", "xavier",     # methods named after people / papers
    "onnx", "csv", "png", "svg", "json", "numpy", "npz", "tsv", "txt", "pca", "rmse", "nan", "xor",
    "log", "exp", "sin", "cos", "tan", "sqrt", "abs", "max", "min",  # the formulas' functions
    "utf", "shift", "jis",                                          # text encodings: UTF-8, Shift_JIS
}
WORD = re.compile(r"[A-Za-z]{3,}")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _update_script():
    """packaging/update_translations.py as a module (``packaging`` is also a PyPI name)."""
    spec = importlib.util.spec_from_file_location("update_translations",
                                                  ROOT / "packaging" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(path):
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        for m in context.iter("message"):
            yield context.findtext("name") or "", m


# ------------------------------------------------------------------ the .ts file
def test_every_message_is_translated():
    bad = [(ctx, m.findtext("source")) for ctx, m in _messages(TS)
           if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
           or not (m.findtext("translation") or "").strip()]
    assert not bad, f"{len(bad)} untranslated entries in {TS.name}:\n" + "\n".join(map(repr, bad))


def test_translations_keep_placeholders_markup_and_accelerators():
    bad = []
    for ctx, m in _messages(TS):
        src, tr = m.findtext("source"), m.findtext("translation") or ""
        if collections.Counter(PLACEHOLDER.findall(src)) != collections.Counter(PLACEHOLDER.findall(tr)):
            bad.append(("placeholders", ctx, src, tr))
        if collections.Counter(TAG.findall(src)) != collections.Counter(TAG.findall(tr)):
            bad.append(("HTML tags", ctx, src, tr))
        key = re.search(r"&([A-Za-z])(?![a-z]*;)", src)
        if key and f"&{key.group(1).upper()}" not in tr.upper():
            bad.append(("accelerator", ctx, src, tr))
    assert not bad, "\n".join(map(repr, bad))


def _lupdate_or_skip(tool):
    try:
        tool.qt_tool("lupdate")
    except SystemExit:
        pytest.skip("PySide6's lupdate is not available")


def test_the_ts_is_what_the_script_writes_from_the_code(tmp_path, monkeypatch):
    """Every string of the code is in the .ts, under the context the code looks it up in, and
    nothing else: running the script again on a copy changes no byte."""
    tool = _update_script()
    _lupdate_or_skip(tool)
    copy = tmp_path / TS.name
    copy.write_bytes(TS.read_bytes())
    todo = tool.update_ts(copy, "ja_JP")
    assert not todo, ("strings of the code missing from nnviz_ja.ts (run packaging/update_translations.py, "
                      "then translate):\n" + "\n".join(map(repr, todo)))
    assert copy.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), \
        "nnviz_ja.ts is not what packaging/update_translations.py writes: run it and commit the .ts and the .qm"


def test_the_ts_names_no_file_or_line():
    text = TS.read_text(encoding="utf-8")
    assert "<location" not in text and "<extracomment" not in text


def test_the_core_words_are_translated_once():
    """An activation's, loss's, optimiser's or data set's name is in the one context of the core
    (""), not once per view that shows it."""
    from nnviz.core.activations import OUTPUT_TITLES
    from nnviz.core.datasets import DATASETS
    from nnviz.core.losses import LOSSES
    from nnviz.core.optimizers import OPTIMIZERS

    words = {*OUTPUT_TITLES.values(), *DATASETS, *(d for _, d in DATASETS.values()), *OPTIMIZERS,
             *(loss.title for loss in LOSSES.values())}
    where = collections.defaultdict(set)
    for ctx, m in _messages(TS):
        where[m.findtext("source")].add(ctx)
    assert {w: where[w] for w in words if where[w] != {""}} == {}


def test_a_core_word_is_shown_in_japanese(japanese):
    from nnviz.core.activations import TITLES
    from nnviz.core.losses import LOSSES
    from nnviz.gui.i18n import word

    assert word(TITLES["sigmoid"]) != "Logistic (sigmoid)" and JAPANESE.search(word(TITLES["sigmoid"]))
    assert word(LOSSES["squared"].noun) == "二乗誤差"


# ------------------------------------------------------------------ the Japanese window
def _plain(text):
    """What a reader sees: no tags, entities or accelerator marks."""
    text = html.unescape(TAG.sub(" ", text or ""))
    return re.sub(r"&(?=\w)", "", text.replace("&&", "&")).strip()


def untranslated(text):
    """True when ``text`` shows English words (beyond ALLOWED) and no Japanese."""
    plain = _plain(text)
    if not plain or JAPANESE.search(plain):
        return False
    return any(w.lower() not in ALLOWED for w in WORD.findall(plain))


def visible_strings(window):
    """(where, text) of every text a user can see or hover in ``window``."""
    out = []

    def add(where, *texts):
        out.extend((where, t) for t in texts if t)

    for w in [window, *window.findChildren(QWidget)]:
        name = f"{type(w).__name__} {w.objectName()}".strip()
        add(f"{name} tooltip", w.toolTip())
        if w.isWindow():
            add(f"{name} title", w.windowTitle())
        if isinstance(w, QLabel):
            add(name, w.text())
        elif isinstance(w, QAbstractButton):
            add(name, w.text())
        elif isinstance(w, QGroupBox):
            add(name, w.title())
        elif isinstance(w, QDockWidget):
            add(name, w.windowTitle())
        elif isinstance(w, QMenu):
            add(name, w.title())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(f"{name} item", w.itemText(i), w.itemData(i, Qt.ToolTipRole) or "")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(f"{name} tab", w.tabText(i), w.tabToolTip(i))
        elif isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                item = w.horizontalHeaderItem(c)
                add(f"{name} header", item.text() if item else "")
        elif isinstance(w, QLineEdit):
            add(f"{name} placeholder", w.placeholderText())
        elif isinstance(w, QTextEdit):
            add(name, w.toPlainText())
        if isinstance(w, QAbstractSpinBox):
            add(name, *(getattr(w, k)() for k in ("prefix", "suffix", "specialValueText") if hasattr(w, k)))
        if isinstance(w, pg.PlotWidget):
            item = w.getPlotItem()
            add(f"{name} title", item.titleLabel.text)
            for side, axis in item.axes.items():
                add(f"{name} {side} axis", axis["item"].labelText)
    for action in window.findChildren(QAction):
        if not action.isSeparator():
            add(f"action {action.objectName()}", action.text(), action.statusTip(),
                action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
    return out


@pytest.fixture
def japanese(qapp):
    translator = install_translator(qapp, "ja")
    assert translator is not None, "the Japanese translation did not load"
    yield translator
    remove_translator(qapp, translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_without_a_japanese_font_the_window_starts_in_english(qapp, monkeypatch, capsys):
    from PySide6.QtGui import QFontDatabase
    from nnviz.gui.app import install_language
    from nnviz.gui.i18n import NO_JAPANESE_FONT

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *system: []))
    assert install_language(qapp, "ja") is None
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert NO_JAPANESE_FONT in capsys.readouterr().err


def test_with_a_japanese_font_the_window_is_in_japanese(qapp, japanese_font, capsys):
    from nnviz.gui.app import install_language

    translator = install_language(qapp, "ja")
    try:
        assert translator is not None and QCoreApplication.translate("MainWindow", "&File") != "&File"
    finally:
        remove_translator(qapp, translator)
    assert capsys.readouterr().err == ""


def test_the_japanese_window_shows_no_english(japanese, qtbot, tmp_path):
    from nnviz.gui.main_window import MainWindow

    assert QCoreApplication.translate("MainWindow", "&File") == "ファイル(&F)"
    qs = QSettings(str(tmp_path / "nnviz.ini"), QSettings.IniFormat)
    w = MainWindow(Settings(dataset="xor", hidden=(4,), eps=0.1, seed=1), qsettings=qs)
    w.files.ask_save = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    try:
        qtbot.waitUntil(lambda: w.frames > 0, timeout=10000)
        strings = visible_strings(w)
        assert len(strings) > 200                              # the walk did find the window's texts
        left = sorted({f"{where}: {text!r}" for where, text in strings if untranslated(text)})
        assert not left, f"{len(left)} visible strings left in English:\n" + "\n".join(left)
    finally:
        w.close()


def test_the_check_itself():
    assert untranslated("Learning rate ε") and untranslated("<b>Save</b> &amp; quit")
    assert not untranslated("学習率 ε") and not untranslated("ReLU") and not untranslated("x₁²")
    assert not untranslated("ε = 0.1, μ = 0.9") and not untranslated("SGD (B = 1)")
    assert not untranslated("ファイル(&F)") and not untranslated("12 /s")


# ------------------------------------------------------------------ loading
def test_the_committed_qm_is_the_ts_compiled(tmp_path):
    """nnviz_ja.qm is committed beside its .ts; lrelease is deterministic, so compiling the .ts
    again gives the very same bytes (else: run packaging/update_translations.py and commit both)."""
    from nnviz import qttools

    if qttools.qt_tool("lrelease") is None:
        pytest.skip("Qt's lrelease is not installed (pip install PySide6-Essentials)")
    qm = TS.with_suffix(".qm")
    assert qm.exists(), f"{qm.relative_to(ROOT)} is missing: run packaging/update_translations.py"
    fresh = qttools.lrelease(TS, tmp_path / qm.name)
    assert fresh.read_bytes() == qm.read_bytes(), \
        f"{qm.relative_to(ROOT)} is stale: run packaging/update_translations.py and commit it"


def test_check_names_a_stale_qm(tmp_path, monkeypatch):
    """`update_translations.py --check` lists a .qm that is missing or not its .ts compiled."""
    from nnviz import qttools

    if qttools.qt_tool("lrelease") is None:
        pytest.skip("Qt's lrelease is not installed (pip install PySide6-Essentials)")
    tool = _update_script()
    monkeypatch.setattr(tool, "TRANSLATIONS", tmp_path)
    (tmp_path / TS.name).write_bytes(TS.read_bytes())
    assert tool.stale_qm() == [tmp_path / "nnviz_ja.qm"]                  # missing
    (tmp_path / "nnviz_ja.qm").write_bytes(TS.with_suffix(".qm").read_bytes()[:-1])
    assert tool.stale_qm() == [tmp_path / "nnviz_ja.qm"]                  # other bytes
    (tmp_path / "nnviz_ja.qm").write_bytes(TS.with_suffix(".qm").read_bytes())
    assert tool.stale_qm() == []


def test_the_translator_loads_the_qm_and_compiles_nothing(qapp, tmp_path, monkeypatch):
    """Only the committed .qm is read: a .ts alone (no .qm) is no translation, and nothing
    is written into the user's cache folder."""
    from nnviz.gui import i18n

    translator = install_translator(qapp, "ja")
    try:
        assert translator.filePath() == str(TS.with_suffix(".qm"))
        assert QCoreApplication.translate("MainWindow", "&Train") == "学習(&T)"
    finally:
        remove_translator(qapp, translator)
    (tmp_path / TS.name).write_bytes(TS.read_bytes())
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert install_translator(qapp, "ja") is None
    assert sorted(p.name for p in tmp_path.iterdir()) == [TS.name]


def test_no_translation_is_no_failure(qapp, tmp_path, monkeypatch):
    from nnviz.gui import i18n

    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    assert install_translator(qapp, "ja") is None
    assert install_translator(qapp, "en") is None and install_translator(qapp, "xx") is None
    assert QCoreApplication.translate("MainWindow", "&Train") == "&Train"


@pytest.mark.parametrize("lang, saved, expected", [("ja_JP.UTF-8", None, "ファイル(&F)"),
                                                   ("en_US.UTF-8", None, "&File"),
                                                   ("ja_JP.UTF-8", "en", "&File"),
                                                   ("en_US.UTF-8", "ja", "ファイル(&F)")])
def test_the_language_follows_the_system_unless_chosen(tmp_path, lang, saved, expected):
    """A fresh process: the system locale decides, unless View → Language saved a choice."""
    import os
    import subprocess
    import sys

    if saved:
        (tmp_path / "nnviz").mkdir()
        (tmp_path / "nnviz" / "nnviz.conf").write_text(f"[General]\nlanguage={saved}\n")
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LANGUAGE": "", "XDG_CONFIG_HOME": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen"}
    code = ("from PySide6.QtCore import QCoreApplication as C; from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([]); app.setOrganizationName('nnviz'); app.setApplicationName('nnviz')\n"
            "from nnviz.gui.i18n import install_translator; install_translator(app)\n"
            "print(C.translate('MainWindow', '&File'))")
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == expected, r.stderr


def test_the_japanese_csv_dialog_shows_no_english(japanese, qtbot, tmp_path):
    """A dialog opened later: the CSV import, with a file whose 'id' column is not numeric
    (so its message shows too). Column names come from the file and stay as they are."""
    from nnviz.gui.csv_dialog import CsvImportDialog

    path = tmp_path / "data.csv"
    path.write_text("id,a,b,label\n" + "".join(f"r{i},{i},{i % 3},{i % 2}\n" for i in range(12)))
    dialog = CsvImportDialog(str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    names = {"id", "label", "data.csv", str(path)}
    left = sorted({f"{where}: {text!r}" for where, text in visible_strings(dialog)
                   if untranslated(text) and _plain(text) not in names and not re.fullmatch(r"r\d+", text)})
    assert not left, "\n".join(left)


def test_the_japanese_csv_dialog_names_japanese_columns_as_they_are(japanese, qtbot, tmp_path):
    from nnviz.gui.csv_dialog import CsvImportDialog

    path = tmp_path / "sjis.csv"
    path.write_bytes("身長;体重;種類\n170;60;犬\nたかい;45;猫\n".encode("cp932"))
    dialog = CsvImportDialog(str(path))
    qtbot.addWidget(dialog)
    assert "文字コード: CP932 (Shift_JIS)。" in dialog.preview_label.text()
    assert "3 行目、列 '身長': 'たかい' は数値ではありません" in dialog.status.text()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    assert "の 1 行目: バイト 0x90 は UTF-8 の文字ではありません" in dialog.status.text()


# ------------------------------------------------------------------ the core's errors
def _core_texts(root=ROOT):
    """(templates, problems) of nnviz/core and nnviz/training: the literal first argument of
    every call of a Message class or of Term, and what lupdate could not read there: a raise of
    anything but a Message, a template that is not a literal (an f-string, ``a if … else b``, a
    name), and a Message made through ``self.`` (lupdate files that under the class)."""
    import ast

    tool = _update_script()
    marks = {*tool.message_classes(), "Term"}
    texts, problems = set(), []
    for package in tool.CORE:
        for path in sorted((root / "nnviz" / package).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for fn in ast.walk(tree):
                for node in ast.walk(fn) if isinstance(fn, ast.FunctionDef) and fn.name == "__init__" else ():
                    node.passes_on = True      # an __init__ may pass its caller's template on
            for node in ast.walk(tree):
                where = f"{path.relative_to(root)}:{getattr(node, 'lineno', 0)}"
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                    name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
                    if name not in marks:
                        problems.append(f"{where}: raises {name}, not a Message (nnviz/core/errors.py)")
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name not in marks or not node.args:
                    continue
                if isinstance(node.func, ast.Attribute):
                    problems.append(f"{where}: {name} called through an attribute")
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    texts.add(first.value)
                elif not (getattr(node, "passes_on", False) and isinstance(first, ast.Name)):
                    problems.append(f"{where}: the text of {name}() must be a string literal")
    return texts, problems


def test_every_error_and_word_of_the_core_is_in_the_ts():
    """Every raise in nnviz/core and nnviz/training is a Message with a literal template, and
    every Term is a literal, so lupdate reads them; each one is in the core's context ("")."""
    texts, problems = _core_texts()
    assert len(texts) > 300
    assert not problems, "\n".join(problems)
    core = {m.findtext("source") for ctx, m in _messages(TS) if ctx == ""}
    assert sorted(texts - core) == []


def test_the_check_of_the_core_fails_on_what_lupdate_cannot_read(tmp_path):
    bad = ('from .errors import InputError\n'
           'def f(c, x):\n'
           '    raise InputError("a" if c else "b")\n'
           'def g(x):\n'
           '    raise InputError(f"{x} is bad")\n'
           'def h():\n'
           '    raise ValueError("plain")\n')
    core = tmp_path / "nnviz" / "core"
    core.mkdir(parents=True)
    (core / "bad.py").write_text(bad, encoding="utf-8")
    (tmp_path / "nnviz" / "training").mkdir()
    texts, problems = _core_texts(tmp_path)
    assert texts == set() and len(problems) == 3, problems


def test_errors_are_shown_in_japanese(japanese, tmp_path):
    from nnviz.core.formula import FormulaError, parse_formula
    from nnviz.core.network import Network
    from nnviz.core.weights_io import WeightsError, read_weights
    from nnviz.gui.i18n import explain

    with pytest.raises(FormulaError) as formula:           # a Term inside a nested error
        parse_formula("x < y")
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(WeightsError) as weights:           # a file name around a reason
        read_weights(bad)
    with pytest.raises(ValueError) as layers:
        Network([2, 0, 1])
    with pytest.raises(FormulaError) as syntax:            # Python's own words, made translatable
        parse_formula("sin(2x")
    for error in (formula.value, weights.value, layers.value, syntax.value):
        text = explain(error)
        assert JAPANESE.search(text) and not untranslated(text), (str(error), text)
    assert "比較" in explain(formula.value) and "column" not in explain(formula.value)
    assert "bad.npz" in explain(weights.value)
    assert explain(OSError("disk full")) == "disk full"     # not ours: as it is


def test_why_an_arena_path_stopped_is_shown_in_japanese(japanese):
    from nnviz.core.surfaces import make_surface, run_paths
    from nnviz.gui.i18n import explain

    path = run_paths(make_surface("ravine"), (-2, 1), ["gd"], 5.0, 0.0, 200)["gd"]
    assert path.diverged and path.reason == "|w| exceeded 1e+06"      # English for the CLI
    assert explain(path.reason) == "|w| が 1e+06 を超えました"


def test_a_broken_translation_shows_the_english(qapp, monkeypatch):
    from nnviz.core.errors import InputError
    from nnviz.gui.i18n import explain

    monkeypatch.setattr(QCoreApplication, "translate", staticmethod(lambda ctx, text: "{lost} {0}"))
    error = InputError("{count} rows", count=3)
    assert explain(error) == str(error) == "3 rows"
