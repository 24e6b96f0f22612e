"""Regenerate nnviz's translation source (Qt Linguist .ts) from the code.

Usage, from anywhere, with the Python that has PySide6 (the project's venv):

    .venv/bin/python packaging/update_translations.py            # strings.py, nnviz_*.ts, .qm
    .venv/bin/python packaging/update_translations.py --check    # change nothing; exit 1 when
                                                                 # strings.py is stale, a .ts
                                                                 # has untranslated entries, a
                                                                 # .qm is not its .ts compiled,
                                                                 # or the Japanese leaves the
                                                                 # slides' words (see wording())

What it does (idempotent: run it again whenever the GUI's strings change):

1. Writes ``nnviz/gui/strings.py``: ``QT_TRANSLATE_NOOP(context, text)`` entries for the
   strings lupdate cannot file under the context the code looks them up in at run time:

   - strings that exist only at run time and reach ``tr()`` as values: preset titles
     (context "presets"), data set descriptions ("datasets"), δ^(L) rules ("losses"),
     ``self.tr(TITLES[name])``, ``self.tr(LABELS[k])``, ``tr(text)`` in a loop over a
     module-level dict, ... The script finds such calls in ``nnviz/gui/*.py`` with the
     ``ast`` module, imports the module and reads the dict / tuple the argument comes from.
     Calls it cannot resolve are listed as warnings: add them to :func:`runtime_strings`.
   - literals passed through an alias (``tr = self.tr``, a parameter ``tr``) or through a
     module-level wrapper (``def _t(text): return QCoreApplication.translate("ctx", text)``):
     lupdate files them under no context (or misses them), but Qt looks them up in the
     class's (or wrapper's) context.

2. Runs ``pyside6-lupdate -no-obsolete`` over ``nnviz/gui/*.py`` (strings.py included) into
   each ``nnviz/resources/translations/nnviz_<lang>.ts`` (existing translations are kept),
   then drops lupdate's context-less duplicates of the strings of step 1 and fills any
   entry that lost its translation (a string that moved to another context) from the
   previous .ts. The source → translation mapping lives in the .ts itself.

3. Compiles every .ts to the .qm beside it with lrelease. The .qm is committed (lrelease is
   deterministic: ``tests/gui/test_translations.py`` compiles the .ts again and compares the
   bytes), so the build, an install and the app compile nothing: commit the .ts and the .qm.

Then translate what is new: the script lists the unfinished entries. Edit them in Qt
Linguist (``.venv/bin/pyside6-linguist nnviz/resources/translations/nnviz_ja.ts``) or in
the XML, and remove ``type="unfinished"``. Keep formulas, symbols, placeholders ({0}),
HTML tags and the code's ``.replace()`` anchors (" y ", "L =", "z − d", ...) as they are.
Use the slides' words (:data:`TERMS`; 誤差, never 損失): ``--check`` fails otherwise.
``tests/gui/test_translations.py`` checks that nothing is left out.
"""
from __future__ import annotations

import argparse
import ast
import html
import importlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "nnviz" / "gui"
STRINGS = GUI / "strings.py"
TRANSLATIONS = ROOT / "nnviz" / "resources" / "translations"
LANGUAGES = {"ja": "ja_JP"}           # nnviz_<key>.ts → its target language

if str(ROOT) not in sys.path:          # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from nnviz import qttools  # noqa: E402


# ---------------------------------------------------------------- runtime strings
#: (file, context) of the calls runtime_strings() supplies (None: a tr passed in as a parameter)
RUNTIME_SITES = {("main_window.py", "presets"), ("loss_view.py", "presets"), ("controls.py", "datasets"),
                 ("controls.py", "losses"),
                 ("gallery.py", None), ("stepthrough.py", "StepThroughPanel"),
                 ("app.py", "errors"), ("guide.py", "presets")}     # explain(): the templates error_strings() collects

