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
