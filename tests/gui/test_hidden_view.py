"""The hidden-layer view plots the data at their hidden outputs z^(l), per real snapshots."""
import numpy as np

from nnviz.gui.hidden_view import HiddenView, pca
from nnviz.training.trainer import Settings, build, load_data


def make_view(qtbot, snapshot_factory, steps=20, **settings):
    """A HiddenView with the data and one real snapshot of a run with ``settings``."""
    view = HiddenView()
    qtbot.addWidget(view)
    view.set_data(load_data(Settings(**settings)))
    snap = snapshot_factory(steps=steps, **settings)
    view.show_snapshot(snap)
    return view, snap


def plotted(view):
    """The (x, y) of the plotted train and test points."""
    return tuple(np.column_stack([item.data["x"], item.data["y"]])
                 for item in (view.points.train, view.points.test))


def layer_choices(view):
    return [view.layer.itemData(i) for i in range(view.layer.count())]


def test_layer_choices_match_the_architecture(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, hidden=(5, 3, 4))
    assert snap.sizes == (2, 5, 3, 4, 1)
    assert layer_choices(view) == [2, 3, 4]
    assert view.layer.currentData() == 4                     # the last hidden layer first
    assert "5" in view.layer.itemText(0) and view.stack.currentIndex() == 0


def test_two_units_plot_exactly_those_outputs(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, hidden=(5, 3))
    view.layer.setCurrentIndex(0)                            # layer 2, five units
    view.unit_a.setValue(4)
    view.unit_b.setValue(2)
    n_train = len(view.dataset.X_train)
    train, test = plotted(view)
    assert np.array_equal(train, snap.data_z[2][:n_train][:, (3, 1)])
    assert np.array_equal(test, snap.data_z[2][n_train:][:, (3, 1)])
    assert view.unit_a.maximum() == 5
    assert "z<sub>4</sub><sup>(2)</sup>" in view.plot.getAxis("bottom").labelText
    view.layer.setCurrentIndex(1)                            # layer 3: units reset into range
    assert view.unit_a.maximum() == 3 and view.unit_b.value() <= 3


def test_pca_is_centred_and_ordered_by_variance(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, steps=100, eps=0.3, hidden=(6,))
    view.mode.setCurrentIndex(HiddenView.PCA)
    assert not view.unit_a.isEnabled() and not view.unit_b.isEnabled()
    train, test = plotted(view)
    assert np.allclose(train.mean(axis=0), 0, atol=1e-9)
    var = train.var(axis=0)
    assert var[0] >= var[1] > 0
    # Same basis and centre for the test points; no direction of z gives more variance than PC1.
    Z = snap.data_z[2]
    n_train = len(train)
    _, basis, mean, ratio = pca(Z[:n_train], Z)
    assert np.allclose(np.abs(test), np.abs((Z[n_train:] - mean) @ basis.T))
    rng = np.random.default_rng(0)
    for v in rng.normal(size=(20, 6)):
        v /= np.linalg.norm(v)
        assert ((Z[:n_train] - mean) @ v).var() <= var[0] + 1e-12
    assert 0 < ratio[1] <= ratio[0] <= 1
    assert view.plot.getAxis("bottom").labelText == "PC1" and "%" in view.note.text()


def test_pca_does_not_flip_between_frames():
    rng = np.random.default_rng(1)
    Z = rng.normal(size=(50, 4)) * [3, 2, 1, 0.5]
    p1, basis, _, _ = pca(Z, Z)
    p2, _, _, _ = pca(Z, Z, previous=-basis)
    assert np.allclose(p2, -p1)


def test_no_hidden_layer_shows_the_message(qtbot, snapshot_factory):
    view, _ = make_view(qtbot, snapshot_factory, hidden=())
    assert view.layer.count() == 0 and view.stack.currentIndex() == 1
    assert "no hidden layer" in view.message.text()


def test_architecture_change_resets_the_combos(qtbot, snapshot_factory):
    view, _ = make_view(qtbot, snapshot_factory, hidden=(4, 4))
    view.layer.setCurrentIndex(0)
    view.unit_a.setValue(3)
    view.show_snapshot(snapshot_factory(steps=2, version=2, hidden=(3,)))
    assert layer_choices(view) == [2] and view.unit_a.value() == 1 and view.unit_b.value() == 2
    assert view.unit_a.maximum() == 3
    view.show_snapshot(snapshot_factory(steps=2, version=3, hidden=()))
    assert view.stack.currentIndex() == 1
    view.show_snapshot(snapshot_factory(steps=2, version=4, hidden=(2,)))
    assert view.stack.currentIndex() == 0 and layer_choices(view) == [2]


def test_single_unit_layer_is_plotted_against_jitter(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, hidden=(1,))
    train, _ = plotted(view)
    assert np.array_equal(train[:, 0], snap.data_z[2][:len(train), 0])
    assert np.all(np.abs(train[:, 1]) <= 0.5) and not view.unit_b.isEnabled()
    assert "jitter" in view.plot.getAxis("left").labelText and "one unit" in view.note.text()


