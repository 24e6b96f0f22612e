"""The loss view follows the snapshot: curves, x axis, log scale, hover read-out, metrics."""
import dataclasses
import warnings

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from nnviz.gui.loss_view import LossView


@pytest.fixture
def view(qtbot):
    v = LossView()
    qtbot.addWidget(v)
    return v


def curve_data(curve):
    """(x, y) of a PlotDataItem as arrays (pyqtgraph gives None, None for no data)."""
    x, y = curve.getData()
    return (np.empty(0), np.empty(0)) if x is None else (np.asarray(x), np.asarray(y))


def test_curves_equal_the_history_columns(view, snapshot):
    view.show_snapshot(snapshot)
    h = snapshot.history
    assert len(h) > 1
    for curve, col in ((view.train_curve, 2), (view.test_curve, 3)):
        x, y = curve_data(curve)
        assert np.array_equal(x, h[:, 0]) and np.array_equal(y, h[:, col])


def test_switching_x_to_epoch_changes_the_x_data(view, snapshot):
    view.show_snapshot(snapshot)
    view.x_combo.setCurrentIndex(view.x_combo.findData("epoch"))
    x, y = curve_data(view.train_curve)
    assert np.array_equal(x, snapshot.history[:, 1]) and not np.array_equal(x, snapshot.history[:, 0])
    assert np.array_equal(y, snapshot.history[:, 2])
    assert "epoch" in view.plot.getPlotItem().getAxis("bottom").labelText


def test_log_scale_with_zero_and_nan_values_does_not_raise(view, snapshot):
    h = np.array(snapshot.history)
    h[1, 2], h[2, 2], h[3, 3], h[4, 3] = 0.0, np.nan, -1.0, np.nan
    snap = dataclasses.replace(snapshot, history=h)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view.show_snapshot(snap)
        view.log_check.setChecked(True)
        view.show_snapshot(snap)
        view._hover_at(h[1, 0])
        view.resize(500, 300)
        view.grab()                                  # paints, with auto-range, in log mode
    assert view.plot.getPlotItem().getAxis("left").logMode
    x, _ = curve_data(view.train_curve)
    assert len(x) == len(h) - 2                      # the 0 and the NaN are left out
    view.log_check.setChecked(False)
    x, y = curve_data(view.test_curve)
    assert len(x) == len(h) - 1 and -1.0 in y        # linear again: only the NaN is left out


def test_the_readout_never_widens_the_view(view, snapshot):
    """On a projector the Loss dock is narrow: the hover line wraps instead of pushing the
    train / test numbers out of view (the dock scrolled sideways)."""
    def min_width():
        QApplication.processEvents()                 # the layout takes the label's new size in
        return view.minimumSizeHint().width()

    view.show()
    view.show_snapshot(snapshot)
    view.readout.setText("")
    narrow = min_width()
    view._hover_at(snapshot.history[5, 0])
    assert len(view.readout.text()) > 50
    assert min_width() == narrow


def test_hover_reads_out_the_nearest_point(view, snapshot):
    view.show_snapshot(snapshot)
    step, epoch, train, test = snapshot.history[5, :4]
    text = view._hover_at(step + 0.3)
    assert f"step {int(step)}" in text
    assert f"{epoch:.2f}" in text and f"{train:.4g}" in text and f"{test:.4g}" in text
    assert view.readout.text() == text and view._vline.isVisible()
    assert view._vline.value() == step
    latest = view._hover_at(None)                    # the mouse left: the latest point
    assert f"step {int(snapshot.history[-1, 0])}" in latest and not view._vline.isVisible()


def test_classification_shows_accuracy_and_the_confusion_matrix(view, snapshot_factory):
    snap = snapshot_factory(dataset="blobs", hidden=(8,))
    view.show_snapshot(snap)
    train, test = (label.text() for label in view.values["accuracy"])
    assert train == f"{100 * snap.metrics['train_accuracy']:.1f} %"
    assert test == f"{100 * snap.metrics['test_accuracy']:.1f} %"
    assert not view.values["rmse"][0].isVisibleTo(view)
    counts = snap.metrics["confusion"]
    table = view.confusion
    assert counts.shape == (3, 3) and (table.rowCount(), table.columnCount()) == (3, 3)
    shown = [[int(table.item(i, j).text()) for j in range(3)] for i in range(3)]
    assert np.array_equal(shown, counts)
    assert [table.horizontalHeaderItem(k).text() for k in range(3)] == ["0", "1", "2"]
    view.set_class_names(["a", "b", "c"])
    assert [table.verticalHeaderItem(k).text() for k in range(3)] == ["a", "b", "c"]


def test_regression_shows_rmse_and_r2(view, snapshot_factory):
    snap = snapshot_factory(dataset="sin", hidden=(8,))
    view.show_snapshot(snap)
    m = snap.metrics
    assert [label.text() for label in view.values["rmse"]] == [f"{m['train_rmse']:.4g}",
                                                              f"{m['test_rmse']:.4g}"]
    assert [label.text() for label in view.values["r2"]] == [f"{m['train_r2']:.3f}",
                                                            f"{m['test_r2']:.3f}"]
    assert view.values["r2"][0].isVisibleTo(view)
    assert not view.confusion.isVisibleTo(view) and not view.values["accuracy"][0].isVisibleTo(view)