def runtime_strings():
    """(context, strings) the code translates at run time that the analysis cannot see."""
    from nnviz.core.activations import ACTIVATIONS, OUTPUT_ACTIVATIONS, TITLES
    from nnviz.core.datasets import DATASETS
    from nnviz.core.losses import LOSSES, output_rule
    from nnviz.core.network import INIT_SCHEMES
    from nnviz.core.optimizers import OPTIMIZERS
    from nnviz.training.scenes import load_scenes

    # main_window: QCoreApplication.translate("presets", text) for each scene's title, claim, labels
    yield "presets", [text for s in load_scenes() for text in (s.title, s.claim, *(lb for lb, _ in s.variants))
                      if text]
    # controls: QCoreApplication.translate("datasets", desc)
    yield "datasets", [*DATASETS, *(desc for _, desc in DATASETS.values())]   # names and descriptions
    # controls: QCoreApplication.translate("losses", output_rule(out, loss))
    yield "losses", [output_rule(o, k) for o in OUTPUT_ACTIVATIONS for k in LOSSES]
    # gallery: _Cell(name, act, self.tr) calls tr(TITLES[name]) and tr(act.derivative) with the gallery's tr
    yield "ActivationGallery", [*TITLES.values(), *(act.derivative for act in ACTIVATIONS.values())]
    # stepthrough: self.tr(meta["reduction"]), self.tr(meta["optimizer"])
    yield "StepThroughPanel", ["mean", "sum", *OPTIMIZERS]
    # network view: each layer's activation under its title
    yield "NetworkView", [*TITLES.values(), "Softmax"]
    # controls: self.tr() of the output activation, loss, initialisation and optimiser
    # combo boxes' names, and of the SHORT names of the task pairs
    from nnviz.gui.controls import SHORT
    yield "ControlPanel", [*TITLES.values(), "Softmax", *(LOSSES[k].title for k in LOSSES),
                           *INIT_SCHEMES, *OPTIMIZERS, *SHORT.values()]
    # each hidden layer's activation combo box
    yield "_LayerRow", TITLES.values()


# ---------------------------------------------------------------- code analysis
def _is_translate(func):
    """QCoreApplication.translate / QApplication.translate / ….translate(ctx, text)."""
    return (isinstance(func, ast.Attribute) and func.attr == "translate"
            and isinstance(func.value, ast.Name) and func.value.id.endswith("Application"))


def _is_self_tr(node):
    return isinstance(node, ast.Attribute) and node.attr == "tr" and isinstance(node.value, ast.Name) \
        and node.value.id == "self"


