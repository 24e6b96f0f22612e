"""The output view follows the network: heatmap or curve from real snapshots, data points, clicks."""
import numpy as np
import pytest

from nnviz.gui.colors import CLASS_COLORS, LUT, MID, NEG, POS, lut_index
from nnviz.gui.output_view import OutputView, pretty_name
from nnviz.training.trainer import Settings, load_data


def make_view(qtbot, snapshot_factory, steps=20, **settings):
    """An OutputView with the data and one real snapshot of a run with ``settings``."""
    view = OutputView()
    qtbot.addWidget(view)
    view.set_data(load_data(Settings(**settings)))
    snap = snapshot_factory(steps=steps, **settings)
    view.show_snapshot(snap)
    return view, snap


def test_xor_heatmap_follows_the_output(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, steps=100, eps=0.3)
    img = view.image.image
    y = snap.grid_z[-1][:, :, 0]
    assert img.shape == (64, 64, 4) and view.image.isVisible()
    rgb = img[..., :3].astype(int)
    blue, orange = y > 0.55, y < 0.45
    assert blue.any() and orange.any()
    assert np.all(rgb[blue][:, 2] > rgb[blue][:, 0])        # y > 0.5: blue-ish (class 1)
    assert np.all(rgb[orange][:, 0] > rgb[orange][:, 2])    # y < 0.5: orange-ish (class 0)
    # Row i is x2 = ys[i], column j is x1 = xs[j]: the image sits on the extent.
    rect = view.image.mapRectToParent(view.image.boundingRect())
    x0, x1, y0, y1 = snap.extent
    assert rect.left() < x0 < rect.left() + 0.2 and rect.right() > x1 > rect.right() - 0.2
    assert rect.top() < y0 < rect.top() + 0.2 and rect.bottom() > y1 > rect.bottom() - 0.2


def test_heatmap_pixel_colours_are_the_lut(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory)
    y = np.full((64, 64, 1), 0.5)
    y[0, 0, 0], y[0, 1, 0] = 1.0, 0.0
    img = view.heatmap(y, "binary")
    assert tuple(img[5, 5, :3]) == tuple(LUT[lut_index(0.0, 1.0)])       # y = 0.5: the white middle
    assert tuple(img[0, 0, :3]) == POS and tuple(img[0, 1, :3]) == NEG


def test_discretize_gives_exactly_two_colours(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, steps=100, eps=0.3)
    assert len(np.unique(view.image.image.reshape(-1, 4), axis=0)) > 2
    view.discretize.setChecked(True)
    colours = {tuple(c) for c in np.unique(view.image.image[..., :3].reshape(-1, 3), axis=0)}
    assert colours == {NEG, POS}
    view.discretize.setChecked(False)
    assert len(np.unique(view.image.image.reshape(-1, 4), axis=0)) > 2


def test_test_points_can_be_hidden(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory)
    ds = view.dataset
    assert view.points.test.isVisible() and len(view.points.test.data) == len(ds.X_test)
    assert len(view.points.train.data) == len(ds.X_train)
    view.show_test.setChecked(False)
    assert not view.points.test.isVisible() and view.points.train.isVisible()
    view.show_test.setChecked(True)
    assert view.points.test.isVisible()


def test_decision_boundary_only_for_binary(qtbot, snapshot_factory):
    view, _ = make_view(qtbot, snapshot_factory)
    assert view.boundary.isVisibleTo(view.image) and view.boundary.data is not None
    view, _ = make_view(qtbot, snapshot_factory, dataset="blobs", hidden=(8,))
    assert not view.boundary.isVisibleTo(view.image)


def test_multiclass_colours_the_argmax_class(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, steps=100, eps=0.3, dataset="blobs", hidden=(8,))
    y = snap.grid_z[-1]
    assert y.shape[2] == 3 and view.image.image.shape == (64, 64, 4)
    view.discretize.setChecked(True)
    img = view.image.image[..., :3]
    k = np.argmax(y, axis=2)
    assert np.array_equal(img, np.array(CLASS_COLORS, dtype=np.uint8)[k])
    view.discretize.setChecked(False)
    sure, unsure = y.max(axis=2) > 0.95, y.max(axis=2) < 0.5
    dist = np.abs(view.image.image[..., :3].astype(int) - np.array(MID)).sum(axis=2)
    if sure.any() and unsure.any():
        assert dist[sure].mean() > dist[unsure].mean()          # paler where less sure
    assert [p.brush().color().getRgb()[:3] for p in view.points.train.points()[:3]] == \
        [CLASS_COLORS[k] for k in view.dataset.labels_train[:3]]


