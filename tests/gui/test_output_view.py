"""The output view follows the network: heatmap or curve from real snapshots, data points, clicks."""
import numpy as np
import pytest

from nnviz.gui.colors import CLASS_COLORS, LUT, MID, NEG, POS, lut_index
from nnviz.gui.output_view import OutputView
from nnviz.gui.plots import pretty_name
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


# ------------------------------------------------------------------ drawing your own data
def drawing_view(qtbot, snapshot_factory, **settings):
    view, snap = make_view(qtbot, snapshot_factory, **settings)
    view.resize(600, 500)
    view.draw_button.setChecked(True)
    return view, snap


def test_draw_adds_a_point_of_the_chosen_class(qtbot, snapshot_factory):
    view, _ = drawing_view(qtbot, snapshot_factory)
    old = view.dataset
    assert view.draw_class.count() == 2 and view.draw_class.isVisibleTo(view)
    view.draw_class.setCurrentIndex(0)
    with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
        assert view._draw_at(0.5, -0.25) == len(old.X_train)
        assert len(view.points.train.data) == len(old.X_train) + 1         # shown at once
    new = blocker.args[0]
    assert new.name == "drawn" and new.task == "binary" and new.classes == old.classes
    assert (new.input_names, new.target_name) == (old.input_names, old.target_name)
    assert len(new.X_train) == len(old.X_train) + 1 and len(new.X_test) == len(old.X_test)
    np.testing.assert_array_equal(new.X_train[-1], [0.5, -0.25])
    np.testing.assert_array_equal(new.d_train[-1], [0.0])
    np.testing.assert_array_equal(new.X_train[:-1], old.X_train)
    brush = view.points.train.points()[-1].brush().color().getRgb()[:3]
    assert brush == CLASS_COLORS[0]


def test_a_burst_of_clicks_emits_once(qtbot, snapshot_factory):
    view, _ = drawing_view(qtbot, snapshot_factory)
    n = len(view.dataset.X_train)
    emitted = []
    view.data_drawn.connect(emitted.append)
    view.draw_class.setCurrentIndex(1)
    for i in range(4):
        view._draw_at(i * 0.1, 1.0)
    qtbot.waitUntil(lambda: len(emitted) > 0, timeout=2000)
    qtbot.wait(400)
    assert len(emitted) == 1 and len(emitted[0].X_train) == n + 4
    np.testing.assert_array_equal(emitted[0].d_train[-4:, 0], [1, 1, 1, 1])


def test_multiclass_draws_one_hot_rows(qtbot, snapshot_factory):
    view, _ = drawing_view(qtbot, snapshot_factory, dataset="blobs", hidden=(8,))
    assert view.draw_class.count() == 3
    view.draw_class.setCurrentIndex(2)
    with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
        view._draw_at(1.0, 1.0)
    np.testing.assert_array_equal(blocker.args[0].d_train[-1], [0, 0, 1])
    assert blocker.args[0].labels_train[-1] == 2


def test_regression_draws_the_value_or_the_height(qtbot, snapshot_factory):
    view, _ = drawing_view(qtbot, snapshot_factory, dataset="surface")
    assert view.draw_value.isVisibleTo(view) and not view.draw_class.isVisibleTo(view)
    view.draw_value.setValue(-0.75)
    with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
        view._draw_at(1.0, 2.0)
    assert blocker.args[0].task == "regression"
    np.testing.assert_array_equal(blocker.args[0].d_train[-1], [-0.75])
    view, _ = drawing_view(qtbot, snapshot_factory, dataset="sin")          # 1-D: (x, d)
    assert not view.draw_value.isVisibleTo(view) and view.draw_button.isEnabled()
    with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
        view._draw_at(0.3, 0.9)
    ds = blocker.args[0]
    assert (ds.X_train[-1, 0], ds.d_train[-1, 0]) == (0.3, 0.9)


def test_erase_removes_the_nearest_point(qtbot, snapshot_factory):
    view, _ = drawing_view(qtbot, snapshot_factory)
    old = view.dataset
    X, T = old.X_train, old.X_test
    assert view._erase_at(1e3, 1e3) is None                       # nothing within 10 px
    with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
        assert view._erase_at(X[7, 0] + 0.01, X[7, 1]) == ("train", 7)
        assert view._erase_at(T[3, 0], T[3, 1] - 0.01) == ("test", 3)
        assert len(view.points.test.data) == len(T) - 1
    new = blocker.args[0]
    np.testing.assert_array_equal(new.X_train, np.delete(X, 7, axis=0))
    np.testing.assert_array_equal(new.d_train, np.delete(old.d_train, 7, axis=0))
    np.testing.assert_array_equal(new.X_test, np.delete(T, 3, axis=0))
    view.show_test.setChecked(False)                               # hidden test points are not erased
    alone = next(t for t in new.X_test if np.hypot(*(new.X_train - t).T).min() > 1.0)
    assert view._erase_at(*alone) is None
    view.show_test.setChecked(True)
    assert view._erase_at(*alone)[0] == "test"


