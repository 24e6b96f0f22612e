"""The activation gallery: all nine of the lecture's table, f and f' drawn from the registry."""
import numpy as np
import pytest

from nnviz.core.activations import ACTIVATIONS
from nnviz.gui.gallery import ActivationGallery, U


@pytest.fixture(scope="module")
def gallery(qapp):
    """One gallery for the module: it is built once and never changes but for its highlight."""
    g = ActivationGallery()
    yield g
    g.deleteLater()


def test_nine_plots_in_the_registry_order(gallery):
    assert [cell.name for cell in gallery.cells] == list(ACTIVATIONS)
    assert len({id(cell.plot) for cell in gallery.cells}) == 9


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_curves_are_f_and_its_derivative(gallery, name):
    cell = next(c for c in gallery.cells if c.name == name)
    act = ACTIVATIONS[name]
    x, f = cell.f_curve.getData()
    x2, df = cell.df_curve.getData()
    assert np.array_equal(x, U) and np.array_equal(x2, U)
    assert U[0] == -4 and U[-1] == 4 and 0.0 in U
    assert np.array_equal(f, act.f(U))
    assert np.array_equal(df, act.df(U, act.f(U)))
    assert act.formula in cell.caption.text() and act.derivative in cell.caption.text()


def test_jumps_are_not_connected():
    from nnviz.gui.gallery import _jumps
    connect, jumps = _jumps(ACTIVATIONS["step"].f(U))
    i = int(np.flatnonzero(U == 0)[0])
    assert list(jumps) == [i - 1] and not connect[i - 1] and connect[:i - 1].all()
    assert len(_jumps(ACTIVATIONS["tanh"].f(U))[1]) == 0


def test_set_highlight_marks_exactly_the_given_names(gallery):
    assert gallery.highlighted() == set()
    gallery.set_highlight({"tanh", "relu"})
    assert gallery.highlighted() == {"tanh", "relu"}
    bold = {c.name for c in gallery.cells if c.title.font().bold()}
    framed = {c.name for c in gallery.cells if "solid #d5d9dc" not in c.styleSheet()}
    assert bold == framed == {"tanh", "relu"}
    gallery.set_highlight(["sigmoid", None, "softmax"])   # a network's layer list: others ignored
    assert gallery.highlighted() == {"sigmoid"}
    assert {c.name for c in gallery.cells if c.title.font().bold()} == {"sigmoid"}