def _str(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _Analyzer(ast.NodeVisitor):
    """Collects (context, text) of every translated string of one module that lupdate
    would miss or file under the wrong context, and warnings for what it cannot resolve."""

    def __init__(self, path):
        self.path = path
        self.modname = "nnviz.gui." + path.stem
        self.tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        self.module = None
        self.found, self.warnings = [], []
        self.classes, self.functions = [], []
        self.in_fstring = 0
        self.wrappers = self._wrappers()

    def run(self):
        self.visit(self.tree)
        return self.found, self.warnings

    def _wrappers(self):
        """Module-level ``def f(text): return QCoreApplication.translate("ctx", text)``."""
        out = {}
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef) and node.args.args:
                param = node.args.args[0].arg
                for sub in ast.walk(node):
                    if (isinstance(sub, ast.Call) and _is_translate(sub.func) and len(sub.args) >= 2
                            and _str(sub.args[0]) is not None and isinstance(sub.args[1], ast.Name)
                            and sub.args[1].id == param):
                        out[node.name] = sub.args[0].value
        return out

    # -------------------------------------------------------------- scopes
    def visit_ClassDef(self, node):
        self.classes.append(node)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node):
        self.functions.append(node)
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_JoinedStr(self, node):
        """lupdate does not look inside f-strings: every translation there is ours."""
        self.in_fstring += 1
        self.generic_visit(node)
        self.in_fstring -= 1

    def _aliases(self):
        """Names bound to self.tr in the enclosing functions."""
        names = set()
        for fn in self.functions:
            for sub in ast.walk(fn):
                if not isinstance(sub, ast.Assign):
                    continue
                for target in sub.targets:
                    pairs = [(target, sub.value)]
                    if isinstance(target, ast.Tuple) and isinstance(sub.value, ast.Tuple):
                        pairs = list(zip(target.elts, sub.value.elts))
                    names |= {t.id for t, v in pairs if isinstance(t, ast.Name) and _is_self_tr(v)}
        return names

    def _where(self, node):
        return self.path.name         # no line number: strings.py changes only with the strings

    # -------------------------------------------------------------- calls
    def visit_Call(self, node):
        self.generic_visit(node)
        func, cls = node.func, self.classes[-1].name if self.classes else None
        if not node.args and not node.keywords:
            return
        arg = node.args[0] if node.args else None
        if self.functions and self.functions[0].name in self.wrappers:
            return                                            # the wrapper's own translate()
        if _is_translate(func):                               # lupdate sees literal pairs
            ctx = _str(node.args[0]) if node.args else None
            if (len(node.args) >= 2 and ctx is not None
                    and (_str(node.args[1]) is None or self.in_fstring)):
                self._emit(ctx, node.args[1], node)
        elif _is_self_tr(func):                               # lupdate sees literals
            if cls and arg is not None and (_str(arg) is None or self.in_fstring):
                self._emit(cls, arg, node)
        elif isinstance(func, ast.Name) and func.id in self.wrappers and arg is not None:
            self._emit(self.wrappers[func.id], arg, node)
        elif isinstance(func, ast.Name) and func.id == "tr" and arg is not None:
            if cls and "tr" in self._aliases():
                self._emit(cls, arg, node)
            elif (self.path.name, None) not in RUNTIME_SITES:
                self.warnings.append(f"{self.path.relative_to(ROOT)}:{node.lineno}: tr() bound to an "
                                     "unknown context (list its strings in runtime_strings())")

    def _emit(self, ctx, arg, node):
        texts = self._resolve(arg)
        if texts is None and (self.path.name, ctx) in RUNTIME_SITES:
            return
        if texts is None:
            self.warnings.append(f"{self.path.relative_to(ROOT)}:{node.lineno}: cannot resolve the text "
                                 f"passed to a translation in context {ctx!r} (list it in runtime_strings())")
            return
        self.found += [(ctx, t, self._where(node)) for t in texts if isinstance(t, str) and t.strip()]

    # -------------------------------------------------------------- values
    def _import(self):
        if self.module is None:
            try:
                self.module = importlib.import_module(self.modname)
            except Exception as exc:                          # a view being written
                self.warnings.append(f"{self.path.relative_to(ROOT)}: cannot import ({exc})")
                self.module = False
        return self.module or None

    def _object(self, node):
        """The run-time value of a module-level name, self.<class attribute> or mod.<name>."""
        module = self._import()
        if module is None:
            return None
        if isinstance(node, ast.Name):
            return getattr(module, node.id, None)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "self" and self.classes:
                owner = getattr(module, self.classes[-1].name, None)
            else:
                owner = getattr(module, node.value.id, None)
            return getattr(owner, node.attr, None)
        return None

    @staticmethod
    def _values(obj):
        if isinstance(obj, dict):
            return list(obj.values())
        if isinstance(obj, (list, tuple)):
            return list(obj)
        return None

    def _items(self, it):
        """The items a for loop / comprehension over ``it`` yields, or None."""
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and not it.args:
            obj = self._object(it.func.value)
            if isinstance(obj, dict):
                return {"items": list(obj.items()), "values": list(obj.values()),
                        "keys": list(obj)}.get(it.func.attr)
            return None
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "enumerate":
            inner = self._items(it.args[0]) if it.args else None
            return None if inner is None else list(enumerate(inner))
        if isinstance(it, (ast.Tuple, ast.List)):
            return [ast.literal_eval(e) if _str(e) is not None else None for e in it.elts]
        obj = self._object(it)
        return list(obj) if isinstance(obj, (dict, list, tuple)) else None

    @staticmethod
    def _destructure(target, item, name):
        """The part of ``item`` bound to ``name`` by the loop target; raises KeyError if absent."""
        if isinstance(target, ast.Name):
            if target.id == name:
                return item
            raise KeyError(name)
        if isinstance(target, (ast.Tuple, ast.List)):
            for t, v in zip(target.elts, item):
                try:
                    return _Analyzer._destructure(t, v, name)
                except KeyError:
                    pass
        raise KeyError(name)

    def _loop_values(self, name, call):
        """The values loop variable ``name`` takes: from the innermost for loop or
        comprehension around ``call`` that binds it."""
        loops = []
        for fn in self.functions:
            for sub in ast.walk(fn):
                if isinstance(sub, ast.For):
                    pairs = [(sub.target, sub.iter)]
                elif isinstance(sub, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                    pairs = [(g.target, g.iter) for g in sub.generators]
                else:
                    continue
                if sub.lineno <= call.lineno <= sub.end_lineno:
                    loops += [(sub.lineno, target, it) for target, it in pairs
                              if name in {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}]
        if not loops:
            return None
        _, target, it = max(loops, key=lambda loop: loop[0])
        items = self._items(it)
        if items is None:
            return None
        try:
            return [self._destructure(target, item, name) for item in items]
        except (KeyError, TypeError):
            return None

    def _resolve(self, node):
        """Every string ``node`` can evaluate to, or None."""
        if _str(node) is not None:
            return [node.value]
        if isinstance(node, ast.IfExp):
            a, b = self._resolve(node.body), self._resolve(node.orelse)
            return None if a is None or b is None else a + b
        if isinstance(node, ast.Subscript):                   # NAME[key]
            return self._values(self._object(node.value))
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"):                 # NAME.get(key, default)
            values = self._values(self._object(node.func.value))
            default = self._resolve(node.args[1]) if len(node.args) > 1 else []
            if values is None:
                return default or None
            return values + (default or [])
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Subscript):
            values = self._values(self._object(node.value.value))     # NAME[key].attr
            return None if values is None else [getattr(v, node.attr, None) for v in values]
        if isinstance(node, ast.Name):                        # a loop variable
            return self._loop_values(node.id, node)
        return None