def test_clear_and_the_last_training_point_stays(qtbot, snapshot_factory):
    view, _ = drawing_view(qtbot, snapshot_factory)
    view.erase_button.setChecked(True)
    view.clear_button.click()
    assert len(view.points.train.data) == 0 and len(view.points.test.data) == 0
    assert "at least one" in view.draw_status.full_text()
    with qtbot.assertNotEmitted(view.data_drawn, wait=500):     # no data set without a training row
        pass
    with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
        view._draw_at(1.0, 1.0)
    ds = blocker.args[0]
    assert (len(ds.X_train), len(ds.X_test)) == (1, 0)
    with qtbot.assertNotEmitted(view.data_drawn, wait=500):
        assert view._erase_at(1.0, 1.0) is None
    assert "last training point" in view.draw_status.full_text()
    assert len(view.points.train.data) == 1
    view._draw_at(-2.0, -2.0)
    assert view._erase_at(1.0, 1.0) == ("train", 0)
    with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
        pass
    np.testing.assert_array_equal(blocker.args[0].X_train, [[-2.0, -2.0]])


def test_mouse_clicks_draw_in_draw_mode_and_select_otherwise(qtbot, snapshot_factory):
    from PySide6.QtCore import QPointF, Qt
    view, snap = make_view(qtbot, snapshot_factory)
    view.resize(600, 500)
    view.show()
    qtbot.waitExposed(view)
    vb = view.plot.getPlotItem().vb
    n = 5
    pos = view.plot.mapFromScene(vb.mapViewToScene(QPointF(*view.dataset.X_train[n])))
    with qtbot.assertNotEmitted(view.data_drawn, wait=400):
        with qtbot.waitSignal(view.sample_clicked, timeout=1000) as blocker:
            qtbot.mouseClick(view.plot.viewport(), Qt.LeftButton, pos=pos)
    assert blocker.args == [n]
    size = len(view.dataset.X_train)
    top = view.plot.mapToGlobal(view.plot.rect().topLeft())
    view.draw_button.setChecked(True)
    qtbot.wait(50)
    assert view.plot.mapToGlobal(view.plot.rect().topLeft()) == top      # the plot does not jump
    assert view.draw_status.full_text() and view.erase_button.isVisibleTo(view)
    pos = view.plot.mapFromScene(vb.mapViewToScene(QPointF(*view.dataset.X_train[n])))   # axes settled
    with qtbot.assertNotEmitted(view.sample_clicked):
        with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
            qtbot.mouseClick(view.plot.viewport(), Qt.LeftButton, pos=pos)
    assert len(blocker.args[0].X_train) == size + 1
    np.testing.assert_allclose(blocker.args[0].X_train[-1], view.dataset.X_train[n], atol=0.1)
    view.draw_button.setChecked(False)
    assert not view.erase_button.isVisibleTo(view) and not view.draw_status.full_text()


def test_drawn_data_coming_back_keep_newer_edits(qtbot, snapshot_factory):
    view, _ = drawing_view(qtbot, snapshot_factory)
    with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
        view._draw_at(0.0, 0.0)
    first = blocker.args[0]
    view._draw_at(1.0, 1.0)                                         # still pending…
    view.set_data(first)                                            # …when the first comes back
    assert len(view.points.train.data) == len(first.X_train) + 1
    with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
        pass
    assert len(blocker.args[0].X_train) == len(first.X_train) + 1
    view._draw_at(2.0, 2.0)
    view.set_data(load_data(Settings()))                            # other data: the edit is void
    with qtbot.assertNotEmitted(view.data_drawn, wait=500):
        pass
    assert view.draw_button.isChecked()                             # the mode stays on


def test_drawing_needs_two_inputs_or_a_1d_regression(qtbot, snapshot_factory):
    view, _ = drawing_view(qtbot, snapshot_factory)
    view.set_data(load_data(Settings(dataset="slides")))
    assert not view.draw_button.isEnabled() and not view.draw_button.isChecked()
    assert view._draw_at(0.0, 0.0) is None and view._erase_at(0.0, 0.0) is None


def test_drawing_row_creates_no_plot_items(qtbot, snapshot_factory):
    view, snap = drawing_view(qtbot, snapshot_factory)
    plot_items = list(view.plot.getPlotItem().items)
    for i in range(3):
        view._draw_at(i, i)
    view._erase_at(0, 0)
    view.clear_button.click()
    view.show_snapshot(snap)
    assert list(view.plot.getPlotItem().items) == plot_items


