"""The window's languages: nnviz's translation installed and removed; :func:`word`, a word
of the core in the window's language, and :func:`explain`, an error of the core. Used by the
start-up (app.py), the worker, the views and the headless Qt commands alike, so none of them
depends on another."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def install_translator(app, lang=None):
    """Load nnviz's translation for ``lang`` ("ja", "en"; None: the saved choice, QSettings
    "language", else the system locale). Returns the installed QTranslator, or None for
    English or when no translation is available; never raises.

    The compiled ``nnviz_<lang>.qm`` is committed beside its source ``.ts`` (written by
    packaging/update_translations.py, checked by the tests): nothing is compiled here. Qt's own
    strings (standard buttons, file dialogs) come from Qt's ``qtbase_<lang>.qm``, installed
    alongside and kept as the returned translator's ``qt`` attribute: remove both to switch
    back to English."""
    try:
        from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator

        lang = lang or QSettings().value("language") or QLocale.system().name()
        lang = str(lang).replace("-", "_").split("_")[0]
        if not lang or lang in ("en", "C"):
            return None
        qm = TRANSLATIONS / f"nnviz_{lang}.qm"
        translator = QTranslator(app)
        if not (qm.exists() and translator.load(str(qm))):
            return None
        qt = QTranslator(translator)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt)
            translator.qt = qt
        else:
            translator.qt = None
        app.installTranslator(translator)
        return translator
    except Exception as exc:                      # no translation is no reason not to start
        sys.stderr.write(f"nnviz: translation {lang!r} unavailable: {exc}\n")
        return None


#: Said (in English: it is what a user without the font can read) when Japanese would show as boxes.
NO_JAPANESE_FONT = ("no installed font has Japanese characters, so Japanese text would show as empty "
                    "boxes; install one (Debian/Ubuntu: sudo apt install fonts-noto-cjk; Fedora: "
                    "sudo dnf install google-noto-sans-cjk-fonts)")


def font_problem(translator):
    """:data:`NO_JAPANESE_FONT` when ``translator`` (from :func:`install_translator`) is
    Japanese and no installed font can show it, else None. Needs a QGuiApplication."""
    from PySide6.QtGui import QFontDatabase

    if translator is None or QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        return None
    return NO_JAPANESE_FONT


def remove_translator(app, translator):
    """Undo :func:`install_translator`: back to English (``translator`` may be None)."""
    for t in (translator, getattr(translator, "qt", None)):
        if t is not None:
            app.removeTranslator(t)


#: The one translation context of the core's words and errors (they are marked where they are
#: written, as Terms and Message templates: see packaging/update_translations.py).
CORE = ""
#: Words pyqtgraph translates that lupdate cannot read in its files: its exporters' names (the
#: export dialog's list) and two inside f-strings (the SVG file dialog, the axis menus).
PYQTGRAPH = (QT_TRANSLATE_NOOP("Exporter", "Image File (PNG, TIF, JPG, ...)"),
             QT_TRANSLATE_NOOP("Exporter", "Scalable Vector Graphics"),
             QT_TRANSLATE_NOOP("ViewBox", "axis"),
             QT_TRANSLATE_NOOP("Exporter", "Scalable Vector Graphics (SVG)"),
             QT_TRANSLATE_NOOP("Exporter", "CSV of original plot data"),
             QT_TRANSLATE_NOOP("Exporter", "Matplotlib Window"))


#: Qt's translate(context, text), under the name lupdate reads (for module-level functions;
#: a class's methods use self.tr, whose context is the class's name).
translate = QCoreApplication.translate


def word(text):
    """A word of the core (an activation's, loss's, optimiser's or data set's name, a
    :class:`~nnviz.core.errors.Term`) in the window's language."""
    return QCoreApplication.translate(CORE, text)


def explain(error):
    """An error's message (or a :class:`~nnviz.core.errors.Term`) in the window's language.

    A :class:`nnviz.core.errors.Message` (every error of the core and the training) or a
    Term is looked up by its English template (:func:`word`) and filled in with its fields,
    which are translated the same way when they are errors or Terms. Any other exception (an
    OSError from the system, ...) is shown as ``str(error)``. Safe to call from the training
    thread.
    """
    from nnviz.core.errors import Term

    template = getattr(error, "template", None)
    if not isinstance(template, str):
        return str(error)
    if not error.fields:
        return word(template)
    fields = {k: explain(v) if isinstance(v, (BaseException, Term)) else v for k, v in error.fields.items()}
    try:
        return word(template).format(**fields)
    except (KeyError, IndexError, ValueError):    # a translation that lost a placeholder
        return str(error)
