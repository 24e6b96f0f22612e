"""Start the desktop app."""
from __future__ import annotations

import sys


def run(argv=None):
    """Open the main window and run Qt's event loop; returns the exit status."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    label = QLabel(app.translate("App", "nnviz: the training window arrives with the next release.\n"
                                        "Until then, use the headless command: nnviz train --help"))
    label.setMargin(40)
    label.setWindowTitle("nnviz")
    label.show()
    return app.exec()