#: pyqtgraph modules whose strings nnviz's plots show: the context menu of every plot
#: (right click), its "Plot Options" and axis panels, and the export dialog.
PYQTGRAPH = ["GraphicsScene/GraphicsScene.py", "GraphicsScene/exportDialog.py",
             "GraphicsScene/exportDialogTemplate_generic.py", "graphicsItems/ViewBox/ViewBoxMenu.py",
             "graphicsItems/ViewBox/axisCtrlTemplate_generic.py", "graphicsItems/PlotItem/PlotItem.py",
             "graphicsItems/PlotItem/plotConfigTemplate_generic.py", "exporters/ImageExporter.py",
             "exporters/SVGExporter.py", "exporters/CSVExporter.py", "exporters/PrintExporter.py"]


def pyqtgraph_strings():
    """(context, text, where) of pyqtgraph's literal translate("ctx", "text") calls in PYQTGRAPH,
    and the exporters' names its export dialog translates."""
    try:
        import pyqtgraph
        import pyqtgraph.exporters
    except ImportError:
        return []
    base, out = Path(pyqtgraph.__file__).resolve().parent, []
    for rel in PYQTGRAPH:
        path = base / rel
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and len(node.args) >= 2):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            ctx, text = _str(node.args[0]), _str(node.args[1])
            if name in ("translate", "_translate") and ctx and text and text.strip():
                out.append((ctx, text, f"pyqtgraph/{rel}"))
    out += [("Exporter", e.Name, "pyqtgraph exporters") for e in pyqtgraph.exporters.listExporters()]
    return out


