"""Start the desktop app."""
from __future__ import annotations

import ctypes.util
import os
import sys
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "nnviz.svg"

#: (library, Debian package) that Qt's xcb platform plugin loads on Linux.
XCB_LIBS = [("xcb-cursor", "libxcb-cursor0"), ("xkbcommon-x11", "libxkbcommon-x11-0"),
            ("xcb-icccm", "libxcb-icccm4"), ("xcb-keysyms", "libxcb-keysyms1"),
            ("xcb-image", "libxcb-image0"), ("xcb-render-util", "libxcb-render-util0"),
            ("xcb-shape", "libxcb-shape0"), ("xcb-randr", "libxcb-randr0")]


def platform_problem():
    """Why Qt could not open a window here (a message), or None when it should.

    Qt itself aborts with a bare message when its platform plugin cannot load;
    this looks first, for the usual cases on Linux.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return ("no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
                "The headless commands work without one: nnviz train --help")
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return None
    missing = [pkg for lib, pkg in XCB_LIBS if ctypes.util.find_library(lib) is None]
    if missing:
        return ("Qt needs system libraries that are missing: " + " ".join(missing)
                + ". On Debian or Ubuntu: sudo apt install " + " ".join(missing))
    return None


def quiet_qt_messages():
    """Drop the offscreen platform's harmless 'propagateSizeHints' chatter; keep the rest."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message):
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")
    qInstallMessageHandler(handler)


def install_translator(app, lang=None):
    """Load nnviz's translation for ``lang`` ("ja", "en"; None: the saved choice, else the
    system locale). Returns the installed QTranslator, or None for English or when no
    compiled translation exists."""
    from PySide6.QtCore import QLocale, QSettings, QTranslator

    lang = lang or QSettings().value("language") or QLocale.system().name().split("_")[0]
    if lang == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS / f"nnviz_{lang}.qm")):
        app.installTranslator(translator)
        return translator
    return None


def run(argv=None):
    """Open the main window and run Qt's event loop; returns the exit status."""
    problem = platform_problem()
    if problem:
        print(f"nnviz: error: {problem}", file=sys.stderr)
        return 1
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    quiet_qt_messages()
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName("nnviz")
    app.setApplicationName("nnviz")
    app.setWindowIcon(QIcon(str(ICON)))
    install_translator(app)
    window = MainWindow()
    window.show()
    return app.exec()