def test_several_outputs_label_rmse_and_r2_as_pooled_and_give_each(view, snapshot_factory):
    snap = snapshot_factory(dataset="slides", hidden=(4,))
    view.show_snapshot(snap)
    m = snap.metrics
    assert view._rows["r2"][0].text() == "R² (all 2 outputs, pooled)"
    assert view._rows["rmse"][0].text() == "RMSE (all 2 outputs)"
    assert view.values["r2"][1].text() == f"{m['test_r2']:.3f}"
    a, b = m["test_r2_each"]
    assert view.values["r2"][1].toolTip() == f"R² of each output alone: output 1: {a:.3f} · output 2: {b:.3f}"
    view.show_snapshot(snapshot_factory(dataset="sin", hidden=(2,)))    # one output: the plain labels
    assert view._rows["r2"][0].text() == "R²" and view.values["r2"][1].toolTip() == ""


def test_without_a_test_set_the_test_values_are_dashes(view, snapshot_factory):
    snap = snapshot_factory(test_ratio=0.0)
    view.show_snapshot(snap)
    assert view.values["loss"][1].text() == "—" and view.values["accuracy"][1].text() == "—"
    assert "test loss —" in view._hover_at(None)
    assert len(curve_data(view.test_curve)[0]) == 0
    assert view._legend.getLabel(view.test_curve) is None


def test_new_snapshots_reuse_the_plot_items(view, snapshot_factory):
    first = snapshot_factory(dataset="blobs", hidden=(8,))
    view.show_snapshot(first)
    items = list(view.plot.getPlotItem().items)
    cells = [view.confusion.item(i, j) for i in range(3) for j in range(3)]
    shorter = snapshot_factory(steps=5, version=2, dataset="blobs", hidden=(8,))
    view.show_snapshot(shorter)                      # a new run: the history restarts, shorter
    view._hover_at(1e9)
    assert view.plot.getPlotItem().items == items
    assert [view.confusion.item(i, j) for i in range(3) for j in range(3)] == cells
    x, _ = curve_data(view.train_curve)
    assert np.array_equal(x, shorter.history[:, 0])


def test_mouse_moves_reach_the_hover_read_out(view, snapshot, qtbot):
    view.show_snapshot(snapshot)
    view.resize(700, 450)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)                                   # the view box settles its auto range
    step, _, train, _ = snapshot.history[8, :4]
    vb = view.plot.getPlotItem().getViewBox()
    view._on_mouse_moved((vb.mapViewToScene(QPointF(step + 0.2, train)),))
    assert f"step {int(step)} " in view.readout.text() and view._vline.isVisible()
    view._on_mouse_moved((vb.mapViewToScene(QPointF(step, train)) + QPointF(0, 10_000),))
    assert not view._vline.isVisible()               # outside the plot: back to the latest point


def _growing(snapshot, n):
    """The snapshot with a history of n points: steps 0, 10, …, a decaying loss."""
    steps = np.arange(n) * 10.0
    loss = 0.7 * np.exp(-steps / 3000) + 0.01 * (1.2 + np.sin(steps))
    h = np.column_stack([steps, steps / 20, loss, loss + 0.05, loss * 0 + 0.5, loss * 0 + 0.5])
    return dataclasses.replace(snapshot, history=h)


@pytest.mark.parametrize("log", [False, True])
def test_the_ranges_keep_the_data_in_view_and_change_seldom(view, snapshot, log):
    view.log_check.setChecked(log)
    vb, ranges, changes = view.plot.getPlotItem().getViewBox(), None, 0
    for n in range(2, 2000, 7):                      # 285 updates of a growing history
        snap = _growing(snapshot, n)
        view.show_snapshot(snap)
        (x0, x1), (y0, y1) = vb.viewRange()
        h = snap.history
        y = np.log10(h[:, 2:4]) if log else h[:, 2:4]
        assert x0 <= h[0, 0] and h[-1, 0] <= x1 and y0 <= y.min() and y.max() <= y1
        assert h[-1, 0] >= x0 + 0.5 * (x1 - x0) or n < 10   # the curves fill half the width or more
        axes = view.plot.getPlotItem().getAxis("bottom").range, view.plot.getPlotItem().getAxis("left").range
        assert np.allclose(axes, ((x0, x1), (y0, y1)))         # the axes follow the view
        changes += (x0, x1, y0, y1) != ranges
        ranges = (x0, x1, y0, y1)
    assert changes <= 25                             # each change repaints both axes


@pytest.mark.parametrize("axis, span", [("step", 10), ("epoch", 1)])
def test_a_run_at_its_first_point_gets_a_readable_axis(view, snapshot, axis, span):
    view.x_combo.setCurrentIndex(view.x_combo.findData(axis))
    view.show_snapshot(_growing(snapshot, 1))                    # step 0 only
    x0, x1 = view.plot.getPlotItem().getViewBox().viewRange()[0]
    assert x0 == 0 and span <= x1 <= 2 * span                   # not 0 … 1e-12


