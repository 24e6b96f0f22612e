"""The colour helpers the views call every frame."""
import numpy as np

from nnviz.gui.colors import LUT, finite, lut_index


def test_finite_is_nan_to_num_on_a_new_array():
    a = np.array([[1.5, np.nan], [np.inf, -np.inf]])
    a.setflags(write=False)                          # snapshots are read-only
    out = finite(a)
    assert np.array_equal(out, np.nan_to_num(a)) and out is not a and out.flags.writeable
    assert np.array_equal(finite([1, 2]), [1.0, 2.0]) and finite([]).shape == (0,)


def test_lut_index_clips_and_puts_nan_in_the_middle():
    idx = lut_index(np.array([-2.0, -1.0, 0.0, 0.5, 1.0, np.inf, -np.inf, np.nan]), 1.0)
    mid, top = (len(LUT) - 1) // 2, len(LUT) - 1
    assert idx.tolist()[:3] == [0, 0, round(0.5 * top)] and idx[4] == top
    assert idx[5] == top and idx[6] == 0 and idx[7] == round(0.5 * top) and abs(idx[7] - mid) <= 1
    assert lut_index(np.float64(np.nan), 1.0) == idx[7] and lut_index(-3.0, 1.0) == 0   # scalars too
