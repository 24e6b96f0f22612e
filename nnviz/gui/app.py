"""Start the desktop app."""
from __future__ import annotations

import ctypes.util
import os
import re
import socket
import sys
from pathlib import Path

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
    if not os.environ.get("WAYLAND_DISPLAY") and not x_server_answers(os.environ["DISPLAY"]):
        return (f"no X server answers at DISPLAY={os.environ['DISPLAY']} (a display left over from an "
                "SSH or WSL session?), so there is no display to open a window on. "
                "The headless commands work without one: nnviz train --help")
    missing = [pkg for lib, pkg in XCB_LIBS if ctypes.util.find_library(lib) is None]
    if missing:
        return ("Qt needs system libraries that are missing: " + " ".join(missing)
                + ". On Debian or Ubuntu: sudo apt install " + " ".join(missing))
    return None


def x_server_answers(display, timeout=2.0):
    """Whether something accepts connections where the X display ``display`` (":0", ":1.0",
    "localhost:10.0", "unix:0") lives: its Unix socket, or TCP port 6000 + n on a host.
    True for a form this does not know (then Qt decides)."""
    m = re.fullmatch(r"(?:[^/]*/)?([^:]*):(\d+)(?:\.\d+)?", display)
    if m is None:
        return True
    host, n = m.group(1), int(m.group(2))
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{n}"
        targets = [(socket.AF_UNIX, "\0" + path), (socket.AF_UNIX, path)]    # abstract, then the file
    else:
        targets = [(family, address) for family, _, _, _, address in _resolve(host, 6000 + n)]
    for family, address in targets:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            try:
                s.connect(address)
                return True
            except OSError:
                continue
    return False


def _resolve(host, port):
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return []


def quiet_qt_messages():
    """Drop the offscreen platform's harmless 'propagateSizeHints' chatter; keep the rest."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message):
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")
    qInstallMessageHandler(handler)


def collect_in_gui_thread():
    """Turn Python's automatic garbage collection off and collect on a timer of the GUI
    thread instead (pyqtgraph's GarbageCollector; keep the returned object). The collector
    runs in whichever thread allocates: in the training thread it would delete the GUI
    thread's Qt objects (a timer the event loop then fires: a crash)."""
    from pyqtgraph.util.garbage_collector import GarbageCollector
    return GarbageCollector(interval=1.0)


def install_language(app, lang=None):
    """The window's language (:func:`~nnviz.gui.i18n.install_translator`), unless no installed
    font can show it: then English, and why on stderr. Returns the translator (None: English)."""
    from .i18n import font_problem, install_translator, remove_translator

    translator = install_translator(app, lang)
    problem = font_problem(translator)
    if problem:                       # a window of empty boxes helps nobody
        remove_translator(app, translator)
        print(f"nnviz: {problem}; the window is in English until then", file=sys.stderr)
        return None
    return translator


def run(argv=None):
    """Open the main window and run Qt's event loop; returns the exit status."""
    for name in ("stdout", "stderr"):     # pythonw (nnviz-app on Windows) starts with neither
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
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
    install_language(app)
    collector = collect_in_gui_thread()
    window = MainWindow()
    window.show()
    try:
        return app.exec()
    finally:
        collector.timer.stop()