def test_drawing_after_clear_keeps_usable_axes_and_stores_each_point_where_clicked(qtbot, snapshot_factory):
    """After Clear the first drawn point is the whole data set: its extent once collapsed to
    1e-10, and every later click landed on that same point."""
    from PySide6.QtCore import QPoint, Qt
    from nnviz.training.snapshot import take
    from nnviz.training.trainer import build
    view, snap = drawing_view(qtbot, snapshot_factory)
    view.show()
    qtbot.waitExposed(view)
    view.clear_button.click()
    with qtbot.waitSignal(view.data_drawn, timeout=2000) as blocker:
        view._draw_at(1.0, 1.0)
    drawn = blocker.args[0]
    view.set_data(drawn)                                           # what the worker sends back…
    view.show_snapshot(take(build(Settings(), data=drawn), snap.version + 1))   # …and its snapshot
    vb = view.plot.getPlotItem().vb
    (x0, x1), (y0, y1) = vb.viewRange()
    assert x0 < 1.0 < x1 and y0 < 1.0 < y1 and x1 - x0 >= 1.0 and y1 - y0 >= 1.0
    corner = view.plot.viewport().rect().center()
    for dx, dy in ((-120, -80), (100, 60)):
        qtbot.mouseClick(view.plot.viewport(), Qt.LeftButton, pos=corner + QPoint(dx, dy))
        qtbot.wait(300)                                            # not a double click
    X = view.dataset.X_train
    assert len(X) == 3 and len({tuple(np.round(p, 6)) for p in X}) == 3
    assert np.min(np.abs(X[1] - X[2])) > 0.2


def test_plot_extent_of_one_point_or_a_line_spans_a_unit_each_side():
    from nnviz.training.snapshot import plot_extent
    assert plot_extent(np.array([[1.0, 2.0]])) == (0.0, 2.0, 1.0, 3.0)
    assert plot_extent(np.array([[0.0, 5.0], [1.0, 5.0]])) == pytest.approx((-0.1, 1.1, 4.0, 6.0))
    assert plot_extent(np.array([[0.0], [0.01]])) == pytest.approx((-0.001, 0.011))


def test_japanese_csv_column_names_on_the_axes(qtbot, snapshot_factory, tmp_path):
    """A CP932 file's Japanese names label the axes as they are (an '<' or '&' too, not read as HTML)."""
    path = tmp_path / "sjis.csv"
    path.write_bytes("身長 (cm),体重 <kg> & 2,種類\n170,60,犬\n150,45,猫\n160,50,犬\n".encode("cp932"))
    view, _ = make_view(qtbot, snapshot_factory)
    view.set_data(load_data(Settings(data_file=str(path))))
    bottom, left = view.plot.getAxis("bottom"), view.plot.getAxis("left")
    assert bottom.label.toPlainText().strip() == "身長 (cm)"
    assert left.label.toPlainText().strip() == "体重 <kg> & ₂"


def _two_outputs(tmp_path, n_in):
    x = np.linspace(-2, 2, 30)
    X = np.column_stack([x, x[::-1]])[:, :n_in]
    path = tmp_path / f"two{n_in}.csv"
    path.write_text(",".join([f"x{i + 1}" for i in range(n_in)] + ["y1", "y2"]) + "\n" + "".join(
        ",".join(map(repr, [*row, float(np.sin(row[0])), -3 * row[0]])) + "\n" for row in X.tolist()))
    return dict(data_file=str(path), target=("y1", "y2"), hidden=(4,), test_ratio=0.3)


def test_several_outputs_offer_a_choice_and_say_which_is_shown(qtbot, snapshot_factory, tmp_path):
    view, snap = make_view(qtbot, snapshot_factory, **_two_outputs(tmp_path, 1))
    assert not view.output_choice.isHidden() and view.output_choice.count() == 2
    assert np.allclose(view.curve.getData()[1], snap.curve_y[:, 0])
    assert view.plot.getAxis("left").labelText == "y₁" and "(1 of 2 outputs)" in view.caption.text()
    view.output_choice.setCurrentIndex(1)                                # the second output, y₂
    ds = view.dataset
    assert np.allclose(view.curve.getData()[1], snap.curve_y[:, 1])
    train = np.column_stack([view.points.train.data["x"], view.points.train.data["y"]])
    assert np.allclose(train, np.column_stack([ds.X_train[:, 0], ds.d_train[:, 1]]))
    assert view.plot.getAxis("left").labelText == "y₂"
    assert "Output shown: y₂ (2 of 2 outputs)" in view.caption.text()
    view.set_data(load_data(Settings(dataset="sin")))                    # one output: no choice
    assert view.output_choice.isHidden() and view.output_label.isHidden()


def test_several_outputs_heatmap_of_the_chosen_output(qtbot, snapshot_factory, tmp_path):
    view, snap = make_view(qtbot, snapshot_factory, **_two_outputs(tmp_path, 2))
    first = view.image.image.copy()
    assert np.array_equal(first, view.heatmap(snap.grid_z[-1], "regression"))
    view.output_choice.setCurrentIndex(1)
    k1 = snap.grid_z[-1][:, :, 1]
    vmax = float(np.abs(view.dataset.d_train[:, 1]).max())
    assert vmax > 5 and np.array_equal(view.image.image[..., :3], np.round(LUT[lut_index(k1, max(
        vmax, np.abs(view.dataset.d_test[:, 1]).max()))]).astype(np.uint8))
    assert "target d of y₂" in view.caption.text()
