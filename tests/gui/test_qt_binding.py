"""The Qt binding installed must keep Python's reference counts (PySide6 6.12.0 on 3.11 did not)."""
import sys

from PySide6.QtWidgets import QWidget


def test_void_calls_keep_the_reference_count_of_none(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    before = sys.getrefcount(None)
    for _ in range(200):
        w.setEnabled(True)
    assert sys.getrefcount(None) >= before - 5      # 6.12.0 on Python 3.11 lost one per call
