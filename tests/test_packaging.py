"""What a packaged app relies on: the desktop entry, the version, the self-test, the
icon, and a clear message where Qt could not open a window."""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import nnviz

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_desktop_entry_validates():
    tool = shutil.which("desktop-file-validate")
    text = (ROOT / "nnviz" / "resources" / "nnviz.desktop").read_text()
    assert "Exec=nnviz" in text and "Icon=nnviz" in text and "Type=Application" in text
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    r = subprocess.run([tool, str(ROOT / "nnviz" / "resources" / "nnviz.desktop")], capture_output=True, text=True)
    assert r.returncode == 0 and "error" not in r.stdout + r.stderr, r.stdout + r.stderr


def test_version_is_single_sourced():
    r = subprocess.run([sys.executable, "-m", "nnviz", "--version"], capture_output=True, text=True)
    assert r.stdout.strip() == f"nnviz {nnviz.__version__}"
    assert 'version = { attr = "nnviz.__version__" }' in (ROOT / "pyproject.toml").read_text()


def test_self_test_passes_from_the_source_tree():
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    r = subprocess.run([sys.executable, "-m", "nnviz", "--self-test"], capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "self-test passed" in r.stdout and r.stderr == ""


def test_no_display_is_a_clear_message():
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    r = subprocess.run([sys.executable, "-m", "nnviz"], capture_output=True, text=True, env=env, timeout=60)
    if not sys.platform.startswith("linux"):
        pytest.skip("the check is for Linux")
    assert r.returncode == 1 and "no display" in r.stderr and "Traceback" not in r.stderr


def test_missing_xcb_libraries_are_named(monkeypatch):
    from nnviz.gui import app
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(app.ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else "x")
    problem = app.platform_problem()
    assert "libxcb-cursor0" in problem and "apt install" in problem


def test_icon_menu_entry_presets_and_translations_are_package_data():
    res = ROOT / "nnviz" / "resources"
    assert (res / "icons" / "nnviz.svg").exists() and (res / "icons" / "nnviz.png").exists()
    text = (ROOT / "pyproject.toml").read_text()
    for pattern in ("resources/presets/*.json", "resources/icons/*", "resources/translations/*",
                    "resources/nnviz.desktop"):
        assert pattern in text
