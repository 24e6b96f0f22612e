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
    monkeypatch.setattr(app, "x_server_answers", lambda display: True)
    monkeypatch.setattr(app.ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else "x")
    problem = app.platform_problem()
    assert "libxcb-cursor0" in problem and "apt install" in problem


def test_icon_menu_entry_presets_lessons_and_translations_are_package_data():
    res = ROOT / "nnviz" / "resources"
    assert (res / "icons" / "nnviz.svg").exists() and (res / "icons" / "nnviz.png").exists()
    text = (ROOT / "pyproject.toml").read_text()
    assert len(list((res / "lessons").glob("*.json"))) == 7
    for pattern in ("resources/presets/*.json", "resources/lessons/*.json", "resources/icons/*", "resources/translations/*",
                    "resources/nnviz.desktop"):
        assert pattern in text


def _free_display():
    """A display number with no X server: no socket file and no TCP listener."""
    import socket
    for n in range(99, 200):
        if os.path.exists(f"/tmp/.X11-unix/X{n}"):
            continue
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", 6000 + n)) != 0:
                return n
    pytest.skip("no free display number")


def test_a_display_with_no_x_server_is_the_same_clear_message():
    """DISPLAY left over from an SSH or WSL session, no server behind it: Qt itself aborted
    (exit 134) and blamed libxcb-cursor0."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the check is for Linux")
    n = _free_display()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = f":{n}"
    r = subprocess.run([sys.executable, "-m", "nnviz"], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert f"no X server answers at DISPLAY=:{n}" in r.stderr and "no display" in r.stderr
    assert "Traceback" not in r.stderr and "xcb" not in r.stderr


def test_x_server_answers_follows_the_display_forms():
    import socket
    from nnviz.gui.app import x_server_answers
    n = _free_display()
    assert not x_server_answers(f":{n}") and not x_server_answers(f"unix:{n}.0")
    assert not x_server_answers(f"localhost:{n}.0") and not x_server_answers(f"no-such-host.invalid:{n}")
    assert x_server_answers("what is this")                        # an unknown form: Qt decides
    with socket.socket() as server:                                 # an SSH forward that is alive
        server.bind(("127.0.0.1", 6000 + n))
        server.listen()
        assert x_server_answers(f"127.0.0.1:{n}.0")
