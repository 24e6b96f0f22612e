"""The network view follows the snapshots it is given: items, colours, hover text, clicks."""
import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from nnviz.gui.network_view import MAX_UNITS, NetworkView, _fmt, nice_ceil


@pytest.fixture
def view(qtbot):
    v = NetworkView()
    qtbot.addWidget(v)
    v.resize(1000, 600)
    return v


def shown(qtbot, view, snap):
    """``view`` on screen with ``snap`` drawn."""
    view.show_snapshot(snap)
    view.show()
    qtbot.waitExposed(view)
    return view


def with_layer(snap, name, l, j, i, value):
    """A copy of ``snap`` whose ``name`` (e.g. "W", "dW") has [l][j, i] = value."""
    arrays = list(getattr(snap, name))
    a = arrays[l].copy()
    a[j, i] = value
    arrays[l] = a
    return dataclasses.replace(snap, **{name: tuple(arrays)})


def with_vector(snap, name, l, j, value):
    """A copy of ``snap`` whose per-layer vector ``name`` has [l][j] = value."""
    arrays = list(getattr(snap, name))
    a = arrays[l].copy()
    a[j] = value
    arrays[l] = a
    return dataclasses.replace(snap, **{name: tuple(arrays)})


def blueish(c):
    return c.blue() > c.red() + 40


def orangeish(c):
    return c.red() > c.blue() + 40


def viewport_point(view, scene_point):
    return view.canvas.mapFromScene(scene_point)


def point_on(view, item):
    """A viewport point where ``item`` is the topmost item under the mouse."""
    t = view.canvas.transform()
    for f in np.linspace(0.3, 0.7, 41):
        p = item.mapToScene(item.path().pointAtPercent(f)) if hasattr(item, "path") else None
        if p is not None and view.scene.itemAt(p, t) is item:
            return viewport_point(view, p)
    raise AssertionError("no free point on the item")


@pytest.mark.parametrize("hidden", [(4, 4), (3,), (5, 2, 6)])
def test_one_node_per_unit_and_one_edge_per_weight(view, snapshot_factory, hidden):
    snap = snapshot_factory(steps=2, hidden=hidden)
    view.show_snapshot(snap)
    sizes = (2, *hidden, 1)
    assert snap.sizes == sizes
    assert len(view.node_items) == sum(sizes)
    assert len(view.edge_items) == sum(a * b for a, b in zip(sizes, sizes[1:]))
    assert set(view.edge_items) == {(l, j, i) for l in range(2, len(sizes) + 1)
                                    for j in range(sizes[l - 1]) for i in range(sizes[l - 2])}


def test_rebuilds_only_when_the_architecture_changes(view, snapshot_factory):
    view.show_snapshot(snapshot_factory(steps=2))
    node = view.node_items[(2, 0)]
    view.show_snapshot(snapshot_factory(steps=5))
    assert view.node_items[(2, 0)] is node                      # same items, updated
    view.show_snapshot(snapshot_factory(steps=2, hidden=(3,)))
    assert len(view.node_items) == 2 + 3 + 1
    assert len(view.edge_items) == 2 * 3 + 3 * 1
    assert (3, 0, 3) not in view.edge_items


def test_edge_colour_follows_the_sign_of_its_weight(view, snapshot):
    view.show_snapshot(with_layer(snapshot, "W", 2, 0, 1, 1.5))
    assert blueish(view.edge_color(2, 0, 1))
    view.show_snapshot(with_layer(snapshot, "W", 2, 0, 1, -1.5))
    assert orangeish(view.edge_color(2, 0, 1))
    thick = view.edge_items[(2, 0, 1)].pen().widthF()
    view.show_snapshot(with_layer(snapshot, "W", 2, 0, 1, 0.0))
    assert view.edge_items[(2, 0, 1)].pen().widthF() < thick


