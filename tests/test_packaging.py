"""What a packaged app relies on: the desktop entry, the version, the self-test, the
wheel's contents and metadata, and a clear message where Qt could not open a window."""
import email
import os
import pathlib
import shutil
import subprocess
import sys
import warnings
import zipfile

import pytest

import nnviz
from nnviz.gui.i18n import NO_JAPANESE_FONT
from tests.test_readme import _checkout_copy

ROOT = pathlib.Path(__file__).resolve().parents[1]
RES = ROOT / "nnviz" / "resources"


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


def test_self_test_passes_from_the_source_tree():
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    r = subprocess.run([sys.executable, "-m", "nnviz", "--self-test"], capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "self-test passed" in r.stdout and r.stderr in ("", f"nnviz: warning: {NO_JAPANESE_FONT}\n")


def test_the_self_test_says_when_japanese_would_be_empty_boxes(no_japanese_font):
    r = subprocess.run([sys.executable, "-m", "nnviz", "--self-test"], capture_output=True, text=True,
                       env=no_japanese_font, timeout=120)
    assert r.returncode == 0 and r.stderr == f"nnviz: warning: {NO_JAPANESE_FONT}\n"


def test_no_display_is_a_clear_message():
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    r = subprocess.run([sys.executable, "-m", "nnviz"], capture_output=True, text=True, env=env, timeout=60)
    if not sys.platform.startswith("linux"):
        pytest.skip("the check is for Linux")
    assert r.returncode == 1 and "no display" in r.stderr and "Traceback" not in r.stderr


def test_the_window_only_launcher_runs_without_a_console(monkeypatch):
    """nnviz-app is a gui-script: on Windows pythonw starts it with sys.stderr = None, and an
    error message must not be a crash."""
    from nnviz.gui import app
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(app, "platform_problem", lambda: "no display")
    assert app.run() == 1
    assert sys.stderr is not None and sys.stdout is not None
    sys.stderr.close()                 # the launcher's os.devnull, kept open for the process
    sys.stdout.close()


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


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel ``pip wheel .`` builds from the checkout's tracked files (a fresh clone's;
    seconds): {name: bytes} of its files."""
    src, out = tmp_path_factory.mktemp("checkout"), tmp_path_factory.mktemp("wheel")
    _checkout_copy(src)
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)],
                       capture_output=True, text=True, timeout=600)
    if r.returncode and "No matching distribution found for setuptools" in r.stderr:
        pytest.skip("pip cannot fetch the build requirement setuptools (offline?)")
    assert r.returncode == 0, r.stderr[-3000:]
    (path,) = out.glob("nnviz-*.whl")
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_the_wheel_holds_the_package_data_and_nothing_else(wheel):
    """Icon, menu entry, presets, lessons and the compiled translation (not its source);
    no tests, benchmarks, packaging or screenshots."""
    data = {n for n in wheel if n.startswith("nnviz/") and not n.endswith(".py")}
    expected = {f"nnviz/{p.relative_to(RES.parent).as_posix()}" for p in
                [*RES.glob("presets/*.json"), *RES.glob("lessons/*.json"), *RES.glob("icons/*"),
                 RES / "nnviz.desktop", RES / "translations" / "nnviz_ja.qm"]}
    assert data == expected
    assert len([n for n in data if "/lessons/" in n]) == 7 and "nnviz/resources/icons/nnviz.svg" in data
    assert wheel["nnviz/resources/translations/nnviz_ja.qm"] == (RES / "translations" / "nnviz_ja.qm").read_bytes()
    tops = {n.split("/")[0] for n in wheel}
    assert tops == {"nnviz", f"nnviz-{nnviz.__version__}.dist-info"}
    assert "nnviz/gui/app.py" in wheel and "nnviz/core/network.py" in wheel


def test_the_wheel_metadata(wheel):
    """Version from nnviz/__init__.py, the MIT license with its file (PEP 639), the classifiers,
    and both launchers: ``nnviz`` on a console, ``nnviz-app`` without one."""
    info = f"nnviz-{nnviz.__version__}.dist-info"
    meta = email.message_from_bytes(wheel[f"{info}/METADATA"])
    assert meta["Version"] == nnviz.__version__
    assert meta["License-Expression"] == "MIT" and meta["License-File"] == "LICENSE"
    assert wheel[f"{info}/licenses/LICENSE"] == (ROOT / "LICENSE").read_bytes()
    classifiers = meta.get_all("Classifier")
    assert {"Intended Audience :: Education", "Environment :: X11 Applications :: Qt",
            "Programming Language :: Python :: 3.11"} <= set(classifiers)
    assert not [c for c in classifiers if c.startswith("License ::")]     # PEP 639: the expression only
    scripts = wheel[f"{info}/entry_points.txt"].decode()
    assert "[console_scripts]\nnnviz = nnviz.cli:main" in scripts
    assert "[gui_scripts]\nnnviz-app = nnviz.gui.app:run" in scripts
    requires = meta.get_all("Requires-Dist")
    (ort,) = [r for r in requires if r.startswith("onnxruntime")]
    assert "platform_machine" in ort and 'extra == "test"' in ort


def test_a_warning_raised_from_nnviz_fails_the_test():
    """pyproject's filterwarnings: a warning attributed to an nnviz module is an error."""
    with pytest.raises(DeprecationWarning):
        warnings.warn_explicit("old", DeprecationWarning, "network.py", 1, module="nnviz.core.network")
    with pytest.warns(UserWarning):                                          # only a warning
        warnings.warn_explicit("theirs", UserWarning, "other.py", 1, module="othermodule")


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