#: The Qt-free packages whose errors the window shows (see nnviz/core/errors.py).
ERROR_PACKAGES = ("core", "training")
#: Functions that take a template: (name, index of the template among the positional args).
TEMPLATE_FUNCTIONS = {"_check": 1, "fail": 0, "Term": 0}


def _message_classes():
    """Names of every nnviz.core.errors.Message subclass in ERROR_PACKAGES (imports them)."""
    from nnviz.core.errors import Message
    for package in ERROR_PACKAGES:
        for path in sorted((ROOT / "nnviz" / package).glob("*.py")):
            importlib.import_module(f"nnviz.{package}.{path.stem}")
    names, todo = set(), [Message]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo += cls.__subclasses__()
    return names


def _templates(node):
    """The literal templates ``node`` can be (a string or ``a if ... else b``), or None."""
    if _str(node) is not None:
        return [node.value]
    if isinstance(node, ast.IfExp):
        a, b = _templates(node.body), _templates(node.orelse)
        return None if a is None or b is None else a + b
    return None


def error_strings():
    """(entries, warnings) for the errors of the core and the training (context "errors"):
    the template of every error raised there, of every ``_check``/``fail`` call and every
    ``Term``. Warns about a template that is not a literal and about a raise of anything
    but a Message (both would leave English in the Japanese window)."""
    classes = _message_classes()
    takes = {**{c: 0 for c in classes}, **TEMPLATE_FUNCTIONS}
    entries, warnings = [], []
    for package in ERROR_PACKAGES:
        for path in sorted((ROOT / "nnviz" / package).glob("*.py")):
            where = path.relative_to(ROOT / "nnviz").as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                    name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
                    if name not in classes:
                        warnings.append(f"nnviz/{where}:{node.lineno}: raises {name}, not a Message "
                                        "(nnviz/core/errors.py): its text cannot be translated")
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name == "__init__" and node.args and _str(node.args[0]) is not None:
                    entries.append(("errors", node.args[0].value, where))   # a Message's own text
                if name not in takes:
                    continue
                k = takes[name]
                arg = node.args[k] if len(node.args) > k else None
                texts = _templates(arg) if arg is not None else None
                if isinstance(arg, ast.Name) and arg.id == "template":
                    continue                          # passes its caller's template on
                if texts is None:
                    warnings.append(f"nnviz/{where}:{node.lineno}: the text of {name}() must be a "
                                    "string literal (put the values in fields)")
                else:
                    entries += [("errors", t, where) for t in texts]
    return entries, warnings


def collect():
    """(entries, warnings): entries is [(context, text, where)] in a stable order."""
    entries, warnings = [], []
    for path in sorted(GUI.glob("*.py")):
        if path == STRINGS:
            continue
        found, warn = _Analyzer(path).run()
        entries += found
        warnings += warn
    found, warn = error_strings()
    entries += found
    warnings += warn
    for ctx, texts in runtime_strings():
        entries += [(ctx, t, "runtime") for t in texts if t and t.strip()]
    entries += pyqtgraph_strings()
    seen, out = set(), []
    for ctx, text, where in entries:
        if (ctx, text) not in seen:
            seen.add((ctx, text))
            out.append((ctx, text, where))
    return out, warnings


def _py(text):
    """A Python string literal lupdate reads back as ``text`` (double-quoted, one line)."""
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{body}"'


def strings_module(entries):
    lines = ['"""Strings that reach Qt\'s translation only at run time, or through an alias of tr().',
             "",
             "GENERATED by packaging/update_translations.py; do not edit. Each entry marks a text",
             "for lupdate under the context the code looks it up in; nothing imports this module.",
             '"""',
             "from PySide6.QtCore import QT_TRANSLATE_NOOP",
             "",
             "STRINGS = ("]
    for ctx, text, where in entries:
        lines.append(f"    QT_TRANSLATE_NOOP({_py(ctx)}, {_py(text)}),  # {where}")
    lines.append(")")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- tools
def qt_tool(name):
    """The command that runs Qt's ``name`` (lupdate, lrelease) shipped with PySide6."""
    cmd = qttools.qt_tool(name)
    if cmd is None:
        raise SystemExit(f"update_translations: Qt's {name} not found (pip install PySide6-Essentials)")
    return cmd


