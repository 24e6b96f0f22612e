"""Contour lines by marching squares in NumPy: the same lines as pyqtgraph's isocurve."""
import numpy as np
import pyqtgraph.functions as fn
import pytest

from nnviz.gui.plots import ContourLines, contour_segments

Y, X = np.mgrid[0:48, 0:64] / 47 * 6 - 3


def length(lines):
    return sum(np.hypot(*np.diff(np.asarray(p, float), axis=0).T).sum() for p in lines)


@pytest.mark.parametrize("Z, level", [(X ** 2 + Y ** 2, 2.0), (X + 0.3 * Y, 0.5),
                                      (np.tanh(X * Y / 2 + np.sin(X)), 0.5), (np.sin(X) * Y, -1.0)])
def test_the_lines_are_pyqtgraphs(Z, level):
    """Same crossings (linear on each edge), same reach (to the image's edge): same length."""
    ours = contour_segments(Z, level)
    theirs = fn.isocurve(Z.T, level, connected=True, extendToEdge=True)
    assert len(ours) > 10 and length(ours) == pytest.approx(length(theirs), rel=1e-9)
    assert ours[..., 0].min() >= 0 and ours[..., 0].max() <= 64 and ours[..., 1].max() <= 48


def test_a_straight_line_lands_where_the_values_say():
    Z = np.tile([0.0, 1.0, 2.0, 3.0], (3, 1))          # x = column; centres at 0.5, 1.5, …
    segs = contour_segments(Z, 1.25)
    assert np.allclose(segs[..., 0], 1.75)              # a quarter of the way from 1.5 to 2.5
    assert segs[..., 1].min() == 0 and segs[..., 1].max() == 3   # from edge to edge


@pytest.mark.parametrize("level, cut_off", [(0.4, [(1, 0), (0, 1)]), (0.6, [(0, 0), (1, 1)])])
def test_a_saddle_cell_follows_its_centre(level, cut_off):
    """[[1, 0], [0, 1]]: centre 0.5. Below it the ones join through the centre and the
    zeros are cut off; above it the other way round."""
    Z = np.array([[1.0, 0.0], [0.0, 1.0]])
    segs = contour_segments(Z, level)
    inner = [s for s in segs if np.all((s >= 0.5) & (s <= 1.5))]    # the middle cell's two pieces
    assert len(inner) == 2
    for s in inner:                                     # each cuts off one corner's value
        corner = np.round(s.mean(axis=0) - 0.5).astype(int)           # (x, y) of the nearer centre
        assert (corner[1], corner[0]) in [(r, c) for r, c in cut_off]


def test_nan_and_out_of_range():
    Z = X + Y
    Z[10:20, 10:20] = np.nan
    segs = contour_segments(Z, 0.0)
    assert len(segs) and np.isfinite(segs).all()
    assert contour_segments(Z, 100.0).shape == (0, 2, 2)
    assert contour_segments(np.empty((0, 5)), 0.0).shape == (0, 2, 2)          # nothing to draw
    assert len(contour_segments(np.array([[0.0, 1.0, 2.0]]), 0.5)) == 2        # one row: edge to edge


def test_the_item_draws_every_level_and_clears(qapp):
    item = ContourLines((60, 60, 60))
    item.set_data(X ** 2 + Y ** 2, [1.0, 4.0])
    n = len(contour_segments(X ** 2 + Y ** 2, 1.0)) + len(contour_segments(X ** 2 + Y ** 2, 4.0))
    assert item.path().elementCount() == 2 * n
    item.set_data(None)
    assert item.path().elementCount() == 0 and item.data is None