def test_decision_line_separates_as_the_output_does(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, steps=100, eps=0.3, hidden=(4, 2))
    for mode in (HiddenView.TWO_UNITS, HiddenView.PCA):
        view.mode.setCurrentIndex(mode)
        assert view.boundary.isVisible()
        train, test = plotted(view)
        xy = np.concatenate([train, test])
        pos = view.boundary.pos()
        p0, angle = np.array([pos.x(), pos.y()]), np.radians(view.boundary.angle)
        normal = np.array([-np.sin(angle), np.cos(angle)])
        side = (xy - p0) @ normal
        predicted = snap.data_z[-1][:, 0] > 0.5                # the output y = z^(L)
        assert np.all((side > 0) == predicted) or np.all((side < 0) == predicted)
    view.layer.setCurrentIndex(0)                            # layer 2 (4 units): no line
    assert not view.boundary.isVisible()


def test_regression_points_take_value_colours(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, dataset="sin")
    train, _ = plotted(view)
    assert np.array_equal(train, snap.data_z[3][:len(train)][:, :2])
    assert "target" in view.note.text()


def test_axis_range_is_stable_between_frames(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory)
    vb = view.plot.getPlotItem().vb
    first = np.array(vb.viewRange())
    train, _ = plotted(view)
    assert np.all(first[:, 0] <= train.min(axis=0)) and np.all(first[:, 1] >= train.max(axis=0))
    view.show_snapshot(snapshot_factory(steps=22))
    assert np.allclose(vb.viewRange(), first)               # small moves: no rescale
    items = len(view.plot.scene().items())
    view.mode.setCurrentIndex(HiddenView.PCA)                # a new mode fits anew
    view.show_snapshot(snap)
    train, _ = plotted(view)
    now = np.array(vb.viewRange())
    assert np.all(now[:, 0] <= train.min(axis=0)) and np.all(now[:, 1] >= train.max(axis=0))
    assert len(view.plot.scene().items()) == items


def trained_view(qtbot, settings, steps):
    """A HiddenView showing a snapshot of ``settings`` trained for ``steps`` steps."""
    from nnviz.training.snapshot import take
    t = build(settings)
    t.run(steps=steps)
    view = HiddenView()
    qtbot.addWidget(view)
    view.set_data(t.data)
    snap = take(t, 1)
    view.show_snapshot(snap)
    return view, snap, t


def side_of_line(view, xy):
    """The signed side of each plot point (M, 2) of the drawn dashed line."""
    pos = view.boundary.pos()
    angle = np.radians(view.boundary.angle)
    return (xy - np.array([pos.x(), pos.y()])) @ np.array([-np.sin(angle), np.cos(angle)])


def test_the_two_unit_scene_becomes_separable_by_the_output_line(qtbot, hidden_linear):
    view, snap, t = trained_view(qtbot, hidden_linear, 2500)
    assert t.evaluate()["test_accuracy"] >= 0.95 and t.evaluate()["train_accuracy"] == 1.0
    assert view.boundary.isVisible() and "exact here" in view.boundary_note.text()
    train, test = plotted(view)
    side = side_of_line(view, np.concatenate([train, test]))
    predicted = snap.data_z[-1][:, 0] > 0.5
    assert np.all((side > 0) == predicted) or np.all((side < 0) == predicted)   # as the net classifies
    d = np.asarray(t.data.d_train)[:, 0] > 0.5
    assert np.all((side[:len(train)] > 0) == d) or np.all((side[:len(train)] < 0) == d)   # separable


def test_softmax_outputs_shade_their_class_regions_exactly(qtbot):
    view, snap, t = trained_view(qtbot, Settings(dataset="blobs", classes=3, hidden=(4, 2), eps=0.1), 2000)
    assert view.regions.isVisible() and not view.boundary.isVisible()
    assert "class regions" in view.boundary_note.text() and "exact here" in view.boundary_note.text()
    train, test = plotted(view)
    xy = np.concatenate([train, test])
    V, c = view._output_map
    predicted = snap.data_z[-1].argmax(axis=1)
    assert np.array_equal((xy @ V.T + c).argmax(axis=1), predicted)        # the regions' rule
    image, rect = view.regions.image, view.regions.mapRectToParent(view.regions.boundingRect())
    cols = np.clip(((xy[:, 0] - rect.left()) / rect.width() * image.shape[1]).astype(int), 0, image.shape[1] - 1)
    rows = np.clip(((xy[:, 1] - rect.top()) / rect.height() * image.shape[0]).astype(int), 0, image.shape[0] - 1)
    from nnviz.gui.colors import CLASS_COLORS
    drawn = np.array([[tuple(image[r, k, :3]) == CLASS_COLORS[j] for j in range(3)].index(True)
                      for r, k in zip(rows, cols)])
    assert (drawn == predicted).mean() > 0.97                           # what is drawn, up to pixels


def test_a_projection_of_a_wider_layer_says_the_boundary_is_not_exact(qtbot, snapshot_factory):
    view, snap = make_view(qtbot, snapshot_factory, hidden=(4,))
    assert not view.boundary.isVisible() and not view.regions.isVisible()
    assert "in the plane of two of them its decision boundary is not exact" in view.boundary_note.text()
    view.mode.setCurrentIndex(HiddenView.PCA)
    assert not view.boundary.isVisible()
    assert "in this PCA projection its decision boundary is not exact" in view.boundary_note.text()
    view, snap = make_view(qtbot, snapshot_factory, hidden=(3, 2))
    view.layer.setCurrentIndex(0)                                     # not the last hidden layer
    assert not view.boundary.isVisible() and "(layer 3)" in view.boundary_note.text()