def test_a_zoom_by_hand_is_kept_until_a_new_run(view, snapshot):
    vb = view.plot.getPlotItem().getViewBox()
    view.show_snapshot(_growing(snapshot, 50))
    vb.setRange(xRange=(100, 200), padding=0)
    vb.sigRangeChangedManually.emit(vb.state["mouseEnabled"])     # as a wheel or drag does
    view.show_snapshot(_growing(snapshot, 500))
    assert vb.viewRange()[0] == pytest.approx([100, 200])
    view.show_snapshot(dataclasses.replace(_growing(snapshot, 500), version=snapshot.version + 1))
    assert vb.viewRange()[0][1] >= 4990                            # a new run shows everything again


def test_diverged_metrics_print_in_a_bounded_width(view, snapshot_factory):
    snap = snapshot_factory(dataset="sin", hidden=(8,))
    huge = dict(snap.metrics, train_r2=-8.8e304, test_r2=-1.2e300, train_rmse=3e152, test_rmse=float("inf"))
    view.show_snapshot(dataclasses.replace(snap, metrics=huge, train_loss=1e305))
    texts = [label.text() for key in ("loss", "rmse", "r2") for label in view.values[key]]
    assert texts[:3] == ["1e+305", texts[1], "3e+152"] and texts[-2:] == ["-8.8e+304", "-1.2e+300"]
    assert texts[3] == "—" and all(len(t) <= 10 for t in texts)
    assert view.minimumSizeHint().width() < 1000


# ------------------------------------------------------------------ comparisons
def comparison_snapshot(steps=400):
    """A real comparison (σ + cross-entropy against σ + squared error, from the same weights)
    and the snapshot the worker would send of it, run 1 selected."""
    from nnviz.training.compare import Comparison
    from nnviz.training.snapshot import take
    from nnviz.training.trainer import Settings
    base = Settings(dataset="xor", hidden=(4,), activations=("tanh",), eps=0.3, seed=0)
    c = Comparison([("σ + cross-entropy", base), ("σ + squared error", base.replace(output="sigmoid", loss="squared"))])
    c.run(steps=steps)
    return c, take(c.trainers[1], 1, comparison=c, selected=1)


def test_a_comparison_overlays_every_run_in_its_colour_with_its_label(view):
    from nnviz.gui.colors import RUN_COLORS
    c, snap = comparison_snapshot()
    view.show_snapshot(snap)
    for i, run in enumerate(snap.runs):
        x, y = curve_data(view.run_curves[i])
        assert np.array_equal(x, run.history[:, 0]) and np.array_equal(y, run.history[:, 2])
        assert view.run_curves[i].opts["pen"].color().getRgb()[:3] == RUN_COLORS[i]
    assert len(curve_data(view.run_curves[2])[0]) == 0 and len(curve_data(view.train_curve)[0]) == 0
    labels = [label.text for _, label in view._legend.items]
    assert labels == ["σ + cross-entropy", "▶ σ + squared error", "test loss (selected run)"]
    x, y = curve_data(view.test_curve)                        # the selected run's test loss, dashed
    assert np.array_equal(y, snap.history[:, 3])
    assert view.test_curve.opts["pen"].style() == Qt.DashLine


def test_clicking_a_curve_or_its_legend_entry_selects_the_run(view, qtbot):
    from PySide6.QtCore import Qt

    class Click:
        def button(self):
            return Qt.LeftButton

        def accept(self):
            pass
    c, snap = comparison_snapshot(50)
    view.show_snapshot(snap)
    with qtbot.waitSignal(view.run_selected, timeout=1000) as sig:
        view.run_curves[0].sigClicked.emit(view.run_curves[0], None)
    assert sig.args == [0]
    sample = next(s for s, _ in view._legend.items if s.item is view.run_curves[1])
    with qtbot.waitSignal(view.run_selected, timeout=1000) as sig:
        sample.mouseClickEvent(Click())
    assert sig.args == [1] and view.run_curves[1].isVisible()    # a click selects, never hides


def test_the_result_line_says_who_reached_95_percent_and_when(view):
    from nnviz.training.snapshot import RunCurve
    c, snap = comparison_snapshot()
    view.show_snapshot(snap)
    assert view.result.isVisibleTo(view)
    h = snap.runs[0].history
    runs = (RunCurve("A", h, 420), RunCurve("B", h, 3900), RunCurve("C", h, None), RunCurve("D", h, None, "epoch 5"))
    best = f"{100 * np.nanmax(h[:, 4]):.1f} %"
    assert view.result_text(runs, True) == (f"A reached 95 % at step 420, B at step 3,900, C not yet (best {best}), "
                                             f"D stopped: epoch 5 (best {best})")
    assert "reached" not in view.result_text(runs[2:], True)       # only when it did
    assert view.result_text(runs[:1], False) == f"Final training loss — A: L = {h[-1, 2]:.4g}"


def test_one_run_shows_no_comparison(view, snapshot):
    view.show_snapshot(snapshot)
    assert not view.result.isVisibleTo(view)
    assert [label.text for _, label in view._legend.items] == ["train loss", "test loss"]
