"""Regenerate nnviz's translation source (Qt Linguist .ts) from the code, and compile it.

Usage, from anywhere, with the Python that has PySide6 (the project's venv):

    .venv/bin/python packaging/update_translations.py            # nnviz_*.ts and their .qm
    .venv/bin/python packaging/update_translations.py --check    # change nothing; exit 1 when
                                                                 # a .ts has untranslated
                                                                 # entries, a .qm is not its
                                                                 # .ts compiled, or the Japanese
                                                                 # leaves the slides' words

Every string is marked where it is written, and Qt's lupdate reads it there:

- **The window's words** (nnviz/gui): ``self.tr("…")`` in a class (context: the class's
  name), ``QCoreApplication.translate("ctx", "…")``, and ``QT_TRANSLATE_NOOP("ctx", "…")``
  where a text is defined apart from where it is translated (a table of tips, the arena's
  surfaces). The code then translates the value in that same context.
- **The core's words** (nnviz/core, nnviz/training, which have no Qt): every error, raised as
  a :class:`nnviz.core.errors.Message` subclass with a literal English template, and every
  :class:`~nnviz.core.errors.Term`: the names of the activations, losses, optimisers,
  initialisations and data sets. lupdate reads those calls as ``QT_TR_NOOP``
  (``-tr-function-alias``; the Message classes are found by importing the core), all in one
  context, the unnamed one (``""``), where :func:`nnviz.gui.i18n.word` and
  :func:`~nnviz.gui.i18n.explain` look them up.
- **Texts in data files**: the presets' titles, claims and run labels
  (nnviz/resources/presets/*.json), context "presets". lupdate reads no JSON: this script
  adds them.
- **pyqtgraph's menus and dialogs** (a plot's right-click menu, its export dialog): lupdate
  reads pyqtgraph's own files (:data:`PYQTGRAPH`); nnviz/gui/i18n.py marks the exporters'
  names.

The script runs ``pyside6-lupdate -no-obsolete -locations none`` (no file names or line
numbers, so a .ts changes only with its strings) into each
``nnviz/resources/translations/nnviz_<lang>.ts``, keeping the existing translations; fills an
entry that moved to another context from the previous .ts (the same source, one translation);
and compiles every .ts to the .qm beside it with lrelease. The .qm is committed (lrelease is
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
import html
import importlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "nnviz"
TRANSLATIONS = PACKAGE / "resources" / "translations"
PRESETS = PACKAGE / "resources" / "presets"
LANGUAGES = {"ja": "ja_JP"}           # nnviz_<key>.ts → its target language
CORE = ("core", "training")           # the Qt-free packages whose words the window shows

if str(ROOT) not in sys.path:          # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from nnviz import qttools  # noqa: E402


# ---------------------------------------------------------------- what lupdate reads
#: pyqtgraph modules whose strings nnviz's plots show: the context menu of every plot
#: (right click), its "Plot Options" and axis panels, and the export dialog.
PYQTGRAPH = ["GraphicsScene/GraphicsScene.py", "GraphicsScene/exportDialog.py",
             "GraphicsScene/exportDialogTemplate_generic.py", "graphicsItems/ViewBox/ViewBoxMenu.py",
             "graphicsItems/ViewBox/axisCtrlTemplate_generic.py", "graphicsItems/PlotItem/PlotItem.py",
             "graphicsItems/PlotItem/plotConfigTemplate_generic.py", "exporters/ImageExporter.py",
             "exporters/SVGExporter.py", "exporters/CSVExporter.py", "exporters/PrintExporter.py"]


def sources():
    """The files lupdate reads: nnviz's modules, and pyqtgraph's that nnviz shows."""
    files = sorted(str(p) for p in PACKAGE.rglob("*.py"))
    try:
        import pyqtgraph
    except ImportError:
        return files
    base = Path(pyqtgraph.__file__).resolve().parent
    return files + [str(base / rel) for rel in PYQTGRAPH if (base / rel).exists()]


def message_classes():
    """The names of every :class:`nnviz.core.errors.Message` subclass in the core (imports it)."""
    from nnviz.core.errors import Message
    for package in CORE:
        for path in sorted((PACKAGE / package).glob("*.py")):
            importlib.import_module(f"nnviz.{package}.{path.stem}")
    names, todo = set(), [Message]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo += cls.__subclasses__()
    return sorted(names)


def aliases():
    """lupdate's -tr-function-alias: a Message's template and a Term are the core's QT_TR_NOOP,
    pyqtgraph's ``_translate`` is ``translate``."""
    return ",".join([*(f"QT_TR_NOOP+={name}" for name in [*message_classes(), "Term"]),
                     "translate+=_translate"])


def preset_texts():
    """Every preset's title, claim and run labels (the window translates them in context "presets")."""
    from nnviz.training.scenes import load_scenes
    texts = [text for s in load_scenes() for text in (s.title, s.claim, *(label for label, _ in s.variants))]
    return list(dict.fromkeys(t for t in texts if t and t.strip()))


# ---------------------------------------------------------------- tools
def qt_tool(name):
    """The command that runs Qt's ``name`` (lupdate, lrelease) shipped with PySide6."""
    cmd = qttools.qt_tool(name)
    if cmd is None:
        raise SystemExit(f"update_translations: Qt's {name} not found (pip install PySide6-Essentials)")
    return cmd


def lupdate(ts, *extra):
    cmd = qt_tool("lupdate") + ["-no-obsolete", "-locations", "none", "-tr-function-alias", aliases(), *extra,
                                *sources(), "-ts", str(ts)]
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
                if len(child):                              # numerus forms
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


def add_context(root, name, texts):
    """Add ``texts`` (unfinished) to context ``name`` of the .ts tree, after lupdate's."""
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = name
    for text in texts:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")


def update_ts(ts, language):
    """lupdate into ``ts``, add the presets, keep every translation; returns the unfinished
    (context, source)."""
    exact, by_source = memory(ts)
    lupdate(ts, "-target-language", language)
    root = ET.parse(ts).getroot()
    add_context(root, "presets", preset_texts())
    for _, _, m in _messages(root):       # lupdate reads the code's "#:" notes as comments for the
        for note in m.findall("extracomment"):     # translator, each on the next string: not ours
            m.remove(note)
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
                        help="change nothing: exit 1 when a .ts is incomplete or a .qm stale")
    args = parser.parse_args(argv)

    if args.check:
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
        print(f"{len(todo)} untranslated; {len(words)} wording problems; {len(old)} stale .qm")
        return int(bool(todo) or bool(words) or bool(old))
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for key, language in LANGUAGES.items():
        ts = TRANSLATIONS / f"nnviz_{key}.ts"
        todo = update_ts(ts, language)
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
