"""Contour lines of a grid, fast: marching squares in NumPy, drawn as one path.

pyqtgraph's IsocurveItem traces each line point by point in Python (about 6 ms for
the output view's 64 × 64 grid, per level, on every redraw); here every cell of
every level is cut at once and the pieces are drawn as separate segments.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsPathItem

__all__ = ["contour_segments", "ContourLines"]


def contour_segments(Z, level):
    """The level set ``Z = level`` of a row-major grid as line segments, (S, 2, 2): S pairs
    of points (x, y) in the pixel coordinates of an ImageItem showing ``Z`` (pixel (i, j)
    spans [j, j + 1] × [i, i + 1], its value sits at its centre). Crossings are linear
    between neighbouring values; lines run on to the image's edge; NaN cells are left out.
    """
    Z = np.asarray(Z, dtype=float)
    n, m = Z.shape
    if not Z.size:
        return np.empty((0, 2, 2))
    P = np.pad(Z, 1, mode="edge")        # padded centres at −0.5 and n + 0.5: lines reach the edge
    up = P > level
    with np.errstate(invalid="ignore", divide="ignore"):
        th = (level - P[:, :-1]) / (P[:, 1:] - P[:, :-1])     # along rows, (n + 2, m + 1)
        tv = (level - P[:-1, :]) / (P[1:, :] - P[:-1, :])     # along columns, (n + 1, m + 2)
    cut_h, cut_v = up[:, :-1] != up[:, 1:], up[:-1, :] != up[1:, :]
    rows, cols = np.arange(n + 2)[:, None] - 0.5, np.arange(m + 2)[None, :] - 0.5
    h = np.stack(np.broadcast_arrays(cols[:, :-1] + th, rows), axis=-1)   # crossing points
    v = np.stack(np.broadcast_arrays(cols, rows[:-1] + tv), axis=-1)
    # each cell's four edges in turn: top, right, bottom, left
    pts = np.stack([h[:-1], v[:, 1:], h[1:], v[:, :-1]], axis=2)          # (n + 1, m + 1, 4, 2)
    cut = np.stack([cut_h[:-1], cut_v[:, 1:], cut_h[1:], cut_v[:, :-1]], axis=2)
    count = cut.sum(axis=2)
    two = count == 2
    first = np.argsort(~cut[two], axis=1, kind="stable")[:, :2]             # the two cut edges
    segs = [np.take_along_axis(pts[two], first[:, :, None], axis=1)]
    four = count == 4                     # a saddle cell: pair the edges by the centre's side
    if four.any():
        i, j = np.nonzero(four)
        centre = (P[i, j] + P[i, j + 1] + P[i + 1, j] + P[i + 1, j + 1]) / 4 > level
        joined = centre == up[i, j]       # the top-left corner is joined to the centre
        q = pts[four]
        segs.append(np.where(joined[:, None, None], q[:, [0, 1]], q[:, [0, 3]]))
        segs.append(np.where(joined[:, None, None], q[:, [2, 3]], q[:, [2, 1]]))
    out = np.concatenate(segs)
    out = out[np.isfinite(out).all(axis=(1, 2))]
    np.clip(out[..., 0], 0, m, out=out[..., 0])
    np.clip(out[..., 1], 0, n, out=out[..., 1])
    return out


class ContourLines(QGraphicsPathItem):
    """The contour lines of a grid at one or more levels, as one path; make it a child of
    the ImageItem that shows the grid (``setParentItem(image)``) so they line up."""

    def __init__(self, pen, parent=None):
        super().__init__(parent)
        self.setPen(pg.mkPen(pen))
        self.data = None

    def set_data(self, Z, levels=()):
        """Draw the lines of ``Z`` (row-major) at ``levels``; ``Z`` None clears them."""
        self.data = Z
        segs = [contour_segments(Z, float(level)) for level in levels] if Z is not None else []
        segs = np.concatenate(segs) if segs else np.empty((0, 2, 2))
        self.setPath(pg.arrayToQPath(segs[..., 0].ravel(), segs[..., 1].ravel(), connect="pairs"))
