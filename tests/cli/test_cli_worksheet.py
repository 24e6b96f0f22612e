"""`nnviz worksheet`: the trace's flags plus --out FILE.pdf; Qt only inside this command."""
import os
import subprocess
import sys

import pytest

import pdftext
from nnviz.cli import main

# In this process the command must find the QApplication the GUI tests use (it would make a
# QGuiApplication otherwise, on which no widget test could run later).
pytestmark = pytest.mark.usefixtures("qapp")

def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def text(path):
    return " ".join(" ".join(pdftext.pages(path.read_bytes())).split())


def test_another_seed_gives_another_exercise(tmp_path, capsys):
    sheets = []
    for seed in ("0", "1"):
        out = tmp_path / f"s{seed}.pdf"
        code, stdout, err = run(capsys, "worksheet", "--preset", "worked_example", "--seed", seed, "--lang", "en",
                                "--out", str(out))
        assert code == 0, err
        assert f"written to {out}" in stdout
        sheets.append(text(out))
    assert all("Answer key" in s and "(52)" in s for s in sheets)
    assert sheets[0] != sheets[1]


def test_japanese_sheet(tmp_path, capsys, japanese_font):
    out = tmp_path / "ja.pdf"
    assert run(capsys, "worksheet", "--preset", "worked_example", "--lang", "ja", "--quiet", "--out", str(out)) \
        == (0, "", "")
    assert "誤差逆伝播法" in text(out).replace(" ", "")


def test_no_japanese_sheet_of_empty_boxes(tmp_path, no_japanese_font):
    """Without a font that has Japanese characters the sheet would be boxes: refused, with what to install."""
    r = subprocess.run([sys.executable, "-m", "nnviz", "worksheet", "--preset", "worked_example", "--lang", "ja",
                        "--out", "ja.pdf"], capture_output=True, text=True, env=no_japanese_font, cwd=tmp_path)
    assert r.returncode == 2 and "fonts-noto-cjk" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "ja.pdf").exists()


@pytest.mark.parametrize("args,message", [(["--out", "sheet.txt"], ".pdf"), ([], "--out"),
                                          (["--lang", "fr", "--out", "s.pdf"], "invalid choice"),
                                          (["--sample", "100000", "--out", "s.pdf"], "--sample")])
def test_mistakes_exit_2_and_write_nothing(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "worksheet", *args)
    assert code == 2 and message in err and err.count("\n") == 1
    assert not list(tmp_path.iterdir())


def test_runs_without_a_display_and_trace_still_loads_no_qt(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    r = subprocess.run([sys.executable, "-m", "nnviz", "worksheet", "--preset", "worked_example", "--lang", "en",
                        "--out", str(tmp_path / "s.pdf")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    code = ("import sys\nfrom nnviz.cli import main\nassert main(['trace', '--steps', '1']) == 0\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))]\n"
            "assert not bad, bad")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
