"""Test configuration: Qt runs on the offscreen platform, never on a real display."""
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"


import contextlib
import tracemalloc

import pytest


@pytest.fixture
def peak_memory():
    """``with peak_memory() as peak: ...`` then ``peak()``: the most bytes Python and NumPy
    held at once inside the block (tracemalloc), to show a loader refused a file early."""
    @contextlib.contextmanager
    def measure():
        tracemalloc.start()
        result = {}
        try:
            yield lambda: result["peak"]
        finally:
            result["peak"] = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    return measure


# Two scenes whose claims the explore and hidden-view tests check (nnviz/resources/presets).
@pytest.fixture
def local_minima():
    """Restarts: a 2-2-1 net on XOR, full-batch GD with a small L2 penalty, so that every run
    stops at a strict minimum (‖∇L‖ ≤ 10⁻³), and different seeds stop at different ones."""
    from nnviz.training.scenes import scene
    return scene("local_minima").settings


@pytest.fixture
def hidden_linear():
    """Linearisation: circles through a 4-2 tanh net; after 2,500 full-batch steps (its length) the data in
    the two-unit last hidden layer are separated by the output unit's line (≥ 95 % on test)."""
    from nnviz.training.scenes import scene
    return scene("hidden_linear").settings


@pytest.fixture
def japanese_font(qapp):
    """Skips the test where no installed font has Japanese characters (text that must show
    in Japanese would be empty boxes; nnviz itself then says so: see no_japanese_font)."""
    from PySide6.QtGui import QFontDatabase
    from nnviz.gui.i18n import NO_JAPANESE_FONT
    if not QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        pytest.skip(NO_JAPANESE_FONT)


@pytest.fixture
def no_japanese_font(tmp_path):
    """The environment of a process whose fontconfig knows one Latin font and no Japanese one
    (no font at all where fc-list finds none): a machine without a Japanese font, whatever
    this one has."""
    import shutil
    import subprocess
    (tmp_path / "fonts").mkdir()
    if shutil.which("fc-list"):
        listed = lambda pattern: set(subprocess.run(["fc-list", "-f", "%{file}\n", pattern], text=True,  # noqa: E731
                                                    capture_output=True).stdout.split())
        latin = sorted(listed(":lang=en") - listed(":lang=ja"))
        if latin:
            (tmp_path / "fonts" / os.path.basename(latin[0])).symlink_to(latin[0])
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f'<dir>{tmp_path / "fonts"}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>',
                    encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}
