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


#: The views (and the side panel): each imports only shared modules (plots, colors, widgets, ...), never another view.
VIEWS = {"output_view", "hidden_view", "landscape_view", "loss_view", "network_view", "arena", "stepthrough",
         "gallery", "lessons_view", "controls", "guide"}


def _imports(path):
    """(module, name) for every ``from … import name`` in ``path``, module as a dotted nnviz path
    (``from . import formulas`` gives ("nnviz.gui.formulas", None))."""
    package = ["nnviz"] + list(path.relative_to(ROOT).parent.parts)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((a.name, None) for a in node.names if a.name.startswith("nnviz"))
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            if not module.startswith("nnviz"):
                continue
            for a in node.names:
                yield (f"{module}.{a.name}", None) if node.module is None else (module, a.name)


def test_no_module_imports_another_modules_private_names():
    """A name used by two modules is public (no leading underscore), e.g. network_items' Canvas,
    weights_io's check_meta (onnx_import reads the same meta)."""
    bad = [(p.relative_to(ROOT).as_posix(), m, n) for p in ROOT.rglob("*.py") for m, n in _imports(p)
           if (n or "").startswith("_")]
    assert not bad, bad


def test_views_never_import_each_other():
    """What views share (make_plot, PointLayer, LogAxis, ContourMap, ...) lives in gui/plots.py."""
    gui = ROOT / "gui"
    assert VIEWS <= {p.stem for p in gui.glob("*.py")}
    bad = [(p.stem, m) for p in gui.glob("*.py") if p.stem in VIEWS for m, _ in _imports(p)
           if m.startswith("nnviz.gui.") and m.split(".")[2] in VIEWS - {p.stem}]
    assert not bad, bad


def test_no_module_reaches_into_another_objects_private_state():
    """An object's _names are its own: scripts drive the worker by its public train_now,
    send_now and is_drawn, the recorder the window by play and record_step, the worksheet
    the formulas by f_name and index_text. The only exceptions are other libraries' names
    that have no public form, and a class method on an instance of its own class."""
    import ast
    allowed = {("cli.py", "_actions"),          # argparse: the parser's actions, to list a parser's flags
               ("gui/textsize.py", "_adjustSize"),   # pyqtgraph: an axis re-measures its tick labels
               ("gui/csv_dialog.py", "_replace"),    # a namedtuple's documented _replace
               ("core/datasets.py", "_map")}         # Preprocess.fit (a classmethod) on its new instance
    bad = []
    for p in ROOT.rglob("*.py"):
        rel = p.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                    and ast.unparse(node.value) not in ("self", "cls") and (rel, node.attr) not in allowed):
                bad.append(f"{rel}:{node.lineno}: {ast.unparse(node)}")
    assert not bad, bad
