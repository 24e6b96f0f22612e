"""``nnviz --self-test``: open the window offscreen, train a few steps, export the
weights, check them, load the Japanese translation, exit 0 — proof that an installed or
frozen app works."""
from __future__ import annotations

import os
import sys
import tempfile
import time


def self_test():
    """Run the self-test; prints one line and returns the exit status."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from ..core.weights_io import load_weights
    from ..training.trainer import Settings
    from .app import quiet_qt_messages
    from .i18n import font_problem, install_translator, remove_translator
    from .main_window import MainWindow

    quiet_qt_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        w = MainWindow(Settings(dataset="xor", hidden=(4,), eps=0.1),
                       qsettings=QSettings(os.path.join(tmp, "s.ini"), QSettings.IniFormat))
        w.files.ask_save = lambda: "discard"
        w.show()
        try:
            wait(app, lambda: w.frames > 0)
            for _ in range(20):
                w.commands.step_once.emit()
            wait(app, lambda: w.snapshot.step >= 20)
            saved = []
            w.worker.saved.connect(lambda path, error: saved.append(error))
            path = os.path.join(tmp, "weights.npz")
            w.commands.save.emit(path, None)
            wait(app, lambda: saved)
            if saved[0]:
                raise RuntimeError(saved[0])
            net, _ = load_weights(path)
            if not np.array_equal(net.W[2], w.snapshot.W[2]):
                raise RuntimeError("the exported weights differ from the window's")
            japanese = install_translator(app, "ja")
            if japanese is None or QCoreApplication.translate("MainWindow", "&File") == "&File":
                raise RuntimeError("the Japanese translation did not load")
            font = font_problem(japanese)
            remove_translator(app, japanese)
        except (RuntimeError, TimeoutError) as e:
            print(f"nnviz self-test FAILED: {e}", file=sys.stderr)
            return 1
        finally:
            w.close()
    print(f"nnviz self-test passed: window opened, 20 training steps, weights exported and read back, "
          f"Japanese translation loaded (Qt platform {app.platformName()})")
    if font:
        print(f"nnviz: warning: {font}", file=sys.stderr)
    return 0


def wait(app, predicate, timeout=60):
    """Process events until ``predicate()`` holds; TimeoutError after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("timed out waiting for the window")
        app.processEvents()
        time.sleep(0.005)