def lupdate(ts, *extra):
    cmd = qt_tool("lupdate") + ["-no-obsolete", "-locations", "absolute", *extra,
                                *sorted(str(p) for p in GUI.glob("*.py")), "-ts", str(ts)]
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def lrelease(ts, qm=None):
    qt_tool("lrelease")
    return qttools.lrelease(ts, qm or ts.with_suffix(".qm"))


def stale_qm():
    """The committed .qm files that are not their .ts compiled (missing or other bytes)."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in sorted(TRANSLATIONS.glob("nnviz_*.ts")):
            qm = ts.with_suffix(".qm")
            fresh = lrelease(ts, Path(tmp) / qm.name)
            if not qm.exists() or qm.read_bytes() != fresh.read_bytes():
                out.append(qm)
    return out


# ---------------------------------------------------------------- the .ts file
def _messages(root):
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, context, message


def finished(message):
    tr = message.find("translation")
    return tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished") \
        and bool((tr.text or "").strip())


def memory(ts):
    """{(context, source): translation} and {source: {translations}} of the finished entries."""
    exact, by_source = {}, {}
    if ts.exists():
        for ctx, _, m in _messages(ET.parse(ts).getroot()):
            if finished(m):
                src, text = m.findtext("source"), m.find("translation").text
                exact[(ctx, src)] = text
                by_source.setdefault(src, set()).add(text)
    return exact, by_source


def _esc(text, attr=False):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace('"', "&quot;").replace("'", "&apos;")
    return text


def write_ts(root, path):
    """Write the tree in lupdate's own layout, so that lupdate and this script agree."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>"]
    attrs = "".join(f' {k}="{_esc(v)}"' for k, v in root.attrib.items())
    out.append(f"<TS{attrs}>")
    for context in root.iter("context"):
        if not context.findall("message"):
            continue
        out.append("<context>")
        out.append(f"    <name>{_esc(context.findtext('name') or '')}</name>")
        for m in context.findall("message"):
            attrs = "".join(f' {k}="{_esc(v)}"' for k, v in m.attrib.items())
            out.append(f"    <message{attrs}>")
            for child in m:
                attrs = "".join(f' {k}="{_esc(v)}"' for k, v in child.attrib.items())
                if child.tag == "location":
                    out.append(f"        <location{attrs}/>")
                elif len(child):                            # numerus forms
                    out.append(f"        <{child.tag}{attrs}>")
                    for form in child:
                        out.append(f"            <{form.tag}>{_esc(form.text or '')}</{form.tag}>")
                    out.append(f"        </{child.tag}>")
                else:
                    out.append(f"        <{child.tag}{attrs}>{_esc(child.text or '')}</{child.tag}>")
            out.append("    </message>")
        out.append("</context>")
    out.append("</TS>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def update_ts(ts, language, entries):
    """lupdate into ``ts``, then tidy it up; returns the unfinished (context, source)."""
    exact, by_source = memory(ts)
    lupdate(ts, "-target-language", language)
    root = ET.parse(ts).getroot()
    covered = {text for _, text, _ in entries}
    for context in list(root.iter("context")):
        if (context.findtext("name") or "") != "":
            continue
        for m in list(context.findall("message")):  # lupdate's copies of aliased tr() literals
            if m.findtext("source") in covered:
                context.remove(m)
            else:
                print(f"  warning: no context for {m.findtext('source')!r} "
                      f"({m.find('location').get('filename')}); list it in runtime_strings()")
    todo = []
    for ctx, _, m in _messages(root):
        if finished(m):
            continue
        src, tr = m.findtext("source"), m.find("translation")
        text = exact.get((ctx, src))
        if text is None and len(by_source.get(src, ())) == 1:
            text = next(iter(by_source[src]))       # the same words moved to another context
        if text is not None:
            tr.text = text
            tr.attrib.pop("type", None)
        else:
            todo.append((ctx, src))
    write_ts(root, ts)
    return todo


# ---------------------------------------------------------------- the slides' words
#: The lecture's Japanese terms (README, Japanese and English: the slides' words) that the window must say
#: where their concepts appear: each one is in at least one Japanese translation.
TERMS = ("誤差", "誤差関数", "誤差曲面", "勾配降下法", "確率的勾配降下法", "ミニバッチ勾配降下法", "学習率",
         "モメンタム", "ソフトマックス関数", "恒等写像", "交差エントロピー", "二乗誤差", "教師信号",
         "局所解", "大域解", "誤差逆伝播法")
#: Words the slides never use → the slides' word.
AVOID = {"損失": "誤差 / 誤差関数"}
#: English prose in a Japanese translation: a sentence (or a name formatted into one) left
#: untranslated. Names and symbols (ReLU, tanh, SGD, σ) are not prose and may stay.
LEAKS = re.compile(r"\b(identity|squared|error|loss|the|of|at|with|is)\b", re.IGNORECASE)
_MARKUP = re.compile(r"\{[^{}]*\}|%n|%\d|</?[a-zA-Z][^>]*>")


def wording(ts):
    """What in the Japanese ``ts`` strays from the slides' words, as readable lines: a word
    of :data:`AVOID`, a term of :data:`TERMS` found in no translation, English prose
    (:data:`LEAKS`) in a translation (placeholders and tags aside)."""
    problems, texts = [], []
    for ctx, _, m in _messages(ET.parse(ts).getroot()):
        text = m.findtext("translation") or ""
        texts.append(text)
        for word, instead in AVOID.items():
            if word in text:
                problems.append(f"[{ctx}] {word} (the slides say {instead}): {text!r}")
        leak = LEAKS.search(html.unescape(_MARKUP.sub(" ", text)))
        if leak:
            problems.append(f"[{ctx}] English {leak.group(0)!r} left in: {text!r}")
    everything = "\n".join(texts)
    problems += [f"the slides' term {term} is in no translation" for term in TERMS if term not in everything]
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing: exit 1 when strings.py is stale or a .ts is incomplete")
    args = parser.parse_args(argv)

    entries, warnings = collect()
    for w in warnings:
        print("  warning:", w)
    text = strings_module(entries)
    if args.check:
        stale = not STRINGS.exists() or STRINGS.read_text(encoding="utf-8") != text
        todo = []
        for ts in sorted(TRANSLATIONS.glob("nnviz_*.ts")):
            todo += [m.findtext("source") for _, _, m in _messages(ET.parse(ts).getroot())
                     if not finished(m)]
        words = [p for key in LANGUAGES if key == "ja" for p in wording(TRANSLATIONS / f"nnviz_{key}.ts")]
        for problem in words:
            print("  wording:", problem)
        old = stale_qm()
        for qm in old:
            print(f"  {qm.name} is not its .ts compiled (run the script without --check)")
        print(f"strings.py {'is stale' if stale else 'is up to date'}; {len(todo)} untranslated; "
              f"{len(words)} wording problems; {len(old)} stale .qm")
        return int(stale or bool(todo) or bool(words) or bool(old))
    if not STRINGS.exists() or STRINGS.read_text(encoding="utf-8") != text:
        STRINGS.write_text(text, encoding="utf-8")
        print(f"wrote {STRINGS.relative_to(ROOT)} ({len(entries)} entries)")
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for key, language in LANGUAGES.items():
        ts = TRANSLATIONS / f"nnviz_{key}.ts"
        todo = update_ts(ts, language, entries)
        total = sum(1 for _ in _messages(ET.parse(ts).getroot()))
        print(f"{ts.relative_to(ROOT)}: {total} messages, {len(todo)} untranslated")
        for ctx, src in todo:
            print(f"  [{ctx}] {src!r}")
        for problem in wording(ts) if key == "ja" else ():
            print("  wording:", problem)
        print(f"compiled {lrelease(ts).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