def test_gradient_mode_colours_edges_by_dW_and_units_by_db(view, snapshot_factory):
    snap = snapshot_factory(steps=5, dataset="sin", hidden=(8,))
    snap = with_layer(with_layer(snap, "W", 3, 0, 2, -2.0), "dW", 3, 0, 2, 0.5)
    snap = with_vector(with_vector(snap, "z", 2, 1, 0.9), "db", 2, 1, -0.5)
    view.show_snapshot(snap)
    assert orangeish(view.edge_color(3, 0, 2))
    assert blueish(view.node_items[(2, 1)].brush().color())
    view.set_mode("gradients")
    assert view.mode_box.currentData() == "gradients"
    assert blueish(view.edge_color(3, 0, 2))
    assert orangeish(view.node_items[(2, 1)].brush().color())
    assert view.color_bar.title == "∂L/∂w"
    view.mode_box.setCurrentIndex(0)                            # the combo box switches back
    assert view.mode == "weights" and orangeish(view.edge_color(3, 0, 2))
    with pytest.raises(ValueError):
        view.set_mode("deltas")


def test_pens_are_precomputed_and_only_changed_ones_are_set(view, snapshot_factory):
    snaps = [snapshot_factory(steps=k, hidden=(6, 6)) for k in (1, 30, 60)]
    for snap in snaps:
        view.show_snapshot(snap)
    styles = {(e.pen().color().rgba(), e.pen().widthF()) for e in view.edge_items.values()}
    assert len(view._pens) == 33 * 4 and len(styles) <= len(view._pens)
    view.show_snapshot(snaps[-1])
    assert view.pen_changes == 0                                # nothing changed, nothing set
    view.show_snapshot(with_layer(snaps[-1], "W", 3, 2, 4, -view.color_bar.vmax))
    assert view.pen_changes == 1


def test_colour_range_is_stepped_and_holds_its_maximum(view, snapshot):
    assert [nice_ceil(x) for x in (0.07, 0.1, 0.13, 0.3, 3, 7, 0)] == \
        pytest.approx([0.1, 0.1, 0.2, 0.5, 5, 10, 1e-9])
    view.show_snapshot(with_layer(snapshot, "W", 2, 0, 0, 3.0))
    assert view.color_bar.vmax == 5
    view.show_snapshot(snapshot)                                # a smaller max does not shrink it at once
    assert view.color_bar.vmax == 5


def test_hovering_a_unit_shows_its_values_and_follows_new_snapshots(qtbot, view, snapshot):
    shown(qtbot, view, snapshot)
    l, j = 3, 2
    node = view.node_items[(l, j)]
    QTest.mouseMove(view.canvas.viewport(), viewport_point(view, node.scenePos()))
    qtbot.waitUntil(lambda: "u" in view.info_label.text() and "δ" in view.info_label.text(), timeout=2000)
    text = view.info_label.text()
    assert f"j = {j + 1}" in text and f"l = {l}" in text
    for name, a in (("u", snapshot.u), ("z", snapshot.z), ("δ", snapshot.delta), ("b", snapshot.b)):
        assert f"{name}₃⁽³⁾ = {_fmt(a[l][j])}" in text
    assert node.toolTip().startswith(view.tr("unit"))
    view.show_snapshot(with_vector(snapshot, "b", l, j, 0.123456))   # live: the text follows
    assert "b₃⁽³⁾ = 0.1235" in view.info_label.text()


def test_hovering_an_edge_shows_the_weight_and_its_gradient(qtbot, view, snapshot):
    shown(qtbot, view, snapshot)
    edge = view.edge_items[(3, 1, 2)]
    QTest.mouseMove(view.canvas.viewport(), point_on(view, edge))
    qtbot.waitUntil(lambda: "w₂₃⁽³⁾" in view.info_label.text(), timeout=2000)
    assert f"w₂₃⁽³⁾ = {_fmt(snapshot.W[3][1, 2])}" in view.info_label.text()
    assert f"∂L/∂w₂₃⁽³⁾ = {_fmt(snapshot.dW[3][1, 2])}" in view.info_label.text()


def test_clicking_an_edge_asks_for_a_weight_and_emits_it(qtbot, view, snapshot, monkeypatch):
    shown(qtbot, view, snapshot)
    asked = []
    monkeypatch.setattr(view, "_ask_weight", lambda l, j, i, w: asked.append((l, j, i, w)) or 0.25)
    clicked = []
    view.edge_clicked.connect(lambda *args: clicked.append(args))
    edge = view.edge_items[(2, 3, 1)]
    with qtbot.waitSignal(view.weight_edited, timeout=2000) as blocker:
        QTest.mouseClick(view.canvas.viewport(), Qt.LeftButton, Qt.NoModifier, point_on(view, edge))
    assert blocker.args == [2, 3, 1, 0.25]
    assert clicked == [(2, 3, 1)]
    assert asked == [(2, 3, 1, snapshot.W[2][3, 1])]


