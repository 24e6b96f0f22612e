"""The model packages never import Qt (README, Architecture)."""
import ast
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1] / "nnviz"
QT = ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "qtpy", "shiboken6")


def test_core_and_training_import_no_qt_in_source():
    for pkg in ("core", "training"):
        for path in (ROOT / pkg).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                assert not any(n.split(".")[0] in QT for n in names), f"{path} imports {names}"


def test_importing_every_model_module_loads_no_qt():
    code = ("import sys, pkgutil, importlib, nnviz.core, nnviz.training\n"
            "for pkg in (nnviz.core, nnviz.training):\n"
            "    for m in pkgutil.iter_modules(pkg.__path__):\n"
            "        importlib.import_module(pkg.__name__ + '.' + m.name)\n"
            f"bad = [m for m in sys.modules if m.split('.')[0] in {QT!r}]\n"
            "assert not bad, bad")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_no_gui_module_depends_on_the_start_up_module():
    """The translation helpers live in gui/i18n.py: the worker and the views never import app.py."""
    import pathlib
    import re
    gui = pathlib.Path(__file__).resolve().parent.parent / "nnviz" / "gui"
    users = [p.name for p in gui.glob("*.py") if p.name != "app.py"
             and re.search(r"from \.app import|from nnviz\.gui\.app import", p.read_text(encoding="utf-8"))]
    assert set(users) <= {"selftest.py", "record.py"}, users          # commands that start Qt themselves
