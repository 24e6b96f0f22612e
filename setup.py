"""Build hook: compile the translations (Qt Linguist .ts → .qm) when the package is built.

All metadata lives in pyproject.toml. ``build_py`` first runs PySide6's lrelease on every
``nnviz/resources/translations/*.ts`` and writes the ``.qm`` beside it in the source tree,
so that a regular install (``pip install .``: the wheel's package data) and an editable
install (``pip install -e .``: the source folder itself) both ship it. PySide6 is in
``[build-system] requires`` for that. Without lrelease the build goes on with a warning:
the app then compiles the .ts itself at start-up (nnviz.gui.app.install_translator).
"""
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from nnviz.qttools import lrelease  # noqa: E402  (stdlib only: nnviz/__init__ imports nothing)

TRANSLATIONS = Path("nnviz") / "resources" / "translations"


def compile_translations(out_dir=None, log=print):
    """Compile each .ts into a .qm beside it (or into ``out_dir``); returns the .qm paths."""
    sources = sorted((HERE / TRANSLATIONS).glob("*.ts"))
    if not sources:
        return []
    done = []
    for ts in sources:
        try:
            qm = lrelease(ts, Path(out_dir or ts.parent) / ts.with_suffix(".qm").name)
        except FileNotFoundError as exc:
            log(f"warning: {exc} not found; translations are compiled at run time")
            return done
        log(f"compiled {ts.name} -> {qm}")
        done.append(qm)
    return done


class BuildPyWithTranslations(build_py):
    """build_py that compiles nnviz's translations first."""

    def run(self):
        in_tree = True
        try:
            compile_translations(log=self.announce_info)
        except (OSError, subprocess.CalledProcessError) as exc:   # e.g. a read-only source tree
            self.warn(f"could not compile translations in the source tree: {exc}")
            in_tree = False
        self.__dict__.pop("data_files", None)        # rescan package data: it now holds the .qm
        super().run()
        if not in_tree and not getattr(self, "editable_mode", False):
            try:
                compile_translations(Path(self.build_lib) / TRANSLATIONS, log=self.announce_info)
            except (OSError, subprocess.CalledProcessError) as exc:
                self.warn(f"could not compile translations: {exc}")

    def announce_info(self, msg):
        self.announce(msg, level=2)


setup(cmdclass={"build_py": BuildPyWithTranslations})
