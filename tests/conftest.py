"""Test configuration: Qt runs on the offscreen platform, never on a real display."""
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