def test_clicking_a_unit_emits_unit_clicked_without_a_dialog(qtbot, view, snapshot, monkeypatch):
    shown(qtbot, view, snapshot)
    monkeypatch.setattr(view, "_ask_weight", lambda *a: pytest.fail("no dialog for a unit"))
    node = view.node_items[(4, 0)]
    with qtbot.waitSignal(view.unit_clicked, timeout=2000) as blocker:
        QTest.mouseClick(view.canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                         viewport_point(view, node.scenePos()))
    assert blocker.args == [4, 0]


def test_cancelled_dialog_emits_nothing(qtbot, view, snapshot, monkeypatch):
    shown(qtbot, view, snapshot)
    monkeypatch.setattr(view, "_ask_weight", lambda *a: None)
    with qtbot.assertNotEmitted(view.weight_edited):
        view._click((2, 0, 0))


def test_thumbnails_for_2d_inputs_only(view, snapshot_factory):
    view.show_snapshot(snapshot_factory(steps=3))
    for node in view.node_items.values():
        assert node.thumb is not None and node.thumb.isVisible() and not node.thumb.pixmap().isNull()
        assert node.thumb.pixmap().width() == 32         # half the 64 × 64 grid
    view.set_mode("gradients")                                 # hidden units now show ∂L/∂b
    assert not view.node_items[(2, 0)].thumb.isVisible() and view.node_items[(1, 0)].thumb.isVisible()
    view.show_snapshot(snapshot_factory(steps=3, dataset="sin", hidden=(8,)))
    assert all(node.thumb is None for node in view.node_items.values())
    assert all(node.text.text() for node in view.node_items.values())   # values printed instead


def test_eight_hidden_layers_of_sixteen_build_and_update(view, snapshot_factory):
    a = snapshot_factory(steps=2, dataset="spiral", hidden=(16,) * 8)
    view.show_snapshot(a)
    assert len(view.node_items) == 2 + 8 * 16 + 1
    assert len(view.edge_items) == 2 * 16 + 7 * 16 * 16 + 16
    b = snapshot_factory(steps=6, dataset="spiral", hidden=(16,) * 8)
    view.show_snapshot(b)
    view.set_mode("gradients")
    w = b.dW[5][7, 3]
    assert (blueish if w > 0 else orangeish)(view.edge_color(5, 7, 3)) or abs(w) < 0.2 * view.color_bar.vmax


def test_very_wide_layers_draw_their_first_units(view, snapshot_factory):
    view.show_snapshot(snapshot_factory(steps=2, hidden=(MAX_UNITS + 8,)))
    assert len(view.node_items) == 2 + MAX_UNITS + 1
    assert len(view.edge_items) == 2 * MAX_UNITS + MAX_UNITS
    texts = [i.text() for i in view.scene.items() if hasattr(i, "text") and callable(i.text)]
    assert "…+8" in texts


def test_layer_labels_use_the_lectures_notation(view, snapshot):
    view.show_snapshot(snapshot)
    html = " ".join(i.toPlainText() for i in view.scene.items() if hasattr(i, "toPlainText"))
    for s in ("layer 1 (input)", "layer 2", "layer 3", "layer 4 (output)", "W(2)", "W(4)"):
        assert s in html


def test_highlight_layer_puts_a_band_behind_its_column(view, snapshot):
    view.show_snapshot(snapshot)
    view.highlight_layer(3)
    band = view._band
    assert band.isVisible()
    assert band.sceneBoundingRect().contains(view.node_items[(3, 1)].scenePos())
    view.highlight_layer(None)
    assert not band.isVisible()


def test_the_scene_fits_the_widget(qtbot, view, snapshot):
    shown(qtbot, view, snapshot)
    rect = view.canvas.mapFromScene(view.scene.sceneRect()).boundingRect()
    viewport = view.canvas.viewport().rect()
    assert viewport.adjusted(-3, -3, 3, 3).contains(rect)
    assert rect.width() > 0.9 * viewport.width() or rect.height() > 0.9 * viewport.height()
