"""Start the desktop app."""
from __future__ import annotations

import sys


def run(argv=None):
    """Open the main window and run Qt's event loop; returns the exit status."""
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName("nnviz")
    app.setApplicationName("nnviz")
    window = MainWindow()
    window.show()
    return app.exec()
