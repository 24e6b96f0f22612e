"""Colours shared by the views: one diverging map for signed values, class colours, run colours.

Following TensorFlow Playground: orange for negative, white at zero, blue for
positive. Views look colours up in a fixed 256-entry table with fixed levels,
so a colour never jumps between frames.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

NEG, MID, POS = (245, 147, 34), (232, 234, 235), (8, 119, 189)
#: Class colours for up to ten classes; class 0 and 1 match the diverging map's ends.
CLASS_COLORS = [NEG, POS, (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75),
                (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)]
#: The runs of a comparison: distinct on white and on a projector (the loss view draws them too).
RUN_COLORS = ((8, 119, 189), (230, 85, 13), (44, 160, 44), (148, 103, 189))


def diverging_lut(n=256):
    """(n, 3) uint8 RGB table from NEG (index 0) through MID to POS (index n − 1)."""
    t = np.linspace(-1.0, 1.0, n)[:, None]
    neg, mid, pos = (np.array(c, dtype=float) for c in (NEG, MID, POS))
    rgb = np.where(t < 0, mid + (neg - mid) * -t, mid + (pos - mid) * t)
    return np.round(rgb).astype(np.uint8)


LUT = diverging_lut()


def finite(values):
    """``np.nan_to_num(values)`` as a new float array (NaN → 0, ±inf → ± the largest float),
    fast for the small arrays drawn every frame: NumPy's own spends ~30 µs in Python."""
    a = np.array(values, dtype=float)
    bad = ~np.isfinite(a)
    if bad.any():
        a[bad] = np.nan_to_num(a[bad])
    return a


def lut_index(values, vmax):
    """Indices into :data:`LUT` for ``values`` on the fixed range [−vmax, vmax] (NaN: the middle)."""
    x = np.clip(np.asarray(values, dtype=float) / max(vmax, 1e-12), -1.0, 1.0)
    x = np.where(np.isnan(x), 0.0, x)             # a scalar too (diverged values are NaN)
    return np.round((x + 1.0) * 0.5 * (len(LUT) - 1)).astype(int)


def qcolor(rgb, alpha=255):
    return QColor(int(rgb[0]), int(rgb[1]), int(rgb[2]), alpha)


def class_color(k, alpha=255):
    return qcolor(CLASS_COLORS[k % len(CLASS_COLORS)], alpha)
