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