def test_regression_surface_uses_symmetric_levels(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, dataset="surface")
    assert view.image.image.shape == (64, 64, 4) and not view.boundary.isVisibleTo(view.image)
    assert not view.curve.isVisible()


def test_one_input_shows_the_fitted_curve(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, dataset="sin")
    x, y = view.curve.getData()
    assert len(x) == 200 and np.allclose(x, snap.curve_x) and np.allclose(y, snap.curve_y[:, 0])
    assert view.curve.isVisible() and not view.image.isVisible()
    assert not view.discretize.isEnabled()
    ds = view.dataset
    train = np.column_stack([view.points.train.data["x"], view.points.train.data["y"]])
    assert np.allclose(train, np.column_stack([ds.X_train[:, 0], ds.d_train[:, 0]]))
    assert len(view.points.test.data) == len(ds.X_test)
    assert view.plot.getAxis("left").labelText == "y"


def test_click_emits_the_nearest_training_point(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory)
    view.resize(600, 500)
    X = view.dataset.X_train
    n = 17
    with qtbot.waitSignal(view.sample_clicked, timeout=1000) as blocker:
        assert view._click_at(X[n, 0] + 0.01, X[n, 1] - 0.01) == n
    assert blocker.args == [n]
    with qtbot.assertNotEmitted(view.sample_clicked):
        assert view._click_at(1e3, 1e3) is None


def test_selected_sample_is_ringed(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory)
    ring = view.points.ring.data
    assert len(ring) == 1
    assert (ring["x"][0], ring["y"][0]) == tuple(view.dataset.X_train[snap.sample])


def test_updates_create_no_items(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory)
    plot_items = list(view.plot.getPlotItem().items)
    scene_count = len(view.plot.scene().items())
    later = snapshot_factory(steps=30)
    for s in (snap, later, later):
        view.show_snapshot(s)
    view.discretize.setChecked(True)
    assert list(view.plot.getPlotItem().items) == plot_items
    assert len(view.plot.scene().items()) == scene_count


def test_stale_and_mismatched_snapshots_are_dropped(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory)
    newer = snapshot_factory(steps=5, version=2)
    view.show_snapshot(newer)
    before = view.image.image.copy()
    view.show_snapshot(snap)                                     # version 1 < 2: dropped
    assert np.array_equal(view.image.image, before)
    view.set_data(load_data(Settings(dataset="sin")))
    view.show_snapshot(snapshot_factory(steps=1, version=3))    # 2-D snapshot, 1-D data: dropped
    assert view.curve.getData()[0] is None or len(view.curve.getData()[0]) == 0


def test_axis_labels_and_caption(qtbot, snapshot_factory):
    view, _ = make_view(qtbot, snapshot_factory)
    assert pretty_name("x1") == "x₁" and pretty_name("age") == "age"
    assert view.plot.getAxis("bottom").labelText == "x₁"
    assert view.plot.getAxis("left").labelText == "x₂"
    assert "0.5" in view.caption.text() and "class 1" in view.caption.text()


@pytest.mark.parametrize("settings", [dict(dataset="spiral", hidden=(8, 8)), dict(dataset="moons")])
def test_other_data_sets_draw(qtbot, snapshot_factory, settings):
    view, snap = make_view(qtbot, snapshot_factory, steps=5, **settings)
    view.resize(600, 500)
    view.show()
    qtbot.waitExposed(view)
    assert not view.grab().isNull()


def test_real_mouse_click_selects_a_sample(qtbot, snapshot_factory):
    from PySide6.QtCore import QPointF, Qt
    view, snap = make_view(qtbot, snapshot_factory)
    view.resize(600, 500)
    view.show()
    qtbot.waitExposed(view)
    n = 5
    vb = view.plot.getPlotItem().vb
    scene_pos = vb.mapViewToScene(QPointF(*view.dataset.X_train[n]))
    pos = view.plot.mapFromScene(scene_pos)
    with qtbot.waitSignal(view.sample_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(view.plot.viewport(), Qt.LeftButton, pos=pos)
    assert blocker.args == [n]


def test_view_range_follows_the_snapshot_extent(qtbot, snapshot_factory):
    from dataclasses import replace
    view, snap = make_view(qtbot, snapshot_factory)
    vb = view.plot.getPlotItem().vb
    assert np.allclose(vb.viewRange(), np.reshape(snap.extent, (2, 2)))
    view.show_snapshot(replace(snap, extent=(-2.0, 2.0, -1.0, 1.0)))
    assert np.allclose(vb.viewRange(), [[-2, 2], [-1, 1]])
