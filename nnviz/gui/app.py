"""Start the desktop app."""
from __future__ import annotations

import sys
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def install_translator(app, lang=None):
    """Load nnviz's translation for ``lang`` ("ja", "en"; None: the system locale).

    Returns the installed QTranslator, or None when the language is English or
    has no compiled translation.
    """
    from PySide6.QtCore import QLocale, QTranslator

    lang = lang or QLocale.system().name().split("_")[0]
    if lang == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS / f"nnviz_{lang}.qm")):
        app.installTranslator(translator)
        return translator
    return None


def run(argv=None):
    """Open the main window and run Qt's event loop; returns the exit status."""
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName("nnviz")
    app.setApplicationName("nnviz")
    install_translator(app)
    window = MainWindow()
    window.show()
    return app.exec()
